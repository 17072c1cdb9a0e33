import { isObject } from '../core/index.js';
import { describeResource } from '../manifests/identity.js';
import type { Resource } from '../manifests/types.js';

// Keys under which charts commonly take persistence settings (bitnami, bjw-s app-template, ...).
const PERSISTENCE_KEYS = new Set([
  'persistence',
  'persistentVolume',
  'volumeClaimTemplates',
  'primary',
  'master',
  'replica',
  'secondary',
  'controllers',
  'statefulset',
  'server',
  'data'
]);
const MAX_DEPTH = 6;

/**
 * Where a HelmRelease's values make the chart create claims: `persistence.*` enabled without
 * `existingClaim`, `volumeClaimTemplates`, `primary.persistence` and the like. Paths such as
 * `values.persistence.config`; empty when none of the common shapes is there.
 */
export function claimValues(values: unknown): string[] {
  const found: string[] = [];
  walk(values, 'values', 0, false, found);
  return found;
}

function walk(value: unknown, at: string, depth: number, inPersistence: boolean, found: string[]): void {
  if (!isObject(value) || depth > MAX_DEPTH) return;
  for (const [key, inner] of Object.entries(value)) {
    const path = `${at}.${key}`;
    if (key === 'volumeClaimTemplates') {
      if ((Array.isArray(inner) || isObject(inner)) && Object.keys(inner).length > 0) found.push(path);
      continue;
    }
    if (key === 'persistence' || key === 'persistentVolume') {
      if (isObject(inner) && createsClaim(inner)) found.push(path);
      else if (isObject(inner))
        for (const [name, item] of Object.entries(inner)) if (isObject(item) && createsClaim(item)) found.push(`${path}.${name}`);
      continue;
    }
    if (PERSISTENCE_KEYS.has(key) || inPersistence || depth < 2) walk(inner, path, depth + 1, PERSISTENCE_KEYS.has(key), found);
  }
}

/** A persistence block that makes a claim: enabled (or not disabled), no existing claim, a claim type. */
function createsClaim(block: Record<string, unknown>): boolean {
  if (block.enabled === false || block.existingClaim) return false;
  const type = typeof block.type === 'string' ? block.type : undefined;
  if (type !== undefined) return type === 'persistentVolumeClaim' || type === 'pvc';
  return block.enabled === true || 'size' in block || 'storageClass' in block || 'accessMode' in block || 'accessModes' in block;
}

/**
 * What state an object holds that goes when it is deleted, as a short label, or undefined: a claim,
 * a StatefulSet with claim templates, a CRD, a namespace, a HelmRelease whose values create claims.
 */
export function stateOf(r: Resource): string | undefined {
  const label = describeResource(r);
  if (r.group === '' && r.kind === 'PersistentVolumeClaim') return label;
  if (r.group === '' && r.kind === 'Namespace') return label;
  if (r.group === 'apiextensions.k8s.io' && r.kind === 'CustomResourceDefinition') return label;
  if (r.group === 'apps' && r.kind === 'StatefulSet') {
    const templates = r.doc.get(['spec', 'volumeClaimTemplates']);
    return Array.isArray(templates) && templates.length > 0 ? `${label} (claim templates)` : undefined;
  }
  if (r.group === 'helm.toolkit.fluxcd.io' && r.kind === 'HelmRelease') {
    const claims = claimValues(r.doc.get(['spec', 'values']));
    return claims.length > 0 ? `${label} (${claims.join(', ')})` : undefined;
  }
  return undefined;
}
