import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGitHubClient, type RepoRef } from '../../src/github/client.js';
import { pullRequestPort } from '../../src/github/connection.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { rollback } from '../support/engine.js';
import { createRepo, git, protectOrigin, type TestRepo } from '../support/repo.js';

describe('pull-request delivery (real git origin, local GitHub API)', () => {
  let repo: TestRepo;
  let github: FakeGitHub;
  afterEach(async () => {
    repo?.cleanup();
    await github?.close();
  });

  async function setup() {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: 6.0.0\n' });
    const bad = repo.commit({ 'apps/podinfo.yaml': 'image: 6.1.0\n' }, 'Bump podinfo');
    repo.push();
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet', collaborators: ['alice'], teams: ['platform'] });
    const target: RepoRef = { owner: 'acme', repo: 'fleet' };
    const client = createGitHubClient({ token: 't0ken', baseUrl: github.url, retryDelayMs: 1, paceWrites: false });
    const pullRequests = pullRequestPort({ repo: target, client: async () => client }, 'https://github.com');
    return { bad, pullRequests };
  }

  it('incident names that would meet as one slug, or end in .lock, get branches of their own', async () => {
    const { bad, pullRequests } = await setup();
    const branches: string[] = [];
    for (const incident of ['INC-1.lock', 'INC 1', 'inc-1']) {
      const result = await rollback(repo.work, { commits: [bad], deliver: 'pull-request', incident }, { pullRequests });
      expect(result.operation).toBe('created');
      branches.push(result.branch!);
    }
    expect(branches[0]).toMatch(/^rollback\/inc-1-lock-[0-9a-f]{8}$/);
    expect(branches[1]).toMatch(/^rollback\/inc-1-[0-9a-f]{8}$/);
    expect(branches[2]).toBe('rollback/inc-1');
    expect(github.state.pulls.map(p => p.head.ref)).toEqual(branches);
  });

  it('pushes a rollback branch and opens a pull request a reviewer can act on', async () => {
    const { bad, pullRequests } = await setup();
    const before = git(repo.origin, 'rev-parse', 'main');
    const result = await rollback(
      repo.work,
      {
        commits: [bad],
        deliver: 'pull-request',
        incident: 'INC 42/db',
        reason: 'p99 latency doubled',
        actor: 'octocat',
        labels: ['rollback'],
        reviewers: ['alice'],
        teamReviewers: ['platform'],
        draft: true
      },
      { pullRequests }
    );
    expect(result.operation).toBe('created');
    expect(result.branch).toMatch(/^rollback\/inc-42-db-[0-9a-f]{8}$/);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
    expect(git(repo.origin, 'rev-parse', `refs/heads/${result.branch}`)).toBe(result.commitSha);
    const [pr] = github.state.pulls;
    expect(pr).toMatchObject({
      number: result.pullRequest!.number,
      title: 'Rollback INC 42/db: revert "Bump podinfo"',
      labels: ['rollback'],
      requested_reviewers: ['alice'],
      requested_teams: ['platform'],
      draft: true
    });
    expect(pr.head.ref).toBe(result.branch);
    expect(pr.base.ref).toBe('main');
    expect(pr.body).toContain('- **Incident:** `INC 42/db`');
    expect(pr.body).toContain('- **Reason:** `p99 latency doubled`');
    expect(pr.body).toContain('- **Triggered by:** @octocat');
    expect(pr.body).toContain(`| [\`${bad.slice(0, 12)}\`](https://github.com/acme/fleet/commit/${bad}) | Bump podinfo |`);
    expect(pr.body).toMatch(/apps\/podinfo\.yaml \| 2 \+-/);
  });

  it('shows the reason and incident verbatim: no mention, link, image or HTML of theirs renders', async () => {
    const { bad, pullRequests } = await setup();
    const reason = 'ask @acme/everyone, see [docs](https://evil.example) ![x](https://evil.example/p.png) <img src=x> `code`';
    await rollback(repo.work, { commits: [bad], deliver: 'pull-request', incident: '@octocat-1', reason }, { pullRequests });
    const [pr] = github.state.pulls;
    expect(pr.body).toContain(`- **Reason:** \`\` ${reason} \`\``);
    expect(pr.body).toContain('- **Incident:** `@octocat-1`');
  });

  it('running the same rollback again updates the one pull request and keeps the identical branch', async () => {
    const { bad, pullRequests } = await setup();
    const first = await rollback(repo.work, { commits: [bad], deliver: 'pull-request', incident: 'INC-1' }, { pullRequests });
    const second = await rollback(
      repo.work,
      { commits: [bad], deliver: 'pull-request', incident: 'INC-1', reason: 'now with a reason' },
      { pullRequests }
    );
    expect(second.operation).toBe('updated');
    expect(second.pullRequest).toEqual(first.pullRequest);
    expect(second.commitSha).toBe(first.commitSha);
    expect(github.state.pulls).toHaveLength(1);
    expect(github.state.pulls[0].body).toContain('now with a reason');
  });

  it('a re-run leaves a rollback branch someone else added commits to, naming the branch and the commit', async () => {
    const { bad, pullRequests } = await setup();
    const first = await rollback(repo.work, { commits: [bad], deliver: 'pull-request', incident: 'INC-1' }, { pullRequests });
    repo.git('fetch', '--quiet', 'origin', 'rollback/inc-1');
    repo.git('checkout', '--quiet', '-b', 'review', 'FETCH_HEAD');
    const fix = repo.commit({ 'apps/extra.yaml': 'fix: 1\n' }, 'Reviewer fix');
    repo.git('push', '--quiet', 'origin', 'HEAD:refs/heads/rollback/inc-1');
    repo.git('checkout', '--quiet', 'main');
    repo.commit({ 'apps/other.yaml': 'other: 1\n' }, 'Unrelated change');
    repo.push();
    const rerun = rollback(repo.work, { commits: [bad], deliver: 'pull-request', incident: 'INC-1' }, { pullRequests });
    await expect(rerun).rejects.toMatchObject({ kind: 'refused' });
    await expect(rerun).rejects.toThrow(new RegExp(`'rollback/inc-1'.*${fix.slice(0, 12)}`));
    expect(git(repo.origin, 'rev-parse', 'refs/heads/rollback/inc-1')).toBe(fix);
    expect(first.commitSha).not.toBe(fix);
  });

  it('a re-run after the target moved updates a rollback branch that holds only its own commits', async () => {
    const { bad, pullRequests } = await setup();
    const first = await rollback(repo.work, { commits: [bad], deliver: 'pull-request', incident: 'INC-1' }, { pullRequests });
    repo.commit({ 'apps/other.yaml': 'other: 1\n' }, 'Unrelated change');
    repo.push();
    const second = await rollback(repo.work, { commits: [bad], deliver: 'pull-request', incident: 'INC-1' }, { pullRequests });
    expect(second.operation).toBe('updated');
    expect(second.commitSha).not.toBe(first.commitSha);
    expect(git(repo.origin, 'rev-parse', 'refs/heads/rollback/inc-1')).toBe(second.commitSha);
  });

  it('says another rollback for the incident is running when git cannot lock the branch on the remote', async () => {
    const { bad, pullRequests } = await setup();
    mkdirSync(join(repo.origin, 'refs', 'heads', 'rollback'), { recursive: true });
    writeFileSync(join(repo.origin, 'refs', 'heads', 'rollback', 'inc-1.lock'), '');
    const run = rollback(repo.work, { commits: [bad], deliver: 'pull-request', incident: 'INC-1' }, { pullRequests });
    await expect(run).rejects.toMatchObject({ kind: 'refused' });
    await expect(run).rejects.toThrow(/'rollback\/inc-1'.*another rollback for this incident is running/);
    expect(github.state.pulls).toHaveLength(0);
  });

  it("retries a transient 502 and handles GitHub's duplicate-PR 422 by updating the existing one", async () => {
    const { bad, pullRequests } = await setup();
    await rollback(repo.work, { commits: [bad], deliver: 'pull-request', incident: 'INC-2' }, { pullRequests });
    // The lookup misses the open PR once (as in a race), then creating answers 502 and then 422.
    github.failNext('GET', /\/pulls$/, 200, [] as unknown as object);
    github.failNext('POST', /\/pulls$/, 502, 'Server Error');
    const result = await rollback(repo.work, { commits: [bad], deliver: 'pull-request', incident: 'INC-2' }, { pullRequests });
    expect(result.operation).toBe('updated');
    expect(github.state.pulls).toHaveLength(1);
    expect(github.requestsTo('POST', /\/pulls$/).length).toBeGreaterThanOrEqual(2);
  });

  it('falls back to a pull request when branch protection refuses the push (GH006), with a warning', async () => {
    const { bad, pullRequests } = await setup();
    protectOrigin(repo);
    const before = git(repo.origin, 'rev-parse', 'main');
    const result = await rollback(repo.work, { commits: [bad], deliver: 'push' }, { pullRequests });
    expect(result.operation).toBe('created');
    expect(result.fellBackToPullRequest).toBe(true);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
    expect(result.log.join('\n')).toMatch(
      /warning: 'main' is protected and refused the push \(.*GH006: Protected branch update failed.*\); opening a pull request instead/
    );
  });

  it('names the missing setting when GitHub refuses to let Actions create pull requests, and keeps main untouched', async () => {
    const { bad, pullRequests } = await setup();
    github.failNext('POST', /\/pulls$/, 403, 'GitHub Actions is not permitted to create or approve pull requests.');
    const before = git(repo.origin, 'rev-parse', 'main');
    // The branch is pushed by then: the engine returns what it did and how to finish, rather than throwing.
    const result = await rollback(repo.work, { commits: [bad], deliver: 'pull-request' }, { pullRequests });
    expect(result.operation).toBe('branch-pushed');
    expect(result.pullRequestFailure?.why).toMatch(/Allow GitHub Actions to create and approve pull requests/);
    expect(result.pullRequestFailure?.howToFinish).toContain(`gh pr create --head '${result.branch}' --base 'main' --fill`);
    expect(git(repo.origin, 'rev-parse', `refs/heads/${result.branch}`)).toBe(result.commitSha);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);

    // Running it again keeps the branch and opens the pull request.
    const again = await rollback(repo.work, { commits: [bad], deliver: 'pull-request' }, { pullRequests });
    expect(again).toMatchObject({ operation: 'created', branch: result.branch, commitSha: result.commitSha });
  });
});
