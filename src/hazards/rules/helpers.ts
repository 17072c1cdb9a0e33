import { isDeepStrictEqual } from 'node:util';
import { describeResource } from '../../manifests/identity.js';
import type { Resource } from '../../manifests/types.js';
import type { Hit, ResourceChange, RuleContext, Severity } from '../types.js';

/** True when the value at `path` is the same in both manifests (text first, then parsed). */
export function sameAt(before: Resource, after: Resource, path: readonly string[]): boolean {
  if (before.doc.sameRaw(after.doc, path)) return true;
  return isDeepStrictEqual(before.doc.get(path), after.doc.get(path));
}

/** The first of `fields` (under `base`) whose value differs, or undefined. */
export function changedField(change: ResourceChange, base: readonly string[], fields: readonly string[]): string | undefined {
  const { before, after } = change;
  if (!after) return undefined;
  return fields.find(f => !sameAt(before, after, [...base, f]));
}

/** A string value at `path`, or undefined. */
export function stringAt(r: Resource, path: readonly string[]): string | undefined {
  const v = r.doc.get(path);
  return typeof v === 'string' ? v : undefined;
}

/** True when the object has a value at `path` (used to tell full objects from partial patches). */
export function has(r: Resource, path: readonly string[]): boolean {
  const v = r.doc.get(path);
  return v !== undefined && v !== null;
}

/** `Kind namespace/name`. */
export function label(r: Resource): string {
  return describeResource(r);
}

/** A deletion hit; its message depends on whether the deletion is the change itself or its revert. */
export function deletion(
  ctx: RuleContext,
  severity: Severity,
  messages: { forward: string; rollback: string }
): Hit {
  return { severity, effect: 'delete', message: ctx.direction === 'forward' ? messages.forward : messages.rollback };
}

/** An update hit, phrased for the direction it is found in. */
export function update(ctx: RuleContext, severity: Severity, message: string, symmetric = false): Hit {
  const prefix = ctx.direction === 'rollback' ? 'Reverting this change: ' : '';
  return { severity, effect: 'update', message: prefix + message, symmetric };
}

/** JSON text of a value for messages, shortened. */
export function show(v: unknown): string {
  const text = v === undefined ? 'unset' : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
