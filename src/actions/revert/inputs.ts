import * as core from '@actions/core';
import { printable, UserError } from '../../core/index.js';
import type { BadChange } from '../../drill/bad-change.js';
import { parseDuration } from '../../flux/duration.js';
import type { Identity } from '../../rollback/types.js';
import { settingNames } from '../../rollback/option-names.js';
import { assertOnlyPullRequests } from '../../rollback/pull-requests.js';
import { branchName, parseIdentity, parsePullRequestNumbers, validateRevision, type RawRequest } from '../../rollback/validate.js';
import { booleanInput, listInput, type RunContext } from '../runner.js';

/** How a Flux failure event is acted on. */
export type OnFluxFailure = 'ignore' | 'pull-request' | 'push';

/** Everything the revert action was asked to do, read and cross-checked in one place, never changed after. */
export interface RevertInputs {
  /** The rollback as asked (`validateRequest` checks it); a Flux event or the default branch yields a new one. */
  readonly raw: Readonly<RawRequest>;
  /**
   * Merged pull requests to revert, by number (`pull-request`), in the order given, without
   * repeats; empty when commits or paths are given instead. Their commits are found through the
   * API (src/github/pull-commits.ts) before `raw` is validated.
   */
  readonly pullRequests: number[];
  readonly token: string;
  readonly workingDirectory: string;
  /** Commit status context the guard result is posted as on a delivered rollback. */
  readonly statusContext?: string;
  readonly flux: FluxInputs;
  readonly wait: WaitInputs;
  readonly drill?: DrillInputs;
  /** How a merged pull request asks to be rolled back from an event: see pull-request-trigger.ts. */
  readonly trigger: TriggerInputs;
  /** target-branch as the workflow gave it; `raw.targetBranch` falls back to the default branch. */
  readonly targetBranchInput?: string;
}

export interface TriggerInputs {
  /** The label that rolls back a merged pull request (`pull_request` closed or labeled). */
  readonly label: string;
}

export interface FluxInputs {
  readonly onFailure: OnFluxFailure;
  readonly reasons: string[];
  readonly objects: string[];
  readonly lastHealthy?: string;
  readonly statusContext: string;
  readonly statusContexts: string[];
}

export interface WaitInputs {
  readonly forFlux: boolean;
  readonly timeoutMs: number;
  readonly intervalMs: number;
  readonly healthUrl?: string;
  readonly expectStatus: number;
  readonly watchCommit?: string;
}

export interface DrillInputs {
  /** The staging branch the drill runs on (target-branch). */
  readonly branch: string;
  readonly badChange: Readonly<BadChange>;
  readonly committer: Identity;
  readonly maxRecoveryMs: number;
}

/** The identity GitHub shows for commits made by workflows. */
export const DEFAULT_COMMITTER = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

/**
 * Reads the revert action's inputs and checks them against each other, before anything is
 * fetched or pushed; `validateRequest` checks the rollback part.
 */
