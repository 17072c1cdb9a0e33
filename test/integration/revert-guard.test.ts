import { afterEach, describe, expect, it } from '@jest/globals';
import { createRepo, git, type TestRepo } from '../support/repo.js';
import { rollback } from '../support/engine.js';
import { claim as fleetClaim } from '../support/fleet.js';

const claim = (size: string) => fleetClaim('data', size, 'db');

describe('the revert action guard (the safety check on the rollback itself)', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  function repoWithNewClaim() {
    repo = createRepo({ 'apps/web.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  namespace: db\ndata:\n  a: "1"\n' });
    const added = repo.commit({ 'apps/db/pvc.yaml': claim('10Gi') }, 'Add a claim for the database');
    repo.push();
    return added;
  }

  it('refuses a rollback that deletes a volume claim, pushes nothing, and names the finding', async () => {
    const added = repoWithNewClaim();
    const before = git(repo.origin, 'rev-parse', 'main');
    const refused = rollback(repo.work, { commits: [added] });
    await expect(refused).rejects.toThrow(
      /The rollback was refused: pvc-delete on PersistentVolumeClaim db\/data \(apps\/db\/pvc\.yaml:1\)\. Nothing was pushed\..*allow-unsafe: true/
    );
    await expect(refused).rejects.toMatchObject({
      kind: 'refused',
      findings: [expect.objectContaining({ rule: 'pvc-delete', severity: 'critical', direction: 'forward' })]
    });
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('delivers it with allow-unsafe, reporting the findings', async () => {
    const added = repoWithNewClaim();
    const result = await rollback(repo.work, { commits: [added], allowUnsafe: true });
    expect(result.operation).toBe('pushed');
    expect(result.findings.map(f => [f.rule, f.severity])).toEqual([['pvc-delete', 'critical']]);
    expect(result.log.join('\n')).toContain('Delivering a rollback with critical hazards because of allow-unsafe: true.');
  });

  it('shows the findings in a dry run without refusing', async () => {
    const added = repoWithNewClaim();
    const result = await rollback(repo.work, { commits: [added], dryRun: true });
    expect(result.operation).toBe('dry-run');
    expect(result.findings.map(f => f.rule)).toEqual(['pvc-delete']);
    expect(result.log.join('\n')).toContain('would be refused');
  });

  it('refuses a rollback that shrinks a claim (an expansion being reverted)', async () => {
    repo = createRepo({ 'apps/db/pvc.yaml': claim('10Gi') });
    const grow = repo.commit({ 'apps/db/pvc.yaml': claim('20Gi') }, 'Grow the claim');
    repo.push();
    await expect(rollback(repo.work, { commits: [grow] })).rejects.toThrow(/refused: pvc-expand on PersistentVolumeClaim db\/data/);
  });

  // The guard starts as soon as the rollback's final tree is known, which the engine learns at
  // different points: these hold it to refusing there too.
  it('refuses when the claim goes in a squashed rollback, in one whose last revert turns out empty, and in a restore', async () => {
    repo = createRepo({ 'apps/web.yaml': 'a: 1\n' });
    const tweak = repo.commit({ 'apps/web.yaml': 'a: 2\n' }, 'Tweak web');
    const added = repo.commit({ 'apps/db/pvc.yaml': claim('10Gi') }, 'Add a claim for the database');
    repo.commit({ 'apps/web.yaml': 'a: 1\n' }, 'Undo the tweak by hand');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    const refusal = /The rollback was refused: pvc-delete on PersistentVolumeClaim db\/data/;
    await expect(rollback(repo.work, { commits: [tweak, added], squash: true })).rejects.toThrow(refusal);
    await expect(rollback(repo.work, { commits: [tweak, added] })).rejects.toThrow(refusal);
    // That one's last (oldest) revert is empty indeed: the tweak was undone by hand.
    const dry = await rollback(repo.work, { commits: [tweak, added], dryRun: true });
    expect(dry.revertedCommits.map(c => c.sha)).toEqual([added]);
    expect(dry.log.join('\n')).toContain(`Reverting ${tweak.slice(0, 12)} ("Tweak web") changes nothing`);
    expect(dry.findings.map(f => f.rule)).toEqual(['pvc-delete']);
    await expect(rollback(repo.work, { commits: [], restorePaths: ['apps/db'], restoreTo: tweak })).rejects.toThrow(refusal);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
  });

  it('refuses a rollback that moves what a kustomization.yaml builds back to its old namespace', async () => {
    const build = (namespace: string) =>
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: ${namespace}\nresources: [pvc.yaml]\n`;
    repo = createRepo({ 'apps/db/pvc.yaml': claim('10Gi'), 'apps/db/kustomization.yaml': build('db') });
    const moved = repo.commit({ 'apps/db/kustomization.yaml': build('database') }, 'Move the database namespace');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    await expect(rollback(repo.work, { commits: [moved] })).rejects.toThrow(
      /The rollback was refused: kustomize-build-retarget on Kustomization apps\/db \(apps\/db\/kustomization\.yaml:1\)/
    );
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
  });

  it('lets a harmless rollback through with no findings', async () => {
    repo = createRepo({ 'apps/db/pvc.yaml': claim('10Gi'), 'apps/web.yaml': 'a: 1\n' });
    const change = repo.commit({ 'apps/web.yaml': 'a: 2\n' }, 'Tweak web');
    repo.push();
    const result = await rollback(repo.work, { commits: [change] });
    expect(result.operation).toBe('pushed');
    expect(result.findings).toEqual([]);
  });
});
