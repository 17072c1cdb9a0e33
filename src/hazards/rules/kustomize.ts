import { BUILD_SETTINGS_GROUP, BUILD_SETTINGS_KIND } from '../../manifests/kustomize-build.js';
import type { Resource } from '../../manifests/types.js';
import type { HazardRule } from '../types.js';
import { show } from './helpers.js';

const RENAMING = ['namespace', 'namePrefix', 'nameSuffix'] as const;

export const kustomizeBuildRetarget: HazardRule = {
  id: 'kustomize-build-retarget',
  kinds: [`${BUILD_SETTINGS_GROUP}/${BUILD_SETTINGS_KIND}`],
  summary:
    'namespace, namePrefix or nameSuffix of a kustomize build file changes: every object it builds gets a new identity, so Flux prunes the old objects and creates new ones.',
  check({ before, after }) {
    if (!after) return undefined;
    const field = RENAMING.find(f => setting(before, f) !== setting(after, f));
    if (!field) return undefined;
    const [was, now] = [before.doc.get([field]), after.doc.get([field])];
    const folder = before.name === '/' ? 'the repository root' : `${before.name}/`;
    return {
      severity: 'critical',
      effect: 'delete',
      symmetric: true,
      message: `${before.file} changes ${field} (${show(was)} -> ${show(now)}): every object built from ${folder} gets a new ${field === 'namespace' ? 'namespace' : 'name'}. Flux applies them as new objects and prunes the old ones (claims and their data included); a revert does the same again. Move objects in steps with kustomize.toolkit.fluxcd.io/prune: disabled on them (or in commonAnnotations).`
    };
  }
};

/** A renaming setting as kustomize applies it: unset and empty both leave names alone. */
function setting(r: Resource, field: (typeof RENAMING)[number]): string {
  const v = r.doc.get([field]);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}
