import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { actionsCheckout, runAction, type ActionRun } from '../support/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { createRepo, git, GIT_ENV, type TestRepo } from '../support/repo.js';

const BUNDLE = 'dist/revert/index.js';
const TOKEN = 'ghs_signedCommitsToken7c1d';
const dispatch = { repository: { full_name: 'acme/fleet', default_branch: 'main' }, inputs: {} };
/** Who GitHub makes the author and committer of a commit made through the API with GITHUB_TOKEN. */
const API_IDENTITIES = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com> | GitHub <noreply@github.com>';

/** A commit as delivered: its tree and its message, trailers included. */
interface Made {
  tree: string;
  message: string;
}

/**
 * A branch that requires signed commits refuses every push git makes from a runner (it signs
 * nothing): origin's pre-receive hook refuses all pushes with GitHub's words.
 */
function requireSignedCommits(repo: TestRepo): void {
  const hook = join(repo.origin, 'hooks', 'pre-receive');
  writeFileSync(
    hook,
    [
      '#!/bin/sh',
      'echo "error: GH006: Protected branch update failed for refs/heads/main." >&2',
      'echo "error: Commits must have verified signatures." >&2',
      'exit 1',
      ''
    ].join('\n')
  );
  chmodSync(hook, 0o755);
}

/** The commits `base..tip` of the repository at `dir`, oldest first. */
function commits(dir: string, base: string, tip: string): Made[] {
  return git(dir, 'rev-list', '--reverse', `${base}..${tip}`)
    .split('\n')
    .filter(Boolean)
    .map(sha => ({
      tree: git(dir, 'rev-parse', `${sha}^{tree}`),
      message: git(dir, 'cat-file', 'commit', sha).split('\n\n').slice(1).join('\n\n')
    }));
}

/**
 * The bundled revert action with `sign-commits: true`, under Node 24 with no git identity, from a
 * depth-1 checkout: the rollback commits are made by the (fake) GitHub API on the bare origin.
 */
