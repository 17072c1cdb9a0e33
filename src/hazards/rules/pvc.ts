import { parseQuantity } from '../../manifests/quantity.js';
import type { HazardRule } from '../types.js';
import { changedField, deletion, has, label, show, stringAt, update } from './helpers.js';

const PVC = ['/PersistentVolumeClaim'];
const STORAGE = ['spec', 'resources', 'requests', 'storage'];
const IMMUTABLE = ['accessModes', 'storageClassName', 'volumeMode', 'selector', 'dataSource', 'dataSourceRef', 'volumeName'];
// What the API server stores for a claim that leaves the field out.
const IMMUTABLE_DEFAULTS = { volumeMode: 'Filesystem' };

export const pvcDelete: HazardRule = {
  id: 'pvc-delete',
  rollbackId: 'pvc-create',
  kinds: PVC,
  summary: 'A PersistentVolumeClaim is removed: with the usual Delete reclaim policy its volume and data are destroyed.',
  check({ before, after }, ctx) {
    // A claim without accessModes is a patch (e.g. only a new size), not the object itself.
    if (after || !has(before, ['spec', 'accessModes'])) return undefined;
    return deletion(ctx, 'critical', {
      forward: `Deleting ${label(before)} destroys its volume and data (reclaim policy Delete); a rollback creates an empty claim. Back up the data first, or add kustomize.toolkit.fluxcd.io/prune: disabled to the claim before removing the manifest.`,
      rollback: `This change creates ${label(before)}; reverting it deletes the claim and destroys the data written after the merge. Add kustomize.toolkit.fluxcd.io/prune: disabled to the claim so a revert leaves it in place.`
    });
  }
};

export const pvcExpand: HazardRule = {
  id: 'pvc-expand',
  kinds: PVC,
  forced: 'critical',
  summary: 'spec.resources.requests.storage grows: volumes cannot shrink, so the rollback is rejected and Flux stays stuck.',
  check({ before, after }, ctx) {
    if (!after) return undefined;
    const [was, now] = [before.doc.get(STORAGE), after.doc.get(STORAGE)];
    const [b, a] = [parseQuantity(was), parseQuantity(now)];
    if (b === undefined || a === undefined || a >= b) return undefined;
    const message =
      ctx.direction === 'forward'
        ? `${label(after)} shrinks its storage request from ${String(was)} to ${String(now)}. Volumes cannot shrink: the API server rejects it ("field can not be less than previous value") and Flux stays stuck. Keep the larger size.`
        : `This change grows the storage of ${label(before)} from ${String(now)} to ${String(was)}. Volumes cannot shrink, so a revert is rejected ("field can not be less than previous value") and Flux stays stuck. Expand storage in its own PR after a backup, and never revert that PR.`;
    return { severity: 'error', effect: 'update', message };
  }
};

export const pvcImmutableChange: HazardRule = {
  id: 'pvc-immutable-change',
  kinds: PVC,
  forced: 'critical',
  summary:
    'An immutable spec field of a bound claim changes (accessModes, storageClassName, volumeMode, selector, dataSource, dataSourceRef, volumeName; volumeAttributesClassName set -> unset).',
  check(change, ctx) {
    const { before, after } = change;
    if (!after) return undefined;
    const field = changedField(change, ['spec'], IMMUTABLE, IMMUTABLE_DEFAULTS);
    if (field) {
      const [b, a] = [before.doc.get(['spec', field]), after.doc.get(['spec', field])];
      return update(
        ctx,
        'error',
        `${label(after)} changes spec.${field} (${show(b)} -> ${show(a)}). The spec of a bound claim is immutable: the API server rejects it, and forcing it through recreates the claim and loses its data. Create a new claim and migrate the data instead.`,
        true
      );
    }
    const vac = ['spec', 'volumeAttributesClassName'];
    if (stringAt(before, vac) !== undefined && stringAt(after, vac) === undefined) {
      return update(
        ctx,
        'error',
        `${label(after)} unsets spec.volumeAttributesClassName; a bound claim cannot go back to no class, so the API server rejects it. Keep the class set.`
      );
    }
    return undefined;
  }
};
