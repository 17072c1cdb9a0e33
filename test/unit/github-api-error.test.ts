import { describe, expect, it } from '@jest/globals';
import { explainApiError, GitHubApiError, parseRepository } from '../../src/github/client.js';

/** Shaped like Octokit's RequestError. */
function requestError(status: number, message: string, headers: Record<string, string> = {}, extra: object = {}) {
  const data = { message, documentation_url: 'https://docs.github.com/rest', status: String(status), ...extra };
  return Object.assign(new Error(`${message} - https://docs.github.com/rest`), {
    status,
    request: { url: 'https://api.github.com/repos/acme/fleet/pulls', headers: { authorization: 'token [REDACTED]' } },
    response: { status, url: '', headers, data }
  });
}

describe('parseRepository', () => {
  it.each([
    ['acme/fleet', { owner: 'acme', repo: 'fleet' }],
    [' acme/fleet.config ', { owner: 'acme', repo: 'fleet.config' }],
    ['a-b/c_d-e', { owner: 'a-b', repo: 'c_d-e' }]
  ])('parses %p', (value, expected) => {
    expect(parseRepository(value)).toEqual(expected);
  });

  it.each(['acme', 'acme/', '/fleet', 'acme/fleet/extra', 'ac me/fleet', '-acme/fleet', 'acme/..', ''])('rejects %p', value => {
    expect(() => parseRepository(value)).toThrow(`Invalid repository '${value}'. Expected format {owner}/{repo}.`);
  });
});

describe('explainApiError', () => {
  const attempted = 'create a pull request from rollback/x into main in acme/fleet';

  it.each([
    [401, 'Bad credentials', {}, undefined, /GitHub rejected the token \(401 Bad credentials\)/],
    [
      403,
      'GitHub Actions is not permitted to create or approve pull requests.',
      {},
      undefined,
      /Allow GitHub Actions to create and approve pull requests/
    ],
    [
      403,
      'Resource not accessible by integration',
      {},
      undefined,
      /403 Resource not accessible by integration.*`permissions: pull-requests: write`/
    ],
    [403, 'Resource not accessible by integration', {}, 'statuses: read', /`permissions: statuses: read`/],
    [404, 'Not Found', {}, 'contents: write', /404 Not Found.*`permissions: contents: write`/],
    [403, 'API rate limit exceeded for installation ID 1.', { 'x-ratelimit-remaining': '0' }, undefined, /rate limit is exhausted/],
    [403, 'You have exceeded a secondary rate limit.', {}, undefined, /rate limit is exhausted/],
    [502, 'Server Error', {}, undefined, /GitHub answered 502 \(Server Error\) even after retrying/],
    [409, 'Git Repository is empty.', {}, undefined, /GitHub answered 409 \(Git Repository is empty.\)/]
  ])('explains %d %p', (status, message, headers, permission, expected) => {
    const explained = explainApiError(requestError(status, message, headers), attempted, permission);
    expect(explained).toBeInstanceOf(GitHubApiError);
    expect(explained.message.startsWith(`Could not ${attempted}: `)).toBe(true);
    expect(explained.message).toMatch(expected);
    expect((explained as GitHubApiError).status).toBe(status);
  });

  it('spells out validation errors', () => {
    const error = requestError(
      422,
      'Validation Failed',
      {},
      { errors: [{ resource: 'PullRequest', code: 'custom', message: 'No commits between main and rollback/x' }] }
    );
    expect(explainApiError(error, attempted).message).toContain('422 Validation Failed: No commits between main and rollback/x');
  });

  it.each([
    ['add labels to pull request #1', 'pull-requests: write'],
    ['comment on #1', 'issues: write'],
    ['read commit statuses of abc', 'statuses: read'],
    ['create a commit status on abc', 'statuses: write'],
    ['push the rollback branch', 'contents: write'],
    ['read the repository', 'contents: read']
  ])('infers the permission for %p', (what, permission) => {
    expect(explainApiError(requestError(404, 'Not Found'), what).message).toContain(`permissions: ${permission}`);
  });

  it('says when GitHub could not be reached', () => {
    const error = Object.assign(new Error('fetch failed'), { status: 500, request: { url: 'http://127.0.0.1:9/repos/a/b' } });
    expect(explainApiError(error, 'read the repository').message).toBe(
      'Could not read the repository: GitHub could not be reached at http://127.0.0.1:9 (fetch failed). Check the API URL and the network.'
    );
  });

  it('passes other errors through unchanged', () => {
    const plain = new Error('boom');
    expect(explainApiError(plain, attempted)).toBe(plain);
    expect(explainApiError('text', attempted).message).toBe('text');
  });
});
