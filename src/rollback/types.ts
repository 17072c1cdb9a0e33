/** Where a rollback goes once its commits are made. */
export type Delivery = 'pull-request' | 'push' | 'none';

/** What a run did, as reported in the `operation` output. */
export type Operation = 'created' | 'updated' | 'pushed' | 'committed' | 'dry-run' | 'none';

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
  /** Identity for the rollback commits; undefined keeps git's configured one. */
  committer?: Identity;
  remote: string;
  pullRequest: PullRequestOptions;
}

export interface PullRequestOptions {
  title?: string;
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

/** Where log lines go; the action maps it to @actions/core, the CLI to stderr. */
export interface Logger {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  /** Runs `fn` inside a folded group when the host supports it. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** An error the user can act on: shown without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    /** `refused` when the request was understood but is unsafe or impossible. */
    readonly kind: 'invalid' | 'refused' = 'invalid'
  ) {
    super(message);
    this.name = 'UserError';
  }
}
