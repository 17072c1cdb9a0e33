import type { HistoryCommit } from '../git/history.js';
import { type Evidence, evidenceOf, isDrillCommit } from './evidence.js';
import { type HistoryIndex, pullRequestOf, titleOf } from './history-index.js';
import type { Reapply, RevertedChange, RollbackKind } from './types.js';

/** Commits that say they roll something back, grouped by the commit that landed them on the branch. */
export interface Candidate {
  landing: string;
  evidence: Evidence[];
  /** For restores: the commits whose changes to the restored paths it undid (filled by the caller). */
  restoreUndone?: string[];
}

/** A rollback found in the history, before paths, components and recovery are added. */
export interface DetectedRollback {
  sha: string;
  commits: string[];
  kind: RollbackKind;
  drill: boolean;
  subject: string;
  landedAt: number;
  pullRequest?: number;
  reverted: RevertedChange[];
  timeToRevert?: number;
  who?: string;
  incident?: string;
  runUrl?: string;
  /** A drill rollback's `Drill-time-to-detect` (null: never detected). */
  drillDetect?: number | null;
  reappliedBy?: string;
  /** The original changes it rolls back, following reverts of reverts back to them. */
  roots: string[];
}

export interface Detection {
  rollbacks: DetectedRollback[];
  reapplies: Reapply[];
}

/** Reverts pushed one after another by the same person this close together are one rollback. */
const RUN_GAP_SECONDS = 600;

/**
 * Finds the commits that say they roll something back and groups them by the commit that landed
 * them on the branch (a pull request's merge brings its revert commits in one go), oldest first.
 */
export function findCandidates(index: HistoryIndex, commits: readonly HistoryCommit[]): Candidate[] {
  const groups = new Map<string, Evidence[]>();
  for (const c of commits) {
    const evidence = evidenceOf(c);
    if (!evidence) continue;
    const landing = index.landingOf(c.sha) ?? c.sha;
    const group = groups.get(landing) ?? [];
    group.unshift(evidence); // commits come newest first
    groups.set(landing, group);
  }
  // Oldest first; commits `git log` printed earlier are newer when their dates tie.
  const printed = new Map(commits.map((c, i) => [c.sha, i]));
  return [...groups.entries()]
    .map(([landing, evidence]) => ({ landing, evidence }))
    .sort(
      (a, b) =>
        index.get(a.landing)!.committedAt - index.get(b.landing)!.committedAt ||
        (printed.get(b.landing) ?? 0) - (printed.get(a.landing) ?? 0)
    );
}

/** Full shas that candidates name but the history read does not hold (worth fetching one by one). */
export function missingShas(candidates: readonly Candidate[], index: HistoryIndex): string[] {
  const missing = new Set<string>();
  for (const c of candidates) {
    for (const e of c.evidence) for (const sha of e.revertShas) if (sha.length >= 40 && !index.resolve(sha)) missing.add(sha);
  }
  return [...missing];
}

/**
 * Turns candidates into rollbacks: ties each to what it undid (by sha, pull request, title, or
 * the restore's undone commits), drops reverts of commits that landed with them (work inside one
 * pull request), joins runs of reverts pushed together, and tells reverts of rollbacks (the
 * change brought back) apart from rollbacks.
 */
export function classify(candidates: readonly Candidate[], index: HistoryIndex): Detection {
  const rollbacks: DetectedRollback[] = [];
  const reapplies: Reapply[] = [];
  const reappliedRollbacks = new Map<string, DetectedRollback[]>();
  const owner = new Map<string, DetectedRollback | Reapply>();
  for (const candidate of candidates) {
    const found = tie(candidate, index);
    if (!found) continue;
    const landing = index.get(candidate.landing)!;
    const resolved = found.reverted.filter(t => t.found && t.sha);
    const undone = resolved.map(t => owner.get(t.sha!));
    if (resolved.length > 0 && found.unresolved === 0 && undone.every(o => o && 'kind' in o)) {
      // Every change it reverts is a rollback: the change is brought back.
      const earlier = [...new Set(undone as DetectedRollback[])];
      for (const r of earlier) r.reappliedBy ??= landing.sha;
      const reapply: Reapply = {
        sha: landing.sha,
        commits: memberShas(candidate),
        subject: subjectOf(landing),
        landedAt: landing.committedAt,
        rollbacks: earlier.map(r => r.sha)
      };
      reappliedRollbacks.set(landing.sha, earlier);
      reapplies.push(reapply);
      for (const sha of memberShas(candidate)) owner.set(sha, reapply);
      continue;
    }
    const rollback = toRollback(candidate, found, landing, index);
    const previous = rollbacks.at(-1);
    if (previous && sameRun(previous, rollback, index)) {
      join(previous, rollback);
      for (const sha of memberShas(candidate)) owner.set(sha, previous);
      continue;
    }
    rollbacks.push(rollback);
    for (const sha of memberShas(candidate)) owner.set(sha, rollback);
  }
  for (const r of rollbacks) r.roots = rootsOf(r, owner, reappliedRollbacks, new Set());
  return { rollbacks, reapplies };
}

