import { afterEach, describe, expect, it } from '@jest/globals';
import { repositoryKey } from '../../src/core/index.js';
import { Git } from '../../src/git/git.js';
import { analyzeChange } from '../../src/hazards/index.js';
import { claim, fluxKustomization as ks } from '../support/fleet.js';
import { createRepo, type TestRepo } from '../support/repo.js';

// Changes shaped like ones found in the history of public Flux repositories, which the check
// reported as critical although nothing is deleted, next to the nearest change that does delete.

const sync = { 'clusters/prod/flux-system/gotk-sync.yaml': ks('flux-system', './clusters/prod'), 'README.md': 'fleet\n' };

const secret = (name: string, namespace?: string) => `---
apiVersion: v1
kind: Secret
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}stringData:
  token: op://vault/item
`;
const pvc = (name: string, namespace?: string) =>
  namespace ? claim(name, '1Gi', namespace) : claim(name, '1Gi', 'x').replace('  namespace: x\n', '');
const placeholder = (annotations = '    kustomize.toolkit.fluxcd.io/prune: disabled\n') => `---
apiVersion: v1
kind: Namespace
metadata:
  name: _
${annotations ? `  annotations:\n${annotations}` : ''}`;
const component = {
  'components/namespace/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - ./namespace.yaml\n',
  'components/namespace/namespace.yaml': placeholder()
};
const build = (lines: { namespace?: string; components?: string[]; resources: string[] }) =>
  [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    ...(lines.namespace ? [`namespace: ${lines.namespace}`] : []),
    ...(lines.components ? ['components:', ...lines.components.map(c => `  - ${c}`)] : []),
    'resources:',
    ...lines.resources.map(r => `  - ${r}`),
    ''
  ].join('\n');

