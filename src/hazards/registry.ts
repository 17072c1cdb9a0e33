import { crdDelete, crdIdentityChange, crdSchemaNarrowing, crdStorageVersionChange, crdVersionRemove } from './rules/crd.js';
import { fluxKustomizationDelete, fluxKustomizationRetarget } from './rules/flux.js';
import { helmreleaseCrdUpgrade, helmreleaseDelete, helmreleaseIdentityChange } from './rules/helm.js';
import { immutableConfigChange } from './rules/immutable-config.js';
import { kustomizeBuildRetarget } from './rules/kustomize.js';
import { namespaceDelete } from './rules/namespace.js';
import { pvcDelete, pvcExpand, pvcImmutableChange } from './rules/pvc.js';
import { rolebindingRolerefChange } from './rules/rbac.js';
import { serviceClusterIpChange } from './rules/service.js';
import { statefulsetClaimTemplateChange, statefulsetDelete, statefulsetImmutableChange } from './rules/statefulset.js';
import { persistentvolumeChange, storageclassChange } from './rules/storage.js';
import { jobTemplateChange, selectorChange } from './rules/workloads.js';
import type { HazardRule } from './types.js';

/** Reported by the reading stage, not by a rule: a changed file that could not be checked. */
export const MANIFEST_UNREADABLE = 'manifest-unreadable';

/** Every hazard rule, in documentation order. Add a rule here and in docs/hazards.md. */
export const RULES: readonly HazardRule[] = [
  crdDelete,
  crdStorageVersionChange,
  crdVersionRemove,
  crdIdentityChange,
  crdSchemaNarrowing,
  pvcDelete,
  pvcExpand,
  pvcImmutableChange,
  statefulsetClaimTemplateChange,
  statefulsetImmutableChange,
  statefulsetDelete,
  namespaceDelete,
  persistentvolumeChange,
  storageclassChange,
  selectorChange,
  jobTemplateChange,
  serviceClusterIpChange,
  immutableConfigChange,
  rolebindingRolerefChange,
  fluxKustomizationDelete,
  fluxKustomizationRetarget,
  kustomizeBuildRetarget,
  helmreleaseDelete,
  helmreleaseIdentityChange,
  helmreleaseCrdUpgrade
];

/** Every id a finding can carry (rule ids, their rollback ids, manifest-unreadable). */
export const RULE_IDS: readonly string[] = [...RULES.flatMap(r => (r.rollbackId ? [r.id, r.rollbackId] : [r.id])), MANIFEST_UNREADABLE];

// By group, then kind: asked for every object read and checked, so without building a string.
const BY_KIND = new Map<string, Map<string, HazardRule[]>>();
for (const rule of RULES) {
  for (const groupKind of rule.kinds) {
    const slash = groupKind.lastIndexOf('/');
    const [group, kind] = [groupKind.slice(0, slash), groupKind.slice(slash + 1)];
    const kinds = BY_KIND.get(group) ?? BY_KIND.set(group, new Map()).get(group)!;
    kinds.set(kind, [...(kinds.get(kind) ?? []), rule]);
  }
}
const NONE: readonly HazardRule[] = [];

/** The rules that look at objects of this API group and kind. */
export function rulesFor(group: string, kind: string): readonly HazardRule[] {
  return BY_KIND.get(group)?.get(kind) ?? NONE;
}

/**
 * The top-level entries of an object's document (besides `metadata`, which the modifiers read)
 * that the rules of its kind read (each rule's `reads`), so the reading stage keeps only those:
 * 'all' when a rule does not say. No object at all (null) for kinds no rule looks at: the checks
 * skip them (their documents are still checked for being readable). A reduced document may equal
 * its partner where the whole one would not: the pair is then not checked, which is safe as no
 * rule reads what was dropped.
 */
export function entriesRulesRead(
  id: { group: string; kind: string },
  keys: { has(key: string): boolean }
): 'all' | readonly string[] | null {
  const rules = rulesFor(id.group, id.kind);
  if (rules.length === 0) return null;
  const read = new Set<string>();
  for (const rule of rules) {
    if (!rule.reads) return 'all';
    for (const key of rule.reads(id, keys)) read.add(key);
  }
  return [...read];
}
