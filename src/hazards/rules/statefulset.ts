import type { HazardRule } from '../types.js';
import { changedField, deletion, has, label, stringAt, update } from './helpers.js';

const STS = ['apps/StatefulSet'];

export const statefulsetClaimTemplateChange: HazardRule = {
  id: 'statefulset-claim-template-change',
  kinds: STS,
  forced: 'critical',
  summary: 'spec.volumeClaimTemplates changes: forbidden on update.',
  check(change, ctx) {
    if (!changedField(change, ['spec'], ['volumeClaimTemplates'])) return undefined;
    return update(ctx, 'error', `${label(change.before)} changes spec.volumeClaimTemplates, which the API server forbids on update ("updates to statefulset spec for fields other than ... are forbidden"); Flux stays stuck. Create a new StatefulSet (or delete it with --cascade=orphan by hand) and resize claims separately.`, true);
  }
};

export const statefulsetImmutableChange: HazardRule = {
  id: 'statefulset-immutable-change',
  kinds: STS,
  forced: 'critical',
  summary: 'spec.serviceName, spec.selector or spec.podManagementPolicy changes: forbidden on update.',
  check(change, ctx) {
    const field = changedField(change, ['spec'], ['serviceName', 'selector', 'podManagementPolicy']);
    if (!field) return undefined;
    return update(ctx, 'error', `${label(change.before)} changes spec.${field}, which cannot change after creation: the API server rejects the update and Flux stays stuck. Create a StatefulSet with a new name instead.`, true);
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
