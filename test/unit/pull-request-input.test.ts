import { afterEach, describe, expect, it } from '@jest/globals';
import { readRevertInputs } from '../../src/actions/revert/inputs.js';
import { flagNames } from '../../src/cli/flag-names.js';
import { assertOnlyPullRequests, pullRequestsTitle, revertPullRequests } from '../../src/rollback/pull-requests.js';
import { parsePullRequestNumbers, type RawRequest, validateRequest } from '../../src/rollback/validate.js';

const base: RawRequest = { commits: ['abc1234'], restorePaths: [], committer: 'Rollback Bot <bot@example.com>' };
const SHA = (c: string) => c.repeat(40);

describe('parsePullRequestNumbers', () => {
  it('reads 12, #12 and lists separated by commas, spaces or lines, each once', () => {
    expect(parsePullRequestNumbers(['12, #15', '7\n12'], 'pull-request')).toEqual([12, 15, 7]);
    expect(parsePullRequestNumbers([], 'pull-request')).toEqual([]);
  });

  it.each(['0', '-1', '1.5', 'abc', '#', '12a', '99999999999', '#0'])('refuses %j, naming it', value => {
    expect(() => parsePullRequestNumbers([value], '--pr')).toThrow(
      `Invalid --pr '${value}'. Expected pull request numbers such as '12' or '12, 15'.`
    );
  });
});

describe('pull-request details in validateRequest', () => {
  it('strips refs/heads/ from target-branch and branch', async () => {
    const request = await validateRequest({ ...base, targetBranch: 'refs/heads/main', branch: 'refs/heads/rollback/x' });
    expect(request.targetBranch).toBe('main');
    expect(request.branch).toBe('rollback/x');
  });

  it('checks assignees as GitHub user names, with or without @', async () => {
    const request = await validateRequest({ ...base, assignees: ['alice', '@bob-smith', 'alice'] });
    expect(request.pullRequest.assignees).toEqual(['alice', 'bob-smith']);
    for (const bad of ['-alice', 'bob--x', 'a b', 'x'.repeat(40), 'team/sre', 'eve\u0007']) {
      await expect(validateRequest({ ...base, assignees: [bad] })).rejects.toThrow(/^Invalid assignees (entry )?'.*'/);
    }
  });

  it('keeps a body of several lines, refuses control characters', async () => {
    expect((await validateRequest({ ...base, body: ' Paging SRE.\r\n\r\nSee INC-1. ' })).pullRequest.body).toBe(
      'Paging SRE.\n\nSee INC-1.'
    );
    await expect(validateRequest({ ...base, body: 'a\u001b[31m' })).rejects.toThrow(
      "Invalid body 'a\\u001b[31m': it contains control characters."
    );
    expect((await validateRequest(base)).pullRequest).toMatchObject({ body: undefined, assignees: [], deleteBranch: false });
  });
});

describe('revertPullRequests', () => {
  const pulls = [
    { number: 15, title: 'Scale redis', url: 'https://github.com/acme/fleet/pull/15', commits: [SHA('b')], mainline: 1 },
    { number: 12, title: 'Bump podinfo', url: 'https://github.com/acme/fleet/pull/12', commits: [SHA('a'), SHA('9')] }
  ];
  const raw: RawRequest = { commits: [], restorePaths: [], committer: 'Bot <bot@example.com>' };

  it('gives their commits, mainline 1 for merge commits, the title, references and trailers', async () => {
    const built = revertPullRequests(raw, pulls);
    expect(built).toMatchObject({
      commits: [SHA('b'), SHA('a'), SHA('9')],
      mainline: '1',
      title: 'Revert #15, #12: Scale redis; Bump podinfo',
      trailers: ['Reverts-pull-request: #15', 'Reverts-pull-request: #12']
    });
    const request = await validateRequest(built);
    expect(request.audit.pullRequests).toEqual(pulls.map(({ number, title, url }) => ({ number, title, url })));
    expect(revertPullRequests(raw, [pulls[1]]).mainline).toBeUndefined();
    expect(revertPullRequests({ ...raw, title: 'Roll back the bump' }, pulls).title).toBe('Roll back the bump');
  });

  it('makes an untrusted title one line, and truncates a long one', async () => {
    const evil = { ...pulls[1], title: 'Bump\nRolled-back-by: mallory\r\n::error::x\u0007' };
    const built = revertPullRequests(raw, [evil]);
    expect(built.title).toBe('Revert #12: Bump Rolled-back-by: mallory ::error::x');
    await expect(validateRequest(built)).resolves.toBeDefined();
    const long = pullRequestsTitle([{ number: 1, title: 'x'.repeat(400), url: 'https://github.com/a/b/pull/1' }]);
    expect(long).toHaveLength(256);
    expect(long.endsWith('…')).toBe(true);
  });

  it('is refused together with commits, paths or a mainline, naming both', () => {
    expect(() => assertOnlyPullRequests({ ...raw, commits: ['abc1234'] }, '12', flagNames)).toThrow(
      'Both --pr (12) and <rev> (abc1234) were given.'
    );
    expect(() => assertOnlyPullRequests({ ...raw, mainline: '2' }, '12', flagNames)).toThrow('Both --pr (12) and --mainline 2 were given.');
    expect(() => assertOnlyPullRequests(raw, '12', flagNames)).not.toThrow();
  });
});

describe('pull-request input of the revert action', () => {
  const context = { serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', repository: 'acme/fleet', payload: {} };
  const clear = () => {
    for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
  };
  const read = (inputs: Record<string, string>) => {
    clear();
    for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
    return readRevertInputs(context);
  };
  afterEach(clear);

  it('reads numbers into pullRequests, and body, assignees and delete-branch into the request', () => {
    const inputs = read({ token: 't', 'pull-request': '12, #15', body: 'Hi', assignees: 'alice\nbob', 'delete-branch': 'true' });
    expect(inputs.pullRequests).toEqual([12, 15]);
    expect(inputs.raw).toMatchObject({ body: 'Hi', assignees: ['alice', 'bob'], deleteBranch: true });
    expect(read({ token: 't', commits: 'abc1234' }).pullRequests).toEqual([]);
  });

  it.each([
    [{ commits: 'abc1234' }, 'Both pull-request (12) and commits (abc1234) were given.'],
    [{ 'restore-paths': 'apps', 'restore-to': 'HEAD~1' }, 'Both pull-request (12) and restore-paths / restore-to were given.'],
    [{ mainline: '1' }, 'Both pull-request (12) and mainline 1 were given.']
  ])('refuses pull-request with %j', (other, message) => {
    expect(() => read({ token: 't', 'pull-request': '12', ...other })).toThrow(message);
  });

  it('reads target-branch refs/heads/main as main, for every mode', () => {
    expect(read({ token: 't', commits: 'abc1234', 'target-branch': 'refs/heads/main' }).raw.targetBranch).toBe('main');
  });

  it('needs the API', () => {
    expect(() => read({ 'pull-request': '12' })).toThrow(
      'pull-request (#12) is resolved to commits through the GitHub API: it needs a token and GITHUB_REPOSITORY.'
    );
  });
});
