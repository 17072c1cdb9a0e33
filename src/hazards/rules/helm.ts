import type { Resource } from '../../manifests/types.js';
import type { HazardRule } from '../types.js';
import { claimValues } from '../stateful.js';
import { deletion, has, label, stringAt, update } from './helpers.js';

const HELM_RELEASE = ['helm.toolkit.fluxcd.io/HelmRelease'];
const CHART_VERSION = ['spec', 'chart', 'spec', 'version'];

export const helmreleaseDelete: HazardRule = {
  id: 'helmrelease-delete',
  kinds: HELM_RELEASE,
  summary: 'A HelmRelease is removed: helm uninstall deletes the chart resources (claims, CRDs shipped as templates).',
  check({ before, after }, ctx) {
    // A HelmRelease without a chart is a patch (e.g. only spec.values), not the object itself.
    if (after || !(has(before, ['spec', 'chart']) || has(before, ['spec', 'chartRef']))) return undefined;
    const claims = claimValues(before.doc.get(['spec', 'values']));
    return deletion(ctx, claims.length > 0 ? 'critical' : 'warning', {
      forward:
        claims.length > 0
          ? `Deleting ${label(before)} runs helm uninstall: every chart resource is deleted except those marked helm.sh/resource-policy: keep, and its values make the chart create claims (${claims.join(', ')}), whose data goes with them. Mark what must survive with helm.sh/resource-policy: keep first, or add kustomize.toolkit.fluxcd.io/prune: disabled to the HelmRelease.`
          : `Deleting ${label(before)} runs helm uninstall; nothing persistent was found in its values (no persistence, volumeClaimTemplates or the like): check that the chart keeps no data of its own (CRDs shipped as templates are deleted too).`,
      rollback: `This change creates ${label(before)}; reverting it uninstalls the release and deletes every chart resource created meanwhile (claims and their data included) except those marked helm.sh/resource-policy: keep. Mark the chart's claims helm.sh/resource-policy: keep (most charts take it in their persistence values), or add kustomize.toolkit.fluxcd.io/prune: disabled to the HelmRelease, so a revert leaves them in place.`
    });
  }
};

export const helmreleaseIdentityChange: HazardRule = {
  id: 'helmrelease-identity-change',
  kinds: HELM_RELEASE,
  summary:
    'The release name, target namespace or storage namespace of a HelmRelease changes (defaults worked out): the old release is uninstalled first.',
  check(change, ctx) {
    const { before, after } = change;
    if (!after) return undefined;
    const [was, now] = [releaseIdentity(before), releaseIdentity(after)];
    const field = (['releaseName', 'targetNamespace', 'storageNamespace'] as const).find(f => was[f] !== now[f]);
    if (!field) return undefined;
    const what = { releaseName: 'release name', targetNamespace: 'target namespace', storageNamespace: 'storage namespace' }[field];
    return update(
      ctx,
      'critical',
      `${label(before)} changes the ${what} of its Helm release (${was[field]} -> ${now[field]}): helm-controller uninstalls the old release (deleting its resources, claims included) before installing the new one; a revert does the same again. Keep the release identity, or migrate the release by hand.`,
      true
    );
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
    return update(
      ctx,
      'warning',
      `${label(after)} changes the chart version (${was ?? 'unset'} -> ${now ?? 'unset'}) with CRDs set to CreateReplace: the chart's CRDs are replaced, and a revert installs the older CRDs (the CRD rules apply to them). Review the chart's CRD changes, and upgrade CRD-changing charts in their own PR.`,
      true
    );
  }
};

function replacesCrds(r: Resource): boolean {
  return stringAt(r, ['spec', 'install', 'crds']) === 'CreateReplace' || stringAt(r, ['spec', 'upgrade', 'crds']) === 'CreateReplace';
}

// Longest release name helm-controller uses as composed; a longer one is shortened with a hash.
const MAX_RELEASE_NAME = 53;

/**
 * The release a HelmRelease installs, as helm-controller works it out: the release name defaults
 * to `[targetNamespace-]name`, and the target and storage namespaces to the HelmRelease's own.
 * Writing a default out is then no change; setting targetNamespace changes the default name too.
 */
function releaseIdentity(r: Resource): { releaseName: string; targetNamespace: string; storageNamespace: string } {
  const own = r.namespace ?? "the HelmRelease's namespace";
  const target = stringAt(r, ['spec', 'targetNamespace']) || undefined;
  const composed = target ? `${target}-${r.name}` : r.name;
  // A composed name that helm-controller would shorten is not worked out here: only the same
  // spelling counts as the same release.
  const releaseName =
    stringAt(r, ['spec', 'releaseName']) || (composed.length <= MAX_RELEASE_NAME ? composed : `${composed} (shortened by helm-controller)`);
  return { releaseName, targetNamespace: target ?? own, storageNamespace: stringAt(r, ['spec', 'storageNamespace']) || own };
}
