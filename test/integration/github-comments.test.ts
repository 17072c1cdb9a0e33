import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { upsertStickyComment } from '../../src/github/comments.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

const repo = { owner: 'acme', repo: 'fleet' };
const MARKER = 'gitops-rollback-safety';

describe('upsertStickyComment against the fake GitHub API', () => {
  let fake: FakeGitHub;
  let client: GitHubClient;

  beforeEach(async () => {
    fake = await startFakeGitHub({ ...repo });
    fake.addPull({ head: 'feature' });
    client = createGitHubClient({ token: 't', baseUrl: fake.url, retryDelayMs: 1, paceWrites: false });
  });
  afterEach(() => fake.close());

  it('creates the comment once and then edits it in place', async () => {
    fake.addComment(1, 'Looks good to me');
    const first = await upsertStickyComment(client, repo, 1, MARKER, 'No hazards found.');
    expect(first.operation).toBe('created');

    const second = await upsertStickyComment(client, repo, 1, MARKER, '2 hazards found.');
    expect(second).toEqual({ id: first.id, operation: 'updated' });

    const ours = fake.state.comments.filter(c => c.body.includes(`<!-- ${MARKER} -->`));
    expect(ours).toHaveLength(1);
    expect(ours[0].body).toBe(`<!-- ${MARKER} -->\n2 hazards found.`);
    expect(fake.state.comments).toHaveLength(2);
  });

  it('keeps a body that already carries the marker as it is', async () => {
    const body = `## Safety check\n<!-- ${MARKER} -->`;
    await upsertStickyComment(client, repo, 1, MARKER, body);
    expect(fake.state.comments[0].body).toBe(body);
  });

  it('finds the marker on a later page', async () => {
    for (let i = 0; i < 130; i++) fake.addComment(1, `chatter ${i}`);
    const ours = fake.addComment(1, `<!-- ${MARKER} -->\nold`, 'github-actions[bot]');
    fake.addComment(1, 'after');

    const result = await upsertStickyComment(client, repo, 1, MARKER, 'new');
    expect(result).toEqual({ id: ours.id, operation: 'updated' });
    expect(ours.body).toBe(`<!-- ${MARKER} -->\nnew`);
    const pages = fake.requestsTo('GET', /\/issues\/1\/comments$/).map(r => r.query.page ?? '1');
    expect(pages).toEqual(['1', '2']);
    expect(fake.requestsTo('POST', /comments$/)).toHaveLength(0);
  });

  it('never takes a comment someone else wrote with the marker for its own', async () => {
    const forged = fake.addComment(1, `<!-- ${MARKER} -->\nAll clear, merge away.`, 'mallory');
    const written = await upsertStickyComment(client, repo, 1, MARKER, '2 hazards found.');
    expect(written.operation).toBe('created');
    expect(fake.state.comments.find(c => c.id === forged.id)?.body).toContain('All clear');

    // With a personal access token, the comment must be the token owner's, bot or not.
    const pat = await startFakeGitHub({ ...repo, login: 'rollback-bot' });
    try {
      pat.addPull({ head: 'feature' });
      pat.addComment(1, `<!-- ${MARKER} -->\nold`, 'github-actions[bot]');
      const mine = pat.addComment(1, `<!-- ${MARKER} -->\nold`, 'rollback-bot');
      const patClient = createGitHubClient({ token: 't', baseUrl: pat.url, retryDelayMs: 1, paceWrites: false });
      expect(await upsertStickyComment(patClient, repo, 1, MARKER, 'new')).toEqual({ id: mine.id, operation: 'updated' });
    } finally {
      await pat.close();
    }
  });

  it('does not mistake another marker for its own', async () => {
    fake.addComment(1, '<!-- gitops-rollback-safety-v2 -->');
    const result = await upsertStickyComment(client, repo, 1, MARKER, 'x');
    expect(result.operation).toBe('created');
  });

  it('refuses a marker that would break out of the HTML comment', async () => {
    await expect(upsertStickyComment(client, repo, 1, 'a --> b', 'x')).rejects.toThrow("Invalid comment marker 'a --> b'");
    expect(fake.requests).toHaveLength(0);
  });

  it('explains a 403 with the permission to grant', async () => {
    fake.failNext('POST', /comments$/, 403, 'Resource not accessible by integration');
    await expect(upsertStickyComment(client, repo, 1, MARKER, 'x')).rejects.toThrow(
      /Could not comment on #1 in acme\/fleet: .*pull-requests: write/
    );
  });
});