describe('bundled revert action: sign-commits', () => {
  let repo: TestRepo;
  let github: FakeGitHub | undefined;
  afterEach(async () => {
    await github?.close();
    github = undefined;
    repo?.cleanup();
  });

  async function start(): Promise<FakeGitHub> {
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet', token: TOKEN, gitDir: repo.origin });
    return github;
  }

  function run(checkout: string, inputs: Record<string, string>): Promise<ActionRun> {
    return runAction(BUNDLE, {
      cwd: checkout,
      event: dispatch,
      inputs: { token: TOKEN, incident: 'INC-31', reason: 'probe fails', ...inputs },
      env: { GITHUB_API_URL: github!.url }
    });
  }

  /**
   * The rollback as the local path makes it: the same inputs with deliver: none, in a checkout of
   * its own (deepened first: deliver: none fetches nothing).
   */
  async function madeLocally(name: string, inputs: Record<string, string>): Promise<Made[]> {
    const checkout = actionsCheckout(repo, name);
    git(checkout, 'fetch', '-q', '--unshallow', 'origin', '+refs/heads/main:refs/remotes/origin/main');
    const base = git(checkout, 'rev-parse', 'HEAD');
    const local = await run(checkout, { ...inputs, deliver: 'none' });
    expect(local.stdout).not.toContain('::error::');
    expect(local.outputs.operation).toBe('committed');
    return commits(checkout, base, local.outputs['commit-sha']);
  }

  it('pushes to a branch that requires signed commits: the trees and trailers of the local path, made and signed by GitHub', async () => {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: 6.0.0\n', 'apps/redis.yaml': 'image: 7.0\n' });
    const bad = repo.commit({ 'apps/podinfo.yaml': 'image: 6.1.0\n' }, 'Bump podinfo');
    repo.commit({ 'apps/redis.yaml': 'image: 7.2\n' }, 'Bump redis');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    await start();
    const expected = await madeLocally('local', { commits: bad });
    requireSignedCommits(repo);
    // git push is refused, as GitHub refuses a runner's unsigned commits.
    const pushed = await run(actionsCheckout(repo, 'unsigned'), { commits: bad, deliver: 'push', 'fallback-to-pull-request': 'false' });
    expect(pushed.exitCode).toBe(1);
    expect(pushed.stdout).toContain('Commits must have verified signatures');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);

    const action = await run(actionsCheckout(repo), {
      commits: bad,
      deliver: 'push',
      'sign-commits': 'true',
      'fallback-to-pull-request': 'false'
    });
    expect(action.stdout).not.toContain('::error::');
    expect(action.stdout).not.toContain('::warning::');
    expect(action.exitCode).toBe(0);
    expect(action.outputs.operation).toBe('pushed');
    expect(action.outputs['commit-sha']).toBe(git(repo.origin, 'rev-parse', 'main'));
    expect(commits(repo.origin, before, 'main')).toEqual(expected);
    expect(expected[0].message).toContain(
      `This reverts commit ${bad}.\n\nReason: probe fails\n\nIncident: INC-31\nRolled-back-by: octocat\nWorkflow-run: https://github.com/acme/fleet/actions/runs/4242`
    );
    expect(git(repo.origin, 'log', '-1', '--format=%an <%ae> | %cn <%ce>', 'main')).toBe(API_IDENTITIES);
    expect(github!.apiCommits).toEqual([{ sha: action.outputs['commit-sha'], verified: true }]);
    expect(action.summary).toContain('## Rollback: pushed');
  });

  it('opens the pull request from a branch made through the API, and posts the guard status on the signed commit', async () => {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: 6.0.0\n' });
    const bad = repo.commit({ 'apps/podinfo.yaml': 'image: 6.1.0\n' }, 'Bump podinfo');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    await start();
    const expected = await madeLocally('local', { commits: bad });
    requireSignedCommits(repo);
    const action = await run(actionsCheckout(repo), { commits: bad, 'sign-commits': 'true', 'status-context': 'rollback-safety' });
    expect(action.stdout).not.toContain('::error::');
    expect(action.exitCode).toBe(0);
    expect(action.outputs.operation).toBe('created');
    expect(action.outputs.branch).toBe('rollback/inc-31');
    const head = git(repo.origin, 'rev-parse', 'refs/heads/rollback/inc-31');
    expect(action.outputs['commit-sha']).toBe(head);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
    expect(commits(repo.origin, before, head)).toEqual(expected);
    expect(github!.apiCommits).toEqual([{ sha: head, verified: true }]);
    expect(github!.state.pulls[0]).toMatchObject({ head: { ref: 'rollback/inc-31' }, base: { ref: 'main' } });
    expect(github!.state.statuses.get(head)).toEqual([expect.objectContaining({ context: 'rollback-safety', state: 'success' })]);
  });

  it('reverts several commits as several signed commits, each with the tree of the local path', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n', 'b.yaml': 'b: 0\n' });
    const one = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Change a');
    const two = repo.commit({ 'b.yaml': 'b: 1\n', 'deep/new/c.yaml': 'c: 1\n' }, 'Change b, add c');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    await start();
    const inputs = { commits: `${one} ${two}` };
    const expected = await madeLocally('local', inputs);
    expect(expected).toHaveLength(2);
    const action = await run(actionsCheckout(repo), { ...inputs, deliver: 'push', 'sign-commits': 'true' });
    expect(action.exitCode).toBe(0);
    expect(commits(repo.origin, before, 'main')).toEqual(expected);
    expect(github!.apiCommits.map(c => c.sha)).toEqual(git(repo.origin, 'rev-list', '--reverse', `${before}..main`).split('\n'));
    expect(action.outputs['commit-sha']).toBe(github!.apiCommits[1].sha);
  });

  it('restores paths through the API', async () => {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: 6.0.0\n' });
    const good = repo.git('rev-parse', 'HEAD');
    repo.commit({ 'apps/podinfo.yaml': 'image: 6.1.0\n', 'apps/extra.yaml': 'x: 1\n' }, 'Bump podinfo, add extra');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    await start();
    const inputs = { commits: '', 'restore-paths': 'apps', 'restore-to': good };
    const expected = await madeLocally('local', inputs);
    const action = await run(actionsCheckout(repo), { ...inputs, deliver: 'push', 'sign-commits': 'true' });
    expect(action.exitCode).toBe(0);
    expect(action.outputs.operation).toBe('pushed');
    expect(commits(repo.origin, before, 'main')).toEqual(expected);
    expect(expected[0].message).toContain(`Restored-to: ${good}\nIncident: INC-31`);
  });

  it('leaves the target and every branch as they were when the API fails between two commits', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n', 'b.yaml': 'b: 0\n' });
    const one = repo.commit({ 'a.yaml': 'a: 1\n' }, 'Change a');
    const two = repo.commit({ 'b.yaml': 'b: 1\n' }, 'Change b');
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    await start();
    github!.failAfter('POST', /\/git\/commits$/, 1, 403, 'Resource not accessible by integration');
    const action = await run(actionsCheckout(repo), { commits: `${one},${two}`, deliver: 'push', 'sign-commits': 'true' });
    expect(action.exitCode).toBe(1);
    expect(action.stdout).toContain(
      '::error::Could not write a commit to acme/fleet: the token is not allowed to do this (403 Resource not accessible by integration). Grant the workflow job `permissions: contents: write`'
    );
    expect(github!.apiCommits).toHaveLength(1);
    expect(github!.requestsTo('PATCH', /\/git\/refs\//)).toHaveLength(0);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
    expect(git(repo.origin, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main');
    expect(action.summary).toContain('## Rollback failed');
  });

  it('refuses sign-commits without a token before anything is fetched', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.push();
    await start();
    const action = await run(actionsCheckout(repo), { commits: bad, deliver: 'push', 'sign-commits': 'true', token: '' });
    expect(action.exitCode).toBe(1);
    expect(action.stdout).toContain(
      '::error::sign-commits makes the rollback commits through the GitHub API: it needs a token and GITHUB_REPOSITORY.'
    );
  });
});

