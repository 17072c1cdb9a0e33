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
 * Finds the commits that say they roll something back and groups them by the mainline commit
 * that landed them (a pull request's merge brings its revert commits in one go), oldest first.
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
  const order = (sha: string) => index.positionOf(sha) ?? -1;
  return [...groups.entries()]
    .map(([landing, evidence]) => ({ landing, evidence }))
    .sort((a, b) => order(a.landing) - order(b.landing) || index.get(a.landing)!.committedAt - index.get(b.landing)!.committedAt);
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
      const reapply: Reapply = { sha: landing.sha, subject: subjectOf(landing), landedAt: landing.committedAt, rollbacks: [] };
      for (const r of new Set(undone as DetectedRollback[])) {
        r.reappliedBy ??= landing.sha;
        reapply.rollbacks.push(r.sha);
      }
      reappliedRollbacks.set(landing.sha, [...new Set(undone as DetectedRollback[])]);
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
  const reverted: RevertedChange[] = [];
  const seen = new Set<string>();
  const add = (t: RevertedChange) => {
    const key = t.sha ?? (t.pullRequest !== undefined ? `#${t.pullRequest}` : `title:${t.subject}`);
    if (seen.has(key)) return;
    seen.add(key);
    reverted.push(t);
  };
  let unresolved = 0;
  let hasLink = false;
  let says = false;
  for (const e of candidate.evidence) {
    let explained = false;
    for (const name of e.revertShas) {
      explained = true;
      const sha = index.resolve(name);
      if (sha) {
        if (index.landingOf(sha) === candidate.landing) continue; // undone before it ever landed
        hasLink = true;
        add(changeAt(sha, index, 'sha'));
      } else if (e.revertTitle !== undefined || e.saysRevert) {
        // Named but beyond the history read; a commit that does not say it reverts anything is
        // only quoting (release notes in a dependency bump).
        hasLink = true;
        unresolved++;
        add({ sha: name, via: 'sha', found: false });
      }
    }
    for (const number of e.revertPulls) {
      explained = true;
      hasLink = true;
      const sha = index.pullRequest(number);
      if (sha === candidate.landing) continue;
      if (sha) add({ ...changeAt(sha, index, 'pull-request'), pullRequest: number });
      else {
        unresolved++;
        add({ pullRequest: number, via: 'pull-request', found: false });
      }
    }
    if (!explained && e.revertTitle !== undefined) {
      explained = true;
      hasLink = true;
      const sha = index.findTitle(e.revertTitle, candidate.landing);
      if (sha) add(changeAt(sha, index, 'title'));
      else {
        unresolved++;
        add({ subject: e.revertTitle, via: 'title', found: false });
      }
    }
    if (e.restoredTo) {
      explained = true;
      hasLink = true;
    }
    if (!explained && e.saysRevert) says = true;
  }
  for (const sha of candidate.restoreUndone ?? []) add(changeAt(sha, index, 'restore'));
  if (!hasLink && !says) return undefined;
  return { reverted, unresolved, hasLink };
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
  const pullRequest = pullRequestOf(landing);
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
  const direct = (r: DetectedRollback) => (r.kind === 'git-revert' || r.kind === 'gitops-rollback') && r.pullRequest === undefined && !r.drill;
  if (!direct(previous) || !direct(next) || previous.kind !== next.kind) return false;
  const a = index.positionOf(previous.sha);
  const b = index.positionOf(next.sha);
  if (a === undefined || b !== a + 1) return false;
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
  return [candidate.landing, ...candidate.evidence.map(e => e.commit.sha)];
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
