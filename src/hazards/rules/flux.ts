import { normalisePath } from '../../manifests/kustomize-build.js';
import type { Resource } from '../../manifests/types.js';
import type { HazardRule } from '../types.js';
import { deletion, has, label, stringAt, update } from './helpers.js';

const KUSTOMIZATION = ['kustomize.toolkit.fluxcd.io/Kustomization'];

export const fluxKustomizationDelete: HazardRule = {
  id: 'flux-kustomization-delete',
  kinds: KUSTOMIZATION,
  summary: 'A Flux Kustomization that prunes is removed: it garbage-collects every object it applied.',
  check({ before, after }, ctx) {
    if (after || !has(before, ['spec', 'sourceRef']) || !garbageCollects(before)) return undefined;
    return deletion(ctx, 'critical', {
      forward: `Deleting Flux ${label(before)} garbage-collects every object it applied (spec.prune: true). Set spec.prune: false (or deletionPolicy: Orphan) in a PR of its own first.`,
      rollback: `This change creates Flux ${label(before)}, which prunes; reverting it deletes the Kustomization and garbage-collects every object it applied meanwhile. Set deletionPolicy: Orphan on it to make a revert safe.`
    });
  }
};

export const fluxKustomizationRetarget: HazardRule = {
  id: 'flux-kustomization-retarget',
  kinds: KUSTOMIZATION,
  summary: 'spec.path or spec.targetNamespace of a Flux Kustomization changes: objects are pruned and created again.',
  check({ before, after }, ctx) {
    if (!after) return undefined;
    const path = (r: Resource): string => normalisePath(stringAt(r, ['spec', 'path']) ?? '');
    const target = (r: Resource): string => stringAt(r, ['spec', 'targetNamespace']) ?? '';
    const field = path(before) !== path(after) ? 'path' : target(before) !== target(after) ? 'targetNamespace' : undefined;
    if (!field) return undefined;
    const prunes = before.doc.get(['spec', 'prune']) === true || after.doc.get(['spec', 'prune']) === true;
    const [was, now] = field === 'path' ? [path(before), path(after)] : [target(before), target(after)];
    return update(
      ctx,
      prunes ? 'critical' : 'notice',
      prunes
        ? `Flux ${label(after)} changes spec.${field} (${was || "''"} -> ${now || "''"}). Objects are tracked by namespace and name, so everything not in the new set is pruned (claims included) and created again; a revert does the same. Move objects in steps with kustomize.toolkit.fluxcd.io/prune: disabled on them.`
        : `Flux ${label(after)} changes spec.${field} (${was || "''"} -> ${now || "''"}); it does not prune, so objects left behind stay in the cluster.`,
      true
    );
  }
};

function garbageCollects(r: Resource): boolean {
  const policy = stringAt(r, ['spec', 'deletionPolicy']) ?? 'MirrorPrune';
  if (policy === 'Delete' || policy === 'WaitForTermination') return true;
  return policy === 'MirrorPrune' && r.doc.get(['spec', 'prune']) === true;
}
