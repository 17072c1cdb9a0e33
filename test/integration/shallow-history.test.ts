import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { Git } from '../../src/git/git.js';
import { gitHttpAuth } from '../../src/git/http-auth.js';
import { rollback } from '../support/engine.js';
import { startGitServer, type GitServer } from '../support/http-git-server.js';
import { createRepo, git, GIT_ENV, ISOLATED_GIT_ENV, type TestRepo, writeFiles } from '../support/repo.js';

// A depth-1 clone (what actions/checkout leaves) has only the tip: the engine fetches the history
// each case needs, and answers as it would with the whole history.

/** Commits `files` with the given committer and author date (seconds since 1970). */
function commitAt(repo: TestRepo, files: Record<string, string | null>, message: string, date: number): string {
  writeFiles(repo.work, files);
  const env = { ...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: `@${date} +0000`, GIT_COMMITTER_DATE: `@${date} +0000` };
  const run = (...args: string[]) => execFileSync('git', args, { cwd: repo.work, env, encoding: 'utf8' }).trim();
  run('add', '--all');
  run('commit', '--quiet', '--allow-empty', '-m', message);
  return run('rev-parse', 'HEAD');
}

const DAY = 86_400;
const START = 1_700_000_000;

describe('rollback from a depth-1 clone: every depth answers as with the whole history', () => {
  let repo: TestRepo;
  /** bad[k]: the commit k below the tip, the only one that changes d<k>.yaml. */
  const bad = new Map<number, string>();
  const DEPTHS = [0, 1, 8, 9, 10, 11, 40];

  beforeAll(() => {
    repo = createRepo({ 'README.md': 'fleet\n' });
    const total = 45;
    for (let i = total - 1; i >= 0; i--) {
      const files = DEPTHS.includes(i) ? { [`d${i}.yaml`]: `depth: ${i}\n` } : { [`other/${i}.yaml`]: `n: ${i}\n` };
      bad.set(i, commitAt(repo, files, `commit ${i} below the tip`, START + (total - i) * 3600));
    }
    repo.push();
  });
  afterAll(() => repo?.cleanup());

  it.each(DEPTHS)('reverts the commit %i below the tip by its sha', async k => {
    const clone = repo.clone(`clone-${k}`, '--depth=1', '--branch=main');
    const result = await rollback(clone, { commits: [bad.get(k)!], dryRun: true });
    expect(result.operation).toBe('dry-run');
    expect(result.revertedCommits).toEqual([{ sha: bad.get(k), subject: `commit ${k} below the tip` }]);
    expect(result.diffStat).toContain(`d${k}.yaml`);
    // Still shallow, and no deeper than the commit needs beyond the first fetch.
    expect(git(clone, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(Number(git(clone, 'rev-list', '--count', 'origin/main'))).toBeLessThanOrEqual(Math.max(10, k + 2));
  });

  it('resolves revision expressions and ranges by deepening: HEAD~11, an abbreviated sha, A..B', async () => {
    const clone = repo.clone('clone-exprs', '--depth=1', '--branch=main');
    const byExpr = await rollback(clone, { commits: ['HEAD~11'], dryRun: true });
    expect(byExpr.revertedCommits.map(c => c.sha)).toEqual([bad.get(11)]);
    const short = await rollback(repo.clone('clone-short', '--depth=1', '--branch=main'), {
      commits: [bad.get(40)!.slice(0, 10)],
      dryRun: true
    });
    expect(short.revertedCommits.map(c => c.sha)).toEqual([bad.get(40)]);
    const range = await rollback(repo.clone('clone-range', '--depth=1', '--branch=main'), {
      commits: [`${bad.get(12)}..${bad.get(8)}`],
      dryRun: true
    });
    expect(range.revertedCommits.map(c => c.sha)).toEqual([8, 9, 10, 11].map(k => bad.get(k)));
  });

  it('restores paths to a commit below the first fetch', async () => {
    const clone = repo.clone('clone-restore', '--depth=1', '--branch=main');
    const result = await rollback(clone, { restorePaths: ['d9.yaml', 'd1.yaml'], restoreTo: bad.get(40)!, dryRun: true });
    expect(result.operation).toBe('dry-run');
    expect(result.revertedCommits.map(c => c.sha)).toEqual([bad.get(1), bad.get(9)]);
  });

  it('refuses a commit that is not on the target branch, after looking at the whole history', async () => {
    repo.git('checkout', '-q', '-b', 'side', bad.get(30)!);
    const side = repo.commit({ 'd0.yaml': 'side\n' }, 'side change');
    repo.git('push', '-q', 'origin', 'side');
    repo.git('checkout', '-q', 'main');
    const clone = repo.clone('clone-side', '--depth=1', '--branch=main');
    await expect(rollback(clone, { commits: [side], dryRun: true })).rejects.toThrow(
      `Commit ${side} is not in the history of target branch 'main'`
    );
  });
});

describe('rollback from a depth-1 clone: the checks read all the history they need', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('finds an earlier revert even when commit dates run backwards (the date-based fetch stops short)', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const badSha = commitAt(repo, { 'a.yaml': 'a: 1\n' }, 'bad', START + 100 * DAY);
    // Rebased or clock-skewed commits: older dates than the bad commit's parent.
    commitAt(repo, { 'a.yaml': 'a: 0\n' }, `Revert "bad"\n\nThis reverts commit ${badSha}.`, START);
    for (let i = 0; i < 15; i++) commitAt(repo, { [`f${i}.yaml`]: `i: ${i}\n` }, `later ${i}`, START + i);
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    const result = await rollback(repo.clone('clone', '--depth=1', '--branch=main'), { commits: [badSha] });
    expect(result.operation).toBe('none');
    expect(result.skipped).toEqual([{ sha: badSha, subject: 'bad' }]);
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
  });

  it('sees a later change to the same file beyond the first fetch as a conflict', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const badSha = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    for (let i = 0; i < 5; i++) repo.commit({ [`f${i}.yaml`]: `i: ${i}\n` }, `later ${i}`);
    repo.commit({ 'a.yaml': 'a: 2\n' }, 'later change to a');
    for (let i = 5; i < 20; i++) repo.commit({ [`f${i}.yaml`]: `i: ${i}\n` }, `later ${i}`);
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    await expect(rollback(repo.clone('clone', '--depth=1', '--branch=main'), { commits: [badSha] })).rejects.toThrow(
      /conflicts with later changes in: a\.yaml/
    );
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
  });

  it('reverts a merge commit below the first fetch with mainline 1', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit({ 'b.yaml': 'b: 1\n' }, 'feature');
    repo.git('checkout', '-q', 'main');
    repo.commit({ 'c.yaml': 'c: 1\n' }, 'main moves on');
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature');
    const merge = repo.git('rev-parse', 'HEAD');
    for (let i = 0; i < 20; i++) repo.commit({ [`f${i}.yaml`]: `i: ${i}\n` }, `later ${i}`);
    repo.push();
    const result = await rollback(repo.clone('clone', '--depth=1', '--branch=main'), { commits: [merge], mainline: '1' });
    expect(result.operation).toBe('pushed');
    expect(git(repo.origin, 'ls-tree', '--name-only', 'main', 'b.yaml')).toBe('');
    expect(git(repo.origin, 'show', 'main:c.yaml')).toBe('c: 1');
  });

  it('deliver: none in a shallow clone deepens it from the remote and commits on the local branch', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const badSha = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    for (let i = 0; i < 15; i++) repo.commit({ [`f${i}.yaml`]: `i: ${i}\n` }, `later ${i}`);
    repo.push();
    const before = git(repo.origin, 'rev-parse', 'main');
    const clone = repo.clone('clone', '--depth=1', '--branch=main');
    const result = await rollback(clone, { commits: [badSha], deliver: 'none' });
    expect(result.operation).toBe('committed');
    expect(git(clone, 'rev-parse', 'HEAD^')).toBe(before);
    expect(git(clone, 'show', 'HEAD:a.yaml')).toBe('a: 0');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
  });
});

