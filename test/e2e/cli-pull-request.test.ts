import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { mergePull } from '../support/pull-history.js';
import { createRepo, git, type TestRepo } from '../support/repo.js';

const CLI = resolve('dist/cli/index.js');
const TOKEN = 'ghp_cliPullRequestToken';

const home = mkdtempSync(join(tmpdir(), 'cli-pr-home-'));
mkdirSync(join(home, 'jane'));
writeFileSync(join(home, 'jane', '.gitconfig'), '[user]\n\tname = Jane Operator\n\temail = jane@example.com\n');
afterAll(() => rmSync(home, { recursive: true, force: true }));

/**
 * The bundled CLI in an environment built from scratch: PATH, a HOME with a git identity, and
 * `env`. Run asynchronously: the fake API answers from this process.
 */
async function cli(cwd: string, env: Record<string, string>, ...args: string[]) {
  const full = { PATH: process.env.PATH ?? '', HOME: join(home, 'jane'), GIT_CONFIG_NOSYSTEM: '1', ...env };
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const status = await new Promise<number | null>(done => child.on('close', code => done(code)));
  return { status, stdout, stderr };
}

describe('gitops-rollback revert --pr (bundled)', () => {
  let repo: TestRepo;
  let github: FakeGitHub;
  afterEach(async () => {
    await github?.close();
    repo?.cleanup();
  });

  async function setUp() {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: 6.0.0\n', 'apps/redis.yaml': 'replicas: 1\n' });
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet', token: TOKEN, gitDir: repo.origin });
    const api = { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.url };
    return api;
  }

  it('reverts a rebase-merged pull request by number, pushes, and comments on it', async () => {
    const api = await setUp();
    const merged = mergePull(repo, github, 'rebase', 'bump', 'Bump podinfo and redis', [
      { files: { 'apps/podinfo.yaml': 'image: 6.1.0\n' }, message: 'Bump podinfo' },
      { files: { 'apps/redis.yaml': 'replicas: 3\n' }, message: 'Scale redis' }
    ]);
    const clone = repo.clone('operator');
    const r = await cli(clone, api, 'revert', '--pr', '1', '--repo', 'acme/fleet', '--deliver', 'push', '--format', 'json');
    expect(r.stderr).not.toContain('error');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.operation).toBe('pushed');
    expect(result.revertedCommits.map((c: { sha: string }) => c.sha)).toEqual(merged.onMain);
    expect(r.stderr).toContain('Pull request #1 ("Bump podinfo and redis"), merged into \'main\' by rebase');
    expect(git(repo.origin, 'show', 'main:apps/podinfo.yaml')).toBe('image: 6.0.0');
    expect(git(repo.origin, 'show', 'main:apps/redis.yaml')).toBe('replicas: 1');
    expect(git(repo.origin, 'log', '-1', '--format=%B', 'main')).toContain('Reverts-pull-request: #1');
    expect(github.state.comments.find(c => c.issue_number === 1)?.body).toContain('on `main` reverts it');
  });

  it('reverts locally with the default --deliver none, without commenting', async () => {
    const api = await setUp();
    mergePull(repo, github, 'squash', 'bump', 'Bump podinfo', [
      { files: { 'apps/podinfo.yaml': 'image: 6.1.0\n' }, message: 'Bump podinfo' }
    ]);
    const clone = repo.clone('operator');
    const r = await cli(clone, { ...api, GITHUB_REPOSITORY: 'acme/fleet' }, 'revert', '--pr', '#1');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('operation: committed');
    expect(git(clone, 'show', 'main:apps/podinfo.yaml')).toBe('image: 6.0.0');
    expect(github.state.comments).toEqual([]);
  });

  it('refuses an unmerged pull request with exit 1, naming it', async () => {
    const api = await setUp();
    github.addPull({ head: 'wip', title: 'Work in progress' });
    const r = await cli(repo.clone('operator'), api, 'revert', '--pr', '1', '--repo', 'acme/fleet');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error: Pull request #1 is open, not merged.');
  });

  it('is a usage error with commits, without a token, or with a bad number', async () => {
    const api = await setUp();
    const clone = repo.clone('operator');
    const both = await cli(clone, api, 'revert', '--pr', '1', 'HEAD', '--repo', 'acme/fleet');
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('error: Both --pr (1) and <rev> (HEAD) were given.');
    const noToken = await cli(clone, {}, 'revert', '--pr', '1', '--repo', 'acme/fleet');
    expect(noToken.status).toBe(2);
    expect(noToken.stderr).toContain("error: --pr needs the GitHub API to find the pull request's commits: set GITHUB_TOKEN");
    const bad = await cli(clone, api, 'revert', '--pr', '1x', '--repo', 'acme/fleet');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("error: Invalid --pr '1x'. Expected pull request numbers such as '12' or '12, 15'.");
  });
});