export function readRevertInputs(context: RunContext): RevertInputs {
  const token = core.getInput('token');
  if (token) core.setSecret(token);
  const raw: RawRequest = {
    commits: listInput('commits', true),
    mainline: core.getInput('mainline'),
    squash: booleanInput('squash', false),
    restorePaths: listInput('restore-paths'),
    restoreTo: core.getInput('restore-to'),
    incident: core.getInput('incident'),
    reason: core.getInput('reason'),
    actor: context.actor,
    runUrl: context.runUrl,
    targetBranch: branchName(core.getInput('target-branch')) || context.payload.repository?.default_branch,
    branch: core.getInput('branch'),
    deliver: core.getInput('deliver') || 'pull-request',
    dryRun: booleanInput('dry-run', false),
    allowUnsafe: booleanInput('allow-unsafe', false),
    fallbackToPullRequest: booleanInput('fallback-to-pull-request', true),
    signCommits: booleanInput('sign-commits', false),
    committer: core.getInput('committer') || DEFAULT_COMMITTER,
    title: core.getInput('title'),
    labels: listInput('labels'),
    reviewers: listInput('reviewers'),
    teamReviewers: listInput('team-reviewers'),
    draft: booleanInput('draft', false),
    body: core.getInput('body'),
    assignees: listInput('assignees'),
    deleteBranch: booleanInput('delete-branch', false)
  };
  const pullRequestInput = listInput('pull-request', true);
  const pullRequests = parsePullRequestNumbers(pullRequestInput, 'pull-request');
  if (pullRequests.length > 0) assertOnlyPullRequests(raw, pullRequestInput.join(', '), settingNames);
  const flux: FluxInputs = {
    onFailure: oneOf('on-flux-failure', ['ignore', 'pull-request', 'push'] as const, 'ignore'),
    reasons: listInput('flux-reasons'),
    objects: listInput('flux-objects'),
    lastHealthy: optionalRevision('last-healthy'),
    statusContext: statusContextGlob(core.getInput('flux-status-context') || 'kustomization/*'),
    statusContexts: statusContexts(listInput('flux-status-contexts'))
  };
  const wait: WaitInputs = {
    forFlux: oneOf('wait-for', ['none', 'flux-status'] as const, 'none') === 'flux-status',
    timeoutMs: parseDuration(core.getInput('wait-timeout') || '10m', 'wait-timeout'),
    intervalMs: waitInterval(context.apiUrl),
    healthUrl: core.getInput('health-url') || undefined,
    expectStatus: httpStatus(core.getInput('health-expect-status') || '200'),
    watchCommit: optionalRevision('watch-commit')
  };
  const statusContext = guardStatusContext(core.getInput('status-context'));
  // As connectGitHub: the API is there when there is a token and a repository.
  const api = Boolean(token && context.repository);
  // Checked before anything is pushed, so a push is never followed by a wait that cannot run.
  if (wait.forFlux && !api)
    throw new UserError('wait-for: flux-status reads commit statuses through the GitHub API: it needs a token and GITHUB_REPOSITORY.');
  if (pullRequests.length > 0 && !api)
    throw new UserError(
      `pull-request (${pullRequests.map(p => `#${p}`).join(', ')}) is resolved to commits through the GitHub API: it needs a token and GITHUB_REPOSITORY.`
    );
  if (raw.signCommits && !api && !raw.dryRun)
    throw new UserError('sign-commits makes the rollback commits through the GitHub API: it needs a token and GITHUB_REPOSITORY.');
  if (statusContext && !api)
    throw new UserError('status-context posts a commit status through the GitHub API: it needs a token and GITHUB_REPOSITORY.');
  if (wait.watchCommit && !wait.forFlux && !wait.healthUrl) {
    throw new UserError(
      `watch-commit '${printable(wait.watchCommit)}' was given with nothing to wait for. Expected wait-for: flux-status or health-url.`
    );
  }
  const drill = booleanInput('drill', false) ? drillInputs(raw, wait) : undefined;
  // Only where labels trigger rollbacks: a dispatch workflow may label its pull requests 'revert'.
  const labelEvent = context.eventName === 'pull_request' || context.eventName === 'pull_request_target';
  const trigger = { label: triggerLabel(core.getInput('trigger-label') || 'revert', labelEvent ? (raw.labels ?? []) : []) };
  const targetBranchInput = core.getInput('target-branch') || undefined;
  return {
    raw,
    pullRequests,
    token,
    workingDirectory: core.getInput('working-directory') || '.',
    statusContext,
    flux,
    wait,
    drill,
    trigger,
    targetBranchInput
  };
}

/** A drill needs a branch, exactly one known-bad change, and a way to see the failure. */
function drillInputs(raw: RawRequest, wait: WaitInputs): DrillInputs {
  const branch = raw.targetBranch;
  if (!branch) throw new UserError('A drill needs target-branch: the staging branch Flux watches.');
  const patchFile = core.getInput('drill-patch') || undefined;
  const cherryPick = optionalRevision('drill-cherry-pick');
  const maxRecoveryMs = parseDuration(core.getInput('drill-max-recovery') || '15m', 'drill-max-recovery');
  if (!patchFile === !cherryPick) {
    throw new UserError(
      'A drill needs exactly one known-bad change: drill-patch (a patch file in the repository) or drill-cherry-pick (a commit).'
    );
  }
  if (!wait.forFlux && !wait.healthUrl)
    throw new UserError('A drill needs a way to see the failure: wait-for: flux-status, or health-url.');
  return {
    branch,
    badChange: patchFile ? { patchFile } : { cherryPick: cherryPick! },
    committer: parseIdentity(raw.committer!),
    maxRecoveryMs
  };
}

