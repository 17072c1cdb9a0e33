import type { Resource } from '../../manifests/types.js';
import type { HazardRule } from '../types.js';
import { changedField, deletion, has, label, stringAt, update } from './helpers.js';

const HELM_RELEASE = ['helm.toolkit.fluxcd.io/HelmRelease'];
const CHART_VERSION = ['spec', 'chart', 'spec', 'version'];

export const helmreleaseDelete: HazardRule = {
  id: 'helmrelease-delete',
  kinds: HELM_RELEASE,
  summary: 'A HelmRelease is removed: helm uninstall deletes the chart resources (claims, CRDs shipped as templates).',
  check({ before, after }, ctx) {
    // A HelmRelease without a chart is a patch (e.g. only spec.values), not the object itself.
    if (after || !(has(before, ['spec', 'chart']) || has(before, ['spec', 'chartRef']))) return undefined;
    return deletion(ctx, 'critical', {
      forward: `Deleting ${label(before)} runs helm uninstall: every chart resource is deleted (claims and their data, CRDs shipped as templates) except those marked helm.sh/resource-policy: keep. Mark what must survive with helm.sh/resource-policy: keep first, or add kustomize.toolkit.fluxcd.io/prune: disabled to the HelmRelease.`,
      rollback: `This change creates ${label(before)}; reverting it uninstalls the release and deletes every chart resource created meanwhile (claims and their data included) except those marked helm.sh/resource-policy: keep.`
    });
  }
};

export const helmreleaseIdentityChange: HazardRule = {
  id: 'helmrelease-identity-change',
  kinds: HELM_RELEASE,
  summary: 'releaseName, targetNamespace or storageNamespace of a HelmRelease changes: the old release is uninstalled first.',
  check(change, ctx) {
    const field = changedField(change, ['spec'], ['releaseName', 'targetNamespace', 'storageNamespace']);
    if (!field) return undefined;
    return update(ctx, 'critical', `${label(change.before)} changes spec.${field}: helm-controller uninstalls the old release (deleting its resources, claims included) before installing the new one; a revert does the same again. Keep the release identity, or migrate the release by hand.`, true);
  }
};

export const helmreleaseCrdUpgrade: HazardRule = {
  id: 'helmrelease-crd-upgrade',
  kinds: HELM_RELEASE,
  summary: 'The chart version changes while install.crds or upgrade.crds is CreateReplace: a rollback installs older CRDs.',
  check({ before, after }, ctx) {
    if (!after) return undefined;
    const [was, now] = [stringAt(before, CHART_VERSION), stringAt(after, CHART_VERSION)];
    if (was === now || !(replacesCrds(before) || replacesCrds(after))) return undefined;
    return update(ctx, 'warning', `${label(after)} changes the chart version (${was ?? 'unset'} -> ${now ?? 'unset'}) with CRDs set to CreateReplace: the chart's CRDs are replaced, and a revert installs the older CRDs (the CRD rules apply to them). Review the chart's CRD changes, and upgrade CRD-changing charts in their own PR.`, true);
  }
};

function replacesCrds(r: Resource): boolean {
  return stringAt(r, ['spec', 'install', 'crds']) === 'CreateReplace' || stringAt(r, ['spec', 'upgrade', 'crds']) === 'CreateReplace';
}
