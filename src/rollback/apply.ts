import { Git, GitError } from '../git/git.js';
import { restoreMessage, revertMessage } from './message.js';
import type { Plan, RestorePlan, RevertPlan, RevertStep } from './plan.js';
import type { OptionNames } from './option-names.js';
import { type AuditContext, type Identity, UserError } from './types.js';

/** The commits a plan produced on top of the target tip. */
export interface Applied {
  /** The last rollback commit; equals `base` when nothing changed. */
  head: string;
  /** The tree of `head`. */
  tree: string;
  base: string;
  /** False when the rollback's tree equals the base's: nothing to deliver. */
  changed: boolean;
  /** Reverts that turned out empty (their changes were already undone by hand). */
  empty: RevertStep[];
}

export interface ApplyOptions {
  audit: AuditContext;
  squash: boolean;
  /** Author and committer of every commit written, the throwaway ones too. */
  committer: Identity;
  /** How messages name settings (the conflict message suggests restoring paths). */
  names: OptionNames;
  /**
   * Called with the rollback's tree once it is known to be final, before its last commit is
   * written, so that checks of the tree can run meanwhile. Not called when nothing changes.
   */
  onTree?: (tree: string) => void;
}

/** The empty tree, the parent tree when a root commit is reverted. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/**
 * Writes the plan's commits on top of `base` as objects only: the work tree, the index and every
 * ref stay as they are, so a failure leaves nothing behind and nothing half-done can be pushed.
 */
export function applyPlan(git: Git, plan: Plan, base: string, options: ApplyOptions): Promise<Applied> {
  return plan.kind === 'revert' ? applyRevert(git, plan, base, options) : applyRestore(git, plan, base, options);
}

/**
 * Each revert is the merge git revert performs (merge-ort, base = the commit, ours = the rollback
 * so far, theirs = the commit's parent), computed by `git merge-tree` on a throwaway commit whose
 * only parent is the reverted commit, so that commit is the merge base.
 */
async function applyRevert(git: Git, plan: RevertPlan, base: string, options: ApplyOptions): Promise<Applied> {
  const empty: RevertStep[] = [];
  const applied: RevertStep[] = [];
  let head = base;
  const baseTree = plan.baseTree;
  let headTree = baseTree;
  let announced = false;
  const announce = (tree: string): void => {
    if (announced || tree === baseTree) return;
    announced = true;
    options.onTree?.(tree);
  };
  for (const [index, step] of plan.steps.entries()) {
    const tree = await revertTree(git, step, head, options);
    if (tree === headTree) {
      empty.push(step);
      continue;
    }
    applied.push(step);
    if (index === plan.steps.length - 1 && !options.squash) announce(tree);
    const message = options.squash ? `squash: ${step.sha}` : revertMessage([step], options.audit);
    head = await commitTree(git, tree, head, message, options.committer);
    headTree = tree;
  }
  announce(headTree);
  if (options.squash && applied.length > 0) {
    head = await commitTree(git, headTree, base, revertMessage(applied, options.audit), options.committer);
  }
  return { head, tree: headTree, base, empty, changed: headTree !== baseTree };
}

/** Throwaway "undo" commits started early (by the plan, while it reads history), per wrapper. */
const earlyUndo = new WeakMap<Git, Map<string, Promise<string>>>();

/**
 * Starts writing the throwaway commit for reverting `sha` against parent `mainline`, so it is
 * ready when the revert is applied. Only a head start: a failure here is retried then.
 */
export function prepareUndo(git: Git, sha: string, mainline: number, committer: Identity): void {
  const started = earlyUndo.get(git) ?? new Map<string, Promise<string>>();
  earlyUndo.set(git, started);
  const key = `${sha} ${mainline}`;
  if (started.has(key)) return;
  const commit = commitTree(git, `${sha}^${mainline}^{tree}`, sha, undoMessage(sha), committer);
  commit.catch(() => undefined);
  started.set(key, commit);
}

/** A commit whose tree is the reverted commit's parent and whose only parent is that commit. */
async function undoCommit(git: Git, step: RevertStep, committer: Identity): Promise<string> {
  const mainline = step.mainline ?? 1;
  const parent = step.parents[mainline - 1];
  if (!parent) return commitTree(git, EMPTY_TREE, step.sha, undoMessage(step.sha), committer);
  const early = await earlyUndo.get(git)?.get(`${step.sha} ${mainline}`)?.catch(() => undefined);
  return early ?? commitTree(git, `${parent}^{tree}`, step.sha, undoMessage(step.sha), committer);
}

const undoMessage = (sha: string): string => `gitops-rollback: undo ${sha}`;

async function revertTree(git: Git, step: RevertStep, onto: string, options: ApplyOptions): Promise<string> {
  const theirs = await undoCommit(git, step, options.committer);
  const merged = await git.mergeTree(onto, theirs).catch(error => {
    if (!(error instanceof GitError)) throw error;
    throw new UserError(`Reverting ${step.sha.slice(0, 12)} ("${step.subject}") failed: ${error.stderr.trim()}`, 'refused');
  });
  if ('tree' in merged) return merged.tree;
  const files = merged.conflicts;
  throw new UserError(
    `Reverting ${step.sha.slice(0, 12)} ("${step.subject}") conflicts with later changes in: ${files.join(', ')}. ` +
      'Nothing was pushed and the work tree was left as it was. ' +
      `To put those paths back to how they were before that commit, restore them instead (${options.names.set({ restorePaths: files, restoreTo: `${step.sha.slice(0, 12)}^` })}); ` +
      'this also drops later changes to those paths.',
    'refused'
  );
}

/** Builds the restored tree in a temporary index, never touching the real one. */
async function applyRestore(git: Git, plan: RestorePlan, base: string, options: ApplyOptions): Promise<Applied> {
  const tree = await git.withTemporaryIndex(async index => {
    await index.readTree(base);
    await index.restoreStaged(plan.source, plan.paths);
    return index.writeTree();
  });
  if (tree === (await git.treeOf(base))) return { head: base, tree, base, empty: [], changed: false };
  options.onTree?.(tree);
  const head = await commitTree(git, tree, base, restoreMessage(plan, options.audit), options.committer);
  return { head, tree, base, empty: [], changed: true };
}

/** Writes a commit as `identity`, whatever git is configured with (a runner has no identity at all). */
function commitTree(git: Git, tree: string, parent: string, message: string, identity: Identity): Promise<string> {
  return git.commitTree(tree, [parent], message, identityEnv(identity));
}

/** The environment that makes `identity` the author and committer of the commit git writes. */
export function identityEnv(identity: Identity): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: identity.name,
    GIT_AUTHOR_EMAIL: identity.email,
    GIT_COMMITTER_NAME: identity.name,
    GIT_COMMITTER_EMAIL: identity.email
  };
}
