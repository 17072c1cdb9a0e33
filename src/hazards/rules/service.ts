import type { Resource } from '../../manifests/types.js';
import type { HazardRule } from '../types.js';
import { label, show, update } from './helpers.js';

export const serviceClusterIpChange: HazardRule = {
  id: 'service-cluster-ip-change',
  kinds: ['/Service'],
  forced: 'notice',
  summary: 'spec.clusterIP or spec.clusterIPs changes (None <-> an address too): "may not change once set".',
  check({ before, after }, ctx) {
    if (!after) return undefined;
    const [b, a] = [clusterIps(before), clusterIps(after)];
    // Leaving the addresses out keeps the allocated ones; setting different ones is rejected. A
    // second address (dual-stack) may be added or dropped: only those present on both sides count.
    // A revert that sets the addresses this change left out sets what is still allocated.
    if (a.length === 0 || (b.length === 0 && ctx.direction === 'rollback')) return undefined;
    const at = b.length === 0 ? 0 : b.findIndex((ip, i) => i < a.length && ip !== a[i]);
    if (at < 0) return undefined;
    const field = at === 0 ? 'clusterIP' : `clusterIPs[${at}]`;
    return update(
      ctx,
      'error',
      `${label(after)} changes spec.${field} (${show(b[at])} -> ${show(a[at])}); it may not change once set, so the API server rejects the update. Create a Service with a new name instead, or enable kustomize.toolkit.fluxcd.io/force: enabled.`,
      b.length > 0
    );
  }
};

/**
 * The Service's cluster addresses as the API server keeps them: `clusterIPs`, or `clusterIP` alone
 * (which the API server copies into `clusterIPs`); none when both are left out or empty.
 */
function clusterIps(r: Resource): unknown[] {
  const list = r.doc.get(['spec', 'clusterIPs']);
  if (Array.isArray(list) && list.length > 0) return list;
  const one = r.doc.get(['spec', 'clusterIP']);
  return one === undefined || one === null || one === '' ? [] : [one];
}
