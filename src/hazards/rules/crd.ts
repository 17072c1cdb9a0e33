import { crdSpecs, type CrdSpec } from '../crd-specs.js';
import { schemaNarrowings } from '../schema-narrowing.js';
import type { HazardRule } from '../types.js';
import { deletion, has, label, update } from './helpers.js';

const CRD = ['apiextensions.k8s.io/CustomResourceDefinition'];

export const crdDelete: HazardRule = {
  id: 'crd-delete',
  rollbackId: 'crd-create',
  kinds: CRD,
  summary: 'A CustomResourceDefinition is removed: the API server deletes every custom resource of that type.',
  check({ before, after }, ctx) {
    if (after || !has(before, ['spec'])) return undefined;
    return deletion(ctx, 'critical', {
      forward: `Deleting ${label(before)} makes the API server delete every custom resource of that type; recreating the CRD brings back an empty type. Keep the CRD, or add kustomize.toolkit.fluxcd.io/prune: disabled to it before removing the manifest.`,
      rollback: `This change creates ${label(before)}; reverting it deletes the CRD and every custom resource created meanwhile. Add kustomize.toolkit.fluxcd.io/prune: disabled to the CRD so a revert leaves it in place.`
    });
  }
};

export const crdStorageVersionChange: HazardRule = {
  id: 'crd-storage-version-change',
  kinds: CRD,
  summary: 'The storage version changes and the old one leaves spec.versions: objects stored in it make the update fail.',
  check(change, ctx) {
    const specs = crdSpecs(change);
    if (!specs) return undefined;
    const dropped = droppedStorageVersion(specs);
    if (!dropped) return undefined;
    const now = specs[1].versions.find(v => v.storage)?.name ?? 'none';
    return update(
      ctx,
      'critical',
      `${label(change.before)} stops listing its storage version ${dropped} (storage becomes ${now}). Objects stored as ${dropped} are in status.storedVersions, so the API server rejects the CRD ("must appear in spec.versions"). Keep ${dropped} in spec.versions (served: false) until every object is migrated and storedVersions is cleaned up.`
    );
  }
};

export const crdVersionRemove: HazardRule = {
  id: 'crd-version-remove',
  kinds: CRD,
  summary: 'A version disappears from spec.versions: rejected while objects are stored in it, and its clients break.',
  check(change, ctx) {
    const specs = crdSpecs(change);
    if (!specs) return undefined;
    const [b, a] = specs;
    const dropped = droppedStorageVersion(specs);
    const kept = new Set(a.versions.map(v => v.name));
    const removed = b.versions.map(v => v.name).filter(n => !kept.has(n) && n !== dropped);
    if (removed.length === 0) return undefined;
    return update(
      ctx,
      'error',
      `${label(change.before)} drops version ${removed.join(', ')}. The API server rejects this while objects are stored in it, and clients of that version break. Mark the version served: false first, migrate, then remove it in a separate PR.`
    );
  }
};

export const crdIdentityChange: HazardRule = {
  id: 'crd-identity-change',
  kinds: CRD,
  summary: 'spec.scope, spec.names.kind, spec.group or spec.names.plural changes: rejected, or all objects lost.',
  check(change, ctx) {
    const specs = crdSpecs(change);
    if (!specs) return undefined;
    const [b, a] = specs;
    const field = (['scope', 'kind', 'group', 'plural'] as const).find(f => a[f] !== undefined && b[f] !== a[f]);
    if (!field) return undefined;
    return update(
      ctx,
      'critical',
      `${label(change.before)} changes ${field === 'kind' || field === 'plural' ? `spec.names.${field}` : `spec.${field}`} from ${String(b[field])} to ${String(a[field])}. The field is immutable (or names a different CRD): the update is rejected, or forcing it deletes every object. Create a new CRD instead and migrate.`,
      true
    );
  }
};

export const crdSchemaNarrowing: HazardRule = {
  id: 'crd-schema-narrowing',
  kinds: CRD,
  summary: 'The schema of a served version accepts less: existing objects stop validating or lose pruned fields.',
  check(change, ctx) {
    const specs = crdSpecs(change);
    if (!specs) return undefined;
    const [b, a] = specs;
    const issues: string[] = [];
    let severity: 'error' | 'warning' = 'warning';
    let total = 0;
    for (const after of a.versions) {
      const before = b.versions.find(v => v.name === after.name);
      if (!before || !after.served) continue;
      const { found, total: count } = schemaNarrowings(before.schema, after.schema);
      total += count;
      for (const n of found) {
        if (n.severity === 'error') severity = 'error';
        if (issues.length < 5) issues.push(`${after.name} ${n.path}: ${n.change}`);
      }
    }
    if (total === 0) return undefined;
    const more = total > issues.length ? ` and ${total - issues.length} more` : '';
    return update(
      ctx,
      severity,
      `The schema of ${label(change.before)} narrows: ${issues.join('; ')}${more}. Existing objects may stop validating or lose pruned fields. Widen the schema first, migrate objects, then narrow it in a separate PR.`
    );
  }
};

/** The version that held storage before and is missing afterwards, if any. */
function droppedStorageVersion([b, a]: [CrdSpec, CrdSpec]): string | undefined {
  const storage = b.versions.find(v => v.storage)?.name;
  if (!storage || a.versions.length === 0 || a.versions.some(v => v.name === storage)) return undefined;
  return storage;
}
