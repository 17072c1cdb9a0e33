import { type CommitInfo, Git } from '../git/git.js';
import { revertedCommits } from '../rollback/plan.js';
import { FULL_SHA_SOURCE, isFullSha, shortSha, UserError } from '../core/index.js';

export interface FailingCommitsInput {
  git: Git;
  /** The target branch name, for messages. */
  branch: string;
  /** Full sha of the target branch tip as just fetched. */
  tip: string;
  /** The revision Flux reported failing. */
  failing: string;
  /** The newest revision Flux reported healthy; without it only the failing commit is reverted. */
  lastHealthy?: string;
  /** Refuse to act automatically on more commits than this (default 20). */
  maxCommits?: number;
}

/** A commit left out of the rollback, and why. */
export interface ExcludedCommit {
  sha: string;
  subject: string;
  why: 'already-reverted' | 'tool-rollback';
}

export type FailingCommitsDecision =
  /** Revert `commits` (full shas, newest first, first-parent) with the engine. */
  | { action: 'revert'; commits: string[]; subjects: string[]; excluded: ExcludedCommit[]; lastHealthy?: string; why: string }
  /** Nothing to do: already reverted, or the failing revision is a rollback (loop guard). */
  | { action: 'none'; why: string; loopGuard: boolean }
  /** Not acted on; a person should look (revision gone from the branch, changed since, too many). */
  | { action: 'notice'; why: string };

const DEFAULT_MAX_COMMITS = 20;
const TRAILER = /^(Rolled-back-by|Incident|Workflow-run): \S/m;
const UNDO_LINE = new RegExp(`^(This reverts commit ${FULL_SHA_SOURCE}[.,]|Restored to commit ${FULL_SHA_SOURCE}\\.)`, 'm');

/**
 * Decides what to roll back for a revision Flux reported failing: the first-parent commits on the
 * target branch after the last healthy revision up to the failing one, minus what is already
 * reverted and minus rollbacks made by this tool (so a failing rollback never starts a loop).
 * When the failing revision is no longer the tip, its changes must still be present at the tip.
 */
export async function decideFailingCommits(input: FailingCommitsInput): Promise<FailingCommitsDecision> {
  const { git, branch, tip } = input;
  const failing = await git.tryResolveCommit(input.failing);
  if (!failing || !(await git.isAncestor(failing, tip))) {
    const hint = !failing && (await git.isShallow()) ? ' It may lie beyond the fetched history (a shallow clone); fetch with fetch-depth: 0 if it should be there.' : '';
    return notice(`Flux reported ${short(input.failing)} failing, but it is not on '${branch}' (tip ${short(tip)}): the branch moved on or was rewritten. Nothing is rolled back.${hint}`);
  }
  const lastHealthy = input.lastHealthy ? await resolveLastHealthy(git, input.lastHealthy, failing) : undefined;
  if (lastHealthy === failing) return none(`${short(failing)} is itself the last healthy revision; nothing to roll back.`);
  const range = lastHealthy
    ? await git.revList(['--first-parent', failing, `^${lastHealthy}`, '--'])
    : [failing];
  const max = input.maxCommits ?? DEFAULT_MAX_COMMITS;
  if (range.length > max) {
    return notice(`${range.length} commits lie between the last healthy revision ${short(lastHealthy!)} and the failing ${short(failing)} on '${branch}', more than ${max}. Not rolled back automatically; choose the commits to revert by hand.`);
  }
  const infos = await git.commitInfo(range);
  if (isToolRollback(infos[0])) {
    return none(`The failing revision ${short(failing)} ("${infos[0].subject}") is a rollback made by gitops-rollback; it is not reverted, so rollbacks cannot loop. Investigate by hand.`, true);
  }
  const reverted = revertedCommits(await git.log([tip, ...(lastHealthy ? [`^${lastHealthy}`] : infos[0].parents.map(p => `^${p}`))]));
  const excluded: ExcludedCommit[] = [];
  const chosen: CommitInfo[] = [];
  for (const info of infos) {
    if (isToolRollback(info)) excluded.push({ sha: info.sha, subject: info.subject, why: 'tool-rollback' });
    else if (reverted.has(info.sha)) excluded.push({ sha: info.sha, subject: info.subject, why: 'already-reverted' });
    else chosen.push(info);
  }
  if (chosen.length === 0) {
    return none(`Every commit up to the failing ${short(failing)} is already reverted on '${branch}' (tip ${short(tip)}); nothing to roll back.`);
  }
  if (failing !== tip) {
    const blocked = await firstNotRevertible(git, tip, chosen);
    if (blocked) {
      return notice(`The failing ${short(failing)} is no longer the tip of '${branch}' and the changes of ${short(blocked.sha)} ("${blocked.subject}") were changed since by later commits. Not rolled back automatically; revert by hand or fix forward.`);
    }
  }
  const from = lastHealthy ? `after the last healthy ${short(lastHealthy)} ` : '';
  return {
    action: 'revert',
    commits: chosen.map(c => c.sha),
    subjects: chosen.map(c => c.subject),
    excluded,
    lastHealthy,
    why: `Reverting ${chosen.length} commit${chosen.length === 1 ? '' : 's'} ${from}up to the failing ${short(failing)} on '${branch}'.`
  };
}

/** True for a commit this tool made: git's revert (or restore) line plus one of our audit trailers. */
export function isToolRollback(info: Pick<CommitInfo, 'body'>): boolean {
  return UNDO_LINE.test(info.body) && TRAILER.test(info.body);
}

async function resolveLastHealthy(git: Git, spec: string, failing: string): Promise<string> {
  const sha = await git.tryResolveCommit(spec);
  if (!sha) throw new UserError(`Unknown last-healthy revision '${spec}'. Expected a commit sha on the target branch that Flux reconciled successfully.`);
  if (!(await git.isAncestor(sha, failing))) {
    throw new UserError(`last-healthy ${short(sha)} is not an ancestor of the failing revision ${short(failing)}. Expected an older commit on the same branch.`);
  }
  return sha;
}

/**
 * Replays the reverts (newest first) on a scratch index holding the tip's tree: the first commit
 * whose reverse patch no longer applies is returned. The work tree and real index are untouched.
 */
function firstNotRevertible(git: Git, tip: string, newestFirst: CommitInfo[]): Promise<CommitInfo | undefined> {
  return git.withTemporaryIndex(async index => {
    await index.readTree(tip);
    for (const c of newestFirst) {
      const patch = await git.binaryPatch(c.sha, c.parents[0]);
      if (patch.length > 0 && !(await index.tryApplyReverse(patch))) return c;
    }
    return undefined;
  });
}

function none(why: string, loopGuard = false): FailingCommitsDecision {
  return { action: 'none', why, loopGuard };
}

function notice(why: string): FailingCommitsDecision {
  return { action: 'notice', why };
}

function short(sha: string): string {
  return isFullSha(sha) ? shortSha(sha) : sha;
}
