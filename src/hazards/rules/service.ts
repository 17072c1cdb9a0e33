import { isDeepStrictEqual } from 'node:util';
import type { HazardRule } from '../types.js';
import { label, show, update } from './helpers.js';

export const serviceClusterIpChange: HazardRule = {
  id: 'service-cluster-ip-change',
  kinds: ['/Service'],
  forced: 'notice',
  summary: 'spec.clusterIP or spec.clusterIPs changes (None <-> an address too): "may not change once set".',
  check({ before, after }, ctx) {
    if (!after) return undefined;
    for (const field of ['clusterIP', 'clusterIPs']) {
      const [b, a] = [before.doc.get(['spec', field]), after.doc.get(['spec', field])];
      // Leaving the field out keeps the allocated address; setting a different one is rejected.
      if (a === undefined || a === '' || isDeepStrictEqual(a, b)) continue;
      return update(ctx, 'error', `${label(after)} changes spec.${field} (${show(b)} -> ${show(a)}); it may not change once set, so the API server rejects the update. Create a Service with a new name instead, or enable kustomize.toolkit.fluxcd.io/force: enabled.`, b !== undefined);
    }
    return undefined;
  }
};
