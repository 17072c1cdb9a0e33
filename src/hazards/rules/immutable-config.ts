import type { Resource } from '../../manifests/types.js';
import type { HazardRule, ResourceChange } from '../types.js';
import { changedField, label, stringAt, update } from './helpers.js';

const DATA = ['data', 'binaryData', 'stringData'];

export const immutableConfigChange: HazardRule = {
  id: 'immutable-config-change',
  kinds: ['/ConfigMap', '/Secret'],
  forced: 'notice',
  summary: 'A ConfigMap or Secret marked immutable: true changes its data or drops the flag, or a Secret changes type.',
  // A Secret's type, always; the data only of an object marked immutable (without the key, the
  // check returns before reading anything more, on either side).
  reads({ kind }, keys) {
    const data = keys.has('immutable') ? ['immutable', ...DATA] : [];
    return kind === 'Secret' ? ['type', ...data] : data;
  },
  check(change, ctx) {
    const { before, after } = change;
    if (!after) return undefined;
    if (before.kind === 'Secret' && (stringAt(before, ['type']) ?? 'Opaque') !== (stringAt(after, ['type']) ?? 'Opaque')) {
      return update(
        ctx,
        'error',
        `${label(after)} changes its type; a Secret's type is immutable, so the API server rejects it. Create a Secret with a new name instead.`,
        true
      );
    }
    if (!isImmutable(before)) return undefined;
    if (!isImmutable(after)) {
      return update(
        ctx,
        'error',
        `${label(after)} drops immutable: true; once set it cannot be unset ("field is immutable when immutable is set"). Create a new object with a new name (e.g. a kustomize generator hash) instead.`
      );
    }
    const field = dataChanged(change);
    if (!field) return undefined;
    return update(
      ctx,
      'error',
      `${label(after)} is immutable but its ${field} changes; the API server rejects it. Create a new object with a new name (e.g. a kustomize generator hash) instead.`,
      true
    );
  }
};

function isImmutable(r: Resource): boolean {
  return r.doc.get(['immutable']) === true;
}

function dataChanged(change: ResourceChange): string | undefined {
  // SOPS re-encrypts on every edit: encrypted data cannot be compared.
  if (change.before.encrypted || change.after?.encrypted) return undefined;
  return changedField(change, [], DATA);
}