describe('what kustomize builds decides what is deleted', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  const check = async (commit: string, repository?: string) =>
    (await analyzeChange(await Git.create(repo.work), `${commit}~1`, commit, { repository })).findings.map(
      f => `${f.rule} ${f.severity} ${f.direction} ${f.namespace ? `${f.namespace}/` : ''}${f.name}`
    );
  const failing = (findings: string[]) => findings.filter(f => / (critical|error) /.test(f));

  // The objects named their namespace; it moves into kustomization.yaml (built: the same).
  function secretsApp(namespace?: string) {
    const app = 'apps/external-secrets';
    return {
      [`${app}/kustomization.yaml`]: build({
        namespace,
        components: ['../../components/namespace'],
        resources: ['./secret.yaml', './pvc.yaml']
      }),
      [`${app}/secret.yaml`]: secret('vault-token', namespace ? undefined : 'external-secrets'),
      [`${app}/pvc.yaml`]: pvc('cache', namespace ? undefined : 'external-secrets')
    };
  }

  it('a namespace moved from the objects into kustomization.yaml moves nothing', async () => {
    repo = createRepo({
      ...sync,
      ...component,
      'clusters/prod/secrets.yaml': ks('external-secrets', './apps/external-secrets'),
      ...secretsApp()
    });
    const moved = repo.commit(secretsApp('external-secrets'), 'Fix the namespace rendering');
    expect(failing(await check(moved))).toEqual([]);
  });

  it('a namespace in kustomization.yaml that differs from the objects still moves them: critical', async () => {
    repo = createRepo({
      ...sync,
      ...component,
      'clusters/prod/secrets.yaml': ks('external-secrets', './apps/external-secrets'),
      ...secretsApp()
    });
    const moved = repo.commit(
      { ...secretsApp('secrets'), 'apps/external-secrets/pvc.yaml': pvc('cache', 'external-secrets') },
      'Move to another namespace'
    );
    const found = await check(moved);
    expect(found).toContain('kustomize-build-retarget critical forward apps/external-secrets');
  });

  it('a build file whose own namespace goes while the build it includes sets the same one moves nothing', async () => {
    const base = {
      ...sync,
      'clusters/staging/apps.yaml': ks('apps', './apps/staging'),
      'apps/base/podinfo/kustomization.yaml': build({ namespace: 'podinfo', resources: ['namespace.yaml', 'pvc.yaml'] }),
      'apps/base/podinfo/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: podinfo\n',
      'apps/base/podinfo/pvc.yaml': pvc('data'),
      'apps/staging/kustomization.yaml': build({ namespace: 'podinfo', resources: ['../base/podinfo'] })
    };
    repo = createRepo(base);
    const dropped = repo.commit({ 'apps/staging/kustomization.yaml': build({ resources: ['../base/podinfo'] }) }, 'Drop the namespace');
    expect(failing(await check(dropped))).toEqual([]);
    repo.git('reset', '-q', '--hard', `${dropped}~1`);
    const changed = repo.commit({ 'apps/staging/kustomization.yaml': build({ namespace: 'web', resources: ['../base/podinfo'] }) }, 'Move');
    expect(failing(await check(changed))).toEqual(['kustomize-build-retarget critical forward apps/staging']);
  });

  // A Namespace named `_` takes the name of the build's namespace: moving it into a component
  // leaves every namespace in place.
  function media(withComponent: boolean) {
    return {
      'apps/media/kustomization.yaml': build({
        namespace: 'media',
        components: withComponent ? ['../../components/namespace'] : undefined,
        resources: [...(withComponent ? [] : ['./namespace.yaml']), './jellyfin/ks.yaml']
      }),
      'apps/media/jellyfin/ks.yaml': ks('jellyfin', './apps/media/jellyfin/app'),
      'apps/media/jellyfin/app/pvc.yaml': pvc('config', 'media')
    };
  }

  it('a Namespace placeholder (`_`) moved into a component is no deletion, not even a notice', async () => {
    // The component is there already (other folders use it).
    repo = createRepo({
      ...sync,
      ...component,
      'clusters/prod/apps.yaml': ks('apps', './apps'),
      ...media(false),
      'apps/media/namespace.yaml': placeholder()
    });
    const moved = repo.commit({ ...media(true), 'apps/media/namespace.yaml': null }, 'Namespaces from a component');
    expect(await check(moved)).toEqual([]);
  });

  it('a Namespace placeholder deleted outright still deletes the namespace: critical', async () => {
    repo = createRepo({
      ...sync,
      'clusters/prod/apps.yaml': ks('apps', './apps'),
      ...media(false),
      'apps/media/namespace.yaml': placeholder('')
    });
    const removed = repo.commit(
      {
        'apps/media/namespace.yaml': null,
        'apps/media/kustomization.yaml': build({ namespace: 'media', resources: ['./jellyfin/ks.yaml'] })
      },
      'Drop the namespace'
    );
    expect(failing(await check(removed))).toEqual(['namespace-delete critical forward _']);
  });

  it('a claim whose namespace moves into kustomization.yaml is not deleted; one whose namespace changes is', async () => {
    repo = createRepo({
      ...sync,
      ...component,
      'clusters/prod/secrets.yaml': ks('external-secrets', './apps/external-secrets'),
      ...secretsApp()
    });
    const moved = repo.commit(secretsApp('external-secrets'), 'Namespace from the build');
    expect((await check(moved)).filter(f => f.startsWith('pvc-'))).toEqual([]);
    repo.git('reset', '-q', '--hard', `${moved}~1`);
    const changed = repo.commit(secretsApp('vault'), 'Another namespace');
    expect(failing(await check(changed))).toContain('pvc-delete critical forward external-secrets/cache');
  });

  // A folder renamed with its Flux Kustomization file: the files it builds are the same.
  it('a Kustomization whose file moves with its renamed folder prunes nothing: a notice', async () => {
    const app = {
      'kustomization.yaml': build({ resources: ['./helmrelease.yaml', './pvc.yaml'] }),
      'helmrelease.yaml':
        'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: grafana-operator\n  namespace: observability\nspec:\n  chartRef: {kind: OCIRepository, name: grafana-operator}\n',
      'pvc.yaml': pvc('grafana', 'observability')
    };
    const at = (folder: string, files: Record<string, string | null>) =>
      Object.fromEntries(Object.entries(files).map(([name, text]) => [`${folder}/${name}`, text]));
    const operator = (path: string) => ks('grafana-operator', path).replace('  interval: 10m\n', '  interval: 1h\n');
    repo = createRepo({
      ...sync,
      'clusters/prod/apps.yaml': ks('observability', './apps/observability'),
      'apps/observability/kustomization.yaml': build({ namespace: 'observability', resources: ['./grafana/ks.yaml'] }),
      'apps/observability/grafana/ks.yaml': operator('./apps/observability/grafana/operator'),
      ...at('apps/observability/grafana/operator', app)
    });
    const renamed = repo.commit(
      {
        'apps/observability/kustomization.yaml': build({ namespace: 'observability', resources: ['./grafana-operator/ks.yaml'] }),
        'apps/observability/grafana/ks.yaml': null,
        'apps/observability/grafana-operator/ks.yaml': operator('./apps/observability/grafana-operator/app'),
        ...at('apps/observability/grafana/operator', { 'kustomization.yaml': null, 'helmrelease.yaml': null, 'pvc.yaml': null }),
        ...at('apps/observability/grafana-operator/app', app)
      },
      'Rework the folders'
    );
    expect(await check(renamed)).toEqual(['flux-kustomization-retarget notice forward flux-system/grafana-operator']);
    repo.git('reset', '-q', '--hard', `${renamed}~1`);
    const changed = repo.commit(
      {
        'apps/observability/grafana/ks.yaml': null,
        'apps/observability/grafana-operator/ks.yaml': operator('./apps/observability/grafana-operator/app'),
        ...at('apps/observability/grafana/operator', { 'kustomization.yaml': null, 'helmrelease.yaml': null, 'pvc.yaml': null }),
        ...at('apps/observability/grafana-operator/app', { ...app, 'pvc.yaml': pvc('grafana-data', 'observability') })
      },
      'Rework and rename the claim'
    );
    expect(failing(await check(changed))).toContain('flux-kustomization-retarget critical forward flux-system/grafana-operator');
  });

  // A cluster's Kustomization pointed at the other cluster's overlay, then fixed: both overlays
  // build the same objects from one base, with other values.
  it('a Kustomization moved to another overlay of the same objects prunes nothing: a notice', async () => {
    // The base sets the namespace; one overlay repeats it.
    const overlay = (replicas: number, namespace?: string) => ({
      'kustomization.yaml': build({ namespace, resources: ['../base/podinfo'] }) + 'patches:\n  - path: values.yaml\n',
      'values.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: podinfo-values\ndata:\n  replicas: "${replicas}"\n`
    });
    const at = (folder: string, files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).map(([name, text]) => [`${folder}/${name}`, text]));
    repo = createRepo({
      ...sync,
      'clusters/staging/apps.yaml': ks('apps', './apps/production'),
      'apps/base/podinfo/kustomization.yaml': build({ namespace: 'podinfo', resources: ['release.yaml', 'pvc.yaml'] }),
      'apps/base/podinfo/release.yaml':
        'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\nspec:\n  chartRef: {kind: OCIRepository, name: podinfo}\n',
      'apps/base/podinfo/pvc.yaml': pvc('cache'),
      ...at('apps/production', overlay(3)),
      ...at('apps/staging', overlay(1, 'podinfo'))
    });
    const fixed = repo.commit({ 'clusters/staging/apps.yaml': ks('apps', './apps/staging') }, 'Fix the staging path');
    expect(await check(fixed)).toEqual(['flux-kustomization-retarget notice forward flux-system/apps']);
    repo.git('reset', '-q', '--hard', `${fixed}~1`);
    const other = repo.commit(
      {
        'clusters/staging/apps.yaml': ks('apps', './apps/staging'),
        'apps/staging/kustomization.yaml': build({ namespace: 'podinfo-staging', resources: ['../base/podinfo'] })
      },
      'Staging in its own namespace'
    );
    expect(failing(await check(other))).toContain('flux-kustomization-retarget critical forward flux-system/apps');
  });

  // Flux 2.7: Kustomizations apply an ExternalArtifact that an ArtifactGenerator copies from this
  // repository's folders, keeping their layout.
  it('a Kustomization moved to an artifact copied from the same folders prunes nothing: a notice', async () => {
    const generator = (to: string) => `---
apiVersion: source.extensions.fluxcd.io/v1beta1
kind: ArtifactGenerator
metadata:
  name: flux-system
  namespace: flux-system
spec:
  sources:
    - alias: monorepo
      kind: GitRepository
      name: flux-system
  artifacts:
    - name: apps
      originRevision: "@monorepo"
      copy:
        - from: "@monorepo/apps/base/**"
          to: "@artifact/base/"
        - from: "@monorepo/apps/production/**"
          to: "@artifact/${to}/"
`;
    const helmRepository =
      'apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: podinfo\n  namespace: podinfo\nspec:\n  url: https://stefanprodan.github.io/podinfo\n';
    const fromArtifact = (path: string) =>
      ks('apps', path).replace('    kind: GitRepository\n    name: flux-system\n', '    kind: ExternalArtifact\n    name: apps\n');
    repo = createRepo({
      ...sync,
      'clusters/production/apps.yaml': ks('apps', './apps/production'),
      'apps/base/podinfo/kustomization.yaml': build({ namespace: 'podinfo', resources: ['pvc.yaml', 'repository.yaml'] }),
      'apps/base/podinfo/pvc.yaml': pvc('cache'),
      'apps/base/podinfo/repository.yaml': helmRepository,
      'apps/production/kustomization.yaml': build({ resources: ['../base/podinfo'] })
    });
    // The same change replaces a HelmRepository, which no rule looks at: its prune is no hazard.
    const moved = repo.commit(
      {
        'clusters/production/apps.yaml': fromArtifact('./production'),
        'clusters/production/artifacts.yaml': generator('production'),
        'apps/base/podinfo/repository.yaml': helmRepository.replace('kind: HelmRepository', 'kind: OCIRepository')
      },
      'Flux 2.7: apps from an artifact'
    );
    expect(await check(moved)).toEqual(['flux-kustomization-retarget notice forward flux-system/apps']);
    repo.git('reset', '-q', '--hard', `${moved}~1`);
    const relaid = repo.commit(
      { 'clusters/production/apps.yaml': fromArtifact('./prod'), 'clusters/production/artifacts.yaml': generator('prod') },
      'Apps from an artifact laid out anew'
    );
    expect(failing(await check(relaid))).toEqual(['flux-kustomization-retarget critical forward flux-system/apps']);
  });
});

