import { type CommitInfo, Git } from '../git/git.js';
import { type TargetBranch, withHistory } from './history.js';
import type { Plan, RestorePlan, RevertedCommit, RevertPlan, RevertStep, RollbackRequest } from './types.js';
import { isUndoneAt, prepareUndo } from './undo.js';
import { FULL_SHA, FULL_SHA_SOURCE, shortSha, UserError } from '../core/index.js';

/** A failure is `final` when more history cannot change it; any other one is retried with more. */
type Attempt<T> = { ok: true; value: T } | { ok: false; error: UserError; final?: boolean };
const fail = <T>(message: string, kind: 'invalid' | 'refused' = 'refused', final = false): Attempt<T> => ({
  ok: false,
  error: new UserError(message, kind),
  final
});
/** The history fetched so far stops at `edge`: the answer needs more of it. */
const needsHistory = <T>(edge: string, what: string): Attempt<T> =>
  fail(`The fetched history of ${what} ends at commit ${edge}, whose parents are missing. Expected the full history to be fetchable.`);

/** git's revert line, at the start of a line: only a hint, the content decides (see isUndoneAt). */
const REVERT_LINE = new RegExp(`^This reverts commit (${FULL_SHA_SOURCE})[.,]`, 'gm');

/**
 * Resolves the request against the target branch: every revision must name a commit in the
 * branch's history. Shallow clones are deepened only as far as the request needs.
 */
export function planRollback(git: Git, target: TargetBranch, request: RollbackRequest): Promise<Plan> {
  return request.mode === 'restore'
    ? withHistory(target, () => tryPlanRestore(git, target, request))
    : withHistory(target, () => tryPlanRevert(git, target, request));
}

async function tryPlanRevert(git: Git, target: TargetBranch, request: RollbackRequest): Promise<Attempt<RevertPlan>> {
  const wanted: string[] = [];
  for (const expanded of await Promise.all(request.commits.map(spec => expandSpec(git, spec)))) {
    if (!expanded.ok) return expanded;
    wanted.push(...expanded.value);
  }
  const unique = [...new Set(wanted)];
  // The usual incident: one commit. Its throwaway undo commit is written while history is read.
  if (unique.length === 1) prepareUndo(git, unique[0], request.mainline ?? 1, request.committer);
  const boundary = await git.shallowCommits();
  const cut = unique.find(sha => boundary.has(sha));
  if (cut) return fail(`Commit ${cut} is at the edge of the fetched history; its parents are missing.`);
  const window = await branchWindow(git, target.tip, unique);
  // Every check below reads the commits from the tip back to the requested ones: membership,
  // earlier reverts. A window that reaches the edge of a shallow clone may lack some of them.
  const edge = window.commits.find(c => boundary.has(c.sha));
  const outside = unique.find(sha => !window.index.has(sha));
  if (edge) return needsHistory(edge.sha, `'${target.name}' from its tip to the requested commits`);
  if (outside) {
    const spec = request.commits.find(s => s.includes(outside.slice(0, 7))) ?? outside;
    // The walk from the tip ended without reaching the edge of the clone: more history cannot
    // put the commit on the branch.
    return fail(
      `Commit ${named(outside, spec)} is not in the history of target branch '${target.name}'. Expected a commit that is on '${target.name}'.`,
      'refused',
      true
    );
  }
  // Messages only point at candidates; a candidate is skipped when its change is gone from the tip.
  const hinted = revertedCommits(window.commits);
  const ordered = unique.sort((a, b) => window.index.get(a)! - window.index.get(b)!);
  const baseTree = window.commits[0]?.sha === target.tip ? window.commits[0].tree : (await git.commitInfo([target.tip]))[0].tree;
  // The mainline is checked against every requested commit, so a wrong one is refused even when
  // the commits it names turn out to be reverted already.
  const requested = applyMainline(
    ordered.map(sha => {
      const info = window.commits[window.index.get(sha)!];
      return { sha, subject: info.subject, parents: info.parents };
    }),
    request.mainline,
    request.names.name('mainline')
  );
  const steps: RevertStep[] = [];
  const skipped: RevertedCommit[] = [];
  for (const step of requested) {
    if (hinted.has(step.sha) && (await isUndoneAt(git, step, target.tip, baseTree, request.committer)))
      skipped.push({ sha: step.sha, subject: step.subject });
    else steps.push(step);
  }
  return { ok: true, value: { kind: 'revert', steps, skipped, baseTree } };
}

