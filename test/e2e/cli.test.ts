import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createRepo, git, GIT_ENV, type TestRepo } from '../support/repo.js';

const CLI = resolve('dist/cli/index.js');

function cli(cwd: string, ...args: string[]) {
  return cliWith({}, cwd, ...args);
}

function cliWith(extraEnv: Record<string, string>, cwd: string, ...args: string[]) {
  const env = { ...process.env, ...GIT_ENV, GITHUB_TOKEN: '', GH_TOKEN: '', GITHUB_REPOSITORY: '', ...extraEnv };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

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
    ['pull request without a token', ['revert', 'HEAD', '--deliver', 'pull-request'], 2, /--deliver pull-request needs the GitHub API: set GITHUB_TOKEN/],
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
});