describe('a claim deleted from a kustomize component', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  const component = {
    'components/kopiur/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - ./pvc.yaml\n',
    'components/kopiur/pvc.yaml': claim('radarr-data', '1Gi', 'media')
  };
  const patchedIn = `  patches:
    - patch: |-
        - op: add
          path: /spec/components
          value: ["../../../components/kopiur"]
      target:
        group: kustomize.toolkit.fluxcd.io
        kind: Kustomization
        name: radarr
`;

  // Whether anything applies a component cannot be told for certain from one repository: a
  // parent's patch can add it to a Kustomization (as bjw-s-labs/home-ops's cluster-apps does), a
  // Kustomization can apply the folder itself, a ResourceSet or another repository can use it.
  it.each<[string, Record<string, string>]>([
    ['used by nothing in sight', { 'clusters/prod/radarr.yaml': ks('radarr', './apps/radarr') }],
    [
      'added to a Kustomization by a patch of its parent',
      {
        'clusters/prod/radarr.yaml': ks('radarr', './apps/radarr'),
        'clusters/prod/flux-system/gotk-sync.yaml': ks('flux-system', './clusters/prod') + patchedIn
      }
    ],
    ['applied by a Kustomization on the component folder itself', { 'clusters/prod/radarr.yaml': ks('radarr', './components/kopiur') }]
  ])('is critical when the component is %s', async (_name, files) => {
    repo = createRepo({ ...sync, 'apps/radarr/release.yaml': claim('radarr-config', '1Gi', 'media'), ...component, ...files });
    const removed = repo.commit(
      {
        'components/kopiur/pvc.yaml': null,
        'components/kopiur/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n'
      },
      'Drop the claim'
    );
    const { findings } = await analyzeChange(await Git.create(repo.work), `${removed}~1`, removed);
    expect(findings.map(f => `${f.rule} ${f.severity} ${f.direction} ${f.name}`)).toContain('pvc-delete critical forward radarr-data');
  });
});

