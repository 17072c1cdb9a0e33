import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export { explainApiError, GitHubApiError } from './api-error.js';
export { parseRepository, repoName, type RepoRef } from './repository.js';

/** Where progress and non-fatal problems are reported; @actions/core or a console both fit. */
export interface GitHubLog {
  info(message: string): void;
  warning(message: string): void;
}

/** How often and how long the client waits before repeating a failed call. */
export interface RetryPolicy {
  /** Repeats after the first attempt. */
  retries: number;
  /** Base delay; the n-th repeat waits n² times this (plugin-retry's formula). */
  retryDelayMs: number;
}

/** The one Octokit this project calls GitHub with: REST methods, pagination, retry, throttling. */
export type GitHubClient = ReturnType<typeof getOctokit> & {
  readonly retryPolicy: RetryPolicy;
};

export interface GitHubClientOptions {
  token: string;
  /** REST API root; defaults to GITHUB_API_URL, then https://api.github.com. */
  baseUrl?: string;
  /** Repeats for 5xx/429 answers and rate limits (default 3). */
  retries?: number;
  /** Base retry delay in milliseconds (default 1000); tests use 1. */
  retryDelayMs?: number;
  /**
   * Space out write requests as GitHub asks integrations to (default true). Tests against a
   * local server turn it off; it also turns off rate-limit handling.
   */
  paceWrites?: boolean;
  /** How long one request may wait for GitHub's answer (default 30 s). */
  requestTimeoutMs?: number;
  /**
   * How long all requests of this client may wait for answers in all, retries included (default
   * 60 s); then calls fail at once instead of retrying. Pauses between retries do not count.
   */
  budgetMs?: number;
  log?: GitHubLog;
}

const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_BUDGET_MS = 60_000;
const silentLog: GitHubLog = { info: () => {}, warning: () => {} };

/** Creates the GitHub client with retry and throttling configured from `options`. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  if (!options.token) throw new Error('A GitHub token is required. Pass the token input or set GITHUB_TOKEN.');
  const log = options.log ?? silentLog;
  const retryPolicy: RetryPolicy = {
    retries: options.retries ?? 3,
    retryDelayMs: options.retryDelayMs ?? 1000
  };
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: trimSlash(options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com'),
      log: { debug: () => {}, info: log.info, warn: log.warning, error: log.warning },
      retry: { retries: retryPolicy.retries, retryAfterBaseValue: retryPolicy.retryDelayMs },
      throttle: throttleOptions(retryPolicy, log, options.paceWrites ?? true),
      request: { fetch: boundedFetch(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, options.budgetMs ?? DEFAULT_BUDGET_MS) }
    },
    retry,
    throttling
  );
  return Object.assign(octokit, { retryPolicy });
}

function throttleOptions(policy: RetryPolicy, log: GitHubLog, enabled: boolean) {
  if (!enabled) return { enabled: false as const };
  type Request = { method: string; url: string };
  const onLimit = (kind: string) => (retryAfter: number, request: Request, _octokit: unknown, retryCount: number) => {
    // A primary limit can reset an hour away; failing with a clear message beats a silent hang.
    const willRetry = retryCount < policy.retries && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
    log.warning(
      `GitHub ${kind} hit for ${request.method} ${request.url}` + (willRetry ? `; retrying after ${retryAfter} s.` : '; giving up.')
    );
    return willRetry;
  };
  return {
    // The plugin multiplies GitHub's retry-after seconds by this; scaling it keeps tests fast.
    retryAfterBaseValue: policy.retryDelayMs,
    onRateLimit: onLimit('rate limit'),
    onSecondaryRateLimit: onLimit('secondary rate limit')
  };
}

/**
 * `fetch` with a timeout per request and a budget for the time spent waiting on answers in all.
 * A request that times out fails like an unreachable server (and is retried); once the budget is
 * spent, requests fail at once with an error the retry plugin does not repeat.
 */
function boundedFetch(timeoutMs: number, budgetMs: number): typeof fetch {
  // Time during which at least one request waited: parallel requests count once.
  let spentMs = 0;
  let inFlight = 0;
  let since = 0;
  const spent = () => spentMs + (inFlight > 0 ? performance.now() - since : 0);
  const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
  return async (input, init) => {
    const what = `${init?.method ?? 'GET'} ${new URL(String(input instanceof Request ? input.url : input)).pathname}`;
    const left = budgetMs - spent();
    if (left <= 0) {
      const error = new Error(`gave up on ${what}: waited ${seconds(spent())} in all for GitHub's answers, the limit for one run`);
      error.name = 'AbortError'; // not retried
      throw error;
    }
    const limit = Math.max(1, Math.ceil(Math.min(timeoutMs, left)));
    const timer = AbortSignal.timeout(limit);
    const signal = init?.signal ? AbortSignal.any([init.signal, timer]) : timer;
    if (inFlight++ === 0) since = performance.now();
    try {
      return await fetch(input, { ...init, signal });
    } catch (error) {
      if (!timer.aborted) throw error;
      throw new Error(`no answer to ${what} within ${seconds(limit)}`, { cause: error });
    } finally {
      if (--inFlight === 0) spentMs += performance.now() - since;
    }
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
