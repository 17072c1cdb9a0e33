import type { OptionNames } from './option-names.js';
import type { PullRequestReference } from './types.js';
import { oneLine, type RawRequest } from './validate.js';
import { UserError } from '../core/index.js';

/** A merged pull request resolved to the commits it put on the target branch (src/github's MergedPullRequest fits). */
export interface PullRequestToRevert {
  readonly number: number;
  readonly title: string;
  readonly url: string;
  /** Newest first. */
  readonly commits: readonly string[];
  /** 1 when `commits` is its merge commit. */
  readonly mainline?: number;
}

/** Longest pull-request title shown after `Revert #N: `. */
const TITLE_MAX = 200;

/**
 * Refuses what cannot go with pull requests given by number: commits, paths to restore, or a
 * mainline (the merge decides it). `given` is the list as typed, for the message.
 */
export function assertOnlyPullRequests(raw: Readonly<RawRequest>, given: string, names: OptionNames): void {
  const n = names.name;
  const other = raw.commits.length
    ? `${n('commits')} (${raw.commits.join(', ')})`
    : raw.restorePaths.length || raw.restoreTo
      ? `${n('restorePaths')} / ${n('restoreTo')}`
      : raw.mainline?.trim()
        ? `${n('mainline')} ${raw.mainline.trim()}`
        : undefined;
  if (other) {
    throw new UserError(
      `Both ${n('pullRequest')} (${given}) and ${other} were given. Expected pull requests by number alone: their commits, and the mainline of a merge commit, come from GitHub.`
    );
  }
}

/**
 * The request that reverts `pulls` (newest first): their commits, mainline 1 when one was merged
 * with a merge commit (it applies to merge commits only), the title `Revert #N: <title>` unless
 * one was given, and the pull requests for the body, the summary and a `Reverts-pull-request`
 * trailer each.
 */
export function revertPullRequests(raw: Readonly<RawRequest>, pulls: readonly PullRequestToRevert[]): RawRequest {
  const references: PullRequestReference[] = pulls.map(p => ({ number: p.number, title: oneLine(p.title, TITLE_MAX), url: p.url }));
  return {
    ...raw,
    commits: pulls.flatMap(p => p.commits),
    mainline: pulls.some(p => p.mainline !== undefined) ? '1' : undefined,
    title: raw.title?.trim() ? raw.title : pullRequestsTitle(references),
    pullRequests: references,
    trailers: [...(raw.trailers ?? []), ...pulls.map(p => `Reverts-pull-request: #${p.number}`)]
  };
}

/** `Revert #12: <title>`, or `Revert #15, #12: <title>; <title>` for several, at most 256 characters. */
export function pullRequestsTitle(pulls: readonly PullRequestReference[]): string {
  const numbers = pulls.map(p => `#${p.number}`).join(', ');
  return oneLine(`Revert ${numbers}: ${pulls.map(p => p.title).join('; ')}`, 256);
}
