import type { HazardRule } from '../types.js';
import { changedField, label, update } from './helpers.js';

export const rolebindingRolerefChange: HazardRule = {
  id: 'rolebinding-roleref-change',
  kinds: ['rbac.authorization.k8s.io/RoleBinding', 'rbac.authorization.k8s.io/ClusterRoleBinding'],
  forced: 'notice',
  summary: 'roleRef of a RoleBinding or ClusterRoleBinding changes: "cannot change roleRef".',
  check(change, ctx) {
    if (!changedField(change, [], ['roleRef'])) return undefined;
    return update(
      ctx,
      'error',
      `${label(change.before)} changes roleRef, which cannot change: the API server rejects it. Create a binding with a new name instead, or enable kustomize.toolkit.fluxcd.io/force: enabled.`,
      true
    );
  }
};
