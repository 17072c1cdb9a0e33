import type { GitHubClient, RepoRef } from '../github/client.js';
import type { FluxContextState } from './commit-status.js';
import {
  describeContextSet,
  describeFluxWait,
  describeHealthWait,
  type FluxReference,
  resolveFluxContexts,
  waitForFluxStatus,
  waitForHealth
} from './wait.js';
import { type Logger, printable, shortSha } from '../core/index.js';

export interface RecoveryOptions {
  log: Logger;
  /** The commit to watch (the rollback commit); Flux statuses are read for it. */
  sha?: string;
  flux?: {
    client: GitHubClient;
    repo: RepoRef;
    contextGlob: string;
    /** Contexts that must all succeed (globs allowed); default: those of the first reference with any. */
    contexts?: string[];
    /** Revisions whose Flux contexts are expected on `sha`: the failing revision, the commit before the rollback. */
    references?: (FluxReference | undefined)[];
  };
  health?: { url: string; expectStatus: number };
  timeoutMs: number;
  intervalMs: number;
}

/** What was seen after the rollback, with times in seconds from the start of the wait. */
export interface Recovery {
  reconciled?: boolean;
  timeToReconcile?: number;
  /** Every Flux context waited for and its state when the wait ended. */
  fluxContexts?: FluxContextState[];
  healthy?: boolean;
  timeToHealthy?: number;
  /** The timeline for the log and the job summary. */
  timeline: string[];
  /** Set when recovery was not confirmed: what was last seen. */
  failure?: string;
}

/**
 * Waits until Flux reports the watched commit reconciled (every expected context successful) and
 * the health URL answers as expected, both within one `timeoutMs`. A rollback is done when the
 * cluster is healthy, not when it is pushed.
 */
export async function verifyRecovery(options: RecoveryOptions): Promise<Recovery> {
  const start = Date.now();
  const recovery: Recovery = { timeline: [] };
  const remaining = () => Math.max(0, options.timeoutMs - (Date.now() - start));
  if (options.flux && options.sha) {
    const { client, repo, contextGlob, contexts, references } = options.flux;
    const sha = options.sha;
    const result = await options.log.group(`Waiting for Flux to reconcile ${shortSha(sha)}`, async () => {
      const set = await resolveFluxContexts({ client, repo, contextGlob, listed: contexts, references, log: options.log });
      options.log.info(describeContextSet(set));
      return waitForFluxStatus({
        client,
        repo,
        sha,
        contexts: set,
        timeoutMs: remaining(),
        intervalMs: options.intervalMs,
        log: options.log
      });
    });
    const line = describeFluxWait(result, sha);
    recovery.timeline.push(line);
    recovery.fluxContexts = result.contexts;
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

/** The Recovery section of a job summary: the timeline, then a table of the Flux contexts. */
export function recoverySummary(recovery: Recovery): string {
  const lines = ['### Recovery', '', ...recovery.timeline.map(line => `- ${markdownText(line)}`)];
  if (recovery.fluxContexts?.length) {
    lines.push('', '| Flux context | state | description |', '| --- | --- | --- |');
    for (const c of recovery.fluxContexts)
      lines.push(`| \`${printable(c.context).replace(/[`|]/g, '?')}\` | ${c.state} | ${markdownText(c.description)} |`);
  }
  return lines.join('\n');
}

/** Escapes text from the API for Markdown: no links, images, HTML or table breaks. */
function markdownText(text: string): string {
  return printable(text, 300).replace(/[\\`*_[\]<>|!~#]/g, ch => `\\${ch}`);
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
