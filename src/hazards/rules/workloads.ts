import { isDeepStrictEqual } from 'node:util';
import type { Resource } from '../../manifests/types.js';
import type { HazardRule } from '../types.js';
import { changedField, label, update } from './helpers.js';

// Job spec fields that may change after creation; everything else is immutable.
const JOB_MUTABLE = new Set([
  'parallelism',
  'activeDeadlineSeconds',
  'suspend',
  'ttlSecondsAfterFinished',
  'completions',
  'selector',
  'manualSelector'
]);

export const selectorChange: HazardRule = {
  id: 'selector-change',
  kinds: ['apps/Deployment', 'apps/ReplicaSet', 'apps/DaemonSet', 'batch/Job'],
  forced: 'notice',
  summary: 'spec.selector of a Deployment, ReplicaSet, DaemonSet or Job changes: the field is immutable.',
  check(change, ctx) {
    if (!changedField(change, ['spec'], ['selector'])) return undefined;
    return update(
      ctx,
      'error',
      `${label(change.before)} changes spec.selector, which is immutable: the API server rejects the update ("field is immutable") and Flux stays stuck. Create the workload under a new name, or enable kustomize.toolkit.fluxcd.io/force: enabled on it.`,
      true
    );
  }
};

export const jobTemplateChange: HazardRule = {
  id: 'job-template-change',
  kinds: ['batch/Job'],
  forced: 'notice',
  summary: 'spec.template or another immutable Job field changes: "field is immutable".',
  check({ before, after }, ctx) {
    if (!after) return undefined;
    const [b, a] = [immutablePart(before), immutablePart(after)];
    const field = [...new Set([...Object.keys(b), ...Object.keys(a)])].find(k => !isDeepStrictEqual(b[k], a[k]));
    if (!field) return undefined;
    return update(
      ctx,
      'warning',
      `${label(after)} changes spec.${field}, which is immutable for a Job: the update is rejected. Give the Job a new name (or use a generated name) for each run, or enable kustomize.toolkit.fluxcd.io/force: enabled.`,
      true
    );
  }
};

function immutablePart(r: Resource): Record<string, unknown> {
  const spec = r.doc.get(['spec']);
  if (!spec || typeof spec !== 'object') return {};
  return Object.fromEntries(Object.entries(spec).filter(([k]) => !JOB_MUTABLE.has(k)));
}
