import { type CommitInfo, type CommitTrailers, Git } from '../git/git.js';
import { revertedCommits } from '../rollback/plan.js';
import type { Identity, RevertStep } from '../rollback/types.js';
import { identityEnv, isUndoneAt, undoCommit } from '../rollback/undo.js';
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
  /** The identity rollbacks are committed as; when given, only its commits count as ours. */
  committer?: Identity;
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
const OUR_TRAILERS = ['rolled-back-by', 'incident', 'workflow-run'];
const REVERT_LINE = new RegExp(`^This reverts commit (${FULL_SHA_SOURCE})[.,]`, 'gm');
const RESTORE_LINE = new RegExp(`^Restored to commit (${FULL_SHA_SOURCE})\\.`, 'm');
/** Author and committer of the throwaway commits the content checks write; never pushed. */
const PROBE: Identity = { name: 'gitops-rollback', email: 'gitops-rollback@localhost' };

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
    const hint =
      !failing && (await git.isShallow())
        ? ' It may lie beyond the fetched history (a shallow clone); fetch with fetch-depth: 0 if it should be there.'
        : '';
    return notice(
      `Flux reported ${short(input.failing)} failing, but it is not on '${branch}' (tip ${short(tip)}): the branch moved on or was rewritten. Nothing is rolled back.${hint}`
    );
  }
  const lastHealthy = input.lastHealthy ? await resolveLastHealthy(git, input.lastHealthy, failing) : undefined;
  if (lastHealthy === failing) return none(`${short(failing)} is itself the last healthy revision; nothing to roll back.`);
  const range = lastHealthy ? await git.revList(['--first-parent', failing, `^${lastHealthy}`, '--']) : [failing];
  const max = input.maxCommits ?? DEFAULT_MAX_COMMITS;
  if (range.length > max) {
    return notice(
      `${range.length} commits lie between the last healthy revision ${short(lastHealthy!)} and the failing ${short(failing)} on '${branch}', more than ${max}. Not rolled back automatically; choose the commits to revert by hand.`
    );
  }
  const infos = await git.commitInfo(range);
  const ours = await toolRollbacks(git, infos, input.committer);
  if (ours.has(infos[0].sha)) {
    return none(
      `The failing revision ${short(failing)} ("${infos[0].subject}") is a rollback made by gitops-rollback; it is not reverted, so rollbacks cannot loop. Investigate by hand.`,
      true
    );
  }
  // Messages only name candidates; a candidate is excluded when its change is gone from the tip.
  const hinted = revertedCommits(await git.log([tip, ...(lastHealthy ? [`^${lastHealthy}`] : infos[0].parents.map(p => `^${p}`))]));
  const tipTree = await git.treeOf(tip);
  const excluded: ExcludedCommit[] = [];
  const chosen: CommitInfo[] = [];
  for (const info of infos) {
    if (ours.has(info.sha)) excluded.push({ sha: info.sha, subject: info.subject, why: 'tool-rollback' });
    else if (hinted.has(info.sha) && (await isUndoneAt(git, undoStep(info), tip, tipTree, PROBE))) {
      excluded.push({ sha: info.sha, subject: info.subject, why: 'already-reverted' });
    } else chosen.push(info);
  }
  if (chosen.length === 0) {
    return none(
      `Every commit up to the failing ${short(failing)} is already reverted on '${branch}' (tip ${short(tip)}); nothing to roll back.`
    );
  }
  if (failing !== tip) {
    const blocked = await firstNotRevertible(git, tip, chosen);
    if (blocked) {
      return notice(
        `The failing ${short(failing)} is no longer the tip of '${branch}' and the changes of ${short(blocked.sha)} ("${blocked.subject}") were changed since by later commits. Not rolled back automatically; revert by hand or fix forward.`
      );
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

/**
 * The commits among `infos` this tool made: our audit trailers in the trailer block as git parses
 * it, our committer (when known), and content that really is the undo its message names: the
 * named commits reverted on its parent give its tree, or its paths hold the restored commit's
 * content. A message alone never makes a commit count as ours.
 */
async function toolRollbacks(git: Git, infos: CommitInfo[], committer?: Identity): Promise<Set<string>> {
  const candidates = infos.filter(i => RESTORE_LINE.test(i.body) || new RegExp(REVERT_LINE.source, 'm').test(i.body));
  const trailers = await git.commitTrailers(candidates.map(c => c.sha));
  const ours = new Set<string>();
  for (const info of candidates) {
    if (!hasOurTrailers(trailers.get(info.sha), committer)) continue;
    if (await undoesWhatItNames(git, info)) ours.add(info.sha);
  }
  return ours;
}

function hasOurTrailers(found: CommitTrailers | undefined, committer?: Identity): boolean {
  if (!found || !OUR_TRAILERS.some(key => found.trailers.get(key)?.some(v => v.trim() !== ''))) return false;
  return !committer || found.committer === `${committer.name} <${committer.email}>`;
}

async function undoesWhatItNames(git: Git, info: CommitInfo): Promise<boolean> {
  const parent = info.parents[0];
  if (!parent || info.parents.length > 1) return false;
  const restored = info.body.match(RESTORE_LINE)?.[1];
  if (restored) {
    const paths = new Set((await git.diffRaw(parent, info.sha)).map(e => e.path));
    if (paths.size === 0 || !(await git.tryResolveCommit(restored))) return false;
    return !(await git.diffRaw(restored, info.sha)).some(e => paths.has(e.path));
  }
  const named = [...info.body.matchAll(REVERT_LINE)].map(m => m[1]);
  const targets = await git.commitInfo(named).catch(() => []);
  // A named commit beyond a shallow clone's history cannot be checked: declining to act is safer
  // than reverting a rollback. In full history a commit that does not exist is a forgery.
  if (targets.length !== named.length) return git.isShallow();
  let head = parent;
  let tree = await git.treeOf(parent);
  for (const target of targets) {
    const step = undoStep(target);
    const merged = await git.mergeTree(head, await undoCommit(git, step, PROBE)).catch(() => undefined);
    if (!merged || !('tree' in merged)) return false;
    tree = merged.tree;
    head = await git.commitTree(tree, [head], 'gitops-rollback: probe', identityEnv(PROBE));
  }
  return tree === info.tree;
}

/** A commit as the engine reverts it: a merge against its first parent. */
function undoStep(info: CommitInfo): RevertStep {
  const step = { sha: info.sha, subject: info.subject, parents: info.parents };
  return info.parents.length > 1 ? { ...step, mainline: 1 } : step;
}

async function resolveLastHealthy(git: Git, spec: string, failing: string): Promise<string> {
  const sha = await git.tryResolveCommit(spec);
  if (!sha)
    throw new UserError(
      `Unknown last-healthy revision '${spec}'. Expected a commit sha on the target branch that Flux reconciled successfully.`
    );
  if (!(await git.isAncestor(sha, failing))) {
    throw new UserError(
      `last-healthy ${short(sha)} is not an ancestor of the failing revision ${short(failing)}. Expected an older commit on the same branch.`
    );
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
