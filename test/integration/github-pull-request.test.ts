import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createGitHubClient, GitHubApiError, type GitHubClient, type GitHubLog } from '../../src/github/client.js';
import { getDefaultBranch, openOrUpdatePullRequest, type PullRequestSpec } from '../../src/github/pull-request.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

const TOKEN = 'ghs_secretTestToken123';
const repo = { owner: 'acme', repo: 'fleet' };

/** The error a promise rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<GitHubApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(GitHubApiError);
  return error as GitHubApiError;
}

function spec(overrides: Partial<PullRequestSpec> = {}): PullRequestSpec {
  return {
    repo,
    head: 'rollback/abc123',
    base: 'main',
    title: 'Roll back abc123',
    body: 'Reverts abc123.',
    labels: ['rollback'],
    reviewers: ['alice'],
    teamReviewers: ['sre'],
    ...overrides
  };
}

describe('openOrUpdatePullRequest against the fake GitHub API', () => {
  let fake: FakeGitHub;
  let client: GitHubClient;
  let warnings: string[];

  beforeEach(async () => {
    fake = await startFakeGitHub({ ...repo, defaultBranch: 'trunk', token: TOKEN, collaborators: ['alice'], teams: ['sre'] });
    warnings = [];
    const log: GitHubLog = { info: () => {}, warning: message => warnings.push(message) };
    client = createGitHubClient({ token: TOKEN, baseUrl: fake.url, retryDelayMs: 1, paceWrites: false, log });
  });
  afterEach(() => fake.close());

  it('reads the default branch', async () => {
    expect(await getDefaultBranch(client, repo)).toBe('trunk');
  });

  it('creates a pull request, then updates the same one on the next run', async () => {
    const first = await openOrUpdatePullRequest(client, spec({ draft: true }));
    expect(first).toEqual({ number: 1, url: 'https://github.com/acme/fleet/pull/1', operation: 'created' });

    const second = await openOrUpdatePullRequest(client, spec({ title: 'Roll back abc123 (again)', body: 'New body' }));
    expect(second).toEqual({ ...first, operation: 'updated' });

    expect(fake.state.pulls).toHaveLength(1);
    const [pull] = fake.state.pulls;
    expect(pull).toMatchObject({ title: 'Roll back abc123 (again)', body: 'New body', draft: true, labels: ['rollback'] });
    expect(pull.requested_reviewers).toEqual(['alice']);
    expect(pull.requested_teams).toEqual(['sre']);
    expect(fake.requestsTo('POST', /\/pulls$/)).toHaveLength(1);
    expect(fake.requestsTo('POST', /requested_reviewers$/)).toHaveLength(1);
    expect(fake.requestsTo('GET', /\/pulls$/)[0].query).toMatchObject({ head: 'acme:rollback/abc123', base: 'main', state: 'open' });
    expect(warnings).toEqual([]);
  });

  it('does not reuse a pull request into another base branch or a closed one', async () => {
    fake.addPull({ head: 'rollback/abc123', base: 'release' });
    fake.addPull({ head: 'rollback/abc123', base: 'main', state: 'closed' });
    const result = await openOrUpdatePullRequest(client, spec());
    expect(result).toMatchObject({ number: 3, operation: 'created' });
  });

  it('updates the pull request another run created between lookup and create', async () => {
    const raced = fake.addPull({ head: 'rollback/abc123', base: 'main', title: 'Old' });
    // The first lookup misses it, as if it was created a moment later; the create then answers 422.
    fake.failNext('GET', /\/pulls$/, 200, []);
    const result = await openOrUpdatePullRequest(client, spec());
    expect(result).toMatchObject({ number: raced.number, operation: 'updated' });
    expect(raced.title).toBe('Roll back abc123');
    expect(fake.requestsTo('POST', /\/pulls$/)).toHaveLength(1);
    expect(fake.state.pulls).toHaveLength(1);
  });

  it('retries a transient 502 and succeeds', async () => {
    fake.failNext('POST', /\/pulls$/, 502, 'Server Error', 2);
    const result = await openOrUpdatePullRequest(client, spec());
    expect(result.operation).toBe('created');
    expect(fake.requestsTo('POST', /\/pulls$/)).toHaveLength(3);
    expect(fake.state.pulls).toHaveLength(1);
  });

  it('gives up after the configured retries with an error that says to run again', async () => {
    fake.failNext('POST', /\/pulls$/, 503, 'Service Unavailable', 10);
    await expect(openOrUpdatePullRequest(client, spec())).rejects.toThrow(/503.*Run again later/);
    expect(fake.requestsTo('POST', /\/pulls$/)).toHaveLength(4);
  });

  it('retries labels and reviewers that answer 422 right after creation', async () => {
    fake.failNext('POST', /\/issues\/1\/labels$/, 422, { message: 'Validation Failed', errors: [], status: '422' }, 2);
    fake.failNext('POST', /\/pulls\/1\/requested_reviewers$/, 422, 'Unprocessable Entity', 1);
    await openOrUpdatePullRequest(client, spec());
    expect(fake.requestsTo('POST', /\/labels$/)).toHaveLength(3);
    expect(fake.requestsTo('POST', /requested_reviewers$/)).toHaveLength(2);
    expect(fake.state.pulls[0].labels).toEqual(['rollback']);
    expect(fake.state.pulls[0].requested_reviewers).toEqual(['alice']);
    expect(warnings).toEqual([]);
  });

  it('warns, without failing, when labels keep failing', async () => {
    fake.failNext('POST', /\/labels$/, 422, 'Validation Failed', 10);
    const result = await openOrUpdatePullRequest(client, spec());
    expect(result.operation).toBe('created');
    expect(fake.requestsTo('POST', /\/labels$/)).toHaveLength(4);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Could not add labels rollback to pull request #1: .*422.*pull request itself was opened/);
  });

  it('does not retry a label GitHub names invalid (a permanent 422), and warns once', async () => {
    const result = await openOrUpdatePullRequest(client, spec({ labels: ['x'.repeat(51)] }));
    expect(result.operation).toBe('created');
    expect(fake.requestsTo('POST', /\/labels$/)).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Could not add labels x+ to pull request #1: GitHub rejected the request \(422 Validation Failed/);
  });

  it("does not retry reviewers who are not collaborators, and warns with GitHub's reason", async () => {
    const result = await openOrUpdatePullRequest(client, spec({ reviewers: ['mallory'], teamReviewers: [] }));
    expect(result.operation).toBe('created');
    expect(fake.requestsTo('POST', /requested_reviewers$/)).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Reviews may only be requested from collaborators');
  });

  it('names the repository setting when Actions may not create pull requests', async () => {
    fake.failNext('POST', /\/pulls$/, 403, 'GitHub Actions is not permitted to create or approve pull requests.');
    const error = await rejection(openOrUpdatePullRequest(client, spec()));
    expect(error.message).toContain("Could not create a pull request from 'rollback/abc123' into 'main' in acme/fleet");
    expect(error.message).toContain('Allow GitHub Actions to create and approve pull requests');
    expect(error.message).not.toContain(TOKEN);
    expect(fake.requestsTo('POST', /\/pulls$/)).toHaveLength(1);
  });

  it('names the missing permission for 403 "Resource not accessible by integration"', async () => {
    fake.failNext('POST', /\/pulls$/, 403, 'Resource not accessible by integration');
    await expect(openOrUpdatePullRequest(client, spec())).rejects.toThrow(
      /Resource not accessible by integration.*permissions: pull-requests: write/
    );
  });

  it('names the missing permission for 404', async () => {
    fake.failNext('PATCH', /\/pulls\/\d+$/, 404, 'Not Found');
    fake.addPull({ head: 'rollback/abc123', base: 'main' });
    const error = await rejection(openOrUpdatePullRequest(client, spec()));
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/^Could not update pull request #1 in acme\/fleet: GitHub answered 404 Not Found/);
    expect(error.message).toContain('permissions: pull-requests: write');
  });

  it('reports a rejected token without echoing it', async () => {
    const wrong = createGitHubClient({ token: 'ghp_wrongToken', baseUrl: fake.url, retryDelayMs: 1, paceWrites: false });
    const error = await rejection(getDefaultBranch(wrong, repo));
    expect(error.message).toMatch(/GitHub rejected the token \(401 Bad credentials\)/);
    expect(error.message).not.toContain('ghp_wrongToken');
    expect(fake.requestsTo('GET', /^\/repos\/acme\/fleet$/)).toHaveLength(1);
  });

  it('waits out a secondary rate limit when throttling is on', async () => {
    const throttled = createGitHubClient({
      token: TOKEN,
      baseUrl: fake.url,
      retryDelayMs: 1,
      log: { info: () => {}, warning: m => warnings.push(m) }
    });
    fake.failNext(
      'GET',
      /^\/repos\/acme\/fleet$/,
      403,
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      1,
      { 'retry-after': '2' }
    );
    expect(await getDefaultBranch(throttled, repo)).toBe('trunk');
    expect(fake.requestsTo('GET', /^\/repos\/acme\/fleet$/)).toHaveLength(2);
    expect(warnings).toEqual([expect.stringMatching(/secondary rate limit hit for GET .*retrying after 2 s/)]);
  });

  it('answers 404 for another repository', async () => {
    await expect(getDefaultBranch(client, { owner: 'acme', repo: 'other' })).rejects.toThrow(/404 Not Found.*contents: read/);
  });
});
