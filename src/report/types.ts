/**
 * How a rollback was made: by this project (its trailers), by `git revert` pushed to the branch,
 * as a pull request (GitHub's revert button, or a revert merged through a pull request), as a
 * path restore (this project's), or by hand (the subject says so; nothing names what it undoes).
 */
export type RollbackKind = 'gitops-rollback' | 'git-revert' | 'revert-pr' | 'restore' | 'manual';

export const ROLLBACK_KINDS: readonly RollbackKind[] = ['gitops-rollback', 'git-revert', 'revert-pr', 'restore', 'manual'];

/** Something a rollback undid. */
export interface RevertedChange {
  /** The reverted commit: a full sha when it is in the history read, else as the message names it. */
  sha?: string;
  /** The pull request that brought the change, when known. */
  pullRequest?: number;
  subject?: string;
  /** When the change landed on the branch (seconds since the epoch), when in the history. */
  landedAt?: number;
  /** How it was tied to the rollback. */
  via: 'sha' | 'pull-request' | 'title' | 'restore';
  /** False when the message names it but the history read does not hold it. */
  found: boolean;
}

/** What Flux's commit statuses said about a rollback commit. */
export interface Recovery {
  /** `recovered`: every matching context reported success; `failing`: the last word was a failure. */
  state: 'recovered' | 'failing' | 'pending' | 'no-status' | 'unknown';
  /** When every matching context had reported success (seconds since the epoch). */
  at?: number;
  /** Seconds from the rollback landing to `at`. */
  seconds?: number;
}

/** One rollback as it landed on the branch. */
export interface Rollback {
  /** The commit that landed it on the branch (for a pull request: its merge or squash commit). */
  sha: string;
  /** Every commit that makes it up: the revert commits, the landing commit. */
  commits: string[];
  kind: RollbackKind;
  subject: string;
  /** Committer date of the landing commit, seconds since the epoch. */
  landedAt: number;
  pullRequest?: number;
  reverted: RevertedChange[];
  /** Seconds from the first undone change landing to the rollback landing. */
  timeToRevert?: number;
  who?: string;
  incident?: string;
  runUrl?: string;
  paths: string[];
  /** App folders (or `--component` matches) of the paths. */
  components: string[];
  /** Flux Kustomizations (`namespace/name`) whose path holds the paths, as at the branch tip. */
  kustomizations: string[];
  recovery?: Recovery;
  /** The commit that reverted this rollback, bringing the change back. */
  reappliedBy?: string;
}

/** A scheduled drill's rollback: the drill commit, and when it was detected and undone. */
export interface DrillRun {
  /** The drill's rollback commit. */
  sha: string;
  landedAt: number;
  /** The known-bad commit the drill pushed. */
  drillCommit?: string;
  drillLandedAt?: number;
  /** Seconds from the push to the failure report, from the `Drill-time-to-detect` trailer. */
  timeToDetect?: number;
  /** False when the drill's trailer says the failure was never reported. */
  detected?: boolean;
  timeToRevert?: number;
  recovery?: Recovery;
  incident?: string;
  components: string[];
}

/** A revert of a rollback: the change came back. */
export interface Reapply {
  sha: string;
  /** The revert commits and the commit that landed them. */
  commits: string[];
  subject: string;
  landedAt: number;
  /** The rollbacks it reverted. */
  rollbacks: string[];
}

/** Several rollbacks of the same change (rolled back, brought back, rolled back again). */
export interface RepeatOffender {
  /** The original change: its sha, or `#N` for a pull request, or its title. */
  change: string;
  subject?: string;
  rollbacks: string[];
}

export interface ComponentStats {
  component: string;
  rollbacks: number;
  lastAt: number;
  kustomizations: string[];
  /** Median seconds to revert of its rollbacks with a known time. */
  medianTimeToRevert?: number;
}

export interface Distribution {
  count: number;
  median?: number;
  p90?: number;
  max?: number;
}

/** The whole report; every format is made from it. */
export interface RollbackReport {
  branch: string;
  tip: string;
  /** The window, seconds since the epoch (`since` undefined: the whole history read). */
  since?: number;
  until: number;
  history: { commits: number; oldest?: number; shallow: boolean; fetched?: string };
  summary: {
    rollbacks: number;
    byKind: Record<RollbackKind, number>;
    timeToRevert: Distribution;
    timeToRecover: Distribution;
    drills: number;
    reapplied: number;
  };
  rollbacks: Rollback[];
  drills: DrillRun[];
  reapplies: Reapply[];
  components: ComponentStats[];
  repeatOffenders: RepeatOffender[];
}
