import { parseQuantity } from '../../manifests/quantity.js';
import type { HazardRule, ResourceChange } from '../types.js';
import { changedField, deletion, has, label, sameAt, stringAt, update } from './helpers.js';
import { isObject } from '../../core/index.js';

const STS = ['apps/StatefulSet'];
// What the API server stores for a StatefulSet that leaves the field out.
const SPEC_DEFAULTS = { podManagementPolicy: 'OrderedReady' };

export const statefulsetClaimTemplateChange: HazardRule = {
  id: 'statefulset-claim-template-change',
  kinds: STS,
  forced: 'critical',
  summary: 'spec.volumeClaimTemplates changes: forbidden on update.',
  check(change, ctx) {
    if (sameClaimTemplates(change)) return undefined;
    return update(
      ctx,
      'error',
      `${label(change.before)} changes spec.volumeClaimTemplates, which the API server forbids on update ("updates to statefulset spec for fields other than ... are forbidden"); Flux stays stuck. Create a new StatefulSet (or delete it with --cascade=orphan by hand) and resize claims separately.`,
      true
    );
  }
};

export const statefulsetImmutableChange: HazardRule = {
  id: 'statefulset-immutable-change',
  kinds: STS,
  forced: 'critical',
  summary: 'spec.serviceName, spec.selector or spec.podManagementPolicy changes: forbidden on update.',
  check(change, ctx) {
    const field = changedField(change, ['spec'], ['serviceName', 'selector', 'podManagementPolicy'], SPEC_DEFAULTS);
    if (!field) return undefined;
    return update(
      ctx,
      'error',
      `${label(change.before)} changes spec.${field}, which cannot change after creation: the API server rejects the update and Flux stays stuck. Create a StatefulSet with a new name instead.`,
      true
    );
  }
};

export const statefulsetDelete: HazardRule = {
  id: 'statefulset-delete',
  kinds: STS,
  summary: 'A StatefulSet with persistentVolumeClaimRetentionPolicy.whenDeleted: Delete is removed: its claims are deleted with it.',
  check({ before, after }, ctx) {
    if (after || !has(before, ['spec', 'selector'])) return undefined;
    if (stringAt(before, ['spec', 'persistentVolumeClaimRetentionPolicy', 'whenDeleted']) !== 'Delete') return undefined;
    return deletion(ctx, 'critical', {
      forward: `Deleting ${label(before)} also deletes its claims (persistentVolumeClaimRetentionPolicy.whenDeleted: Delete) and their data. Set whenDeleted: Retain in a PR of its own first, or add kustomize.toolkit.fluxcd.io/prune: disabled.`,
      rollback: `This change creates ${label(before)} with whenDeleted: Delete; reverting it deletes the StatefulSet and its claims with their data. Use whenDeleted: Retain, or add kustomize.toolkit.fluxcd.io/prune: disabled.`
    });
  }
};

/** True when the claim templates are the same as the API server compares them on an update. */
function sameClaimTemplates({ before, after }: ResourceChange): boolean {
  return (
    !after ||
    sameAt(before, after, ['spec', 'volumeClaimTemplates'], [], templates =>
      Array.isArray(templates) ? templates.map(storedTemplate) : templates
    )
  );
}

type Obj = Record<string, unknown>;

/**
 * A claim template as the API server stores and compares it: without apiVersion and kind (set on
 * every template it returns), with volumeMode Filesystem and status.phase Pending when unset, no
 * null creationTimestamp, and each requested or limited resource as a number, since quantities are
 * compared by value (1Gi is 1024Mi).
 */
function storedTemplate(template: unknown): unknown {
  if (!isObject(template)) return template;
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = template;
  const stored: Obj = { ...rest };
  if (isObject(rest.metadata) && rest.metadata.creationTimestamp === null) {
    const { creationTimestamp: _unset, ...metadata } = rest.metadata;
    stored.metadata = metadata;
  }
  const spec = isObject(rest.spec) ? rest.spec : {};
  stored.spec = {
    ...spec,
    volumeMode: spec.volumeMode ?? 'Filesystem',
    ...(isObject(spec.resources) ? { resources: storedResources(spec.resources) } : {})
  };
  const status = isObject(rest.status) ? rest.status : {};
  stored.status = { ...status, phase: status.phase ?? 'Pending' };
  return stored;
}

function storedResources(resources: Obj): Obj {
  const stored: Obj = { ...resources };
  for (const key of ['requests', 'limits']) {
    const list = resources[key];
    if (!isObject(list)) continue;
    stored[key] = Object.fromEntries(Object.entries(list).map(([name, q]) => [name, parseQuantity(q) ?? q]));
  }
  return stored;
}