describe('bundled command line: --sign-commits', () => {
  let repo: TestRepo;
  let github: FakeGitHub | undefined;
  afterEach(async () => {
    await github?.close();
    github = undefined;
    repo?.cleanup();
  });

  /** Runs dist/cli without blocking the test's event loop, which serves the API. */
  function cli(cwd: string, env: Record<string, string>, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [resolve('dist/cli/index.js'), ...args], { cwd, env: { ...process.env, ...GIT_ENV, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    return new Promise(done => child.on('close', code => done({ status: code ?? 1, stdout, stderr })));
  }

  it('pushes through the API with GITHUB_TOKEN, and says what it needs without one', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.push();
    requireSignedCommits(repo);
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet', token: TOKEN, gitDir: repo.origin });
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_API_URL: github.url };
    const missing = await cli(repo.work, { ...env, GITHUB_TOKEN: '', GH_TOKEN: '' }, 'revert', bad, '--deliver', 'push', '--sign-commits');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--sign-commits makes the commits through the GitHub API: set GITHUB_TOKEN');
    const r = await cli(repo.work, env, 'revert', bad, '--deliver', 'push', '--sign-commits', '--incident', 'INC-5');
    expect(r.stderr).not.toContain('error:');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('operation: pushed');
    expect(git(repo.origin, 'show', 'main:a.yaml')).toBe('a: 0');
    expect(github.apiCommits).toEqual([{ sha: git(repo.origin, 'rev-parse', 'main'), verified: true }]);
    expect(git(repo.origin, 'log', '-1', '--format=%B', 'main')).toContain('Incident: INC-5');
  });
});