describe('ownership by the source URL', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  const gitRepository = (url: string) => `---
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: fleet-apps
  namespace: flux-system
spec:
  interval: 1h
  url: ${url}
  ref: {branch: main}
`;
  // A Kustomization of the GitRepository `fleet-apps` that does not prune: when it owns the
  // claim, deleting the claim prunes nothing.
  const apps = ks('apps', './apps/db', { prune: false }).replace('name: flux-system\n', 'name: fleet-apps\n');

  async function deleteClaim(url: string, repository: string) {
    repo = createRepo({
      ...sync,
      'clusters/prod/sources/fleet-apps.yaml': gitRepository(url),
      'clusters/prod/apps.yaml': apps,
      'apps/db/pvc.yaml': claim('data', '10Gi', 'db')
    });
    const removed = repo.commit({ 'apps/db/pvc.yaml': null }, 'Drop the claim');
    const { findings } = await analyzeChange(await Git.create(repo.work), `${removed}~1`, removed, { repository });
    return findings.map(f => `${f.rule} ${f.severity} ${f.direction}`);
  }

  it("a GitRepository with this repository's URL (any form) owns its path: its prune: false keeps the claim", async () => {
    expect(await deleteClaim('ssh://git@github.com/Acme/Fleet.git', 'https://github.com/acme/fleet')).toEqual([
      'pvc-delete notice forward'
    ]);
  });

  it('a GitRepository of another repository owns nothing here: the deletion stays critical', async () => {
    expect(await deleteClaim('https://github.com/acme/upstream-crds', 'https://github.com/acme/fleet')).toEqual([
      'pvc-delete critical forward'
    ]);
  });

  it('without knowing this repository, only flux-system owns files', async () => {
    expect(await deleteClaim('https://github.com/acme/fleet', '')).toEqual(['pvc-delete critical forward']);
  });

  it('normalises repository URLs', () => {
    for (const url of [
      'https://github.com/Acme/Fleet',
      'https://github.com/acme/fleet.git',
      'https://x-access-token:t@github.com/acme/fleet/',
      'ssh://git@github.com:22/acme/fleet.git',
      'git@github.com:Acme/fleet.git',
      'git://github.com/acme/fleet'
    ])
      expect([url, repositoryKey(url)]).toEqual([url, 'github.com/acme/fleet']);
    expect(repositoryKey('https://github.com/acme/fleet-2')).toBe('github.com/acme/fleet-2');
    expect(repositoryKey('/srv/git/fleet.git')).toBeUndefined();
    expect(repositoryKey('file:///srv/git/fleet.git')).toBeUndefined();
  });
});
