import { afterEach, describe, expect, it } from '@jest/globals';
import { createGitHubClient, explainApiError } from '../../src/github/client.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

describe('GitHub API requests against a server that never answers', () => {
  let github: FakeGitHub | undefined;
  afterEach(async () => {
    await github?.close();
    github = undefined;
  });

  const PULLS = /^\/repos\/acme\/fleet\/pulls$/;

  it('ends a request that gets no answer with a timeout, retried like any failure', async () => {
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet' });
    github.hangNext('GET', PULLS, 10);
    const client = createGitHubClient({
      token: 't0ken',
      baseUrl: github.url,
      retries: 1,
      retryDelayMs: 1,
      paceWrites: false,
      requestTimeoutMs: 100
    });
    const call = client.rest.pulls.list({ owner: 'acme', repo: 'fleet' });
    const error = await call.then(
      () => undefined,
      (e: unknown) => e
    );
    expect(explainApiError(error, 'list pull requests').message).toMatch(/no answer .*within 0\.1 s/);
    expect(github.requestsTo('GET', PULLS)).toHaveLength(2);
  });

  it('stops retrying once the API budget is spent, with a clear message', async () => {
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet' });
    github.hangNext('GET', PULLS, 100);
    const client = createGitHubClient({
      token: 't0ken',
      baseUrl: github.url,
      retries: 5,
      retryDelayMs: 1,
      paceWrites: false,
      requestTimeoutMs: 100,
      budgetMs: 150
    });
    const error = await client.rest.pulls.list({ owner: 'acme', repo: 'fleet' }).then(
      () => undefined,
      (e: unknown) => e
    );
    expect(explainApiError(error, 'list pull requests').message).toMatch(/waited .* in all for GitHub's answers/);
    expect(github.requestsTo('GET', PULLS).length).toBeLessThan(6);
  });

  it('answers normally after a hang when the retry is answered', async () => {
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet' });
    github.hangNext('GET', PULLS, 1);
    const client = createGitHubClient({
      token: 't0ken',
      baseUrl: github.url,
      retries: 2,
      retryDelayMs: 1,
      paceWrites: false,
      requestTimeoutMs: 100
    });
    const { data } = await client.rest.pulls.list({ owner: 'acme', repo: 'fleet' });
    expect(data).toEqual([]);
  });
});
