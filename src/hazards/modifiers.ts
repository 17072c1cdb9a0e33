import type { Resource } from '../manifests/types.js';

const PRUNE = 'kustomize.toolkit.fluxcd.io/prune';
const SSA = 'kustomize.toolkit.fluxcd.io/ssa';
const FORCE = 'kustomize.toolkit.fluxcd.io/force';
const HELM_POLICY = 'helm.sh/resource-policy';

/**
 * Why Flux would not delete this (live, `before`) object when its manifest disappears, or
 * undefined when it would.
 */
export function pruneBlocker(live: Resource): string | undefined {
  if (equalsIgnoreCase(marker(live, PRUNE), 'disabled')) return `it carries ${PRUNE}: disabled`;
  if (equalsIgnoreCase(marker(live, SSA), 'ignore')) return `it carries ${SSA}: Ignore`;
  if (equalsIgnoreCase(marker(live, HELM_POLICY), 'keep')) return `it carries ${HELM_POLICY}: keep`;
  if (live.owner && !live.owner.prune) {
    return `Flux Kustomization ${live.owner.name} (${live.owner.file}) has spec.prune: false`;
  }
  return undefined;
}

/** Why Flux would not update this object to the applied (`after`) manifest, if it would not. */
export function updateBlocker(applied: Resource): string | undefined {
  const ssa = marker(applied, SSA)?.toLowerCase();
  if (ssa === 'ignore') return `it carries ${SSA}: Ignore`;
  if (ssa === 'ifnotpresent') return `it carries ${SSA}: IfNotPresent`;
  return undefined;
}

/** Why Flux would delete and recreate this object when an immutable field changes, if it would. */
export function forceReason(applied: Resource): string | undefined {
  if (equalsIgnoreCase(marker(applied, FORCE), 'enabled')) return `it carries ${FORCE}: enabled`;
  if (applied.owner?.force) return `Flux Kustomization ${applied.owner.name} has spec.force: true`;
  return undefined;
}

const MARKER_FIELDS = ['annotations', 'labels'];

/** A label or annotation value (annotations win). */
function marker(r: Resource, key: string): string | undefined {
  for (const field of MARKER_FIELDS) {
    const map = r.doc.get(['metadata', field]);
    if (map && typeof map === 'object' && Object.hasOwn(map, key)) {
      const value = (map as Record<string, unknown>)[key];
      if (typeof value === 'string') return value;
    }
  }
  return undefined;
}

function equalsIgnoreCase(value: string | undefined, expected: string): boolean {
  return value !== undefined && value.toLowerCase() === expected;
}