/**
 * Resolves the full shas among the request's commits now (alongside reading the branch tip), so
 * that planning finds them already known to `git`. Anything unresolved is left to the plan.
 */
export async function resolveAhead(git: Git, request: RollbackRequest): Promise<void> {
  const shas = request.mode === 'revert' ? request.commits.flatMap(spec => spec.split('..')).filter(part => FULL_SHA.test(part)) : [];
  await Promise.all(shas.slice(0, 8).map(sha => git.tryResolveCommit(sha)));
}

/** Resolves one revision or `A..B` range to the commits it names, newest first. */
async function expandSpec(git: Git, spec: string): Promise<Attempt<string[]>> {
  const parts = spec.split('..');
  const shas: string[] = [];
  for (const part of parts) {
    const sha = await git.tryResolveCommit(part);
    if (!sha)
      return fail(
        `Unknown revision '${part}'${parts.length > 1 ? ` in range '${spec}'` : ''}. Expected a commit sha, branch, tag or expression such as 'abc1234^' that names a commit.`,
        'invalid'
      );
    shas.push(sha);
  }
  if (shas.length === 1) return { ok: true, value: shas };
  const [from, to] = shas;
  if (!(await git.isAncestor(from, to))) {
    return fail(
      `Range '${spec}': ${parts[0]} is not an ancestor of ${parts[1]}. Expected A..B where A is older than B on the same history.`
    );
  }
  const [inRange, boundary] = await Promise.all([git.revList(['--topo-order', to, '--not', from]), git.shallowCommits()]);
  const edge = inRange.find(sha => boundary.has(sha));
  if (edge) return needsHistory(edge, `range '${spec}'`);
  if (inRange.length === 0) return fail(`Range '${spec}' selects no commits. Expected A..B to name the commits after A up to B.`);
  return { ok: true, value: inRange };
}

interface Window {
  commits: CommitInfo[];
  index: Map<string, number>;
}

/**
 * The target branch's commits from the oldest wanted commit to the tip, newest first. One `git
 * log` gives membership, order and the messages used to find earlier reverts.
 */
async function branchWindow(git: Git, tip: string, wanted: string[]): Promise<Window> {
  const commits = await git.log([tip, ...(await windowStart(git, tip, wanted))], { extra: ['--topo-order'] });
  return { commits, index: new Map(commits.map((c, i) => [c.sha, i])) };
}

/** Exclusions that start the window at the oldest wanted commit. */
async function windowStart(git: Git, tip: string, wanted: string[]): Promise<string[]> {
  // One commit, the usual rollback: everything after its parents.
  if (wanted.length === 1) return [`^${wanted[0]}^@`];
  const base = await git.tryMergeBase([tip, ...wanted], { octopus: true });
  // Without a merge base, read all fetched history.
  const [oldest] = base ? await git.commitInfo([base]) : [];
  return oldest ? oldest.parents.map(p => `^${p}`) : [];
}

/**
 * Commits that messages say stay reverted on the branch: named by a later `This reverts commit
 * <sha>.` line whose own commit is not itself reverted (a revert of a revert brings the change
 * back). Anyone can write such a line, so this only finds candidates for a content check.
 */
