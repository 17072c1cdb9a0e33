import { isDeepStrictEqual } from 'node:util';
import { describeResource } from '../../manifests/identity.js';
import type { Resource } from '../../manifests/types.js';
import type { Hit, ResourceChange, RuleContext, Severity } from '../types.js';

/**
 * True when the value at `path` is the same in both manifests (text first, then parsed). A field
 * left out or null is unset; `fallback` is the value the API server stores for an unset field, so
 * writing a default out, or dropping it, is no change. `stored` maps a parsed value to the form the
 * API server compares (for values it normalizes).
 */
export function sameAt(
  before: Resource,
  after: Resource,
  path: readonly string[],
  fallback?: unknown,
  stored: (value: unknown) => unknown = v => v
): boolean {
  if (before.doc.sameRaw(after.doc, path)) return true;
  const [b, a] = [before.doc.get(path) ?? fallback, after.doc.get(path) ?? fallback];
  return isDeepStrictEqual(stored(b), stored(a));
}

/**
 * The first of `fields` (under `base`) whose value differs, or undefined. `defaults` holds the
 * value the API server stores for each field that a manifest leaves unset.
 */
export function changedField(
  change: ResourceChange,
  base: readonly string[],
  fields: readonly string[],
  defaults: Readonly<Record<string, unknown>> = {}
): string | undefined {
  const { before, after } = change;
  if (!after) return undefined;
  return fields.find(f => !sameAt(before, after, [...base, f], Object.hasOwn(defaults, f) ? defaults[f] : undefined));
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

/**
 * A deletion hit; its message depends on whether the deletion is the change itself or its revert.
 * In the rollback direction the change creates the object, and undoing a creation is what a
 * revert is for: it is a warning with advice that makes a later revert safe. The revert guard
 * checks the rollback itself forward, where the same deletion keeps its severity and stops it.
 */
export function deletion(ctx: RuleContext, severity: Severity, messages: { forward: string; rollback: string }): Hit {
  if (ctx.direction === 'forward') return { severity, effect: 'delete', message: messages.forward };
  return { severity: CREATION_SEVERITY, effect: 'delete', message: `${messages.rollback} ${REVERT_GUARDED}` };
}

/** Severity of a creation, reported as the deletion its revert causes. */
export const CREATION_SEVERITY: Severity = 'warning';

const REVERT_GUARDED = 'The revert action refuses such a rollback unless allow-unsafe is set; keep a backup of what it holds.';

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
