import { isObject } from '../core/index.js';
/** One way an OpenAPI v3 schema accepts less after a change. */
export interface Narrowing {
  /** Where in the object: `.spec.replicas`, `.spec.ports[*].name`. */
  path: string;
  change: string;
  severity: 'error' | 'warning';
}

type Schema = Record<string, unknown>;

const UPPER_BOUNDS = ['maximum', 'maxLength', 'maxItems', 'maxProperties'];
const LOWER_BOUNDS = ['minimum', 'minLength', 'minItems', 'minProperties'];

/**
 * Lists the ways `after` accepts less than `before`: property removed, type changed, enum value
 * removed, new required field, upper bound lowered, lower bound raised, pattern added. Walks only
 * what both schemas share, so it is linear in their size. Stops collecting at `limit` but counts.
 */
export function schemaNarrowings(before: unknown, after: unknown, limit = 20): { found: Narrowing[]; total: number } {
  const result = { found: [] as Narrowing[], total: 0 };
  const add = (n: Narrowing): void => {
    result.total++;
    if (result.found.length < limit) result.found.push(n);
  };
  compare(asSchema(before), asSchema(after), '', add);
  return result;
}

function compare(b: Schema, a: Schema, path: string, add: (n: Narrowing) => void): void {
  const at = path || '.';
  if (typeof b.type === 'string' && typeof a.type === 'string' && b.type !== a.type) {
    add({ path: at, change: `type changed from ${b.type} to ${a.type}`, severity: 'error' });
  } else if (b.type === undefined && typeof a.type === 'string' && Object.keys(b).length > 0) {
    add({ path: at, change: `type ${a.type} now required`, severity: 'warning' });
  }
  compareEnum(b, a, at, add);
  const newlyRequired = strings(a.required).filter(r => !strings(b.required).includes(r));
  if (newlyRequired.length > 0) add({ path: at, change: `new required field ${newlyRequired.join(', ')}`, severity: 'error' });
  compareBounds(b, a, at, add);
  if (typeof a.pattern === 'string' && a.pattern !== b.pattern) {
    add({
      path: at,
      change: b.pattern === undefined ? `pattern ${a.pattern} added` : `pattern changed to ${a.pattern}`,
      severity: 'warning'
    });
  }
  compareProperties(b, a, path, add);
  if (isSchema(b.items) && isSchema(a.items)) compare(b.items, a.items, `${path}[*]`, add);
  if (isSchema(b.additionalProperties) && isSchema(a.additionalProperties)) {
    compare(b.additionalProperties, a.additionalProperties, `${path}{*}`, add);
  } else if (b.additionalProperties && a.additionalProperties === false) {
    add({ path: at, change: 'additional properties no longer allowed', severity: 'warning' });
  }
}

function compareEnum(b: Schema, a: Schema, at: string, add: (n: Narrowing) => void): void {
  if (!Array.isArray(a.enum)) return;
  if (!Array.isArray(b.enum)) {
    add({ path: at, change: 'enum added', severity: 'warning' });
    return;
  }
  const kept = new Set(a.enum.map(v => JSON.stringify(v)));
  const removed = b.enum.map(v => JSON.stringify(v)).filter(v => !kept.has(v));
  if (removed.length > 0) add({ path: at, change: `enum value ${removed.join(', ')} removed`, severity: 'warning' });
}

function compareBounds(b: Schema, a: Schema, at: string, add: (n: Narrowing) => void): void {
  for (const key of UPPER_BOUNDS) {
    const [was, now] = [b[key], a[key]];
    if (typeof now === 'number' && (typeof was !== 'number' || now < was)) {
      add({ path: at, change: `${key} ${typeof was === 'number' ? `lowered from ${was} to` : 'set to'} ${now}`, severity: 'warning' });
    }
  }
  for (const key of LOWER_BOUNDS) {
    const [was, now] = [b[key], a[key]];
    if (typeof now === 'number' && (typeof was !== 'number' ? now > 0 || key === 'minimum' : now > was)) {
      add({ path: at, change: `${key} ${typeof was === 'number' ? `raised from ${was} to` : 'set to'} ${now}`, severity: 'warning' });
    }
  }
}

function compareProperties(b: Schema, a: Schema, path: string, add: (n: Narrowing) => void): void {
  if (!isSchema(b.properties)) return;
  const after = isSchema(a.properties) ? a.properties : {};
  // With preserve-unknown-fields, fields missing from the schema are kept, not pruned.
  const keepsUnknown = a['x-kubernetes-preserve-unknown-fields'] === true;
  for (const [name, sub] of Object.entries(b.properties)) {
    const child = `${path}.${name}`;
    if (!Object.hasOwn(after, name)) {
      if (!keepsUnknown) add({ path: child, change: 'property removed', severity: 'warning' });
      continue;
    }
    compare(asSchema(sub), asSchema(after[name]), child, add);
  }
}

function isSchema(v: unknown): v is Schema {
  return isObject(v);
}

function asSchema(v: unknown): Schema {
  return isSchema(v) ? v : {};
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
