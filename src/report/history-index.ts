import type { HistoryCommit } from '../git/history.js';

const PR_MERGE = /^Merge pull request #(\d+) from (\S+)/;
const SQUASH_PR = /\s\(#(\d+)\)$/;

/**
 * A branch history held in memory for the report: the commits as they landed on the branch (its
 * first-parent chain), which of them brought each other commit to the branch, pull-request
 * numbers and titles of the landing commits, and lookups by sha prefix.
 *
 * A `git pull` that merges puts the remote's commits on the merge's second parent: they had
 * landed before, so that side's first-parent chain counts as landed too. A merged pull request
 * landed when it was merged, wherever its merge commit sits.
 */
export class HistoryIndex {
  readonly bySha = new Map<string, HistoryCommit>();
  /** The commits that landed on the branch themselves (first-parent chains, merged pull requests), oldest first. */
  readonly landed: HistoryCommit[] = [];
  private readonly landing = new Map<string, string>();
  private readonly pulls = new Map<number, string>();
  private readonly titles = new Map<string, string[]>();

  constructor(commits: readonly HistoryCommit[], tip: string) {
    for (const c of commits) this.bySha.set(c.sha, c);
    const points = this.landingPoints(tip);
    this.landed.push(...points);
    this.assignLandings(points);
    for (const c of points) {
      const pull = pullRequestOf(c);
      if (pull !== undefined && !this.pulls.has(pull)) this.pulls.set(pull, c.sha);
      const title = titleOf(c);
      const list = this.titles.get(title) ?? [];
      list.push(c.sha);
      this.titles.set(title, list);
    }
  }

  /**
   * The first-parent chain from the tip, the chains behind merges of a remote branch (git pull),
   * and every merged pull request: each landed on the branch itself. Oldest first.
   */
  private landingPoints(tip: string): HistoryCommit[] {
    const points = new Map<string, HistoryCommit>();
    const chains = [tip];
    while (chains.length) {
      for (let c = this.bySha.get(chains.pop()!); c && !points.has(c.sha); c = this.bySha.get(c.parents[0] ?? '')) {
        points.set(c.sha, c);
        this.landing.set(c.sha, c.sha);
        if (PULL_MERGE.test(c.subject) && c.parents[1]) chains.push(c.parents[1]);
      }
    }
    for (const c of this.bySha.values()) if (isPullRequestMerge(c)) points.set(c.sha, c);
    return [...points.values()].sort((a, b) => a.committedAt - b.committedAt);
  }

  /**
   * Each other commit landed with the oldest landing point that brings it (through a parent
   * other than the first): they are visited oldest first, each claiming what no older one did.
   */
  private assignLandings(points: readonly HistoryCommit[]): void {
    for (const m of points) {
      this.landing.set(m.sha, m.sha);
      const stack = m.parents.slice(1);
      while (stack.length) {
        const sha = stack.pop()!;
        const c = this.bySha.get(sha);
        if (!c || this.landing.has(sha) || isPullRequestMerge(c)) continue;
        this.landing.set(sha, m.sha);
        stack.push(...c.parents);
      }
    }
  }

  /** Adds commits read on their own (outside the branch walk): each counts as landed when made. */
  addOutside(commits: readonly HistoryCommit[]): void {
    for (const c of commits) if (!this.bySha.has(c.sha)) this.bySha.set(c.sha, c);
  }

  get(sha: string): HistoryCommit | undefined {
    return this.bySha.get(sha);
  }

  /** The full sha of a commit named by a full or abbreviated sha, when exactly one matches. */
  resolve(name: string): string | undefined {
    if (this.bySha.has(name)) return name;
    if (name.length >= 40) return undefined;
    let found: string | undefined;
    for (const sha of this.bySha.keys()) {
      if (!sha.startsWith(name)) continue;
      if (found) return undefined;
      found = sha;
    }
    return found;
  }

  /** The commit that brought `sha` to the branch (itself for one that landed itself). */
  landingOf(sha: string): string | undefined {
    return this.landing.get(sha);
  }

  /** When `sha` landed on the branch: its landing commit's committer date, or its own when off the walk. */
  landedAt(sha: string): number | undefined {
    const landing = this.landing.get(sha);
    return this.bySha.get(landing ?? sha)?.committedAt;
  }

  /** The landing commit of pull request `number`, when its merge or squash commit is in the history. */
  pullRequest(number: number): string | undefined {
    return this.pulls.get(number);
  }

  /** The newest landing commit older than `before` whose title (pull-request title or subject) is `title`. */
  findTitle(title: string, before: string): string | undefined {
    const limit = this.bySha.get(before)?.committedAt ?? Infinity;
    const candidates = this.titles.get(normaliseTitle(title)) ?? [];
    for (let i = candidates.length - 1; i >= 0; i--) {
      if (candidates[i] !== before && this.bySha.get(candidates[i])!.committedAt <= limit) return candidates[i];
    }
    return undefined;
  }
}

/** `Merge branch 'main' of <url>` or `Merge remote-tracking branch 'origin/main'`: a git pull. */
const PULL_MERGE = /^Merge (?:branch '[^']+' of \S+|remote-tracking branch '[^']+')/;

/** A pull request merged with a merge commit. */
function isPullRequestMerge(c: Pick<HistoryCommit, 'subject' | 'parents'>): boolean {
  return c.parents.length > 1 && PR_MERGE.test(c.subject);
}

/** The pull request a landing commit merged: `Merge pull request #N from ...` or a squash `... (#N)`. */
export function pullRequestOf(c: Pick<HistoryCommit, 'subject' | 'parents'>): number | undefined {
  const merge = c.subject.match(PR_MERGE);
  if (merge) return Number(merge[1]);
  const squash = c.parents.length <= 1 ? c.subject.match(SQUASH_PR) : null;
  return squash ? Number(squash[1]) : undefined;
}

/** The head branch of a merged pull request (`owner/branch` in GitHub's merge subject). */
export function mergedBranchOf(c: Pick<HistoryCommit, 'subject'>): string | undefined {
  return c.subject.match(PR_MERGE)?.[2];
}

/**
 * What a landing commit is called by people: a merged pull request's title (the first line of
 * GitHub's merge message body), or the subject without a squash merge's ` (#N)`.
 */
export function titleOf(c: Pick<HistoryCommit, 'subject' | 'message' | 'parents'>): string {
  if (PR_MERGE.test(c.subject)) {
    const body = c.message
      .split('\n')
      .slice(1)
      .find(line => line.trim() !== '');
    if (body) return normaliseTitle(body);
  }
  return normaliseTitle(c.subject);
}

function normaliseTitle(title: string): string {
  return title.trim().replace(SQUASH_PR, '').trim();
}
