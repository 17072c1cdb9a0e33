import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Git } from '../../src/git/git.js';
import { analyzeChange } from '../../src/hazards/index.js';
import { readChange } from '../../src/manifests/read-change.js';
import { fluxKustomization as ks } from '../support/fleet.js';
import { createRepo, type TestRepo } from '../support/repo.js';

const pvc = (name: string, size = '10Gi') => `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
  namespace: db
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: ${size}
`;

const crd = `# yaml-language-server: $schema=https://example.com/crd.json
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
`;

const fluxRepo: Record<string, string> = {
  'clusters/prod/flux-system/gotk-sync.yaml': ks('flux-system', './clusters/prod', { prune: true }),
  'clusters/prod/infrastructure.yaml': ks('infrastructure', './infrastructure', { prune: true }),
  'clusters/prod/apps.yaml': ks('apps', './apps/prod', { prune: true }) + ks('legacy', './apps/legacy', { prune: false }),
  'infrastructure/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [redis.yaml]\n',
  'infrastructure/redis.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: redis
  namespace: infra
spec:
  interval: 1h
  chart:
    spec:
      chart: redis
      version: 18.0.0
      sourceRef: {kind: HelmRepository, name: bitnami}
  values:
    password: \${REDIS_PASSWORD}
`,
  'apps/prod/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../base, db.yaml, secret.sops.yaml]
patches:
- path: patches/redis-values.yaml
`,
  'apps/prod/patches/redis-values.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: redis
  namespace: infra
spec:
  values:
    replicas: 3
`,
  'apps/prod/db.yaml': `---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: db\n${pvc('db-data')}`,
  'apps/prod/secret.sops.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: db-creds
  namespace: db
data:
  password: ENC[AES256_GCM,data:Zm9v,iv:abc,tag:def,type:str]
sops:
  version: 3.8.1
`,
  'apps/legacy/pvc.yaml': pvc('legacy-data'),
  'charts/app/templates/pvc.yaml': '{{- if .Values.persistence }}\napiVersion: v1\nkind: PersistentVolumeClaim\n{{- end }}\n'
};

