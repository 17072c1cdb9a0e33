import type { HazardRule } from '../types.js';
import { deletion, label } from './helpers.js';

export const namespaceDelete: HazardRule = {
  id: 'namespace-delete',
  rollbackId: 'namespace-create',
  kinds: ['/Namespace'],
  summary: 'A Namespace is removed: everything inside it is deleted, claims included.',
  check({ before, after }, ctx) {
    if (after) return undefined;
    return deletion(ctx, 'critical', {
      forward: `Deleting ${label(before)} deletes everything inside it, claims and their data included. Move or back up what lives there first, or add kustomize.toolkit.fluxcd.io/prune: disabled to the Namespace.`,
      rollback: `This change creates ${label(before)}; reverting it deletes the namespace and everything created in it meanwhile. Add kustomize.toolkit.fluxcd.io/prune: disabled to the Namespace so a revert leaves it in place.`
    });
  }
};
