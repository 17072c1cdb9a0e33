import type { Finding } from '../hazards/types.js';
import type { OptionNames } from './option-names.js';

/** Where a rollback goes once its commits are made. */
export type Delivery = 'pull-request' | 'push' | 'none';

/** What a run did, as reported in the `operation` output. */
export type Operation = 'created' | 'updated' | 'pushed' | 'committed' | 'dry-run' | 'none' | 'branch-pushed';

/** A git identity in `Name <email>` form, split. */
export interface Identity {
  name: string;
  email: string;
}

/** Audit context written into every rollback commit and pull request. */
export interface AuditContext {
  incident?: string;
  reason?: string;
  actor?: string;
  runUrl?: string;
  /** More `Key: value` trailers, each one line (a drill's rollback records its time to detect). */
  trailers?: string[];
  /** The merged pull requests the rollback reverts, newest first, when it was asked for by number. */
  pullRequests?: PullRequestReference[];
}

/** A pull request named in a rollback's pull request and summary. */
export interface PullRequestReference {
  number: number;
  /** One line, as `revertPullRequests` made it. */
  title: string;
  /** Its web page. */
  url: string;
}

/** A validated rollback request; produced only by `validateRequest`. */
export interface RollbackRequest {
  mode: 'revert' | 'restore';
  /** Revisions and `A..B` ranges to revert (revert mode). */
  commits: string[];
  /** Parent number to revert merge commits against. */
  mainline?: number;
  squash: boolean;
  /** Repository-relative paths to restore (restore mode). */
  restorePaths: string[];
  /** Revision the paths are restored to (restore mode). */
  restoreTo?: string;
  audit: AuditContext;
  /** Branch the rollback lands on; undefined means "decide from context". */
  targetBranch?: string;
  /** Branch a pull request is opened from; undefined derives one. */
  branch?: string;
  deliver: Delivery;
  dryRun: boolean;
  allowUnsafe: boolean;
  fallbackToPullRequest: boolean;
  /**
   * Deliver through the host's API (blobs, trees, commits, ref updates) instead of git push, so
   * the host makes and signs the commits; their trees are the ones written here.
   */
  signCommits: boolean;
  /**
   * Author and committer of every commit the rollback writes, throwaway ones included: given
   * explicitly, so nothing depends on git's configuration (a hosted runner has none).
   */
  committer: Identity;
  remote: string;
  pullRequest: PullRequestOptions;
  /** How messages name the settings: as workflow inputs, or as command-line flags. */
  names: OptionNames;
}

export interface PullRequestOptions {
  title?: string;
  /** Text put before the generated body. */
  body?: string;
  assignees: string[];
  /**
   * When nothing is left to roll back, close the open rollback pull request from the rollback
   * branch and delete that branch, if it holds only this tool's commits.
   */
  deleteBranch: boolean;
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  draft: boolean;
}

/** One commit the rollback undoes. */
export interface RevertedCommit {
  sha: string;
  subject: string;
}

/** One commit to revert, with the parent it is reverted against when it is a merge. */
export interface RevertStep {
  sha: string;
  subject: string;
  parents: string[];
  mainline?: number;
}

/** What a revert will do, decided before anything is written. */
export interface RevertPlan {
  kind: 'revert';
  /** Newest first: the order the reverts are applied in. */
  steps: RevertStep[];
  /** Requested commits already reverted on the target branch. */
  skipped: RevertedCommit[];
  /** Tree of the target tip the reverts start from. */
  baseTree: string;
}

/** What a path restore will do. */
export interface RestorePlan {
  kind: 'restore';
  paths: string[];
  /** Full sha of the revision the paths are restored to. */
  source: string;
  /** Commits after `source` on the target branch that touched the paths, newest first. */
  undone: RevertedCommit[];
}

export type Plan = RevertPlan | RestorePlan;

/** What a rollback did; the edges turn it into outputs, a summary or CLI text. */
export interface RollbackResult {
  operation: Operation;
  targetBranch: string;
  /** The target tip the rollback was made on. */
  base?: string;
  /** The last rollback commit (also for dry runs, where it exists only locally). */
  commitSha?: string;
  revertedCommits: RevertedCommit[];
  skipped: RevertedCommit[];
  /** Set for restores: where the paths were restored to. */
  restoredTo?: string;
  restoredPaths?: string[];
  branch?: string;
  pullRequest?: { number: number; url: string };
  diffStat: string;
  /** Hazards of the rollback itself (the safety check's forward direction). */
  findings: Finding[];
  /** Set when a refused push to a protected branch became a pull request. */
  fellBackToPullRequest: boolean;
  /**
   * Set with operation `branch-pushed`: the rollback branch was pushed but the pull request could
   * not be opened. Why, and how to finish (re-run, or open it by hand).
   */
  pullRequestFailure?: { why: string; howToFinish: string };
  /** With delete-branch, when nothing was left to roll back: the stale rollback branch and what became of it. */
  staleBranch?: StaleBranch;
}

/** A rollback branch left from an earlier run when a re-run found nothing left to roll back. */
export interface StaleBranch {
  branch: string;
  /** True when it was deleted; false when it was kept, and `why`. */
  deleted: boolean;
  /** The open pull request from it that was closed. */
  closedPullRequest?: { number: number; url: string };
  why?: string;
}