describe('rollback from a depth-1 clone over smart HTTP', () => {
  let repo: TestRepo;
  let server: GitServer;
  const TOKEN = 'ghs_shallowHistory0123';
  afterEach(async () => {
    await server?.close();
    repo?.cleanup();
  });

  it.each([true, false])('reverts a commit 30 below the tip (server allows wants of reachable shas: %s)', async allowSha => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const badSha = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    for (let i = 0; i < 30; i++) repo.commit({ [`f${i}.yaml`]: `i: ${i}\n` }, `later ${i}`);
    repo.push();
    git(repo.origin, 'config', 'uploadpack.allowReachableSHA1InWant', String(allowSha));
    git(repo.origin, 'config', 'uploadpack.allowFilter', 'true');
    server = await startGitServer({ bare: repo.origin, slug: 'acme/fleet', token: TOKEN });
    const tip = git(repo.origin, 'rev-parse', 'main');
    const clone = repo.clone('clone', '--depth=1', '--branch=main');
    git(clone, 'remote', 'set-url', 'origin', server.repoUrl);
    const wrapper = await Git.create(clone, ISOLATED_GIT_ENV, gitHttpAuth(TOKEN, server.url, 'the token input'));
    const result = await rollback(clone, { commits: [badSha] }, { git: wrapper });
    expect(result.operation).toBe('pushed');
    expect(git(repo.origin, 'show', 'main:a.yaml')).toBe('a: 0');
    expect(git(repo.origin, 'rev-parse', 'main^')).toBe(tip);
  });
});
