import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { NODE24 } from '../support/action-runner.js';
import { createRepo, GIT_ENV, type TestRepo } from '../support/repo.js';

/** The bundled command line under Node 24. */
const CLI = resolve('dist/cli/index.js');

function cli(cwd: string, ...args: string[]) {
  const env = { ...process.env, ...GIT_ENV, GITHUB_TOKEN: '', GH_TOKEN: '', GITHUB_REPOSITORY: '' };
  const r = spawnSync(NODE24, [CLI, ...args], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gitops-rollback refuses hostile values up front, with a short clear message (bundled)', () => {
  let repo: TestRepo;
  let bad: string;
  beforeAll(() => {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: podinfo:6.0.0\n' });
    bad = repo.commit({ 'apps/podinfo.yaml': 'image: podinfo:6.1.0\n' }, 'Bump podinfo');
    repo.push();
  });
  afterAll(() => repo.cleanup());

  it.each([':(top)apps', ':!apps/podinfo.yaml', ':/apps', ':apps'])('restore %s: pathspec magic is refused before git reads it', path => {
    const r = cli(repo.work, 'restore', path, '--to', `${bad}~1`);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Invalid path '${path}' in <path>: it starts with ':', which git reads as pathspec magic`);
    expect(r.stderr).not.toMatch(/fatal|pathspec '/);
  });

  it('a 120 KB branch name is neither echoed whole nor handed to git (no spawn E2BIG)', () => {
    const r = cli(repo.work, 'revert', bad, '--target-branch', 'a'.repeat(120_000));
    expect(r.status).toBe(2);
    expect(r.stderr.length).toBeLessThan(600);
    expect(r.stderr).toContain(`Invalid --target-branch '${'a'.repeat(200)}… (120000 characters)': 120000 characters, more than 255.`);
    expect(r.stderr).not.toContain('E2BIG');
  });

  it.each([
    ['HEAD', "'HEAD' names the checked-out commit, not a branch"],
    ['@', "'@' names the checked-out commit, not a branch"],
    ['main\u202e', 'it contains control or text-direction characters'],
    ['ma\u2066in', 'it contains control or text-direction characters'],
    // refs/heads/<name> is read as <name>; any other ref is no branch name.
    ['refs/tags/v1', "it starts with 'refs/'"]
  ])('branch %j is refused, shown escaped', (branch, why) => {
    for (const flag of ['--target-branch', '--branch']) {
      const r = cli(repo.work, 'revert', bad, flag, branch);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`Invalid ${flag} '`);
      expect(r.stderr).toContain(why);
      expect(r.stderr).not.toMatch(/[\u202e\u2066]/);
    }
  });

  it.each([
    ['--committer', 'Eve\u001b[31m <eve@example.com>'],
    ['--committer', 'Eve\u202e <eve@example.com>'],
    ['--incident', 'INC-1\u0085'],
    ['--incident', 'INC-1\u200f']
  ])('%s with control or direction characters is refused', (flag, value) => {
    const r = cli(repo.work, 'revert', bad, flag, value);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Invalid ${flag} '`);
    expect(r.stderr).toContain('control or text-direction characters');
    expect(r.stderr).not.toMatch(/[\u001b\u202e\u0085\u200f]/);
  });

  it.each([
    ['--label', 'x'.repeat(51), 'a label name of at most 50 characters, such as rollback'],
    ['--reviewer', '@alice', 'a GitHub login such as octocat (no @)'],
    ['--reviewer', 'al--ice', 'a GitHub login such as octocat (no @)'],
    ['--team-reviewer', 'platform team', 'a team slug such as sre']
  ])('%s %s is refused before any API call', (flag, value, expected) => {
    const r = cli(repo.work, 'revert', bad, flag, value);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error: Invalid ${flag} entry '`);
    expect(r.stderr).toContain(`Expected ${expected}.`);
  });
});

describe('gitops-rollback text output shows hostile names escaped (bundled)', () => {
  let repo: TestRepo;
  afterAll(() => repo?.cleanup());

  it('a commit subject and a file name with terminal escapes and a line break cannot rewrite the report', () => {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: podinfo:6.0.0\n' });
    const name = 'apps/\u001b[2Jevil\nforged: line.yaml';
    const bad = repo.commit(
      { 'apps/podinfo.yaml': 'image: podinfo:6.1.0\n', [name]: 'x: 1\n' },
      'Bump \u001b]0;owned\u0007podinfo \u202eevil'
    );
    const r = cli(repo.work, 'revert', bad, '--format', 'text');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('reverted: ');
    expect(r.stdout).toContain('Bump \\u001b]0;owned\\u0007podinfo \\u202eevil');
    expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(r.stdout.split('\n').some(line => line.startsWith('forged: line'))).toBe(false);
  });
});
