import { afterEach, describe, expect, it } from '@jest/globals';
import { actionsCheckout, runAction, type ActionRun } from '../support/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { mergePull, type MergeStyle } from '../support/pull-history.js';
import { createRepo, git, type TestRepo } from '../support/repo.js';

const BUNDLE = 'dist/revert/index.js';
const TOKEN = 'ghs_pullRequestToken';
const dispatch = { repository: { full_name: 'acme/fleet', default_branch: 'main' }, inputs: {} };

/** The file contents of `rev` in origin, path → text. */
function filesAt(repo: TestRepo, rev: string): Record<string, string> {
  const paths = git(repo.origin, 'ls-tree', '-r', '--name-only', rev).split('\n').filter(Boolean);
  return Object.fromEntries(paths.map(p => [p, git(repo.origin, 'show', `${rev}:${p}`)]));
}

/**
 * The bundled revert action under Node 24, from a depth-1 checkout with no git identity, given
 * `pull-request`: the fake API's pull requests match commits really merged into the origin.
 */
describe('bundled revert action: pull-request by number', () => {
  let repo: TestRepo;
  let github: FakeGitHub | undefined;
  afterEach(async () => {
    await github?.close();
    github = undefined;
    repo?.cleanup();
  });

  async function setUp() {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: 6.0.0\n', 'apps/redis.yaml': 'replicas: 1\n' });
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet', token: TOKEN, gitDir: repo.origin });
    return github;
  }

  function run(inputs: Record<string, string>, checkout = actionsCheckout(repo)): Promise<ActionRun> {
    return runAction(BUNDLE, {
      cwd: checkout,
      event: dispatch,
      inputs: { token: TOKEN, ...inputs },
      env: { GITHUB_API_URL: github!.url }
    });
  }

  /** Two commits of a pull request, merged with `style` while main moved on with an unrelated change. */
  async function mergedTwoCommitPull(style: MergeStyle) {
    const fake = await setUp();
    const merged = mergePull(
      repo,
      fake,
      style,
      'bump-podinfo',
      'Bump podinfo and scale redis',
      [
        { files: { 'apps/podinfo.yaml': 'image: 6.1.0\n' }, message: 'Bump podinfo to 6.1.0' },
        { files: { 'apps/redis.yaml': 'replicas: 3\n' }, message: 'Scale redis to 3' }
      ],
      { 'apps/grafana.yaml': 'image: 11\n' }
    );
    const before = filesAt(repo, 'main');
    return { merged, before };
  }

  it.each<[MergeStyle, string]>([
    ['merge', 'merge'],
    ['squash', 'squash'],
    ['rebase', 'rebase']
  ])('reverts a pull request merged by %s, pushing exactly what it put on main', async style => {
    const { merged } = await mergedTwoCommitPull(style);
    const tip = git(repo.origin, 'rev-parse', 'main');
    const action = await run({ 'pull-request': '1', deliver: 'push' });
    expect(action.stdout).not.toContain('::error::');
    expect(action.exitCode).toBe(0);
    expect(action.outputs.operation).toBe('pushed');
    expect(action.stdout).toContain(`merged into 'main' by ${style}`);
    const reverted = JSON.parse(action.outputs['reverted-commits']).map((c: { sha: string }) => c.sha);
    expect(reverted).toEqual(merged.onMain);
    if (style === 'rebase') expect(merged.onMain).toHaveLength(2);
    // The pull request's changes are gone, main's own change made meanwhile stays.
    expect(filesAt(repo, 'main')).toEqual({
      'apps/podinfo.yaml': 'image: 6.0.0',
      'apps/redis.yaml': 'replicas: 1',
      'apps/grafana.yaml': 'image: 11'
    });
    const message = git(repo.origin, 'log', '-1', '--format=%B', 'main');
    expect(message).toContain('Reverts-pull-request: #1');
    for (const sha of merged.onMain)
      expect(git(repo.origin, 'log', '--format=%B', `${tip}..main`)).toContain(`This reverts commit ${sha}.`);
    // Delivered: the original pull request is told where its rollback is.
    const comments = fake().state.comments.filter(c => c.issue_number === 1);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain(`on \`main\` reverts it`);
    expect(comments[0].body).toContain(action.outputs['commit-sha'].slice(0, 12));
  });

  const fake = () => github!;

  it('opens a pull request titled Revert #N with a body linking the original, the body input first, assignees set', async () => {
    await mergedTwoCommitPull('squash');
    fake().state.collaborators.add('alice');
    const action = await run({ 'pull-request': '#1', body: 'Paging @acme/sre.', assignees: 'alice, @bob', labels: 'rollback' });
    expect(action.stdout).not.toContain('::error::');
    expect(action.exitCode).toBe(0);
    expect(action.outputs.operation).toBe('created');
    const rollback = fake().state.pulls.find(p => p.number === Number(action.outputs['pull-request-number']))!;
    expect(rollback.title).toBe('Revert #1: Bump podinfo and scale redis');
    expect(rollback.body!.startsWith('Paging @acme/sre.\n\n## Rollback')).toBe(true);
    expect(rollback.body).toContain('- **Reverts:** [#1](https://github.com/acme/fleet/pull/1) Bump podinfo and scale redis');
    expect(rollback.assignees).toEqual(['alice']);
    expect(action.stdout).toContain('::warning::GitHub did not assign bob to pull request');
    const comment = fake().state.comments.find(c => c.issue_number === 1)!;
    expect(comment.body).toContain(`pull request [#${rollback.number}](${rollback.html_url}) into \`main\` reverts it`);
  });

  it('reverts two pull requests at once, newest first, in one pull request', async () => {
    const fake = await setUp();
    const first = mergePull(repo, fake, 'squash', 'podinfo', 'Bump podinfo', [
      { files: { 'apps/podinfo.yaml': 'image: 6.1.0\n' }, message: 'Bump podinfo' }
    ]);
    const second = mergePull(repo, fake, 'merge', 'redis', 'Scale redis', [
      { files: { 'apps/redis.yaml': 'replicas: 3\n' }, message: 'Scale redis' }
    ]);
    const action = await run({ 'pull-request': '1, 2', deliver: 'push' });
    expect(action.stdout).not.toContain('::error::');
    expect(action.exitCode).toBe(0);
    expect(JSON.parse(action.outputs['reverted-commits']).map((c: { sha: string }) => c.sha)).toEqual([...second.onMain, ...first.onMain]);
    expect(filesAt(repo, 'main')['apps/podinfo.yaml']).toBe('image: 6.0.0');
    expect(filesAt(repo, 'main')['apps/redis.yaml']).toBe('replicas: 1');
    expect(fake.state.comments.map(c => c.issue_number).sort()).toEqual([1, 2]);
  });

  it('titles several pull requests newest first', async () => {
    const fake = await setUp();
    mergePull(repo, fake, 'squash', 'podinfo', 'Bump podinfo', [
      { files: { 'apps/podinfo.yaml': 'image: 6.1.0\n' }, message: 'Bump podinfo' }
    ]);
    mergePull(repo, fake, 'squash', 'redis', 'Scale redis', [{ files: { 'apps/redis.yaml': 'replicas: 3\n' }, message: 'Scale redis' }]);
    const action = await run({ 'pull-request': '1 2', 'dry-run': 'true' });
    expect(action.exitCode).toBe(0);
    expect(action.stdout).toMatch(/Pull request #2 [^\n]*\n[^\n]*Pull request #1 /);
    expect(fake.state.comments).toEqual([]);
  });

  it.each([
    ['open', { state: 'open' as const }, 'Pull request #1 is open, not merged.'],
    ['closed without merging', { state: 'closed' as const }, 'Pull request #1 was closed without being merged']
  ])('refuses a pull request that is %s, naming it, and changes nothing', async (_, seed, message) => {
    const fake = await setUp();
    fake.addPull({ head: 'wip', title: 'Work in progress', ...seed });
    const tip = git(repo.origin, 'rev-parse', 'main');
    const action = await run({ 'pull-request': '1', deliver: 'push' });
    expect(action.exitCode).toBe(1);
    expect(action.stdout).toContain(`::error::${message}`);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(tip);
    expect(fake.state.comments).toEqual([]);
  });

  it('refuses a pull request that does not exist, naming its number', async () => {
    await setUp();
    const action = await run({ 'pull-request': '42', deliver: 'push' });
    expect(action.exitCode).toBe(1);
    expect(action.stdout).toContain('::error::Pull request #42 was not found in acme/fleet.');
  });

  it('refuses a pull request merged into another branch than target-branch', async () => {
    const fake = await setUp();
    const merged = mergePull(repo, fake, 'squash', 'podinfo', 'Bump podinfo', [
      { files: { 'apps/podinfo.yaml': 'image: 6.1.0\n' }, message: 'Bump podinfo' }
    ]);
    merged.pull.base.ref = 'staging';
    const action = await run({ 'pull-request': '1', 'target-branch': 'refs/heads/main', deliver: 'push' });
    expect(action.exitCode).toBe(1);
    expect(action.stdout).toContain("::error::Pull request #1 was merged into 'staging', not into the target branch 'main'.");
  });

  it('refuses pull-request together with commits', async () => {
    await setUp();
    const action = await run({ 'pull-request': '1', commits: 'abc1234' });
    expect(action.exitCode).toBe(1);
    expect(action.stdout).toContain('::error::Both pull-request (1) and commits (abc1234) were given.');
  });

  it('still delivers the rollback when the comment on the original pull request fails, with a warning', async () => {
    const { merged } = await mergedTwoCommitPull('merge');
    fake().failNext('POST', /\/issues\/1\/comments$/, 403, 'Resource not accessible by integration');
    const action = await run({ 'pull-request': '1', deliver: 'push' });
    expect(action.exitCode).toBe(0);
    expect(action.outputs.operation).toBe('pushed');
    expect(JSON.parse(action.outputs['reverted-commits'])[0].sha).toBe(merged.mergeCommitSha);
    expect(action.stdout).toContain('::warning::Could not comment on #1 in acme/fleet');
    expect(action.summary).toContain('The rollback itself was delivered.');
  });

  /** A squash-merged pull request rolled back by pull request, then reverted on main by hand meanwhile. */
  async function staleRollback() {
    const { merged } = await mergedTwoCommitPull('squash');
    const first = await run({ 'pull-request': '1' });
    expect(first.outputs.operation).toBe('created');
    const branch = first.outputs.branch;
    repo.git('revert', '--no-edit', merged.mergeCommitSha);
    repo.push();
    return { branch, rollback: Number(first.outputs['pull-request-number']) };
  }

  it('with delete-branch, a re-run that finds nothing left to roll back closes the stale pull request and deletes its branch', async () => {
    const { branch, rollback } = await staleRollback();
    const tip = git(repo.origin, 'rev-parse', 'main');
    const again = await run({ 'pull-request': '1', 'delete-branch': 'true' }, actionsCheckout(repo, 'again'));
    expect(again.stdout).not.toContain('::error::');
    expect(again.exitCode).toBe(0);
    expect(again.outputs.operation).toBe('none');
    expect(again.outputs['deleted-branch']).toBe(branch);
    expect(git(repo.origin, 'branch', '--list', branch)).toBe('');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(tip);
    const stale = fake().state.pulls.find(p => p.number === rollback)!;
    expect(stale.state).toBe('closed');
    expect(fake().state.comments.find(c => c.issue_number === rollback)?.body).toContain('Nothing is left to roll back on `main`');
    expect(again.summary).toContain(
      `Closed the stale rollback pull request [#${rollback}](${stale.html_url}) and deleted its branch \`${branch}\`.`
    );
  });

  it('without delete-branch, such a re-run leaves the branch and its pull request alone', async () => {
    const { branch, rollback } = await staleRollback();
    const again = await run({ 'pull-request': '1' }, actionsCheckout(repo, 'again'));
    expect(again.outputs.operation).toBe('none');
    expect(again.outputs['deleted-branch']).toBe('');
    expect(git(repo.origin, 'branch', '--list', branch)).toContain(branch);
    expect(fake().state.pulls.find(p => p.number === rollback)!.state).toBe('open');
  });

  it("with delete-branch, keeps a stale rollback branch that holds someone else's commit, and says why", async () => {
    const { branch, rollback } = await staleRollback();
    repo.git('fetch', '--quiet', 'origin', branch);
    repo.git('checkout', '--quiet', '-b', 'fix', 'FETCH_HEAD');
    const foreign = repo.commit({ 'apps/redis.yaml': 'replicas: 2\n' }, 'Keep two redis replicas');
    repo.git('push', '--quiet', 'origin', `fix:refs/heads/${branch}`);
    repo.git('checkout', '--quiet', 'main');
    const again = await run({ 'pull-request': '1', 'delete-branch': 'true' }, actionsCheckout(repo, 'again'));
    expect(again.exitCode).toBe(0);
    expect(again.outputs.operation).toBe('none');
    expect(again.outputs['deleted-branch']).toBe('');
    expect(git(repo.origin, 'rev-parse', branch)).toBe(foreign);
    expect(fake().state.pulls.find(p => p.number === rollback)!.state).toBe('open');
    expect(again.stdout).toContain(
      `::warning::Kept the rollback branch '${branch}': it holds commit ${foreign}, which this tool did not make.`
    );
    expect(again.summary).toContain(`Kept the rollback branch \`${branch}\``);
  });
});
