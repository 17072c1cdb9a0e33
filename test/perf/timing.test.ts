import { afterEach, describe, expect, it } from '@jest/globals';
import { Git } from '../../src/git/git.js';
import { createGitHubClient } from '../../src/github/client.js';
import { openOrUpdatePullRequest } from '../../src/github/pull-request.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { createRepo, type TestRepo } from '../support/repo.js';

/** Blocks the thread for `ms` without spinning, as a slow synchronous consumer would. */
const block = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

describe('the blob reader shares the event loop', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('hands out a few milliseconds of objects per turn of the event loop, so other work is not held up', async () => {
    repo = createRepo();
    const files = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`f${i}.yaml`, `n: ${i}\n`]));
    repo.commit(files, 'Add files');
    const git = await Git.create(repo.work);
    // A turn counter that other work advances, and a consumer that takes 1.5 ms per object.
    let turns = 0;
    let ticking = true;
    const tick = (): void => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const turnOf: number[] = [];
    await git.catFileBatch(
      Object.keys(files).map(f => `HEAD:${f}`),
      () => {
        turnOf.push(turns);
        block(1.5);
      }
    );
    ticking = false;
    expect(turnOf).toHaveLength(24);
    // At most two such objects fit in a turn's slice: the counter moves on at least every second one.
    const perTurn = new Map<number, number>();
    for (const t of turnOf) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(2);
  });
});

describe('GitHub API retries', () => {
  let fake: FakeGitHub;
  afterEach(() => fake?.close());

  it("uses the configured base delay between retries, not plugin-retry's default of 1 s", async () => {
    const repo = { owner: 'acme', repo: 'fleet' };
    fake = await startFakeGitHub({ ...repo, token: 'ghs_perfToken' });
    const client = createGitHubClient({ token: 'ghs_perfToken', baseUrl: fake.url, retryDelayMs: 1, paceWrites: false });
    fake.failNext('POST', /\/pulls$/, 502, 'Server Error', 2);
    const started = Date.now();
    const result = await openOrUpdatePullRequest(client, {
      repo,
      head: 'rollback/abc123',
      base: 'main',
      title: 'Roll back abc123',
      body: 'Reverts abc123.'
    });
    // Two retries at plugin-retry's default would take 1 s + 4 s.
    expect(Date.now() - started).toBeLessThan(2500);
    expect(result.operation).toBe('created');
    expect(fake.requestsTo('POST', /\/pulls$/)).toHaveLength(3);
  });
});
