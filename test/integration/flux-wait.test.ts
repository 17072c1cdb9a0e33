import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeFluxWait, describeHealthWait, fluxContextsOf, waitForFluxStatus, waitForHealth } from '../../src/flux/wait.js';
import { createGitHubClient, GitHubApiError, type GitHubClient } from '../../src/github/client.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

const TOKEN = 'ghs_fluxWaitTestToken';
const repo = { owner: 'acme', repo: 'fleet' };
const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const CONTEXT = 'kustomization/apps/0c9c2e41';

describe('waitForFluxStatus against the fake GitHub API', () => {
  let fake: FakeGitHub;
  let client: GitHubClient;
  const timers: NodeJS.Timeout[] = [];
  /** Runs `fn` from a timer once the fake has answered `polls` status requests: robust under load. */
  const afterPolls = (polls: number, fn: () => void) => {
    const timer = setInterval(() => {
      if (fake.requestsTo('GET', /\/statuses$/).length < polls) return;
      clearInterval(timer);
      fn();
    }, 2);
    timers.push(timer);
  };

  beforeEach(async () => {
    fake = await startFakeGitHub({ ...repo, token: TOKEN });
    client = createGitHubClient({ token: TOKEN, baseUrl: fake.url, retries: 0, retryDelayMs: 1, paceWrites: false });
  });
  afterEach(async () => {
    timers.splice(0).forEach(t => clearInterval(t));
    await fake.close();
  });

  const wait = (extra: Partial<Parameters<typeof waitForFluxStatus>[0]> = {}) =>
    waitForFluxStatus({ client, repo, sha: SHA, timeoutMs: 1500, intervalMs: 20, ...extra });

  it('keeps polling until Flux reports success, ignoring other contexts', async () => {
    fake.addStatus(SHA, { context: 'ci/build', state: 'failure' });
    afterPolls(3, () => fake.addStatus(SHA, { context: CONTEXT, state: 'success', description: 'reconciliation succeeded' }));
    const result = await wait();
    expect(result).toMatchObject({ state: 'success', context: CONTEXT, description: 'reconciliation succeeded' });
    expect(result.polls).toBeGreaterThanOrEqual(4);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(3 * 20);
    expect(fake.requestsTo('GET', new RegExp(`/commits/${SHA}/statuses$`))).toHaveLength(result.polls);
  });

  it('waits for every expected context, so a slow failure beats a quick success (error counts as failure)', async () => {
    fake.addStatus(SHA, { context: 'kustomization/infra/0c9c2e41', state: 'success' });
    afterPolls(2, () => fake.addStatus(SHA, { context: CONTEXT, state: 'error', description: 'health check failed' }));
    const result = await wait({ expectContexts: ['kustomization/infra/0c9c2e41', CONTEXT] });
    expect(result).toMatchObject({ state: 'failure', context: CONTEXT, description: 'health check failed' });
    expect(describeFluxWait(result, SHA)).toMatch(/^Flux reported failure for 3f786850e387 after \d+\.\d s \(kustomization\/apps\/0c9c2e41: health check failed\)\.$/);
  });

  it('succeeds only once every expected context succeeded, as reported for the previous revision', async () => {
    const previous = 'a'.repeat(40);
    fake.addStatus(previous, { context: 'kustomization/infra/0c9c2e41', state: 'success' });
    fake.addStatus(previous, { context: CONTEXT, state: 'failure' });
    fake.addStatus(previous, { context: 'ci/build', state: 'success' });
    const expectContexts = await fluxContextsOf(client, repo, previous);
    expect(expectContexts.sort()).toEqual([CONTEXT, 'kustomization/infra/0c9c2e41']);
    fake.addStatus(SHA, { context: 'kustomization/infra/0c9c2e41', state: 'success' });
    const before = fake.requestsTo('GET', /\/statuses$/).length;
    afterPolls(before + 2, () => fake.addStatus(SHA, { context: CONTEXT, state: 'success' }));
    const result = await wait({ expectContexts });
    expect(result).toMatchObject({ state: 'success', context: CONTEXT });
    expect(result.polls).toBeGreaterThanOrEqual(3);
  });

  it('times out and says what it saw last', async () => {
    fake.addStatus(SHA, { context: CONTEXT, state: 'pending', description: 'progressing' });
    fake.addStatus(SHA, { context: 'ci/build', state: 'success' });
    const result = await wait({ timeoutMs: 200 });
    expect(result.state).toBe('timeout');
    expect(result.elapsedMs).toBeGreaterThanOrEqual(200);
    expect(result.lastSeen.map(s => [s.context, s.state])).toEqual([[CONTEXT, 'pending']]);
    expect(describeFluxWait(result, SHA)).toContain(`last seen: ${CONTEXT}: pending (progressing)`);
  });

  it('times out with "nothing matching" when Flux never reported, honouring a custom glob', async () => {
    fake.addStatus(SHA, { context: CONTEXT, state: 'failure' });
    const result = await wait({ timeoutMs: 100, contextGlob: 'helmrelease/*' });
    expect(result.state).toBe('timeout');
    expect(describeFluxWait(result, SHA, 'helmrelease/*')).toContain("no status matching 'helmrelease/*' was reported");
  });

  it('rides out server errors and remembers the last one', async () => {
    fake.failNext('GET', /\/statuses$/, 502, 'Bad Gateway', 3);
    afterPolls(3, () => fake.addStatus(SHA, { context: CONTEXT, state: 'success' }));
    const recovered = await wait();
    expect(recovered.state).toBe('success');
    expect(recovered.lastError).toBeUndefined();
    expect(recovered.polls).toBeGreaterThanOrEqual(4);

    fake.failNext('GET', /\/statuses$/, 503, 'Service Unavailable', 1000);
    const timedOut = await wait({ timeoutMs: 120 });
    expect(timedOut.state).toBe('timeout');
    expect(timedOut.lastError).toMatch(/GitHub answered 503/);
  });

  it('stops at once when the token is rejected', async () => {
    const stranger = createGitHubClient({ token: 'ghs_wrong', baseUrl: fake.url, retries: 0, retryDelayMs: 1, paceWrites: false });
    const error = await wait({ client: stranger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(401);
  });

  it('uses the injected clock and sleep, polling until the timeout', async () => {
    let clock = 0;
    const slept: number[] = [];
    const result = await wait({
      timeoutMs: 60_000,
      intervalMs: 25_000,
      now: () => clock,
      sleep: async ms => {
        slept.push(ms);
        clock += ms;
      }
    });
    expect(result).toMatchObject({ state: 'timeout', elapsedMs: 60_000, polls: 4 });
    expect(slept).toEqual([25_000, 25_000, 10_000]);
  });
});

describe('waitForHealth against a local HTTP endpoint', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise(resolve => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  /** Serves the statuses in turn, repeating the last one. */
  async function endpoint(...statuses: number[]): Promise<{ url: string; hits: () => number }> {
    let hits = 0;
    server = createServer((_req, res) => {
      const status = statuses[Math.min(hits++, statuses.length - 1)];
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'unavailable');
    });
    await new Promise<void>(resolve => server!.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`, hits: () => hits };
  }

  it('waits through failures until the endpoint recovers', async () => {
    const { url, hits } = await endpoint(503, 503, 500, 200);
    const result = await waitForHealth({ url, timeoutMs: 1500, intervalMs: 20 });
    expect(result).toMatchObject({ healthy: true, reached: true, lastStatus: 200, checks: 4 });
    expect(hits()).toBe(4);
  });

  it('honours expect-status', async () => {
    const { url } = await endpoint(200, 204);
    expect(await waitForHealth({ url, expectStatus: 204, timeoutMs: 1500, intervalMs: 10 })).toMatchObject({ healthy: true, checks: 2, lastStatus: 204 });
  });

  it('waits until the endpoint stops being healthy (drill detection)', async () => {
    const { url } = await endpoint(200, 200, 503);
    expect(await waitForHealth({ url, until: 'unhealthy', timeoutMs: 1500, intervalMs: 10 })).toMatchObject({ healthy: false, reached: true, lastStatus: 503 });
  });

  it('times out with the last status it got', async () => {
    const { url } = await endpoint(503);
    const result = await waitForHealth({ url, timeoutMs: 150, intervalMs: 20 });
    expect(result).toMatchObject({ healthy: false, reached: false, lastStatus: 503 });
    expect(result.elapsedMs).toBeGreaterThanOrEqual(150);
    expect(describeHealthWait(result, url)).toMatch(/was unhealthy after \d\.\d s and \d+ checks \(last answer HTTP 503\)\.$/);
  });

  it('counts a refused connection as unhealthy and reports the error', async () => {
    const { url } = await endpoint(200);
    server!.closeAllConnections();
    await new Promise(resolve => server!.close(resolve));
    server = undefined;
    const result = await waitForHealth({ url, timeoutMs: 100, intervalMs: 20 });
    expect(result).toMatchObject({ healthy: false, reached: false, lastError: 'ECONNREFUSED' });
    expect(describeHealthWait(result, url)).toContain('(last answer error: ECONNREFUSED)');
  });

  it('refuses a URL that is not http(s)', async () => {
    await expect(waitForHealth({ url: 'file:///etc/passwd', timeoutMs: 100 })).rejects.toThrow("Invalid health-url 'file:///etc/passwd'. Expected an http:// or https:// address");
  });
});
