import type { HistoryCommit } from '../git/history.js';
import { mergedBranchOf, titleOf } from './history-index.js';

/** Trailers the report reads (git matches keys case-insensitively). */
export const TRAILER_KEYS = ['Incident', 'Rolled-back-by', 'Workflow-run', 'Restored-to', 'Drill-time-to-detect', 'Refs'] as const;

/** Trailers only this project writes on its rollbacks. */
const OUR_TRAILERS = new Set(['incident', 'rolled-back-by', 'workflow-run', 'restored-to']);

// `git revert` writes "This reverts commit <sha>." (", reversing" for merges); with --reference
// the sha is abbreviated. Matched at the start of a line only, as git writes it.
const REVERTS_LINE = /^This reverts commit ([0-9a-f]{7,64})\b/gm;
// Our restores before the Restored-to trailer existed.
const RESTORED_LINE = /^Restored to commit ([0-9a-f]{40}|[0-9a-f]{64})\.$/m;
// GitHub's revert button: the pull request body is "Reverts owner/repo#N".
const REVERTS_PULL_LINE = /^Reverts (?:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)?#(\d+)\s*$/m;
// ... and its branch is "revert-N-<head branch of #N>".
const REVERT_BRANCH = /^[^/\s]+\/revert-(\d+)-/;
// git's and GitHub's subject: Revert "<subject>", possibly squash-merged as ... (#M).
const REVERT_SUBJECT = /^Revert "(.*)"(?:\s\(#\d+\))?$/;
// Conventional Commits' revert type, which names what it reverts in a Refs trailer.
const CONVENTIONAL_REVERT = /^revert(?:\([^)]*\))?!?:/i;
// A subject that says it reverts or rolls back, after an optional "[scope]" or "type(scope):".
const SAYS_REVERT = /^(?:\[[^\]]*\]\s*)?(?:[a-z]+(?:\([^)]*\))?!?:\s*)?(?:revert|roll[ -]?back)\b/i;
const OUR_DRILL_SUBJECT = /^Rollback drill: /;
const SHA_WORD = /\b[0-9a-f]{7,64}\b/g;

/** What one commit says about what it rolls back. */
export interface Evidence {
  commit: HistoryCommit;
  /** Shas named by `This reverts commit` lines, or a conventional revert's Refs trailer. */
  revertShas: string[];
  /** Pull requests named by `Reverts owner/repo#N` or a `revert-N-...` head branch. */
  revertPulls: number[];
  /** The subject inside `Revert "..."`. */
  revertTitle?: string;
  /** A path restore's known-good commit. */
  restoredTo?: string;
  /** The subject says revert or roll back, and nothing else ties it to what it undoes. */
  saysRevert: boolean;
  /** Carries this project's trailers. */
  ours: boolean;
  incident?: string;
  rolledBackBy?: string;
  runUrl?: string;
  /** A drill rollback's `Drill-time-to-detect`: seconds, or null when never detected. */
  drillDetect?: number | null;
}

/**
 * Reads what a commit says it rolls back, from git's trailers and the lines git and GitHub
 * write; undefined for a commit that says nothing of the kind (most of them).
 */
export function evidenceOf(commit: HistoryCommit): Evidence | undefined {
  const { subject, message } = commit;
  const trailer = (key: string) => commit.trailers.find(t => t.key.toLowerCase() === key.toLowerCase())?.value;
  const mayRevert =
    commit.trailers.length > 0 ||
    message.includes('This reverts commit') ||
    message.includes('Restored to commit') ||
    message.includes('Reverts ') ||
    SAYS_REVERT.test(subject) ||
    subject.startsWith('Merge pull request');
  if (!mayRevert || OUR_DRILL_SUBJECT.test(subject)) return undefined;
  const revertShas = [...message.matchAll(REVERTS_LINE)].map(m => m[1]);
  if (CONVENTIONAL_REVERT.test(subject)) {
    for (const t of commit.trailers) if (t.key.toLowerCase() === 'refs') revertShas.push(...(t.value.match(SHA_WORD) ?? []));
  }
  const revertPulls: number[] = [];
  const pullLine = message.match(REVERTS_PULL_LINE);
  if (pullLine) revertPulls.push(Number(pullLine[1]));
  const branch = mergedBranchOf(commit);
  const branchPull = branch ? branch.match(REVERT_BRANCH) : null;
  if (branchPull) revertPulls.push(Number(branchPull[1]));
  // A pull request merged with a merge commit speaks through its title (the merge body's first line).
  const title = branch ? titleOf(commit) : subject;
  const revertTitle = title.match(REVERT_SUBJECT)?.[1];
  const restoredTo = validSha(trailer('Restored-to')) ?? message.match(RESTORED_LINE)?.[1];
  const ours = commit.trailers.some(t => OUR_TRAILERS.has(t.key.toLowerCase()));
  const drill = trailer('Drill-time-to-detect');
  const evidence: Evidence = {
    commit,
    revertShas: [...new Set(revertShas)],
    revertPulls: [...new Set(revertPulls)],
    revertTitle,
    restoredTo,
    saysRevert: saysRevert(title),
    ours,
    incident: trailer('Incident'),
    rolledBackBy: trailer('Rolled-back-by'),
    runUrl: trailer('Workflow-run'),
    drillDetect: drill === undefined ? undefined : parseSeconds(drill)
  };
  const says = evidence.revertShas.length || evidence.revertPulls.length || revertTitle !== undefined || restoredTo || evidence.saysRevert;
  return says ? evidence : undefined;
}

/** True when a subject or pull-request title says it reverts or rolls something back. */
export function saysRevert(title: string): boolean {
  return SAYS_REVERT.test(title) || CONVENTIONAL_REVERT.test(title) || REVERT_SUBJECT.test(title);
}

/** True for the commit a drill pushes on purpose (the bad change, not a rollback). */
export function isDrillCommit(subject: string): boolean {
  return OUR_DRILL_SUBJECT.test(subject);
}

function validSha(value: string | undefined): string | undefined {
  return value && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value) ? value : undefined;
}

/** `41.8s` → 41.8; anything else (such as `none`) → null. */
function parseSeconds(value: string): number | null {
  const m = value.match(/^(\d+(?:\.\d+)?)s\b/);
  return m ? Number(m[1]) : null;
}
