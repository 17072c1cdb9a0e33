import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NODE24 } from '../support/action-runner.js';
import { claim } from '../support/fleet.js';
import { createRepo, git, GIT_ENV, protectOrigin, type TestRepo } from '../support/repo.js';

/** The bundled command line under Node 24, a Node.js it supports. */
const CLI = resolve('dist/cli/index.js');
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

function cli(cwd: string, ...args: string[]) {
  const env = { ...process.env, ...GIT_ENV, GITHUB_TOKEN: '', GH_TOKEN: '', GITHUB_REPOSITORY: '' };
  const r = spawnSync(NODE24, [CLI, ...args], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Action input syntax (`allow-unsafe: true`, `target-branch:`) that must not appear in CLI messages. */
const INPUT_SYNTAX = /\b(allow-unsafe|target-branch|restore-paths|restore-to|fallback-to-pull-request|deliver|mainline|committer|branch): /;

describe('gitops-rollback help and version (bundled)', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const outside = () => (dir = mkdtempSync(join(tmpdir(), 'no-repo-')));

  it.each([['--help'], ['-h'], ['help']])('%s lists the commands and where their options are, exit 0', flag => {
    const r = cli(outside(), flag);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^gitops-rollback \S+: roll back/);
    for (const command of ['revert <rev|A..B>...', 'restore <path>... --to <rev>', 'check --base <rev>', '<command> --help', '--version']) {
      expect(r.stdout).toContain(`gitops-rollback ${command}`);
    }
    expect(r.stdout).toContain('Needs Node.js >=');
  });

  it('without a command prints the usage on stderr, exit 2', () => {
    const r = cli(outside());
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('gitops-rollback <command> --help');
  });

  it.each<[string, string[]]>([
    ['revert', ['--mainline N', '--squash', '--deliver MODE', '--allow-unsafe', '--no-fallback', '--format text|json']],
    ['restore', ['--to REV', '--deliver MODE', '--allow-unsafe', '--target-branch B']],
    ['check', ['--base REV', '--head REV', '--fail-on LEVEL', '--path GLOB', '--format FORMAT']]
  ])('%s --help shows that command’s usage, also outside a repository, exit 0', (command, flags) => {
    for (const args of [
      [command, '--help'],
      [command, '-h'],
      ['help', command]
    ]) {
      const r = cli(outside(), ...args);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout.startsWith(`Usage: gitops-rollback ${command} `)).toBe(true);
      for (const flag of flags) expect(r.stdout).toContain(flag);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('help of an unknown command is an error, exit 2', () => {
    const r = cli(outside(), 'help', 'frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown command 'frobnicate'");
  });

  it.each([['--version'], ['-V'], ['version']])('%s prints the version from package.json, exit 0', flag => {
    const r = cli(outside(), flag);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(r.stderr).toBe('');
  });

  it('points to the command’s --help after an unknown option', () => {
    const r = cli(outside(), 'check', '--base', 'HEAD', '--bogus');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown option '--bogus'");
    expect(r.stderr).toContain("Run 'gitops-rollback check --help' for its options.");
  });

  it('says what a command lacks before looking for a repository', () => {
    expect(cli(outside(), 'revert').stderr).toContain('error: revert needs the commits to revert: gitops-rollback revert <rev|A..B>...');
    expect(cli(dir, 'restore', '--to', 'HEAD').stderr).toContain('error: restore needs the paths to restore');
  });
});

describe('gitops-rollback outside a git repository (bundled)', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each<[string, string[]]>([
    ['revert', ['revert', 'HEAD']],
    ['restore', ['restore', 'apps', '--to', 'HEAD~1']],
    ['check', ['check', '--base', 'origin/main']]
  ])('%s says it is not in a git repository, exit 2', (_name, args) => {
    dir = mkdtempSync(join(tmpdir(), 'no-repo-'));
    const r = cli(dir, ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error: not a git repository: ${dir}. Run gitops-rollback inside a clone of the repository`);
    expect(r.stderr).not.toMatch(/target branch|Unknown base revision/i);
  });

  it('checks a change in a bare repository (a server-side hook has no work tree)', () => {
    const repo = createRepo({ 'apps/db/pvc.yaml': claim('data', '10Gi', 'db') });
    dir = repo.root;
    const base = repo.git('rev-parse', 'HEAD');
    const head = repo.commit({ 'apps/db/pvc.yaml': null }, 'Drop the claim');
    repo.push();
    const r = cli(repo.origin, 'check', '--base', base, '--head', head, '--format', 'json');
    expect(r.stderr).not.toContain('error');
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['pvc-delete']);
    expect(r.status).toBe(1);
  });

  it('says a bare repository has no work tree, exit 2', () => {
    dir = mkdtempSync(join(tmpdir(), 'bare-'));
    git(dir, 'init', '--quiet', '--bare');
    const r = cli(dir, 'revert', 'HEAD');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error: not inside a work tree: ${dir}`);
  });
});

describe('gitops-rollback errors name flags, not action inputs (bundled)', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('a refused rollback says --allow-unsafe, exit 1', () => {
    repo = createRepo({ 'README.md': 'fleet\n' });
    const added = repo.commit({ 'apps/db/pvc.yaml': claim('data', '10Gi', 'db') }, 'Add the database claim');
    const r = cli(repo.work, 'revert', added);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error: The rollback was refused: pvc-delete .* to deliver it anyway, use --allow-unsafe\./);
    expect(r.stderr).not.toMatch(INPUT_SYNTAX);
    const dry = cli(repo.work, 'revert', added, '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stderr).toContain('would be refused for the hazards above without --allow-unsafe.');
  });

  it('a conflict suggests the restore command', () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const one = repo.commit({ 'a.yaml': 'a: 1\n' }, 'one');
    repo.commit({ 'a.yaml': 'a: 2\n' }, 'two');
    const r = cli(repo.work, 'revert', one);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`restore them instead (gitops-rollback restore a.yaml --to ${one.slice(0, 12)}^)`);
    expect(r.stderr).not.toMatch(INPUT_SYNTAX);
  });

  it('a protected branch with --no-fallback says how to get a pull request instead', () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.push();
    protectOrigin(repo);
    const r = cli(repo.work, 'revert', bad, '--deliver', 'push', '--no-fallback');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Use --deliver pull-request, or let a refused push open a pull request (without --no-fallback).');
    expect(r.stderr).not.toMatch(INPUT_SYNTAX);
  });

  it('a detached HEAD asks for --target-branch', () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.git('checkout', '--quiet', '--detach', 'HEAD');
    const r = cli(repo.work, 'revert', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('No target branch. Expected --target-branch, or a checked-out branch to roll back.');
  });

  it.each<[string, (sha: string) => string[], string]>([
    [
      'bad --deliver',
      sha => ['revert', sha, '--deliver', 'email'],
      "Invalid --deliver 'email'. Expected one of: pull-request, push, none."
    ],
    ['bad --mainline', sha => ['revert', sha, '--mainline', '0'], "Invalid --mainline '0'."],
    ['--mainline without a merge', sha => ['revert', sha, '--mainline', '1'], 'Expected --mainline only when reverting a merge commit.'],
    [
      'bad --target-branch',
      sha => ['revert', sha, '--target-branch', 'a..b'],
      "Invalid --target-branch 'a..b': git's rules for ref names refuse it"
    ],
    ['option-looking revision', () => ['revert', '--', '-x'], "Invalid <rev> value '-x'."],
    ['unknown --to', () => ['restore', 'a.yaml', '--to', 'nope'], "Unknown revision 'nope' in --to."],
    [
      'bad --committer',
      sha => ['revert', sha, '--committer', 'nobody'],
      "Invalid --committer 'nobody'. Expected 'Name <email@example.com>'."
    ],
    [
      'path outside the repository',
      () => ['restore', '../x', '--to', 'HEAD~1'],
      "Invalid path '../x' in <path>: it escapes the repository."
    ],
    ['multi-line --incident', sha => ['revert', sha, '--incident', 'a\nb'], "Invalid --incident 'a\\nb': it spans several lines"],
    ['bad --base', () => ['check', '--base=-x'], "Invalid --base value '-x'."]
  ])('%s: exit 2, the message names the flag', (_name, args, message) => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const sha = repo.commit({ 'a.yaml': 'a: 1\n' }, 'one');
    const r = cli(repo.work, ...args(sha));
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(INPUT_SYNTAX);
    expect(r.status).toBe(2);
  });
});
