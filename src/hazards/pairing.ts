import type { Resource } from '../manifests/types.js';
import { rulesFor } from './registry.js';
import type { ResourceChange } from './types.js';

/**
 * Matches objects of both revisions by key. Same-key objects (the same name in two clusters'
 * folders) pair up by file first, then by owning Flux Kustomization, then in order. Objects of
 * kinds no rule looks at are left out.
 */
export function* pairUp(before: readonly Resource[], after: readonly Resource[]): Generator<ResourceChange> {
  const byKey = byKeyWithRules(after);
  // One pair at a time: a list of every pair would keep them all alive through the checks.
  for (const b of before) {
    if (!hasRules(b)) continue;
    yield { before: b, after: partnerOf(byKey, b) };
  }
}

/**
 * The objects of kinds some rule looks at, by key. The others are left out: nothing can be found
 * in them, and the pairs of other objects stay the same (the key includes the kind). Most keys
 * name one object: it is kept as is, a list only when there are more.
 */
export function byKeyWithRules(resources: readonly Resource[]): Map<string, Resource | Resource[]> {
  const byKey = new Map<string, Resource | Resource[]>();
  for (const r of resources) {
    if (!hasRules(r)) continue;
    const known = byKey.get(r.key);
    if (known === undefined) byKey.set(r.key, r);
    else if (Array.isArray(known)) known.push(r);
    else byKey.set(r.key, [known, r]);
  }
  return byKey;
}

/** Takes `b`'s partner out of `byKey`: the lone object of its key, or the best of several. */
export function partnerOf(byKey: Map<string, Resource | Resource[]>, b: Resource): Resource | undefined {
  const found = byKey.get(b.key);
  if (found === undefined || Array.isArray(found)) return take(found, b);
  byKey.delete(b.key);
  return found;
}

function take(candidates: Resource[] | undefined, b: Resource): Resource | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  let index = candidates.findIndex(a => a.file === b.file);
  if (index < 0) index = candidates.findIndex(a => a.owner !== undefined && a.owner.name === b.owner?.name);
  return candidates.splice(Math.max(index, 0), 1)[0];
}

function hasRules(r: Resource): boolean {
  return rulesFor(r.group, r.kind).length > 0;
}
