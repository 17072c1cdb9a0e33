import { describe, expect, it } from '@jest/globals';
import { appOf, componentOf, parseComponentPatterns } from '../../src/report/components.js';

describe('components of paths', () => {
  it.each([
    ['kubernetes/apps/default/plex/app/helmrelease.yaml', 'default/plex'],
    ['kubernetes/apps/default/plex/ks.yaml', 'default/plex'],
    ['kubernetes/main/apps/media/plex/app/helmrelease.yaml', 'media/plex'],
    ['kubernetes/apps/kustomization.yaml', 'kubernetes/apps'],
    ['kubernetes/kube-system/tailscale/tailscale-operator.yaml', 'kube-system/tailscale'],
    ['kubernetes/clusters/cluster-0/downloads/radarr/helmrelease.yaml', 'downloads/radarr'],
    ['k8s/clusters/cluster-0/manifests/home-automation/esphome/helmrelease.yaml', 'home-automation/esphome'],
    ['cluster/apps/home-automation/frigate/helm-release.yaml', 'home-automation/frigate'],
    ['monitoring/grafana/grafana.yaml', 'monitoring/grafana'],
    ['apps/base/podinfo/release.yaml', 'podinfo'],
    ['apps/production/podinfo-values.yaml', 'production'],
    ['infrastructure/controllers/ingress-nginx.yaml', 'controllers'],
    ['clusters/production/apps.yaml', 'clusters/production'],
    ['clusters/production/flux-system/gotk-sync.yaml', 'flux-system'],
    ['.github/workflows/ci.yaml', '.github/workflows'],
    ['README.md', '.'],
    ['kubernetes/apps/default/base/app/x.yaml', 'default/base']
  ])('%s belongs to %s', (path, app) => {
    expect(appOf(path)).toBe(app);
  });

  it('names components by the folders the *s of the first matching pattern match, else by app folder', () => {
    const patterns = parseComponentPatterns(['kubernetes/apps/*/*', './platform/', 'apps/*']);
    expect(componentOf('kubernetes/apps/default/plex/app/helmrelease.yaml', patterns)).toBe('default/plex');
    expect(componentOf('platform/x/y.yaml', patterns)).toBe('platform');
    expect(componentOf('apps/podinfo/x.yaml', patterns)).toBe('podinfo');
    expect(componentOf('apps/top.yaml', patterns)).toBe('apps');
    expect(componentOf('kubernetes/flux/cluster/ks.yaml', patterns)).toBe('kubernetes/flux/cluster');
  });

  it.each([['kubernetes/ap*'], ['../x'], [''], ['a//b'], ['a\nb']])('refuses the pattern %j, naming it', pattern => {
    expect(() => parseComponentPatterns([pattern])).toThrow(
      /^Invalid component pattern '.*'\. Expected folders separated by '\/', where '\*' stands for one whole folder/
    );
  });
});
