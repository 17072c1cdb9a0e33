import { afterEach, describe, expect, it } from '@jest/globals';
import { UserError } from '../../src/core/index.js';
import { createGitHubClient, GitHubApiError, type GitHubClient } from '../../src/github/client.js';
import { resolvePullRequest, resolvePullRequests } from '../../src/github/pull-commits.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { mergePull } from '../support/pull-history.js';
import { createRepo, git, type TestRepo } from '../support/repo.js';

const TOKEN = 'ghs_pullCommitsToken';
const repoRef = { owner: 'acme', repo: 'fleet' };

/** The error a promise rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

const change = (n: number) => ({ files: { [`apps/app-${n}.yaml`]: `replicas: ${n}\n` }, message: `Change ${n}` });

/**
 * resolvePullRequest against the fake API, whose pull requests and commits are those of a real
 * repository: each way GitHub merges, and every shape it refuses to guess about.
 */
describe('resolvePullRequest', () => {
  let repo: TestRepo;
  let fake: FakeGitHub;
  let client: GitHubClient;
  afterEach(async () => {
    await fake?.close();
    repo?.cleanup();
  });

  async function setUp() {
    repo = createRepo({ 'apps/base.yaml': 'base: 1\n' });
    fake = await startFakeGitHub({ ...repoRef, token: TOKEN, gitDir: repo.origin });
    client = createGitHubClient({ token: TOKEN, baseUrl: fake.url, retries: 1, retryDelayMs: 1, paceWrites: false });
  }

  it('a merge commit: itself, reverted against mainline 1', async () => {
    await setUp();
    const merged = mergePull(repo, fake, 'merge', 'feature', 'Feature', [change(1), change(2)], { 'apps/other.yaml': 'x: 1\n' });
    const resolved = await resolvePullRequest(client, repoRef, 1, 'main');
    expect(resolved).toMatchObject({
      number: 1,
      title: 'Feature',
      method: 'merge',
      commits: [merged.mergeCommitSha],
      mainline: 1,
      baseRef: 'main'
    });
    expect(git(repo.origin, 'rev-list', '--parents', '-1', merged.mergeCommitSha).split(' ')[2]).toBe(merged.commits[1]);
  });

  it('a squash merge of several commits: the one squash commit', async () => {
    await setUp();
    const merged = mergePull(repo, fake, 'squash', 'feature', 'Feature', [change(1), change(2)]);
    const resolved = await resolvePullRequest(client, repoRef, 1);
    expect(resolved).toMatchObject({ method: 'squash', commits: [merged.mergeCommitSha] });
    expect(resolved.mainline).toBeUndefined();
  });

  it('a rebase merge of three commits: the three replayed commits, newest first', async () => {
    await setUp();
    const merged = mergePull(repo, fake, 'rebase', 'feature', 'Feature', [change(1), change(2), change(3)], {
      'apps/other.yaml': 'x: 1\n'
    });
    const resolved = await resolvePullRequest(client, repoRef, 1);
    expect(resolved).toMatchObject({ method: 'rebase', commits: merged.onMain });
    expect(merged.onMain).toHaveLength(3);
    expect(merged.onMain).not.toContain(merged.commits[2]);
  });

  it('a one-commit pull request merged by rebase or squash: that commit', async () => {
    await setUp();
    const rebased = mergePull(repo, fake, 'rebase', 'one', 'One', [change(1)]);
    const squashed = mergePull(repo, fake, 'squash', 'two', 'Two', [change(2)]);
    expect((await resolvePullRequest(client, repoRef, 1)).commits).toEqual(rebased.onMain);
    expect((await resolvePullRequest(client, repoRef, 2)).commits).toEqual(squashed.onMain);
  });

  it('a fast-forward (merge_commit_sha is the head): its own commits, newest first', async () => {
    await setUp();
    repo.git('checkout', '--quiet', '-b', 'feature');
    const commits = [repo.commit(change(1).files, 'Change 1'), repo.commit(change(2).files, 'Change 2')];
    repo.git('push', '--quiet', 'origin', 'feature:main');
    fake.addPull({ head: 'feature', commits, merged: { mergeCommitSha: commits[1] } });
    expect(await resolvePullRequest(client, repoRef, 1)).toMatchObject({ method: 'fast-forward', commits: [...commits].reverse() });
  });

  it('refuses a fast-forward that brought a merge commit', async () => {
    await setUp();
    repo.git('checkout', '--quiet', '-b', 'feature');
    const first = repo.commit(change(1).files, 'Change 1');
    repo.git('checkout', '--quiet', 'main');
    repo.commit(change(2).files, 'Change 2 on main');
    repo.git('checkout', '--quiet', 'feature');
    repo.git('merge', '--quiet', '--no-ff', '-m', 'Merge main into feature', 'main');
    const merge = repo.git('rev-parse', 'HEAD');
    repo.git('push', '--quiet', 'origin', 'feature:refs/heads/feature');
    fake.addPull({ head: 'feature', commits: [first, merge], merged: { mergeCommitSha: merge } });
    const error = await rejection(resolvePullRequest(client, repoRef, 1));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      `Could not tell which commits pull request #1 put on 'main': it was fast-forwarded and its commit ${merge} is a merge. Revert its commits by sha instead.`
    );
  });

  it('refuses a merge commit that does not merge the head', async () => {
    await setUp();
    const merged = mergePull(repo, fake, 'merge', 'feature', 'Feature', [change(1), change(2)]);
    merged.pull.head.sha = merged.commits[0];
    const error = await rejection(resolvePullRequest(client, repoRef, 1));
    expect(error.message).toBe(
      `Could not tell which commits pull request #1 put on 'main': its merge commit ${merged.mergeCommitSha} does not merge its head ${merged.commits[0]}. Revert its commits by sha instead.`
    );
  });

  it('refuses a rebase whose replayed commits match only in part', async () => {
    await setUp();
    repo.git('checkout', '--quiet', '-b', 'feature');
    const commits = [1, 2, 3].map(n => repo.commit(change(n).files, `Change ${n}`));
    repo.git('checkout', '--quiet', 'main');
    repo.git('cherry-pick', commits[0]);
    repo.git('commit', '--quiet', '--amend', '-m', 'Change 1, reworded');
    repo.git('cherry-pick', commits[1]);
    repo.git('cherry-pick', commits[2]);
    repo.push();
    repo.git('push', '--quiet', 'origin', 'feature:refs/pull/1/head');
    const tip = repo.git('rev-parse', 'HEAD');
    fake.addPull({ head: 'feature', commits, merged: { mergeCommitSha: tip } });
    const error = await rejection(resolvePullRequest(client, repoRef, 1));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(
      new RegExp(
        `^Could not tell which commits pull request #1 put on 'main': its merge commit ${tip} replays its last commit, but [0-9a-f]{40} below it is not a replay of ${commits[0]}\\. Revert its commits by sha instead\\.$`
      )
    );
  });

  it('refuses a rebase whose last replayed commit was reworded, rather than take it for a squash', async () => {
    await setUp();
    repo.git('checkout', '--quiet', '-b', 'feature');
    const commits = [1, 2].map(n => repo.commit(change(n).files, `Change ${n}`));
    repo.git('checkout', '--quiet', 'main');
    repo.git('cherry-pick', commits[0]);
    repo.git('cherry-pick', commits[1]);
    repo.git('commit', '--quiet', '--amend', '-m', 'Change 2, reworded');
    repo.push();
    repo.git('push', '--quiet', 'origin', 'feature:refs/pull/1/head');
    const tip = repo.git('rev-parse', 'HEAD');
    fake.addPull({ head: 'feature', commits, merged: { mergeCommitSha: tip } });
    const error = await rejection(resolvePullRequest(client, repoRef, 1));
    expect(error.message).toBe(
      `Could not tell which commits pull request #1 put on 'main': its merge commit ${tip} sits on a replay of its commit ${commits[0]} but does not replay its last commit. Revert its commits by sha instead.`
    );
  });

  it('refuses a squash or rebase of more commits than GitHub lists', async () => {
    await setUp();
    const squashed = mergePull(repo, fake, 'squash', 'big', 'Big', [change(1)]);
    squashed.pull.commits = Array.from({ length: 300 }, () => squashed.commits[0]);
    const error = await rejection(resolvePullRequest(client, repoRef, 1));
    expect(error.message).toContain('it has 300 commits, more than the 250 GitHub lists');
  });

  it.each([
    ['open', { state: 'open' as const }, 'Pull request #1 is open, not merged. Expected a merged pull request to roll back.'],
    [
      'closed unmerged',
      { state: 'closed' as const },
      'Pull request #1 was closed without being merged: nothing of it is on any branch to roll back.'
    ]
  ])('refuses a pull request that is %s', async (_, seed, message) => {
    await setUp();
    fake.addPull({ head: 'wip', ...seed });
    const error = await rejection(resolvePullRequest(client, repoRef, 1));
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).kind).toBe('refused');
    expect(error.message).toBe(message);
  });

  it('refuses one merged into another branch than the target', async () => {
    await setUp();
    const merged = mergePull(repo, fake, 'squash', 'feature', 'Feature', [change(1)]);
    merged.pull.base.ref = 'staging';
    const error = await rejection(resolvePullRequest(client, repoRef, 1, 'main'));
    expect(error.message).toBe(
      "Pull request #1 was merged into 'staging', not into the target branch 'main'. Expected target-branch 'staging' to roll it back there."
    );
  });

  it('names a pull request that does not exist; explains other API failures', async () => {
    await setUp();
    const missing = await rejection(resolvePullRequest(client, repoRef, 7));
    expect(missing).toBeInstanceOf(UserError);
    expect(missing.message).toMatch(/^Pull request #7 was not found in acme\/fleet\. Expected the number of a merged pull request/);
    mergePull(repo, fake, 'rebase', 'feature', 'Feature', [change(1), change(2)]);
    fake.failNext('GET', /\/pulls\/1\/commits$/, 403, 'Resource not accessible by integration');
    const denied = await rejection(resolvePullRequest(client, repoRef, 1));
    expect(denied).toBeInstanceOf(GitHubApiError);
    expect(denied.message).toContain(
      'Could not list the commits of pull request #1 in acme/fleet: the token is not allowed to do this (403'
    );
    fake.failNext('GET', /\/git\/commits\//, 404, 'Not Found');
    expect((await rejection(resolvePullRequest(client, repoRef, 1))).message).toContain('Could not read commit');
  });

  it('resolvePullRequests: each once, the latest merge first', async () => {
    await setUp();
    const a = mergePull(repo, fake, 'squash', 'a', 'A', [change(1)]);
    const b = mergePull(repo, fake, 'merge', 'b', 'B', [change(2)]);
    a.pull.merged_at = '2024-03-02T00:00:00Z';
    b.pull.merged_at = '2024-03-01T00:00:00Z';
    const resolved = await resolvePullRequests(client, repoRef, [2, 1, 2], 'main');
    expect(resolved.map(p => p.number)).toEqual([1, 2]);
  });
});
