/** True for a plain mapping (as YAML and JSON parse one): not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` when it is a mapping, otherwise an empty one: for reading optional nested fields. */
export function asObject(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}