interface Tied {
  reverted: RevertedChange[];
  unresolved: number;
  hasLink: boolean;
}

function tie(candidate: Candidate, index: HistoryIndex): Tied | undefined {
  const landing = index.get(candidate.landing)!;
  const own = candidate.evidence.find(e => e.commit.sha === landing.sha);
  // Inside a merge that is not itself a revert (a feature merged with its own false starts), only
  // commits that name what they revert count: a subject alone says nothing about the branch.
  const landingSays = !!own && (own.saysRevert || own.revertTitle !== undefined || own.revertPulls.length > 0);
  const trusted = (e: Evidence) => landing.parents.length < 2 || e === own || landingSays;
  const found: RevertedChange[] = [];
  const missing: RevertedChange[] = [];
  const seen = new Set<string>();
  const add = (list: RevertedChange[], t: RevertedChange) => {
    const key = t.sha ?? (t.pullRequest !== undefined ? `#${t.pullRequest}` : `title:${t.subject}`);
    if (seen.has(key)) return;
    seen.add(key);
    list.push(t);
  };
  for (const e of candidate.evidence) {
    for (const name of e.revertShas) {
      const sha = index.resolve(name);
      if (sha) {
        if (index.landingOf(sha) !== candidate.landing) add(found, changeAt(sha, index, 'sha')); // else undone before it ever landed
      } else if (trusted(e) && (e.revertTitle !== undefined || e.saysRevert)) {
        // Named but beyond the history read; a commit that does not say it reverts anything is
        // only quoting (release notes in a dependency bump).
        add(missing, { sha: name, via: 'sha', found: false });
      }
    }
    for (const number of e.revertPulls) {
      const sha = index.pullRequest(number);
      if (sha !== candidate.landing)
        add(
          sha ? found : missing,
          sha
            ? { ...changeAt(sha, index, 'pull-request'), pullRequest: number }
            : { pullRequest: number, via: 'pull-request', found: false }
        );
    }
  }
  const named = (e: Evidence) => e.revertShas.length > 0 || e.revertPulls.length > 0;
  if (found.length === 0) {
    for (const e of candidate.evidence) {
      if (!trusted(e) || named(e) || e.revertTitle === undefined) continue;
      const sha = index.findTitle(e.revertTitle, candidate.landing);
      if (sha && index.landingOf(sha) !== candidate.landing) add(found, changeAt(sha, index, 'title'));
      else if (!sha) add(missing, { subject: e.revertTitle, via: 'title', found: false });
    }
  }
  for (const sha of candidate.restoreUndone ?? []) add(found, changeAt(sha, index, 'restore'));
  const restore = candidate.evidence.some(e => e.restoredTo);
  // When something was found, references that were not are the same change named another way,
  // except shas, which name commits of their own.
  const reverted = found.length ? [...found, ...missing.filter(t => t.sha)] : missing;
  const hasLink = reverted.length > 0 || restore;
  const says = candidate.evidence.some(e => trusted(e) && e.saysRevert && !named(e) && e.revertTitle === undefined);
  if (!hasLink && !says) return undefined;
  return { reverted, unresolved: reverted.filter(t => !t.found).length, hasLink };
}

function changeAt(sha: string, index: HistoryIndex, via: RevertedChange['via']): RevertedChange {
  const commit = index.get(sha)!;
  const landing = index.get(index.landingOf(sha) ?? sha) ?? commit;
  const pullRequest = pullRequestOf(landing);
  return {
    sha,
    subject: landing.sha === sha ? subjectOf(commit) : commit.subject,
    landedAt: landing.committedAt,
    ...(pullRequest !== undefined ? { pullRequest } : {}),
    via,
    found: true
  };
}

