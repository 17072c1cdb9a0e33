import { Git } from '../git/git.js';
import type { GitHubClient, RepoRef } from '../github/client.js';
import { fetchTargetBranch } from '../rollback/history.js';
import type { AuditContext, Identity } from '../rollback/types.js';
import type { FluxFailureEvent } from './dispatch.js';
import { decideFailingCommits, type FailingCommitsDecision } from './failing-commits.js';
import { lastHealthyRevision } from './last-healthy.js';
import { type Logger, printable, shortSha } from '../core/index.js';

export interface FluxRollbackOptions {
  git: Git;
  log: Logger;
  remote: string;
  event: FluxFailureEvent;
  /** Used when the event's revision names no branch. */
  fallbackBranch?: string;
  /** The last healthy revision, when the workflow knows it. */
  lastHealthy?: string;
  /** Where Flux's commit statuses are read to find the last healthy revision otherwise. */
  statuses?: { client: GitHubClient; repo: RepoRef; contextGlob: string };
  /** The identity rollbacks are committed as: only its commits are recognised as ours. */
  committer?: Identity;
}

export interface FluxRollbackDecision {
  targetBranch: string;
  decision: FailingCommitsDecision;
  lastHealthy?: string;
}

/**
 * Decides what a Flux failure event asks to roll back: the target branch is the one in the
 * event's revision, and the commits are those after the last healthy revision up to the failing
 * one (see decideFailingCommits).
 */
export async function decideFluxRollback(options: FluxRollbackOptions): Promise<FluxRollbackDecision> {
  const { git, log, event } = options;
  const targetBranch = event.revision.branch ?? options.fallbackBranch;
  if (!targetBranch) throw new Error(`The Flux revision ${event.revision.sha} names no branch and no target-branch was given.`);
  const target = await fetchTargetBranch(git, options.remote, targetBranch, log);
  // The failing revision is usually the tip; deepen only when it lies further back.
  while (!(await git.tryResolveCommit(event.revision.sha)) && (await target.deepen()));
  let lastHealthy = options.lastHealthy;
  if (!lastHealthy && options.statuses && (await git.tryResolveCommit(event.revision.sha))) {
    const { client, repo, contextGlob } = options.statuses;
    const found = await lastHealthyRevision(client, repo, git, event.revision.sha, contextGlob);
    if (found) log.info(`Last revision Flux reported healthy: ${shortSha(found.sha)} (${printable(found.context)}).`);
    lastHealthy = found?.sha;
  }
  const decision = await decideFailingCommits({
    git,
    branch: targetBranch,
    tip: target.tip,
    failing: event.revision.sha,
    lastHealthy,
    committer: options.committer
  });
  return { targetBranch, decision, lastHealthy };
}

/**
 * The audit context of an automatic rollback. The incident is keyed by the failing revision, so
 * every object that reports the same revision leads to the same branch and pull request.
 */
export function fluxAudit(event: FluxFailureEvent, base: AuditContext): AuditContext {
  const object = `${event.kind} ${event.namespace}/${event.name}`;
  const message = event.message.length > 500 ? `${event.message.slice(0, 500)}…` : event.message;
  return {
    ...base,
    incident: base.incident ?? `flux-${shortSha(event.revision.sha)}`,
    reason: base.reason ?? `Flux reported ${event.reason} for ${object} at ${shortSha(event.revision.sha)}: ${message}`
  };
}
