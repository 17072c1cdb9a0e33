import { GitHubApiError } from '../github/api-error.js';
import type { GitHubClient, RepoRef } from '../github/client.js';
import { listCommitStatuses } from '../github/statuses.js';
import {
  assessFluxStatuses,
  DEFAULT_STATUS_CONTEXT,
  describeStatus,
  type FluxContextSet,
  type FluxContextState,
  pendingContexts,
  summariseFluxStatuses
} from './commit-status.js';
import { printable, shortSha, UserError } from '../core/index.js';

/** Clock and sleep, injectable so tests and callers control time. */
export interface Timing {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface FluxWaitOptions extends Timing {
  client: GitHubClient;
  repo: RepoRef;
  /** The commit Flux is expected to report on. */
  sha: string;
  /**
   * Which contexts are Flux's and which must all succeed ({@link resolveFluxContexts}). Default:
   * contexts matching `kustomization/*`, set not known (at least one, every one reported successful).
   */
  contexts?: FluxContextSet;
  timeoutMs: number;
  /** Pause between polls; default 10 s (each poll is one API call). */
  intervalMs?: number;
  /** Progress lines, e.g. the action's log. */
  log?: { info(message: string): void };
}

export interface FluxWaitResult {
  state: 'success' | 'failure' | 'timeout';
  /** The context that decided the state. */
  context?: string;
  description?: string;
  elapsedMs: number;
  /** The set waited for. */
  set: FluxContextSet;
  /**
   * Every watched context, and every required one not reported yet, as of the last poll that
   * answered, so outputs can name them and a timeout can say which were still pending.
   */
  contexts: FluxContextState[];
  /** The last API error met while polling, when the last poll failed. */
  lastError?: string;
  polls: number;
}

export interface HealthWaitOptions extends Timing {
  url: string;
  /** The HTTP status that means healthy; default 200. */
  expectStatus?: number;
  /** Wait until the endpoint is healthy (default) or until it stops being healthy. */
  until?: 'healthy' | 'unhealthy';
  timeoutMs: number;
  /** Pause between checks; default 5 s. */
  intervalMs?: number;
  /** Give up on one request after this long; default 10 s. The last check may end this much past the timeout. */
  requestTimeoutMs?: number;
}

export interface HealthWaitResult {
  /** Whether the last check found the expected status. */
  healthy: boolean;
  /** Whether the awaited condition (`until`) was met before the timeout. */
  reached: boolean;
  elapsedMs: number;
  lastStatus?: number;
  lastError?: string;
  checks: number;
}

/** A revision whose Flux contexts tell which ones to expect on the watched commit. */
export interface FluxReference {
  sha: string;
  /** What it is, for the log: "the failing revision", "the commit before the rollback". */
  label: string;
}

export interface FluxContextsOptions {
  client: GitHubClient;
  repo: RepoRef;
  /** Which contexts are Flux's; default `kustomization/*`. */
  contextGlob?: string;
  /** Contexts given by the user (globs allowed): when not empty, exactly these are waited for. */
  listed?: string[];
  /** Tried in turn: the first with Flux contexts gives the set. */
  references?: (FluxReference | undefined)[];
  log?: { info(message: string): void; warning?(message: string): void };
}

/**
 * Decides which Flux contexts must report success on a rollback commit: the listed ones when
 * given, else those Flux reported for the first reference revision that has any (the failing
 * revision, or the commit before the rollback). One success among several is not recovery. When
 * neither says, the set is not known: at least one context must report, and every one that does
 * must succeed.
 */
export async function resolveFluxContexts(options: FluxContextsOptions): Promise<FluxContextSet> {
  const glob = options.contextGlob ?? DEFAULT_STATUS_CONTEXT;
  if (options.listed?.length) return { watch: options.listed, require: options.listed, origin: 'given in flux-status-contexts' };
  const tried: string[] = [];
  for (const reference of options.references ?? []) {
    if (!reference) continue;
    const where = `${reference.label} ${shortSha(reference.sha)}`;
    try {
      const contexts = await fluxContextsOf(options.client, options.repo, reference.sha, glob);
      if (contexts.length) return { watch: [glob], require: contexts.sort(), origin: `reported for ${where}` };
    } catch (error) {
      if (error instanceof GitHubApiError && (error.status === 401 || error.status === 403)) throw error;
      options.log?.warning?.(
        `Could not read the Flux statuses of ${where}: ${printable(error instanceof Error ? error.message : String(error), 500)}`
      );
    }
    tried.push(where);
  }
  return {
    watch: [glob],
    require: [],
    origin: tried.length ? `not known: no context matching '${glob}' was reported for ${tried.join(' or ')}` : 'not known'
  };
}

/** One line saying what a wait is about to wait for, and how that set was found. */
export function describeContextSet(set: FluxContextSet): string {
  if (set.require.length) return `Waiting for the Flux contexts ${set.origin}: ${set.require.map(c => printable(c)).join(', ')}.`;
  return (
    `The Flux contexts to wait for are ${set.origin}; waiting until at least one context matching ` +
    `'${set.watch.map(c => printable(c)).join(', ')}' reports and every one that reports succeeds. Name them in flux-status-contexts to wait for all of them.`
  );
}

const realSleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Polls the commit statuses of `sha` until every required Flux context reports success, a
 * watched one reports failure (`error` counts as failure), or the time is up. Unreachable or
 * failing API calls are retried until the timeout and reported in `lastError`; a rejected token
 * (401/403) ends the wait at once.
 */
export async function waitForFluxStatus(options: FluxWaitOptions): Promise<FluxWaitResult> {
  const { client, repo, sha, timeoutMs } = options;
  const set = options.contexts ?? { watch: [DEFAULT_STATUS_CONTEXT], require: [], origin: 'not known' };
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const interval = options.intervalMs ?? 10_000;
  const start = now();
  let contexts: FluxContextState[] = set.require.map(context => ({ context, state: 'not-reported', description: '' }));
  let lastError: string | undefined;
  const logged = new Map<string, string>();
  for (let polls = 1; ; polls++) {
    try {
      const assessment = assessFluxStatuses(await listCommitStatuses(client, repo, sha), set);
      contexts = assessment.contexts;
      lastError = undefined;
      for (const c of contexts) {
        const key = `${c.state}\n${c.description}`;
        if (c.state === 'not-reported' || logged.get(c.context) === key) continue;
        logged.set(c.context, key);
        options.log?.info(`${shortSha(sha)}: ${describeStatus(c)}`);
      }
      if (assessment.state !== 'waiting') {
        const { context, description } = assessment.decisive!;
        return { state: assessment.state, context, description: description ?? undefined, elapsedMs: now() - start, set, contexts, polls };
      }
    } catch (error) {
      if (error instanceof GitHubApiError && (error.status === 401 || error.status === 403)) throw error;
      lastError = error instanceof Error ? error.message : String(error);
    }
    const left = timeoutMs - (now() - start);
    if (left <= 0) return { state: 'timeout', elapsedMs: now() - start, set, contexts, lastError, polls };
    await sleep(Math.min(interval, left));
  }
}

/**
 * The Flux contexts (matching `contextGlob`) reported for `sha`: those of the revision before a
 * rollback are the ones to expect on the rollback itself.
 */
export async function fluxContextsOf(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  contextGlob = DEFAULT_STATUS_CONTEXT
): Promise<string[]> {
  return summariseFluxStatuses(await listCommitStatuses(client, repo, sha), contextGlob).matching.map(s => s.context);
}

/** One line saying what a Flux wait saw: for logs, summaries and timeouts. Text from the API is escaped. */
export function describeFluxWait(result: FluxWaitResult, sha: string): string {
  const seconds = `${(result.elapsedMs / 1000).toFixed(1)} s`;
  const seen = result.contexts.filter(c => c.state !== 'not-reported');
  if (result.state === 'success')
    return `Flux reported success for ${shortSha(sha)} after ${seconds} (${seen
      .filter(c => c.state === 'success')
      .map(describeStatus)
      .join('; ')}).`;
  if (result.state === 'failure') {
    return `Flux reported failure for ${shortSha(sha)} after ${seconds} (${printable(result.context!)}${result.description ? `: ${printable(result.description)}` : ''}).`;
  }
  const parts: string[] = [];
  if (seen.length === 0) parts.push(`no status matching '${result.set.watch.map(c => printable(c)).join(', ')}' was reported`);
  const pending = pendingContexts(result.contexts);
  if (pending.length) parts.push(`still pending: ${pending.map(describePending).join(', ')}`);
  if (seen.length) parts.push(`last seen: ${seen.map(describeStatus).join('; ')}`);
  if (result.lastError) parts.push(`last error: ${printable(result.lastError, 500)}`);
  return `No Flux result for ${shortSha(sha)} after ${seconds}: ${parts.join('; ')}.`;
}

function describePending(c: FluxContextState): string {
  if (c.state === 'not-reported') return `${printable(c.context)} (not reported)`;
  return `${printable(c.context)} (${c.state}${c.description ? `: ${printable(c.description)}` : ''})`;
}

/**
 * Polls `url` until it answers `expectStatus` (or, with `until: 'unhealthy'`, until it does not)
 * or the time is up. Connection errors and request timeouts count as unhealthy.
 */
export async function waitForHealth(options: HealthWaitOptions): Promise<HealthWaitResult> {
  const url = checkUrl(options.url);
  const expect = options.expectStatus ?? 200;
  const until = options.until ?? 'healthy';
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const interval = options.intervalMs ?? 5_000;
  const start = now();
  let lastStatus: number | undefined;
  let lastError: string | undefined;
  for (let checks = 1; ; checks++) {
    try {
      const signal = AbortSignal.timeout(options.requestTimeoutMs ?? 10_000);
      const response = await fetch(url, { signal, redirect: 'manual' });
      await response.body?.cancel();
      [lastStatus, lastError] = [response.status, undefined];
    } catch (error) {
      [lastStatus, lastError] = [undefined, fetchError(error)];
    }
    const healthy = lastStatus === expect;
    const reached = until === 'healthy' ? healthy : !healthy;
    const elapsedMs = now() - start;
    if (reached || elapsedMs >= options.timeoutMs) return { healthy, reached, elapsedMs, lastStatus, lastError, checks };
    await sleep(Math.min(interval, options.timeoutMs - elapsedMs));
  }
}

/** One line saying what a health wait saw. */
export function describeHealthWait(result: HealthWaitResult, url: string): string {
  const seconds = `${(result.elapsedMs / 1000).toFixed(1)} s`;
  const last = result.lastStatus !== undefined ? `HTTP ${result.lastStatus}` : `error: ${result.lastError}`;
  return `${url} was ${result.healthy ? 'healthy' : 'unhealthy'} after ${seconds} and ${result.checks} checks (last answer ${last}).`;
}

function checkUrl(value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UserError(
      `Invalid health-url '${value}'. Expected an http:// or https:// address such as 'https://podinfo.example.com/healthz'.`
    );
  }
  return url;
}

function fetchError(error: unknown): string {
  // fetch's errors may come from another realm (test VMs), so they are read by shape, not instanceof.
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } } | undefined;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'the request timed out';
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}
