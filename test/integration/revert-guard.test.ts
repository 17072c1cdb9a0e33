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
    await expect(refused).rejects.toThrow(/The rollback was refused: pvc-delete on PersistentVolumeClaim db\/data \(apps\/db\/pvc\.yaml:1\)\. Nothing was pushed\..*allow-unsafe: true/);
    await expect(refused).rejects.toMatchObject({ kind: 'refused', findings: [expect.objectContaining({ rule: 'pvc-delete', severity: 'critical', direction: 'forward' })] });
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('delivers it with allow-unsafe, reporting the findings', async () => {
    const added = repoWithNewClaim();
    const result = await rollback(repo.work, { commits: [added], allowUnsafe: true });
    expect(result.operation).toBe('pushed');
    expect(result.findings.map(f => [f.rule, f.severity])).toEqual([['pvc-delete', 'critical']]);
    expect(result.log.join('\n')).toContain('Delivering a rollback with critical hazards because allow-unsafe is set.');
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

  it('lets a harmless rollback through with no findings', async () => {
    repo = createRepo({ 'apps/db/pvc.yaml': claim('10Gi'), 'apps/web.yaml': 'a: 1\n' });
    const change = repo.commit({ 'apps/web.yaml': 'a: 2\n' }, 'Tweak web');
    repo.push();
    const result = await rollback(repo.work, { commits: [change] });
    expect(result.operation).toBe('pushed');
    expect(result.findings).toEqual([]);
  });
});
