import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { getFileContent, getPullRequest, listPullRequestFiles } from '../../src/github/pull-files.js';
import { listCommitStatuses } from '../../src/github/statuses.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

const repo = { owner: 'acme', repo: 'fleet' };
const files = (n: number) => Array.from({ length: n }, (_, i) => ({ filename: `apps/app-${i}.yaml` }));

describe('pull request files, contents and statuses against the fake GitHub API', () => {
  let fake: FakeGitHub;
  let client: GitHubClient;

  beforeEach(async () => {
    fake = await startFakeGitHub({ ...repo });
    client = createGitHubClient({ token: 't', baseUrl: fake.url, retryDelayMs: 1, paceWrites: false });
  });
  afterEach(() => fake.close());

  it('lists every page of changed files', async () => {
    const pull = fake.addPull({ head: 'feature' });
    fake.setPullFiles(pull.number, [
      ...files(249),
      { filename: 'apps/new.yaml', status: 'renamed', previous_filename: 'apps/old.yaml', additions: 0, deletions: 0 }
    ]);
    const result = await listPullRequestFiles(client, repo, pull.number);
    expect(result.truncated).toBe(false);
    expect(result.files).toHaveLength(250);
    expect(result.files[249]).toEqual({
      filename: 'apps/new.yaml',
      status: 'renamed',
      previous_filename: 'apps/old.yaml',
      additions: 0,
      deletions: 0
    });
    expect(fake.requestsTo('GET', /\/files$/).map(r => r.query.per_page)).toEqual(['100', '100', '100']);
  });

  it('flags the 3,000-file cap instead of truncating silently', async () => {
    const pull = fake.addPull({ head: 'big' });
    fake.setPullFiles(pull.number, files(3500));
    const result = await listPullRequestFiles(client, repo, pull.number);
    expect(result.files).toHaveLength(3000);
    expect(result.truncated).toBe(true);
  });

  it('does not flag a pull request just under the cap', async () => {
    const pull = fake.addPull({ head: 'big' });
    fake.setPullFiles(pull.number, files(2999));
    expect((await listPullRequestFiles(client, repo, pull.number)).truncated).toBe(false);
  });

  it('reads labels and the head and base commits of a pull request', async () => {
    const pull = fake.addPull({ head: 'feature', headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40) });
    fake.setLabels(pull.number, ['allow-irreversible', 'flux']);
    expect(await getPullRequest(client, repo, pull.number)).toEqual({
      number: pull.number,
      state: 'open',
      title: pull.title,
      draft: false,
      url: pull.html_url,
      labels: ['allow-irreversible', 'flux'],
      base: { ref: 'main', sha: 'b'.repeat(40) },
      head: { ref: 'feature', sha: 'a'.repeat(40) }
    });
    await expect(getPullRequest(client, repo, 99)).rejects.toThrow(/Could not read pull request #99 in acme\/fleet: GitHub answered 404/);
  });

  it('reads file contents at a ref, and tells a missing file from an unknown ref', async () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ünïcode\n';
    fake.setFile('c'.repeat(40), 'clusters/prod/ns.yaml', text);
    expect(await getFileContent(client, repo, 'clusters/prod/ns.yaml', 'c'.repeat(40))).toBe(text);
    expect(await getFileContent(client, repo, 'clusters/prod/missing.yaml', 'c'.repeat(40))).toBeUndefined();
    await expect(getFileContent(client, repo, 'clusters/prod', 'c'.repeat(40))).rejects.toThrow(/it is a directory/);
    await expect(getFileContent(client, repo, 'a.yaml', 'nope')).rejects.toThrow(/No commit found for the ref nope/);
  });

  it('reads files over 1 MB through the raw media type', async () => {
    const big = 'x: y\n'.repeat(300_000);
    fake.setFile('main', 'big.yaml', big);
    expect(await getFileContent(client, repo, 'big.yaml', 'main')).toBe(big);
    expect(fake.requestsTo('GET', /\/contents\//)).toHaveLength(2);
  });

  it('lists commit statuses newest first, across pages', async () => {
    const sha = 'd'.repeat(40);
    for (let i = 0; i < 120; i++) fake.addStatus(sha, { context: `other/${i}`, state: 'success' });
    fake.addStatus(sha, { context: 'kustomization/apps', state: 'pending', description: 'reconciling' });
    fake.addStatus(sha, {
      context: 'kustomization/apps',
      state: 'success',
      description: 'applied',
      target_url: 'https://flux.example/apps'
    });
    fake.addStatus('e'.repeat(40), { context: 'unrelated', state: 'failure' });

    const statuses = await listCommitStatuses(client, repo, sha);
    expect(statuses).toHaveLength(122);
    expect(statuses[0]).toEqual({
      context: 'kustomization/apps',
      state: 'success',
      description: 'applied',
      target_url: 'https://flux.example/apps',
      created_at: expect.any(String)
    });
    expect(statuses[1]).toMatchObject({ context: 'kustomization/apps', state: 'pending' });
    const times = statuses.map(s => Date.parse(s.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(fake.requestsTo('GET', /\/statuses$/)).toHaveLength(2);
  });

  it('orders statuses by time even when seeded out of order', async () => {
    const sha = 'f'.repeat(40);
    fake.addStatus(sha, { context: 'late', state: 'success', created_at: '2024-05-01T10:00:00Z' });
    fake.addStatus(sha, { context: 'early', state: 'pending', created_at: '2024-05-01T09:00:00Z' });
    const statuses = await listCommitStatuses(client, repo, sha);
    expect(statuses.map(s => s.context)).toEqual(['late', 'early']);
  });

  it('accepts statuses posted through the API', async () => {
    const sha = '1234567'.padEnd(40, '0');
    await client.rest.repos.createCommitStatus({ ...repo, sha, state: 'success', context: 'flux/apps' });
    expect((await listCommitStatuses(client, repo, sha)).map(s => s.context)).toEqual(['flux/apps']);
  });
});
