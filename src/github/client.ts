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
  log?: GitHubLog;
}


const MAX_RATE_LIMIT_WAIT_SECONDS = 120;
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
      throttle: throttleOptions(retryPolicy, log, options.paceWrites ?? true)
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
      `GitHub ${kind} hit for ${request.method} ${request.url}` +
        (willRetry ? `; retrying after ${retryAfter} s.` : '; giving up.')
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

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
