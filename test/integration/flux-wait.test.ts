import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FluxContextSet } from '../../src/flux/commit-status.js';
import {
  describeContextSet,
  describeFluxWait,
  describeHealthWait,
  fluxContextsOf,
  resolveFluxContexts,
  waitForFluxStatus,
  waitForHealth
} from '../../src/flux/wait.js';
import { createGitHubClient, GitHubApiError, type GitHubClient } from '../../src/github/client.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

const TOKEN = 'ghs_fluxWaitTestToken';
const repo = { owner: 'acme', repo: 'fleet' };
const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const CONTEXT = 'kustomization/apps/0c9c2e41';
const INFRA = 'kustomization/infra/0c9c2e41';
const PREVIOUS = 'a'.repeat(40);
const required = (...require: string[]): FluxContextSet => ({ watch: ['kustomization/*'], require, origin: 'reported for the test' });

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
    expect(fake.requestsTo('GET', new RegExp(`/commits/${SHA}/statuses$`))).toHaveLength(result.polls);
  });

  it('waits for every expected context, so a slow failure beats a quick success (error counts as failure)', async () => {
    fake.addStatus(SHA, { context: 'kustomization/infra/0c9c2e41', state: 'success' });
    afterPolls(2, () => fake.addStatus(SHA, { context: CONTEXT, state: 'error', description: 'health check failed' }));
    const result = await wait({ contexts: required(INFRA, CONTEXT) });
    expect(result).toMatchObject({ state: 'failure', context: CONTEXT, description: 'health check failed' });
    expect(describeFluxWait(result, SHA)).toMatch(
      /^Flux reported failure for 3f786850e387 after \d+\.\d s \(kustomization\/apps\/0c9c2e41: health check failed\)\.$/
    );
  });

  it('succeeds only once every expected context succeeded, as reported for the previous revision', async () => {
    fake.addStatus(PREVIOUS, { context: INFRA, state: 'success' });
    fake.addStatus(PREVIOUS, { context: CONTEXT, state: 'failure' });
    fake.addStatus(PREVIOUS, { context: 'ci/build', state: 'success' });
    expect((await fluxContextsOf(client, repo, PREVIOUS)).sort()).toEqual([CONTEXT, INFRA]);
    const set = await resolveFluxContexts({ client, repo, references: [{ sha: PREVIOUS, label: 'the commit before the rollback' }] });
    expect(set).toEqual({
      watch: ['kustomization/*'],
      require: [CONTEXT, INFRA],
      origin: 'reported for the commit before the rollback aaaaaaaaaaaa'
    });
    expect(describeContextSet(set)).toBe(
      `Waiting for the Flux contexts reported for the commit before the rollback aaaaaaaaaaaa: ${CONTEXT}, ${INFRA}.`
    );
    fake.addStatus(SHA, { context: INFRA, state: 'success', description: 'reconciliation succeeded' });
    const before = fake.requestsTo('GET', /\/statuses$/).length;
    afterPolls(before + 2, () => fake.addStatus(SHA, { context: CONTEXT, state: 'success', description: 'reconciliation succeeded' }));
    const result = await wait({ contexts: set });
    expect(result).toMatchObject({ state: 'success', context: CONTEXT });
    expect(result.polls).toBeGreaterThanOrEqual(3);
    expect(result.contexts).toEqual([
      { context: CONTEXT, state: 'success', description: 'reconciliation succeeded' },
      { context: INFRA, state: 'success', description: 'reconciliation succeeded' }
    ]);
    expect(describeFluxWait(result, SHA)).toMatch(
      /^Flux reported success for 3f786850e387 after \d+\.\d s \(kustomization\/apps\/0c9c2e41: success \(reconciliation succeeded\); kustomization\/infra\/0c9c2e41: success \(reconciliation succeeded\)\)\.$/
    );
  });

  it('keeps waiting while one of two Kustomizations has recovered, then times out naming the other', async () => {
    fake.addStatus(PREVIOUS, { context: INFRA, state: 'success' });
    fake.addStatus(PREVIOUS, { context: CONTEXT, state: 'failure' });
    fake.addStatus(SHA, { context: INFRA, state: 'success', description: 'reconciliation succeeded' });
    const set = await resolveFluxContexts({ client, repo, references: [{ sha: PREVIOUS, label: 'the failing revision' }] });
    let clock = 0;
    const result = await wait({
      contexts: set,
      timeoutMs: 60_000,
      intervalMs: 10_000,
      now: () => clock,
      sleep: async ms => void (clock += ms)
    });
    expect(result).toMatchObject({ state: 'timeout', polls: 7 });
    expect(result.contexts).toEqual([
      { context: CONTEXT, state: 'not-reported', description: '' },
      { context: INFRA, state: 'success', description: 'reconciliation succeeded' }
    ]);
    expect(describeFluxWait(result, SHA)).toBe(
      `No Flux result for 3f786850e387 after 60.0 s: still pending: ${CONTEXT} (not reported); last seen: ${INFRA}: success (reconciliation succeeded).`
    );
  });

  it('ends the wait as failed at the first poll that sees an expected context fail, with others still pending', async () => {
    fake.addStatus(SHA, { context: CONTEXT, state: 'error', description: 'kustomize build failed' });
    let clock = 0;
    const result = await wait({
      contexts: required(CONTEXT, INFRA),
      timeoutMs: 60_000,
      intervalMs: 10_000,
      now: () => clock,
      sleep: async ms => void (clock += ms)
    });
    expect(result).toMatchObject({ state: 'failure', context: CONTEXT, polls: 1 });
    expect(result.contexts.map(c => [c.context, c.state])).toEqual([
      [CONTEXT, 'error'],
      [INFRA, 'not-reported']
    ]);
  });

  it('waits for exactly the listed contexts: globs, the /<id> suffix, and failures outside the list ignored', async () => {
    const set = await resolveFluxContexts({
      client,
      repo,
      listed: ['kustomization/apps', 'kustomization/infra*'],
      references: [{ sha: PREVIOUS, label: 'x' }]
    });
    expect(set).toEqual({
      watch: ['kustomization/apps', 'kustomization/infra*'],
      require: ['kustomization/apps', 'kustomization/infra*'],
      origin: 'given in flux-status-contexts'
    });
    expect(fake.requestsTo('GET', /\/statuses$/)).toHaveLength(0);
    fake.addStatus(SHA, { context: 'kustomization/monitoring/0c9c2e41', state: 'failure' });
    fake.addStatus(SHA, { context: 'kustomization/apps-canary/0c9c2e41', state: 'failure' });
    fake.addStatus(SHA, { context: CONTEXT, state: 'success' });
    let clock = 0;
    const waiting = await wait({
      contexts: set,
      timeoutMs: 50_000,
      intervalMs: 10_000,
      now: () => clock,
      sleep: async ms => void (clock += ms)
    });
    expect(waiting.state).toBe('timeout');
    expect(waiting.contexts.map(c => [c.context, c.state])).toEqual([
      [CONTEXT, 'success'],
      ['kustomization/infra*', 'not-reported']
    ]);
    expect(describeFluxWait(waiting, SHA)).toContain('still pending: kustomization/infra* (not reported)');
    fake.addStatus(SHA, { context: INFRA, state: 'success' });
    expect(await wait({ contexts: set })).toMatchObject({ state: 'success' });
  });

  it('falls back from the failing revision to the commit before, and says when the set is not known', async () => {
    const failing = 'b'.repeat(40);
    fake.addStatus(failing, { context: 'ci/build', state: 'failure' });
    fake.addStatus(PREVIOUS, { context: INFRA, state: 'success' });
    const references = [
      { sha: failing, label: 'the failing revision' },
      undefined,
      { sha: PREVIOUS, label: 'the commit before the rollback' }
    ];
    expect(await resolveFluxContexts({ client, repo, references })).toMatchObject({
      require: [INFRA],
      origin: 'reported for the commit before the rollback aaaaaaaaaaaa'
    });

    const unknown = await resolveFluxContexts({ client, repo, references: [{ sha: failing, label: 'the failing revision' }] });
    expect(unknown).toEqual({
      watch: ['kustomization/*'],
      require: [],
      origin: "not known: no context matching 'kustomization/*' was reported for the failing revision bbbbbbbbbbbb"
    });
    expect(describeContextSet(unknown)).toBe(
      "The Flux contexts to wait for are not known: no context matching 'kustomization/*' was reported for the failing revision bbbbbbbbbbbb; " +
        "waiting until at least one context matching 'kustomization/*' reports and every one that reports succeeds. Name them in flux-status-contexts to wait for all of them."
    );
    // Not known: a pending context holds the wait even after another succeeded.
    fake.addStatus(SHA, { context: INFRA, state: 'success' });
    fake.addStatus(SHA, { context: CONTEXT, state: 'pending', description: 'progressing' });
    const before = fake.requestsTo('GET', /\/statuses$/).length;
    afterPolls(before + 2, () => fake.addStatus(SHA, { context: CONTEXT, state: 'success' }));
    const result = await wait({ contexts: unknown });
    expect(result).toMatchObject({ state: 'success', context: CONTEXT });
    expect(result.polls).toBeGreaterThanOrEqual(3);
  });

  it('reads past a reference it cannot read, but stops when the token is rejected', async () => {
    fake.addStatus(PREVIOUS, { context: INFRA, state: 'success' });
    fake.failNext('GET', /\/statuses$/, 500, 'Server Error', 1);
    const warnings: string[] = [];
    const log = { info: () => undefined, warning: (m: string) => void warnings.push(m) };
    const references = [
      { sha: 'b'.repeat(40), label: 'the failing revision' },
      { sha: PREVIOUS, label: 'the commit before the rollback' }
    ];
    expect(await resolveFluxContexts({ client, repo, references, log })).toMatchObject({ require: [INFRA] });
    expect(warnings).toEqual([expect.stringMatching(/^Could not read the Flux statuses of the failing revision bbbbbbbbbbbb: .*500/)]);
    const stranger = createGitHubClient({ token: 'ghs_wrong', baseUrl: fake.url, retries: 0, retryDelayMs: 1, paceWrites: false });
    await expect(resolveFluxContexts({ client: stranger, repo, references })).rejects.toMatchObject({ status: 401 });
  });

  it('escapes context names and descriptions from the API in what it logs and describes', async () => {
    const forged = '::error::kustomization/apps\tforged';
    fake.addStatus(SHA, { context: forged, state: 'failure', description: 'bad\r\n::warning file=x::also forged\u0007' });
    const lines: string[] = [];
    const result = await wait({
      contexts: { watch: ['*kustomization/*'], require: [], origin: 'test' },
      log: { info: m => void lines.push(m) }
    });
    expect(result.state).toBe('failure');
    expect(lines).toHaveLength(1);
    const described = describeFluxWait(result, SHA);
    for (const text of [...lines, described]) {
      expect(text).not.toMatch(/[\r\n\u0007]/);
      expect(text).not.toContain('::');
    }
    expect(described).toContain(
      '(:\\u003aerror:\\u003akustomization/apps\\tforged: bad\\r\\n:\\u003awarning file=x:\\u003aalso forged\\u0007).'
    );
    expect(result.contexts[0]).toMatchObject({ context: forged });
  });

  it('times out and says what it saw last', async () => {
    fake.addStatus(SHA, { context: CONTEXT, state: 'pending', description: 'progressing' });
    fake.addStatus(SHA, { context: 'ci/build', state: 'success' });
    let clock = 0;
    const result = await wait({ timeoutMs: 200, now: () => clock, sleep: async ms => void (clock += ms) });
    expect(result).toMatchObject({ state: 'timeout', elapsedMs: 200, polls: 11 });
    expect(result.contexts.map(s => [s.context, s.state])).toEqual([[CONTEXT, 'pending']]);
    expect(describeFluxWait(result, SHA)).toContain(`last seen: ${CONTEXT}: pending (progressing)`);
  });

  it('times out with "nothing matching" when Flux never reported, honouring a custom glob', async () => {
    fake.addStatus(SHA, { context: CONTEXT, state: 'failure' });
    const result = await wait({ timeoutMs: 100, contexts: { watch: ['helmrelease/*'], require: [], origin: 'not known' } });
    expect(result.state).toBe('timeout');
    expect(describeFluxWait(result, SHA)).toBe(
      `No Flux result for 3f786850e387 after ${(result.elapsedMs / 1000).toFixed(1)} s: no status matching 'helmrelease/*' was reported.`
    );
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
    expect(await waitForHealth({ url, expectStatus: 204, timeoutMs: 1500, intervalMs: 10 })).toMatchObject({
      healthy: true,
      checks: 2,
      lastStatus: 204
    });
  });

  it('waits until the endpoint stops being healthy (drill detection)', async () => {
    const { url } = await endpoint(200, 200, 503);
    expect(await waitForHealth({ url, until: 'unhealthy', timeoutMs: 1500, intervalMs: 10 })).toMatchObject({
      healthy: false,
      reached: true,
      lastStatus: 503
    });
  });

  it('times out with the last status it got', async () => {
    const { url } = await endpoint(503);
    let clock = 0;
    const result = await waitForHealth({ url, timeoutMs: 150, intervalMs: 20, now: () => clock, sleep: async ms => void (clock += ms) });
    // Checks every 20 ms, the last one at the timeout.
    expect(result).toMatchObject({ healthy: false, reached: false, lastStatus: 503, elapsedMs: 150, checks: 9 });
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
    await expect(waitForHealth({ url: 'file:///etc/passwd', timeoutMs: 100 })).rejects.toThrow(
      "Invalid health-url 'file:///etc/passwd'. Expected an http:// or https:// address"
    );
  });
});