/**
 * The trigger label: one GitHub label name (at most 50 characters, one line). It must not be one of
 * the labels the rollback pull requests get, or merging a rollback would roll the rollback back.
 */
function triggerLabel(value: string, prLabels: string[]): string {
  const label = value.trim();
  if (!label || label.length > 50 || /[\u0000-\u001f\u007f,]/.test(label)) {
    throw new UserError(`Invalid trigger-label '${printable(value)}'. Expected one label name of at most 50 characters, such as 'revert'.`);
  }
  if (prLabels.some(l => l.toLowerCase() === label.toLowerCase())) {
    throw new UserError(
      `trigger-label '${label}' is also in labels, which the rollback pull requests get: merging a rollback would roll it back again. Expected a label of its own, such as 'revert'.`
    );
  }
  return label;
}

/** The shortest pause between two polls of GitHub's API while waiting for recovery. */
export const MIN_WAIT_INTERVAL_MS = 5000;

/**
 * wait-interval, raised to {@link MIN_WAIT_INTERVAL_MS} with a warning when shorter, so a wait
 * cannot flood GitHub's API (`0` would poll without pause). An API on a loopback address (a local
 * server or proxy, which has no rate limit to protect) may be polled faster.
 */
function waitInterval(apiUrl: string): number {
  const value = core.getInput('wait-interval') || '10s';
  const ms = parseDuration(value, 'wait-interval');
  if (ms >= MIN_WAIT_INTERVAL_MS || isLoopback(apiUrl)) return ms;
  core.warning(
    `wait-interval '${printable(value)}' is shorter than ${MIN_WAIT_INTERVAL_MS / 1000} s; polling every ${MIN_WAIT_INTERVAL_MS / 1000} s instead, to stay within GitHub's rate limits.`
  );
  return MIN_WAIT_INTERVAL_MS;
}

function isLoopback(url: string): boolean {
  try {
    return ['127.0.0.1', '[::1]', 'localhost'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = (core.getInput(name) || fallback) as T;
  if (!allowed.includes(value)) throw new UserError(`Invalid ${name} '${printable(value)}'. Expected one of: ${allowed.join(', ')}.`);
  return value;
}

function optionalRevision(name: string): string | undefined {
  const value = core.getInput(name);
  return value ? validateRevision(value, name) : undefined;
}

function guardStatusContext(value: string): string | undefined {
  const context = value.trim();
  if (!context) return undefined;
  // Quotes would break the command a failed post suggests; control characters do not belong in a name.
  if (/[\u0000-\u001f\u007f']/.test(context)) {
    throw new UserError(
      `Invalid status-context ${JSON.stringify(context)}. Expected one line without quotes, the name of a required check such as 'rollback-safety'.`
    );
  }
  return context;
}

// Flux's github provider names contexts <kind>/<name>/<id>; globs use * and ?.
const STATUS_CONTEXT = /^[A-Za-z0-9*?][A-Za-z0-9._*?-]*(\/[A-Za-z0-9._*?-]+)+$/;

function statusContextGlob(value: string): string {
  if (value.includes(','))
    throw new UserError(
      `Invalid flux-status-context '${JSON.stringify(value).slice(1, -1)}'. Expected one glob such as 'kustomization/*'; list several contexts in flux-status-contexts.`
    );
  return value;
}

function statusContexts(values: string[]): string[] {
  for (const value of values) {
    if (!STATUS_CONTEXT.test(value) || value.length > 255) {
      throw new UserError(
        `Invalid flux-status-contexts entry '${JSON.stringify(value).slice(1, -1)}'. Expected Flux commit-status contexts as kind/name, comma-separated, globs allowed: 'kustomization/apps, kustomization/infra*'.`
      );
    }
  }
  return values;
}

function httpStatus(value: string): number {
  if (!/^[1-5][0-9]{2}$/.test(value))
    throw new UserError(`Invalid health-expect-status '${printable(value)}'. Expected an HTTP status code such as 200.`);
  return Number(value);
}
