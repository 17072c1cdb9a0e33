import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { type RawRequest, validateBranch, validateRequest } from '../../src/rollback/validate.js';

const base: RawRequest = { commits: ['abc1234'], restorePaths: [], committer: 'Rollback Bot <bot@example.com>' };
const check = (raw: Partial<RawRequest>) => validateRequest({ ...base, ...raw });

describe('validateRequest', () => {
  it.each<[string, Partial<RawRequest>, string | RegExp]>([
    ['option-looking revision', { commits: ['--exec=rm -rf /'] }, "Invalid commits value '--exec=rm -rf /'"],
    ['revision with a space', { commits: ['HEAD main'] }, "Invalid commits value 'HEAD main'"],
    ['half-open range', { commits: ['abc..'] }, "Invalid range 'abc..' in commits. Expected A..B with both ends given"],
    ['symmetric range', { commits: ['a...b'] }, 'symmetric ranges A...B are ambiguous'],
    [
      'multi-line incident',
      { incident: 'INC-1\nRolled-back-by: mallory' },
      /Invalid incident 'INC-1\\nRolled-back-by: mallory': it spans several lines/
    ],
    [
      'absolute path',
      { commits: [], restorePaths: ['/etc/passwd'], restoreTo: 'HEAD' },
      "Invalid path '/etc/passwd' in restore-paths: it is absolute"
    ],
    ['path escaping the repository', { commits: [], restorePaths: ['apps/../../x'], restoreTo: 'HEAD' }, 'it escapes the repository'],
    ['path into .git', { commits: [], restorePaths: ['./.git/config'], restoreTo: 'HEAD' }, 'it points into .git'],
    ['option-looking path', { commits: [], restorePaths: ['--force'], restoreTo: 'HEAD' }, 'it looks like an option'],
    [
      'both commits and paths',
      { restorePaths: ['apps'], restoreTo: 'HEAD' },
      "Both commits ('abc1234') and restore-paths ('apps') were given"
    ],
    ['paths without restore-to', { commits: [], restorePaths: ['apps'] }, 'were given without restore-to'],
    ['nothing to do', { commits: [] }, 'No commits to revert'],
    ['bad mainline', { mainline: '0' }, "Invalid mainline '0'. Expected the parent number"],
    ['bad delivery', { deliver: 'email' }, "Invalid deliver 'email'. Expected one of: pull-request, push, none."],
    ['bad branch name', { branch: 'rollback..x' }, "Invalid branch 'rollback..x': git's rules for ref names refuse it"],
    ['option-looking branch', { targetBranch: '-main' }, "Invalid target-branch '-main'"],
    ['branch equal to target', { branch: 'main', targetBranch: 'main' }, "branch 'main' is the target branch"],
    ['bad committer', { committer: 'bot' }, "Invalid committer 'bot'. Expected 'Name <email@example.com>'."],
    ['no committer', { committer: ' ' }, "No committer for the rollback commits. Expected 'Name <email@example.com>'."],
    ['bad remote', { remote: '--upload-pack=x' }, "Invalid remote '--upload-pack=x'"],
    [
      'multi-line trailer',
      { trailers: ['Drill-time-to-detect: 1s\nIncident: forged'] },
      /Invalid trailer 'Drill-time-to-detect: 1s\\nIncident: forged'. Expected one line 'Key: value'/
    ],
    ['trailer without a key', { trailers: ['41.8s'] }, "Invalid trailer '41.8s'"]
  ])('refuses %s', async (_name, raw, message) => {
    await expect(check(raw)).rejects.toThrow(message);
  });

  it('normalises paths, collapses duplicates and defaults delivery to a pull request', async () => {
    const request = await check({ commits: [], restorePaths: ['./apps/podinfo/', 'apps/podinfo', 'infra'], restoreTo: 'abc^' });
    expect(request.mode).toBe('restore');
    expect(request.restorePaths).toEqual(['apps/podinfo', 'infra']);
    expect(request.deliver).toBe('pull-request');
    expect(request.fallbackToPullRequest).toBe(true);
  });

  it('parses the committer identity and the mainline', async () => {
    const request = await check({
      committer: 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
      mainline: '2'
    });
    expect(request.committer).toEqual({ name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' });
    expect(request.mainline).toBe(2);
  });
});

describe('validateBranch', () => {
  // Plain names are accepted without asking git: the verdict must still be git's for every name.
  const names = [
    'main',
    'rollback/inc-42',
    'release-1.2',
    'feature/x.y',
    'A_B',
    '1.0',
    'HEAD',
    'x.lockx',
    'a.lock',
    'a/b.lock',
    'a.lock/b',
    '.a',
    'a/.b',
    'a..b',
    'a//b',
    'a/',
    '/a',
    'a.',
    'a/b.',
    '@',
    'a@{b',
    'a@b',
    'a b',
    'a~1',
    'a^',
    'a:b',
    'a?b',
    'a*b',
    'a[b',
    'a\\b',
    'ünïcode',
    'a/-b',
    '_x',
    'x-',
    'x/y/z'
  ];
  // Git allows these as branch names, but they name the checkout (HEAD, @) or a whole ref.
  const refusedBeyondGit = new Set(['HEAD', '@']);
  it.each(names)('agrees with git check-ref-format on %s', name => {
    const git = spawnSync('git', ['check-ref-format', `refs/heads/${name}`]).status === 0 && !refusedBeyondGit.has(name);
    const ours = (() => {
      try {
        validateBranch(name, 'branch');
        return true;
      } catch {
        return false;
      }
    })();
    expect(ours).toBe(git);
  });
});
