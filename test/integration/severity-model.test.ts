import { afterEach, describe, expect, it } from '@jest/globals';
import { Git } from '../../src/git/git.js';
import { analyzeChange } from '../../src/hazards/index.js';
import { UnsafeRollbackError } from '../../src/rollback/guard.js';
import { rollback } from '../support/engine.js';
import { claim, fluxKustomization as ks } from '../support/fleet.js';
import { createRepo, git, type TestRepo } from '../support/repo.js';

const helmRelease = (name: string, namespace: string, values = '') => `---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  interval: 1h
  chart:
    spec:
      chart: ${name}
      version: 1.0.0
      sourceRef: {kind: HelmRepository, name: charts}
${values}`;

const base: Record<string, string> = {
  'clusters/prod/flux-system/gotk-sync.yaml': ks('flux-system', './clusters/prod'),
  'README.md': 'fleet\n'
};

describe('severity by consequence', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  const summary = (findings: { rule: string; severity: string; direction: string }[]) =>
    findings.map(f => `${f.rule} ${f.severity} ${f.direction}`);

  function newApp(): string {
    repo = createRepo(base);
    const added = repo.commit(
      {
        'clusters/prod/wiki.yaml': ks('wiki', './apps/wiki'),
        'apps/wiki/release.yaml': helmRelease('wiki', 'wiki'),
        'apps/wiki/pvc.yaml': claim('wiki-data', '5Gi', 'wiki')
      },
      'Deploy the wiki'
    );
    repo.push();
    return added;
  }

  it('a new app (HelmRelease, Kustomization, claim) is a warning in the check, with advice for a safe revert', async () => {
    const added = newApp();
    const result = await analyzeChange(await Git.create(repo.work), `${added}~1`, added);
    expect(summary(result.findings).sort()).toEqual([
      'flux-kustomization-delete warning rollback',
      'helmrelease-delete warning rollback',
      'pvc-create warning rollback'
    ]);
    const messages = result.findings.map(f => f.message).join('\n');
    expect(messages).toContain('kustomize.toolkit.fluxcd.io/prune: disabled');
    expect(messages).toContain('helm.sh/resource-policy: keep');
    expect(messages).toContain('backup');
  });

  it('the revert guard refuses reverting that new app: its deletions are critical forward', async () => {
    const added = newApp();
    const before = git(repo.origin, 'rev-parse', 'main');
    const refused = rollback(repo.work, { commits: [added] });
    await expect(refused).rejects.toMatchObject({ kind: 'refused' });
    const error = await refused.then(
      () => undefined,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(UnsafeRollbackError);
    expect(summary((error as UnsafeRollbackError).findings).sort()).toEqual([
      'flux-kustomization-delete critical forward',
      'helmrelease-delete warning forward',
      'pvc-delete critical forward'
    ]);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
  });

  it('removing an app without state is a warning that names it and says nothing persistent was found', async () => {
    repo = createRepo({
      ...base,
      'clusters/prod/echo.yaml': ks('echo', './apps/echo'),
      'apps/echo/kustomization.yaml': 'resources: [release.yaml, config.yaml]\n',
      'apps/echo/release.yaml': helmRelease('echo', 'echo', '  values:\n    replicas: 2\n    persistence:\n      enabled: false\n'),
      'apps/echo/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: echo\n  namespace: echo\ndata:\n  a: "1"\n'
    });
    const removed = repo.commit(
      {
        'clusters/prod/echo.yaml': null,
        'apps/echo/kustomization.yaml': null,
        'apps/echo/release.yaml': null,
        'apps/echo/config.yaml': null
      },
      'Remove echo'
    );
    const result = await analyzeChange(await Git.create(repo.work), `${removed}~1`, removed);
    expect(summary(result.findings)).toEqual(['helmrelease-delete warning forward', 'flux-kustomization-delete warning forward']);
    expect(result.findings[0].message).toContain('HelmRelease echo/echo');
    expect(result.findings[0].message).toContain('nothing persistent');
    expect(result.findings[1].message).toContain('Flux Kustomization flux-system/echo');
    expect(result.findings[1].message).toContain('nothing persistent');
  });

  it('removing a Kustomization whose build holds a claim (through a component) is critical and names the claim', async () => {
    repo = createRepo({
      ...base,
      'clusters/prod/db.yaml': ks('db', './apps/db/app').replace(
        '  sourceRef:',
        '  postBuild:\n    substitute:\n      APP: pg\n  sourceRef:'
      ),
      'apps/db/app/kustomization.yaml': 'resources: [config.yaml]\ncomponents: [../../../components/volsync]\n',
      'apps/db/app/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\n  namespace: db\n',
      'components/volsync/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [pvc.yaml]\n',
      'components/volsync/pvc.yaml': claim('${APP}-data', '10Gi', 'db')
    });
    const removed = repo.commit({ 'clusters/prod/db.yaml': null }, 'Remove the database');
    const result = await analyzeChange(await Git.create(repo.work), `${removed}~1`, removed);
    expect(summary(result.findings)).toEqual(['flux-kustomization-delete critical forward']);
    expect(result.findings[0].message).toContain('It deletes: PersistentVolumeClaim db/pg-data (components/volsync/pvc.yaml)');
  });

  it("removing a Kustomization whose claim comes from its own spec.components (Flux's, not kustomize's) is critical", async () => {
    repo = createRepo({
      ...base,
      'clusters/prod/db.yaml': ks('db', './apps/db/app').replace(
        '  sourceRef:',
        '  components:\n    - ../../../components/volsync\n  postBuild:\n    substitute:\n      APP: pg\n  sourceRef:'
      ),
      'apps/db/app/kustomization.yaml': 'resources: [config.yaml]\n',
      'apps/db/app/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\n  namespace: db\n',
      'components/volsync/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [pvc.yaml]\n',
      // A default that names another variable, as shared components write it.
      'components/volsync/pvc.yaml': claim('"${VOLSYNC_CLAIM:-${APP}-data}"', '10Gi', 'db')
    });
    const removed = repo.commit({ 'clusters/prod/db.yaml': null }, 'Remove the database');
    const result = await analyzeChange(await Git.create(repo.work), `${removed}~1`, removed);
    expect(summary(result.findings)).toEqual(['flux-kustomization-delete critical forward']);
    expect(result.findings[0].message).toContain('It deletes: PersistentVolumeClaim db/pg-data (components/volsync/pvc.yaml)');
  });

  it('a Kustomization of another source owns nothing here: its prune: false does not defuse a deletion', async () => {
    const foreign = ks('upstream-crds', '', { prune: false })
      .replace('name: flux-system\n', 'name: upstream-crds\n')
      .replace('  path: \n', '');
    repo = createRepo({ ...base, 'clusters/prod/crds.yaml': foreign, 'apps/db/pvc.yaml': claim('data', '10Gi', 'db') });
    const removed = repo.commit({ 'apps/db/pvc.yaml': null }, 'Drop the claim');
    const result = await analyzeChange(await Git.create(repo.work), `${removed}~1`, removed);
    expect(summary(result.findings)).toEqual(['pvc-delete critical forward']);
  });

  it('a Kustomization moved to a renamed folder that builds the same files prunes nothing: a notice', async () => {
    const app = { 'kustomization.yaml': 'namespace: db\nresources: [pvc.yaml]\n', 'pvc.yaml': claim('data', '10Gi', 'db') };
    const at = (folder: string, files: Record<string, string | null>) =>
      Object.fromEntries(Object.entries(files).map(([name, text]) => [`${folder}/${name}`, text]));
    repo = createRepo({ ...base, 'clusters/prod/db.yaml': ks('db', './apps/db'), ...at('apps/db', app) });
    const moved = repo.commit(
      {
        'clusters/prod/db.yaml': ks('db', './apps/database'),
        ...at('apps/db', { 'kustomization.yaml': null, 'pvc.yaml': null }),
        ...at('apps/database', app)
      },
      'Rename the folder'
    );
    const gitOf = await Git.create(repo.work);
    expect(summary((await analyzeChange(gitOf, `${moved}~1`, moved)).findings)).toEqual(['flux-kustomization-retarget notice forward']);
    repo.git('reset', '-q', '--hard', `${moved}~1`);
    const changed = repo.commit(
      {
        'clusters/prod/db.yaml': ks('db', './apps/database'),
        ...at('apps/db', { 'kustomization.yaml': null, 'pvc.yaml': null }),
        ...at('apps/database', { ...app, 'kustomization.yaml': 'namespace: database\nresources: [pvc.yaml]\n' })
      },
      'Move and rename'
    );
    expect(summary((await analyzeChange(gitOf, `${changed}~1`, changed)).findings)).toEqual([
      'flux-kustomization-retarget critical forward'
    ]);
  });

  it('an expansion stays an error: its revert would be rejected', async () => {
    repo = createRepo({ ...base, 'apps/db/pvc.yaml': claim('data', '10Gi', 'db') });
    const grow = repo.commit({ 'apps/db/pvc.yaml': claim('data', '20Gi', 'db') }, 'Grow the claim');
    const result = await analyzeChange(await Git.create(repo.work), `${grow}~1`, grow);
    expect(summary(result.findings)).toEqual(['pvc-expand error rollback']);
  });
});