export function revertedCommits(newestFirst: CommitInfo[]): Set<string> {
  const revertsOf = new Map<string, string[]>();
  for (const c of newestFirst) {
    const targets = [...c.body.matchAll(REVERT_LINE)].map(m => m[1]);
    if (targets.length) revertsOf.set(c.sha, targets);
  }
  const revertedBy = new Map<string, string[]>();
  for (const [revert, targets] of revertsOf) {
    for (const t of targets) revertedBy.set(t, [...(revertedBy.get(t) ?? []), revert]);
  }
  const memo = new Map<string, boolean>();
  const isReverted = (sha: string, depth = 0): boolean => {
    if (memo.has(sha)) return memo.get(sha)!;
    // Revert chains are short in practice; the bound guards against forged cycles.
    const result = depth < 100 && (revertedBy.get(sha) ?? []).some(r => !isReverted(r, depth + 1));
    memo.set(sha, result);
    return result;
  };
  return new Set(newestFirst.map(c => c.sha).filter(sha => isReverted(sha)));
}

/** `option`: how the caller names the mainline setting, for messages. */
function applyMainline(steps: RevertStep[], mainline: number | undefined, option: string): RevertStep[] {
  const merges = steps.filter(s => s.parents.length > 1);
  if (mainline !== undefined && steps.length > 0 && merges.length === 0) {
    const names = steps.map(s => shortSha(s.sha)).join(', ');
    throw new UserError(
      `${option} ${mainline} was given but ${names} ${steps.length > 1 ? 'are not merge commits' : 'is not a merge commit'}. Expected ${option} only when reverting a merge commit.`
    );
  }
  return steps.map(step => {
    if (step.parents.length < 2) return step;
    const m = mainline ?? 1;
    if (m > step.parents.length) {
      throw new UserError(
        `${option} ${m} is out of range for merge commit ${step.sha}: it has ${step.parents.length} parents. Expected a number from 1 to ${step.parents.length}.`
      );
    }
    return { ...step, mainline: m };
  });
}

async function tryPlanRestore(git: Git, target: TargetBranch, request: RollbackRequest): Promise<Attempt<RestorePlan>> {
  const spec = request.restoreTo!;
  const source = await git.tryResolveCommit(spec);
  const option = request.names.name('restoreTo');
  if (!source)
    return fail(`Unknown revision '${spec}' in ${option}. Expected a commit sha, branch, tag or expression such as 'abc1234^'.`, 'invalid');
  if (!(await git.isAncestor(source, target.tip))) {
    return fail(
      `${option} ${named(source, spec, true)} is not in the history of target branch '${target.name}'. Expected a known-good commit on '${target.name}'.`
    );
  }
  for (const path of request.restorePaths) {
    if (!(await pathExists(git, source, path)) && !(await pathExists(git, target.tip, path))) {
      throw new UserError(
        `Path '${path}' exists neither at ${option} '${spec}' nor at the tip of '${target.name}'. Expected a path in the repository.`
      );
    }
  }
  // The commits undone are listed from the history between: all of it must be there.
  const boundary = await git.shallowCommits();
  if (boundary.size > 0) {
    const edge = (await git.revList([target.tip, '--not', source])).find(sha => boundary.has(sha));
    if (edge) return needsHistory(edge, `'${target.name}' from its tip back to ${option} '${spec}'`);
  }
  const touched = await git.log([target.tip, `^${source}`], { extra: ['--topo-order'], paths: request.restorePaths });
  return {
    ok: true,
    value: {
      kind: 'restore',
      paths: request.restorePaths,
      source,
      undone: touched.map(c => ({ sha: c.sha, subject: c.subject }))
    }
  };
}

async function pathExists(git: Git, commit: string, path: string): Promise<boolean> {
  return path === '.' || git.pathExists(commit, path);
}

/** A commit as the user named it: its sha, with their revision beside it when that was not the sha. */
function named(sha: string, spec: string, specFirst = false): string {
  if (spec.toLowerCase() === sha) return sha;
  return specFirst ? `'${spec}' (${sha})` : `${sha} ('${spec}')`;
}
