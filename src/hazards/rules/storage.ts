import type { HazardRule } from '../types.js';
import { changedField, deletion, label, sameAt, stringAt, update } from './helpers.js';

// Every PersistentVolume spec field that is not part of the volume source.
const PV_NOT_SOURCE = new Set([
  'accessModes',
  'capacity',
  'claimRef',
  'mountOptions',
  'nodeAffinity',
  'persistentVolumeReclaimPolicy',
  'storageClassName',
  'volumeAttributesClassName',
  'volumeMode'
]);

export const persistentvolumeChange: HazardRule = {
  id: 'persistentvolume-change',
  kinds: ['/PersistentVolume'],
  forced: 'critical',
  summary: 'A PersistentVolume changes its volume source or volumeMode (immutable), or is removed with reclaim policy Delete.',
  check({ before, after }, ctx) {
    if (!after) {
      if (stringAt(before, ['spec', 'persistentVolumeReclaimPolicy']) !== 'Delete') return undefined;
      return deletion(ctx, 'critical', {
        forward: `Deleting ${label(before)} with persistentVolumeReclaimPolicy: Delete can destroy its backing storage. Set the policy to Retain in a PR of its own first.`,
        rollback: `This change creates ${label(before)} with persistentVolumeReclaimPolicy: Delete; reverting it can destroy the backing storage. Use Retain.`
      });
    }
    const spec = (r: typeof before): Record<string, unknown> => {
      const s = r.doc.get(['spec']);
      return s && typeof s === 'object' ? (s as Record<string, unknown>) : {};
    };
    const keys = new Set([...Object.keys(spec(before)), ...Object.keys(spec(after))]);
    const sources = [...keys].filter(k => !PV_NOT_SOURCE.has(k)).concat('volumeMode');
    const field = sources.find(k => !sameAt(before, after, ['spec', k], k === 'volumeMode' ? 'Filesystem' : undefined));
    if (!field) return undefined;
    return update(
      ctx,
      'error',
      `${label(after)} changes spec.${field}; the volume source and volumeMode are immutable, so the API server rejects it. Create a new PersistentVolume instead.`,
      true
    );
  }
};

// What the API server stores for a StorageClass that leaves the field out.
const STORAGE_CLASS_DEFAULTS = { reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' };

export const storageclassChange: HazardRule = {
  id: 'storageclass-change',
  kinds: ['storage.k8s.io/StorageClass'],
  forced: 'notice',
  summary: 'A StorageClass changes parameters, provisioner, reclaimPolicy or volumeBindingMode: updates are forbidden.',
  check(change, ctx) {
    const field = changedField(change, [], ['parameters', 'provisioner', 'reclaimPolicy', 'volumeBindingMode'], STORAGE_CLASS_DEFAULTS);
    if (!field) return undefined;
    return update(
      ctx,
      'error',
      `${label(change.before)} changes ${field}; the API server forbids updates to it. Create a StorageClass with a new name instead.`,
      true
    );
  }
};
