import { parseYaml } from '../../manifests/safe-yaml.js';
import type { Resource } from '../../manifests/types.js';
import { schemaNarrowings } from '../schema-narrowing.js';
import { withoutSharedProperties } from '../shared-properties.js';
import type { HazardRule, ResourceChange } from '../types.js';
import { deletion, has, label, update } from './helpers.js';

const CRD = ['apiextensions.k8s.io/CustomResourceDefinition'];

interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema?: unknown;
}

interface CrdSpec {
  group?: unknown;
  scope?: unknown;
  kind?: unknown;
  plural?: unknown;
  versions: CrdVersion[];
}

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

/** Both CRD specs without descriptions, or undefined when they do not differ in substance. */
function crdSpecs(change: ResourceChange): [CrdSpec, CrdSpec] | undefined {
  if (!change.after) return undefined;
  const memo = (change.memo ??= new Map());
  if (!memo.has('crd')) memo.set('crd', specsOf(change.before, change.after));
  return memo.get('crd') as [CrdSpec, CrdSpec] | undefined;
}

// The rollback direction checks the same pair of objects with the sides swapped: the specs read
// for the forward direction are kept (per object pair) and handed back swapped.
const READ = new WeakMap<Resource, { other: Resource; specs: [CrdSpec, CrdSpec] | undefined }>();

function specsOf(before: Resource, after: Resource): [CrdSpec, CrdSpec] | undefined {
  const earlier = READ.get(after);
  if (earlier?.other === before) return earlier.specs && [earlier.specs[1], earlier.specs[0]];
  const specs = readSpecs(before, after);
  READ.set(before, { other: after, specs });
  return specs;
}

function readSpecs(before: Resource, after: Resource): [CrdSpec, CrdSpec] | undefined {
  // Most CRDs of a change keep their spec: told without decoding their megabytes.
  if (before.doc.sameRaw(after.doc, ['spec'])) return undefined;
  const [sb, sa] = [before, after].map(r => stripDescriptions(r.doc.rawText(['spec']) ?? undefined));
  if (sb !== undefined && sb === sa) return undefined;
  // Most of a large CRD's schema is the same on both sides: parse only the properties that differ.
  const [pb, pa] = sb !== undefined && sa !== undefined ? withoutSharedProperties(sb, sa) : [sb, sa];
  return [toSpec(specValue(before, pb)), toSpec(specValue(after, pa))];
}

function specValue(r: Resource, stripped: string | undefined): unknown {
  if (stripped !== undefined) {
    const parsed = parseYaml(stripped);
    if (parsed.ok) return (parsed.documents[0]?.value as { spec?: unknown } | null)?.spec;
  }
  return r.doc.get(['spec']);
}

function toSpec(spec: unknown): CrdSpec {
  const s = obj(spec);
  const names = obj(s.names);
  const shared = obj(s.validation).openAPIV3Schema;
  const versions = (Array.isArray(s.versions) ? s.versions : []).map(v => {
    const o = obj(v);
    return {
      name: String(o.name),
      served: o.served !== false,
      storage: o.storage === true,
      schema: obj(o.schema).openAPIV3Schema ?? shared
    };
  });
  return { group: s.group, scope: s.scope ?? 'Namespaced', kind: names.kind, plural: names.plural, versions };
}

/**
 * Removes `description:` entries whose value starts on the key line, with their continuation
 * lines: most of a CRD's bytes, and irrelevant to compatibility. Keeps a property named
 * `description` (its value is a nested mapping). The key's indentation stays behind as a line of
 * spaces, which YAML reads as a blank line.
 */
export function stripDescriptions(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text.replace(DESCRIPTION, '');
}

// `description: <text>` plus every following line indented deeper (or blank): one native pass.
// The match starts at the key, a literal the engine skips ahead to, and the indentation before
// it is checked looking back: twice as fast as trying a pattern at the start of every line.
const DESCRIPTION = /(?<=^( *))description:[ \t]+\S[^\n]*(?:\n(?:\1 [^\n]*|[ \t\r]*(?=\n)))*/gm;

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
