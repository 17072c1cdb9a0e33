import { afterEach, describe, expect, it } from '@jest/globals';
import { actionsCheckout, runAction } from '../support/action-runner.js';
import { createRepo, git, type TestRepo } from '../support/repo.js';

const BUNDLE = 'dist/revert/index.js';
const dispatch = { repository: { full_name: 'acme/fleet', default_branch: 'main' }, inputs: {} };

// actions/checkout leaves a depth-1 clone: the commit to roll back is usually not in it.
describe('bundled revert action from a depth-1 checkout, without pushing', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  function history() {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: 6.0.0\n' });
    const bad = repo.commit({ 'apps/podinfo.yaml': 'image: 6.1.0\n' }, 'Bump podinfo');
    repo.commit({ 'apps/redis.yaml': 'image: 7.2\n' }, 'Add redis');
    repo.commit({ 'apps/notes.yaml': 'note: 1\n' }, 'Add notes');
    repo.push();
    return { bad, tip: git(repo.origin, 'rev-parse', 'main') };
  }

  it('deliver: none commits the rollback on the checked-out branch and pushes nothing', async () => {
    const { bad, tip } = history();
    const checkout = actionsCheckout(repo);
    const run = await runAction(BUNDLE, {
      cwd: checkout,
      event: dispatch,
      inputs: { commits: bad, deliver: 'none', incident: 'INC-11', token: '' }
    });
    expect(run.stdout).not.toContain('Unknown revision');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.operation).toBe('committed');
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(run.outputs['commit-sha']);
    expect(git(checkout, 'rev-parse', 'HEAD^')).toBe(tip);
    expect(git(checkout, 'show', 'HEAD:apps/podinfo.yaml')).toBe('image: 6.0.0');
    expect(git(checkout, 'status', '--porcelain')).toBe('');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(tip);
  });

  it.each(['none', 'push', 'pull-request'])('dry-run: true with deliver: %s shows the rollback and changes nothing', async deliver => {
    const { bad, tip } = history();
    const checkout = actionsCheckout(repo);
    const run = await runAction(BUNDLE, {
      cwd: checkout,
      event: dispatch,
      inputs: { commits: bad, deliver, 'dry-run': 'true', token: '' }
    });
    expect(run.stdout).not.toContain('Unknown revision');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.operation).toBe('dry-run');
    expect(JSON.parse(run.outputs['reverted-commits'])).toEqual([{ sha: bad, subject: 'Bump podinfo' }]);
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(tip);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(tip);
  });
});