function toRollback(candidate: Candidate, tied: Tied, landing: HistoryCommit, index: HistoryIndex): DetectedRollback {
  const ev = candidate.evidence;
  const first = <T>(pick: (e: Evidence) => T | undefined): T | undefined => ev.map(pick).find(v => v !== undefined);
  // A revert pushed with the reverted subject's "(#N)" kept is not pull request N.
  const number = pullRequestOf(landing);
  const pullRequest = number !== undefined && !tied.reverted.some(t => t.pullRequest === number) ? number : undefined;
  const kind: RollbackKind = ev.some(e => e.restoredTo)
    ? 'restore'
    : !tied.hasLink
      ? 'manual'
      : ev.some(e => e.ours)
        ? 'gitops-rollback'
        : pullRequest !== undefined
          ? 'revert-pr'
          : 'git-revert';
  const drillDetect = first(e => e.drillDetect);
  const drill = drillDetect !== undefined || tied.reverted.some(t => t.found && t.sha && isDrillCommit(index.get(t.sha)?.subject ?? ''));
  // The person: our trailer, else the author of the revert commit itself (not the merge).
  const inner = ev.find(e => e.commit.parents.length <= 1)?.commit ?? landing;
  const rollback: DetectedRollback = {
    sha: landing.sha,
    commits: ev.map(e => e.commit.sha).concat(ev.some(e => e.commit.sha === landing.sha) ? [] : [landing.sha]),
    kind,
    drill,
    // A pull request by its title; a rollback merged in with other work by its own commit.
    subject: pullRequest !== undefined || ev.some(e => e.commit.sha === landing.sha) ? subjectOf(landing) : ev[0].commit.subject,
    landedAt: landing.committedAt,
    ...(pullRequest !== undefined ? { pullRequest } : {}),
    reverted: tied.reverted,
    who: first(e => e.rolledBackBy) ?? inner.authorName,
    incident: first(e => e.incident),
    runUrl: first(e => e.runUrl),
    ...(drillDetect !== undefined ? { drillDetect } : {}),
    roots: []
  };
  rollback.timeToRevert = timeToRevert(rollback);
  return rollback;
}

function timeToRevert(r: DetectedRollback): number | undefined {
  const landed = r.reverted.map(t => t.landedAt).filter((t): t is number => t !== undefined && t <= r.landedAt);
  return landed.length ? r.landedAt - Math.min(...landed) : undefined;
}

/** `git revert A..B` pushed at once (or one incident's reverts) land as consecutive commits. */
function sameRun(previous: DetectedRollback, next: DetectedRollback, index: HistoryIndex): boolean {
  const direct = (r: DetectedRollback) =>
    (r.kind === 'git-revert' || r.kind === 'gitops-rollback') && r.pullRequest === undefined && !r.drill;
  if (!direct(previous) || !direct(next) || previous.kind !== next.kind) return false;
  if (index.get(next.sha)?.parents[0] !== previous.sha) return false;
  if (previous.incident !== undefined && previous.incident === next.incident) return true;
  const email = (sha: string) => index.get(sha)?.committerEmail;
  return email(previous.sha) === email(next.sha) && next.landedAt - previous.landedAt <= RUN_GAP_SECONDS;
}

function join(into: DetectedRollback, next: DetectedRollback): void {
  const firstSubject = into.commits.length === 1 ? into.subject : into.subject.replace(/ \(and \d+ more\)$/, '');
  into.commits.push(...next.commits);
  const known = new Set(into.reverted.map(t => t.sha ?? t.subject));
  for (const t of next.reverted) if (!known.has(t.sha ?? t.subject)) into.reverted.push(t);
  into.sha = next.sha;
  into.landedAt = next.landedAt;
  into.subject = `${firstSubject} (and ${into.commits.length - 1} more)`;
  into.timeToRevert = timeToRevert(into);
}

function memberShas(candidate: Candidate): string[] {
  return [...new Set([candidate.landing, ...candidate.evidence.map(e => e.commit.sha)])];
}

function rootsOf(
  r: DetectedRollback,
  owner: Map<string, DetectedRollback | Reapply>,
  reapplied: Map<string, DetectedRollback[]>,
  visiting: Set<string>
): string[] {
  if (visiting.has(r.sha)) return [];
  visiting.add(r.sha);
  const roots = new Set<string>();
  for (const t of r.reverted) {
    const by = t.sha ? owner.get(t.sha) : undefined;
    if (by && !('kind' in by)) {
      // A revert of a change brought back: the same original change rolled back again.
      for (const earlier of reapplied.get(by.sha) ?? []) for (const root of rootsOf(earlier, owner, reapplied, visiting)) roots.add(root);
    } else roots.add(t.sha ?? (t.pullRequest !== undefined ? `#${t.pullRequest}` : `title:${t.subject}`));
  }
  return [...roots];
}

/** A landing commit as people name it: its pull-request title, or its subject. */
function subjectOf(c: HistoryCommit): string {
  return titleOf(c);
}
