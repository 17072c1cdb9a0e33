import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { canWrite, getUserPermission } from '../../src/github/collaborators.js';
import { postComment } from '../../src/github/comments.js';
import { reactToComment } from '../../src/github/reactions.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

const repo = { owner: 'acme', repo: 'fleet' };

describe('permission, reaction and reply calls against the fake GitHub API', () => {
  let fake: FakeGitHub;
  let client: GitHubClient;

  beforeEach(async () => {
    fake = await startFakeGitHub({ ...repo });
    fake.addPull({ head: 'feature' });
    client = createGitHubClient({ token: 't', baseUrl: fake.url, retries: 0, retryDelayMs: 1, paceWrites: false });
  });
  afterEach(() => fake.close());

  it.each([
    ['admin', 'admin', true],
    ['maintain', 'write', true],
    ['write', 'write', true],
    ['triage', 'read', false],
    ['read', 'read', false],
    ['none', 'none', false]
  ])('a user with the %s role has %s access: may push %s', async (role, permission, push) => {
    fake.setRole('Alice', role);
    const found = await getUserPermission(client, repo, 'alice');
    expect(found).toEqual({ permission, roleName: role });
    expect(canWrite(found)).toBe(push);
  });

  it('a custom role counts by its base role', async () => {
    fake.setRole('alice', 'deployer', 'write');
    fake.setRole('bob', 'auditor', 'read');
    expect(canWrite(await getUserPermission(client, repo, 'alice'))).toBe(true);
    expect(canWrite(await getUserPermission(client, repo, 'bob'))).toBe(false);
  });

  it('a login GitHub answers 404 for has no permission; any other failure is an error', async () => {
    expect(await getUserPermission(client, repo, 'nobody')).toBeUndefined();
    expect(canWrite(undefined)).toBe(false);
    fake.setRole('alice', 'admin');
    fake.failNext('GET', /\/permission$/, 403, 'Must have push access to view collaborator permission.');
    await expect(getUserPermission(client, repo, 'alice')).rejects.toThrow(
      /Could not read the permission of 'alice' in acme\/fleet: the token is not allowed to do this \(403 Must have push access/
    );
  });

  it('reacts once per content: GitHub answers 200 for a reaction that is already there', async () => {
    const comment = fake.addComment(1, '/revert', 'alice');
    await reactToComment(client, repo, comment.id, 'eyes');
    await reactToComment(client, repo, comment.id, 'eyes');
    await reactToComment(client, repo, comment.id, 'rocket');
    expect(fake.state.reactions.map(r => [r.comment_id, r.content, r.user])).toEqual([
      [comment.id, 'eyes', 'github-actions[bot]'],
      [comment.id, 'rocket', 'github-actions[bot]']
    ]);
    expect(fake.requestsTo('POST', /reactions$/).map(r => r.body)).toEqual([
      { content: 'eyes' },
      { content: 'eyes' },
      { content: 'rocket' }
    ]);
    await expect(reactToComment(client, repo, 999999, 'eyes')).rejects.toThrow(/react with eyes to comment 999999 .*404/);
  });

  it('posts a reply and returns its address', async () => {
    const url = await postComment(client, repo, 1, 'Rolled back.');
    expect(url).toBe(`https://github.com/acme/fleet/pull/1#issuecomment-${fake.state.comments[0].id}`);
    expect(fake.state.comments[0]).toMatchObject({ issue_number: 1, body: 'Rolled back.', user: 'github-actions[bot]' });
  });
});