describe('analyzeChange on a Flux repository', () => {
  let repo: TestRepo;
  let git: Git;
  let base: string;

  beforeAll(async () => {
    repo = createRepo(fluxRepo);
    git = await Git.create(repo.work);
    base = repo.git('rev-parse', 'HEAD');
  });
  afterAll(() => repo.cleanup());

  const summary = (findings: { rule: string; severity: string; direction: string; file: string; line: number }[]) =>
    findings.map(f => `${f.rule} ${f.severity} ${f.direction} ${f.file}:${f.line}`);

  async function change(files: Record<string, string | null>, options = {}) {
    repo.git('reset', '--quiet', '--hard', base);
    const head = repo.commit(files, 'change');
    return analyzeChange(git, base, head, options);
  }

  it('moving a PVC between files yields nothing', async () => {
    const result = await change({
      'apps/prod/db.yaml': `---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: db\n`,
      'apps/prod/storage/claims.yaml': pvc('db-data')
    });
    expect(result.findings).toEqual([]);
    expect(result.filesChecked).toBe(2);
  });

  it('deleting a PVC is pvc-delete critical, at the line where it was', async () => {
    const result = await change({ 'apps/prod/db.yaml': `---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: db\n` });
    expect(summary(result.findings)).toEqual(['pvc-delete critical forward apps/prod/db.yaml:7']);
    expect(result.findings[0]).toMatchObject({ kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace: 'db', name: 'db-data' });
    expect(result.findings[0].message).toContain('prune: disabled');
  });

  it('a PR adding a CRD yields crd-create in the rollback direction', async () => {
    const result = await change({ 'infrastructure/crds/widgets.yaml': crd });
    expect(summary(result.findings)).toEqual(['crd-create warning rollback infrastructure/crds/widgets.yaml:3']);
  });

  it('the revert guard (forward only) does not see the creation', async () => {
    const result = await change({ 'infrastructure/crds/widgets.yaml': crd }, { directions: ['forward'] });
    expect(result.findings).toEqual([]);
  });

  it('deleting a PVC under a Kustomization with prune: false is not critical', async () => {
    const result = await change({ 'apps/legacy/pvc.yaml': null });
    expect(summary(result.findings)).toEqual(['pvc-delete notice forward apps/legacy/pvc.yaml:2']);
    expect(result.findings[0].message).toContain('legacy');
  });

  it('a patch file disappearing is not the HelmRelease being deleted', async () => {
    const result = await change({
      'apps/prod/patches/redis-values.yaml': null,
      'apps/prod/kustomization.yaml': 'resources: [../base, db.yaml, secret.sops.yaml]\n'
    });
    expect(result.findings).toEqual([]);
  });

  it('deleting the HelmRelease and growing a claim', async () => {
    const result = await change({
      'infrastructure/redis.yaml': null,
      'apps/prod/db.yaml': `---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: db\n${pvc('db-data', '20Gi')}`
    });
    expect(summary(result.findings)).toEqual([
      'pvc-expand error rollback apps/prod/db.yaml:7',
      'helmrelease-delete warning forward infrastructure/redis.yaml:1'
    ]);
  });

  it('re-encrypting a SOPS secret and editing a Helm template are safe; the template is a notice', async () => {
    const result = await change({
      'apps/prod/secret.sops.yaml': fluxRepo['apps/prod/secret.sops.yaml'].replace('Zm9v', 'YmFy'),
      'charts/app/templates/pvc.yaml': '{{- if .Values.persistence.enabled }}\napiVersion: v1\nkind: PersistentVolumeClaim\n{{- end }}\n'
    });
    expect(summary(result.findings)).toEqual(['manifest-unreadable notice forward charts/app/templates/pvc.yaml:1']);
  });

  it('removing a Flux Kustomization that prunes is critical, and exclude filters files', async () => {
    const files = { 'clusters/prod/apps.yaml': ks('legacy', './apps/legacy', { prune: false }) };
    expect(summary((await change(files)).findings)).toEqual(['flux-kustomization-delete critical forward clusters/prod/apps.yaml:2']);
    expect((await change(files, { exclude: ['clusters/**'] })).findings).toEqual([]);
    expect((await change(files, { paths: ['apps/'] })).filesChecked).toBe(0);
  });

  it('a kustomization.yaml moving what it builds to another namespace is critical where Flux prunes', async () => {
    const build = fluxRepo['apps/prod/kustomization.yaml'];
    const result = await change({
      'apps/prod/kustomization.yaml': build.replace('kind: Kustomization\n', 'kind: Kustomization\nnamespace: db2\n')
    });
    expect(summary(result.findings)).toEqual(['kustomize-build-retarget critical forward apps/prod/kustomization.yaml:1']);
    expect(result.findings[0].message).toContain('apps/prod/');
    const legacy = await change({
      'apps/legacy/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamePrefix: old-\nresources: [pvc.yaml]\n'
    });
    expect(legacy.findings).toEqual([]);
    repo.git('reset', '--quiet', '--hard', base);
    const withBuild = repo.commit(
      {
        'apps/legacy/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamePrefix: old-\nresources: [pvc.yaml]\n'
      },
      'build'
    );
    const renamed = repo.commit(
      { 'apps/legacy/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [pvc.yaml]\n' },
      'rename'
    );
    const notice = await analyzeChange(git, withBuild, renamed);
    expect(summary(notice.findings)).toEqual(['kustomize-build-retarget notice forward apps/legacy/kustomization.yaml:1']);
    expect(notice.findings[0].message).toContain('spec.prune: false');
  });

  it('reads both revisions and their Flux context in one go', async () => {
    repo.git('reset', '--quiet', '--hard', base);
    const head = repo.commit({ 'apps/prod/new.yml': pvc('new'), 'README.md': 'changed\n' }, 'add');
    const c = await readChange(git, base, head);
    expect(c.files.map(f => [f.path, f.before === undefined, f.after !== undefined])).toEqual([['apps/prod/new.yml', true, true]]);
    expect(c.context.after.fluxKustomizations.map(k => `${k.name}:${k.path}:${k.prune}`).sort()).toEqual([
      'apps:apps/prod:true',
      'flux-system:clusters/prod:true',
      'infrastructure:infrastructure:true',
      'legacy:apps/legacy:false'
    ]);
    expect([...c.context.before.patchFiles]).toEqual(['apps/prod/patches/redis-values.yaml']);
  });
});
