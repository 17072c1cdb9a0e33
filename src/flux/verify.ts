import type { GitHubClient, RepoRef } from '../github/client.js';
import type { Logger } from '../rollback/types.js';
import { describeFluxWait, describeHealthWait, waitForFluxStatus, waitForHealth } from './wait.js';

export interface RecoveryOptions {
  log: Logger;
  /** The commit to watch (the rollback commit); Flux statuses are read for it. */
  sha?: string;
  flux?: { client: GitHubClient; repo: RepoRef; contextGlob: string };
  health?: { url: string; expectStatus: number };
  timeoutMs: number;
  intervalMs: number;
}

/** What was seen after the rollback, with times in seconds from the start of the wait. */
export interface Recovery {
  reconciled?: boolean;
  timeToReconcile?: number;
  healthy?: boolean;
  timeToHealthy?: number;
  /** The timeline for the log and the job summary. */
  timeline: string[];
  /** Set when recovery was not confirmed: what was last seen. */
  failure?: string;
}

/**
 * Waits until Flux reports the watched commit reconciled and the health URL answers as expected,
 * both within one `timeoutMs`. A rollback is done when the cluster is healthy, not when it is pushed.
 */
export async function verifyRecovery(options: RecoveryOptions): Promise<Recovery> {
  const start = Date.now();
  const recovery: Recovery = { timeline: [] };
  const remaining = () => Math.max(0, options.timeoutMs - (Date.now() - start));
  if (options.flux && options.sha) {
    const { client, repo, contextGlob } = options.flux;
    const result = await options.log.group(`Waiting for Flux to reconcile ${options.sha.slice(0, 12)}`, () =>
      waitForFluxStatus({ client, repo, sha: options.sha!, contextGlob, timeoutMs: remaining(), intervalMs: options.intervalMs, log: options.log })
    );
    const line = describeFluxWait(result, options.sha, contextGlob);
    recovery.timeline.push(line);
    recovery.reconciled = result.state === 'success';
    if (recovery.reconciled) recovery.timeToReconcile = seconds(Date.now() - start);
    else return { ...recovery, failure: line };
  }
  if (options.health) {
    const { url, expectStatus } = options.health;
    const result = await options.log.group(`Waiting for ${url} to answer ${expectStatus}`, () =>
      waitForHealth({ url, expectStatus, timeoutMs: remaining(), intervalMs: options.intervalMs })
    );
    const line = describeHealthWait(result, url);
    recovery.timeline.push(line);
    recovery.healthy = result.healthy;
    if (result.healthy) recovery.timeToHealthy = seconds(Date.now() - start);
    else return { ...recovery, failure: line };
  }
  return recovery;
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
