import { GitHubApiError } from '../github/api-error.js';
import type { GitHubClient, RepoRef } from '../github/client.js';
import { type CommitStatus, listCommitStatuses } from '../github/statuses.js';
import { UserError } from '../rollback/types.js';
import { DEFAULT_STATUS_CONTEXT, describeStatus, type FluxStatusSummary, summariseFluxStatuses } from './commit-status.js';

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
  /** Which commit-status contexts are Flux's; default `kustomization/*`. */
  contextGlob?: string;
  timeoutMs: number;
  /** Pause between polls; default 10 s (each poll is one API call). */
  intervalMs?: number;
  /**
   * Contexts that must all report success, such as those Flux reported for the previous revision
   * ({@link fluxContextsOf}). Without it the first success decides, so with several Kustomizations
   * a quick one can report success before a slow one fails.
   */
  expectContexts?: string[];
  /** Progress lines, e.g. the action's log. */
  log?: { info(message: string): void };
}

export interface FluxWaitResult {
  state: 'success' | 'failure' | 'timeout';
  /** The context that decided the state. */
  context?: string;
  description?: string;
  elapsedMs: number;
  /** Current state of every matching context at the last poll, so a timeout can say what it saw. */
  lastSeen: CommitStatus[];
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

const realSleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Polls the commit statuses of `sha` until a Flux context reports success or failure (`error`
 * counts as failure) or the time is up. Unreachable or failing API calls are retried until the
 * timeout and reported in `lastError`; a rejected token (401/403) ends the wait at once.
 */
export async function waitForFluxStatus(options: FluxWaitOptions): Promise<FluxWaitResult> {
  const { client, repo, sha, timeoutMs } = options;
  const glob = options.contextGlob ?? DEFAULT_STATUS_CONTEXT;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const interval = options.intervalMs ?? 10_000;
  const start = now();
  let lastSeen: CommitStatus[] = [];
  let lastError: string | undefined;
  for (let polls = 1; ; polls++) {
    try {
      const summary = summariseFluxStatuses(await listCommitStatuses(client, repo, sha), glob);
      lastSeen = summary.matching;
      lastError = undefined;
      const decided = decide(summary, options.expectContexts ?? []);
      if (decided) {
        const { context, description } = decided.status;
        options.log?.info(`Flux reported ${describeStatus(decided.status)} for ${sha.slice(0, 12)}.`);
        return { state: decided.state, context, description: description ?? undefined, elapsedMs: now() - start, lastSeen, polls };
      }
    } catch (error) {
      if (error instanceof GitHubApiError && (error.status === 401 || error.status === 403)) throw error;
      lastError = error instanceof Error ? error.message : String(error);
    }
    const left = timeoutMs - (now() - start);
    if (left <= 0) return { state: 'timeout', elapsedMs: now() - start, lastSeen, lastError, polls };
    await sleep(Math.min(interval, left));
  }
}

/** A failure decides at once; success needs every expected context (or, with none, any) to succeed. */
function decide(summary: FluxStatusSummary, expected: string[]): { state: 'success' | 'failure'; status: CommitStatus } | undefined {
  if (summary.state === 'failure' && summary.decisive) return { state: 'failure', status: summary.decisive };
  if (expected.length === 0) return summary.state === 'success' && summary.decisive ? { state: 'success', status: summary.decisive } : undefined;
  const current = expected.map(c => summary.matching.find(s => s.context === c));
  if (!current.every(s => s?.state === 'success')) return undefined;
  // The newest of them completed the set (matching is newest first).
  return { state: 'success', status: summary.matching.find(s => expected.includes(s.context))! };
}

/**
 * The Flux contexts (matching `contextGlob`) reported for `sha`: pass those of the revision
 * before a rollback as `expectContexts` when waiting for the rollback itself.
 */
export async function fluxContextsOf(client: GitHubClient, repo: RepoRef, sha: string, contextGlob = DEFAULT_STATUS_CONTEXT): Promise<string[]> {
  return summariseFluxStatuses(await listCommitStatuses(client, repo, sha), contextGlob).matching.map(s => s.context);
}

/** One line saying what a Flux wait saw: for logs, summaries and timeouts. */
export function describeFluxWait(result: FluxWaitResult, sha: string, glob = DEFAULT_STATUS_CONTEXT): string {
  const seconds = `${(result.elapsedMs / 1000).toFixed(1)} s`;
  if (result.state !== 'timeout') return `Flux reported ${result.state} for ${sha.slice(0, 12)} after ${seconds} (${result.context}${result.description ? `: ${result.description}` : ''}).`;
  const seen = result.lastSeen.length ? `last seen: ${result.lastSeen.map(describeStatus).join('; ')}` : `no status matching '${glob}' was reported`;
  return `No Flux result for ${sha.slice(0, 12)} after ${seconds}: ${seen}${result.lastError ? `; last error: ${result.lastError}` : ''}.`;
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
    throw new UserError(`Invalid health-url '${value}'. Expected an http:// or https:// address such as 'https://podinfo.example.com/healthz'.`);
  }
  return url;
}

function fetchError(error: unknown): string {
  // fetch's errors may come from another realm (test VMs), so they are read by shape, not instanceof.
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } } | undefined;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'the request timed out';
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}
