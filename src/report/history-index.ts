import type { HistoryCommit } from '../git/history.js';

const PR_MERGE = /^Merge pull request #(\d+) from (\S+)/;
const SQUASH_PR = /\s\(#(\d+)\)$/;

/**
 * A branch history held in memory for the report: the first-parent chain from the tip (the
 * commits as they landed on the branch), which landing commit brought each commit to the
 * branch, pull-request numbers and titles of the landing commits, and lookups by sha prefix.
 */
export class HistoryIndex {
  readonly bySha = new Map<string, HistoryCommit>();
  /** First-parent chain from the tip, oldest first. */
  readonly mainline: HistoryCommit[] = [];
  private readonly position = new Map<string, number>();
  private readonly landing = new Map<string, string>();
  private readonly pulls = new Map<number, string>();
  private readonly titles = new Map<string, string[]>();
  /** Commits read apart from the branch walk (fetched by sha): they have no landing commit here. */
  private readonly outside = new Set<string>();

  constructor(commits: readonly HistoryCommit[], tip: string) {
    for (const c of commits) this.bySha.set(c.sha, c);
    const chain: HistoryCommit[] = [];
    for (let c = this.bySha.get(tip); c; c = c.parents.length ? this.bySha.get(c.parents[0]) : undefined) {
      if (this.position.has(c.sha)) break;
      this.position.set(c.sha, -1);
      chain.push(c);
    }
    chain.reverse();
    chain.forEach((c, i) => {
      this.mainline.push(c);
      this.position.set(c.sha, i);
    });
    this.assignLandings();
    for (const c of this.mainline) {
      const pull = pullRequestOf(c);
      if (pull !== undefined && !this.pulls.has(pull)) this.pulls.set(pull, c.sha);
      const title = titleOf(c);
      const list = this.titles.get(title) ?? [];
      list.push(c.sha);
      this.titles.set(title, list);
    }
  }

  /**
   * Each commit off the first-parent chain landed with the oldest mainline merge that reaches it:
   * the merges are visited oldest first, each claiming what it brings that no older one did.
   */
  private assignLandings(): void {
    for (const m of this.mainline) {
      this.landing.set(m.sha, m.sha);
      const stack = m.parents.slice(1);
      while (stack.length) {
        const sha = stack.pop()!;
        const c = this.bySha.get(sha);
        if (!c || this.landing.has(sha)) continue;
        this.landing.set(sha, m.sha);
        stack.push(...c.parents);
      }
    }
  }

  /** Adds commits read on their own (outside the branch walk). */
  addOutside(commits: readonly HistoryCommit[]): void {
    for (const c of commits) {
      if (this.bySha.has(c.sha)) continue;
      this.bySha.set(c.sha, c);
      this.outside.add(c.sha);
    }
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

  /** The mainline commit that brought `sha` to the branch (itself for mainline commits). */
  landingOf(sha: string): string | undefined {
    return this.landing.get(sha);
  }

  /** When `sha` landed on the branch: its landing commit's committer date, or its own when off the walk. */
  landedAt(sha: string): number | undefined {
    const landing = this.landing.get(sha);
    return this.bySha.get(landing ?? sha)?.committedAt;
  }

  /** Position on the first-parent chain (0 = oldest), or undefined off the chain. */
  positionOf(sha: string): number | undefined {
    const at = this.position.get(sha);
    return at === undefined || at < 0 ? undefined : at;
  }

  /** The landing commit of pull request `number`, when its merge or squash commit is in the history. */
  pullRequest(number: number): string | undefined {
    return this.pulls.get(number);
  }

  /** The newest mainline commit before `before` whose title (pull-request title or subject) is `title`. */
  findTitle(title: string, before: string): string | undefined {
    const limit = this.positionOf(before) ?? Infinity;
    const candidates = this.titles.get(normaliseTitle(title)) ?? [];
    for (let i = candidates.length - 1; i >= 0; i--) {
      if ((this.positionOf(candidates[i]) ?? Infinity) < limit) return candidates[i];
    }
    return undefined;
  }

  /** True for commits read outside the branch walk. */
  isOutside(sha: string): boolean {
    return this.outside.has(sha);
  }
}

/** The pull request a landing commit merged: `Merge pull request #N from ...` or a squash `... (#N)`. */
export function pullRequestOf(c: Pick<HistoryCommit, 'subject' | 'parents'>): number | undefined {
  const merge = PR_MERGE.exec(c.subject);
  if (merge) return Number(merge[1]);
  const squash = c.parents.length <= 1 ? SQUASH_PR.exec(c.subject) : null;
  return squash ? Number(squash[1]) : undefined;
}

/** The head branch of a merged pull request (`owner/branch` in GitHub's merge subject). */
export function mergedBranchOf(c: Pick<HistoryCommit, 'subject'>): string | undefined {
  return PR_MERGE.exec(c.subject)?.[2];
}

/**
 * What a landing commit is called by people: a merged pull request's title (the first line of
 * GitHub's merge message body), or the subject without a squash merge's ` (#N)`.
 */
export function titleOf(c: Pick<HistoryCommit, 'subject' | 'message' | 'parents'>): string {
  if (PR_MERGE.test(c.subject)) {
    const body = c.message.split('\n').slice(1).find(line => line.trim() !== '');
    if (body) return normaliseTitle(body);
  }
  return normaliseTitle(c.subject);
}

function normaliseTitle(title: string): string {
  return title.trim().replace(SQUASH_PR, '').trim();
}
