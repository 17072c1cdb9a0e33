import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRepo, git, type TestRepo } from '../support/repo.js';

const CLI = resolve('dist/cli/index.js');

/** Homes for the command line: one whose ~/.gitconfig names the user, one with no git identity at all. */
const homes = mkdtempSync(join(tmpdir(), 'cli-homes-'));
const HOME_WITH_IDENTITY = join(homes, 'jane');
const EMPTY_HOME = join(homes, 'nobody');
mkdirSync(HOME_WITH_IDENTITY);
mkdirSync(EMPTY_HOME);
writeFileSync(join(HOME_WITH_IDENTITY, '.gitconfig'), '[user]\n\tname = Jane Operator\n\temail = jane@example.com\n');
afterAll(() => rmSync(homes, { recursive: true, force: true }));

function cli(cwd: string, ...args: string[]) {
  return cliWith({}, cwd, ...args);
}

/**
 * Runs the bundled CLI in an environment built from scratch: PATH, a HOME whose ~/.gitconfig
 * gives the user's identity (unless `env` says otherwise), no system git config, no tokens.
 */
function cliWith(env: Record<string, string>, cwd: string, ...args: string[]) {
  const full = { PATH: process.env.PATH ?? '', HOME: HOME_WITH_IDENTITY, GIT_CONFIG_NOSYSTEM: '1', ...env };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: full, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const identity = (dir: string, rev: string) => git(dir, 'log', '-1', '--format=%an <%ae> | %cn <%ce>', rev);

describe('gitops-rollback command line (bundled)', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('reverts locally with --deliver none (the default), leaving origin alone, exit 0', () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.push();
    const r = cli(repo.work, 'revert', bad, '--incident', 'INC-5', '--format', 'json');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.operation).toBe('committed');
    expect(repo.git('rev-parse', 'HEAD')).toBe(result.commitSha);
    expect(repo.git('symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(repo.git('show', 'HEAD:a.yaml')).toBe('a: 0');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(bad);
    expect(identity(repo.work, 'HEAD')).toBe('Jane Operator <jane@example.com> | Jane Operator <jane@example.com>');
  });

  it('restores paths with --to and pushes with --deliver push', () => {
    repo = createRepo({ 'apps/x.yaml': 'x: 0\n' });
    const good = repo.git('rev-parse', 'HEAD');
    repo.commit({ 'apps/x.yaml': 'x: 1\n', 'apps/y.yaml': 'y: 1\n' }, 'churn');
    repo.push();
    const r = cli(repo.work, 'restore', 'apps', '--to', good, '--deliver', 'push');
    expect(r.stderr).toContain("» Pushing to 'main'");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('operation: pushed');
    expect(git(repo.origin, 'ls-tree', '-r', '--name-only', 'main')).toBe('apps/x.yaml');
  });

  it.each<[string, string[], number, RegExp]>([
    ['unknown option', ['revert', 'HEAD', '--bogus'], 2, /Unknown option '--bogus'/],
    ['unknown command', ['frobnicate'], 2, /Unknown command 'frobnicate'/],
    ['restore without --to', ['restore', 'apps'], 2, /restore needs --to <rev>/],
    ['bad format', ['revert', 'HEAD', '--format', 'xml'], 2, /Invalid --format 'xml'/],
    ['unknown revision', ['revert', 'nope'], 2, /Unknown revision 'nope'/],
    [
      'pull request without a token',
      ['revert', 'HEAD', '--deliver', 'pull-request'],
      2,
      /--deliver pull-request needs the GitHub API: set GITHUB_TOKEN/
    ],
    ['conflicting revert (refused)', ['revert', 'HEAD~1'], 1, /conflicts with later changes in: a\.yaml/]
  ])('%s: exit %i with a clear message', (_name, args, status, message) => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    repo.commit({ 'a.yaml': 'a: 1\n' }, 'one');
    repo.commit({ 'a.yaml': 'a: 2\n' }, 'two');
    const r = cli(repo.work, ...args);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(status);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('says which temporary folder it could not write to, exit 2', () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const base = repo.git('rev-parse', 'HEAD');
    repo.commit({ 'a.yaml': 'a: 1\n' }, 'change');
    const missing = `${repo.root}/no-such-folder`;
    const r = cliWith({ TMPDIR: missing }, repo.work, 'check', '--base', base, '--head', 'HEAD');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Could not create a temporary file in ${missing} (`);
    expect(r.stderr).toContain('set TMPDIR to one');
  });

  describe('the identity of the rollback commits', () => {
    function twoCommits() {
      repo = createRepo({ 'a.yaml': 'a: 0\n' });
      const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
      repo.push();
      return bad;
    }

    it('fails before fetching, saying what to set, when git has no identity', () => {
      const bad = twoCommits();
      const r = cliWith({ HOME: EMPTY_HOME }, repo.work, 'revert', bad, '--deliver', 'push');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('error: No git identity to write the rollback commits with.');
      expect(r.stderr).toContain('git config user.name "Your Name"');
      expect(r.stderr).toContain('git config user.email you@example.com');
      expect(r.stderr).toContain('--committer "Name <email>"');
      expect(r.stderr).not.toContain('Fetching');
      expect(git(repo.origin, 'rev-parse', 'main')).toBe(bad);
      expect(readdirSync(EMPTY_HOME)).toEqual([]);
    });

    it('uses --committer when git has no identity', () => {
      const bad = twoCommits();
      const r = cliWith({ HOME: EMPTY_HOME }, repo.work, 'revert', bad, '--deliver', 'push', '--committer', 'Ops Bot <ops@example.com>');
      expect(r.stderr).not.toContain('error');
      expect(r.status).toBe(0);
      expect(identity(repo.origin, 'main')).toBe('Ops Bot <ops@example.com> | Ops Bot <ops@example.com>');
      expect(git(repo.origin, 'log', '-1', '--format=%(trailers:key=Rolled-back-by,valueonly)', 'main').trim()).toBe('Ops Bot');
    });

    it.each<[string, Record<string, string>, (dir: string) => void, string]>([
      [
        "the repository's user.name and user.email",
        {},
        dir => (git(dir, 'config', 'user.name', 'Repo User'), git(dir, 'config', 'user.email', 'repo@example.com')),
        'Repo User <repo@example.com>'
      ],
      [
        'GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL',
        { GIT_COMMITTER_NAME: 'Env User', GIT_COMMITTER_EMAIL: 'env@example.com' },
        () => undefined,
        'Env User <env@example.com>'
      ]
    ])('uses %s', (_name, env, configure, expected) => {
      const bad = twoCommits();
      configure(repo.work);
      const r = cliWith({ HOME: EMPTY_HOME, ...env }, repo.work, 'revert', bad, '--deliver', 'push');
      expect(r.stderr).not.toContain('error');
      expect(r.status).toBe(0);
      expect(identity(repo.origin, 'main')).toBe(`${expected} | ${expected}`);
    });
  });
});
