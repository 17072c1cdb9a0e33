import type { GitHubClient, RepoRef } from '../github/client.js';
import {
  describeContextSet,
  describeFluxWait,
  describeHealthWait,
  resolveFluxContexts,
  type Timing,
  waitForFluxStatus,
  waitForHealth
} from '../flux/wait.js';

/** What a drill waited for, and what was seen. */
export interface WaitOutcome {
  /** The awaited condition was met (the failure was reported, the fix became healthy...). */
  reached: boolean;
  /** One line for the drill report, including what was last seen on a timeout. */
  detail: string;
}

/** What the drill knows when it waits: the commit before `sha` on the branch. */
export interface WaitContext {
  previousSha?: string;
}

/** Waits for something about a pushed commit; the drill injects these so any signal can be used. */
export type Waiter = (sha: string, context?: WaitContext) => Promise<WaitOutcome>;

export interface FluxWaiterOptions extends Timing {
  client: GitHubClient;
  repo: RepoRef;
  contextGlob?: string;
  /**
   * Contexts that must all report (globs allowed). Default: every Flux context reported for the
   * previous commit, so a quick Kustomization's success does not hide a slow one's failure.
   */
  contexts?: string[];
  timeoutMs: number;
  intervalMs?: number;
  log?: { info(message: string): void; warning?(message: string): void };
}

/**
 * A waiter on Flux's commit status for the pushed commit: `expect: 'failure'` is met when Flux
 * reports the commit failing (drill detection), `'success'` when every expected context reports
 * it reconciled (the same rule as the revert action's `wait-for: flux-status`).
 */
export function fluxStatusWaiter(options: FluxWaiterOptions, expect: 'failure' | 'success'): Waiter {
  return async (sha, context) => {
    const previous = context?.previousSha ? { sha: context.previousSha, label: 'the previous commit' } : undefined;
    const set = await resolveFluxContexts({ ...options, listed: options.contexts, references: [previous] });
    options.log?.info(describeContextSet(set));
    const result = await waitForFluxStatus({ ...options, sha, contexts: set });
    return { reached: result.state === expect, detail: describeFluxWait(result, sha) };
  };
}

export interface HealthWaiterOptions extends Timing {
  url: string;
  expectStatus?: number;
  timeoutMs: number;
  intervalMs?: number;
}

/**
 * A waiter on an HTTP health endpoint: `'unhealthy'` is met when it stops answering the expected
 * status (drill detection), `'healthy'` when it answers it again. The commit is not consulted.
 */
export function healthWaiter(options: HealthWaiterOptions, until: 'healthy' | 'unhealthy'): Waiter {
  return async () => {
    const result = await waitForHealth({ ...options, until });
    return { reached: result.reached, detail: describeHealthWait(result, redactUrl(options.url)) };
  };
}

/** Keeps credentials and query strings (which may hold tokens) out of reports. */
function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(health URL)';
  }
}
