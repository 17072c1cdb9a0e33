import { Git, GitError } from '../git/git.js';
import { restoreMessage, revertMessage } from './message.js';
import type { OptionNames } from './option-names.js';
import type { AuditContext, Identity, Plan, RestorePlan, RevertPlan, RevertStep } from './types.js';
import { commitTree, undoCommit } from './undo.js';
import { shortSha, UserError } from '../core/index.js';

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

async function revertTree(git: Git, step: RevertStep, onto: string, options: ApplyOptions): Promise<string> {
  const theirs = await undoCommit(git, step, options.committer);
  const merged = await git.mergeTree(onto, theirs).catch(error => {
    if (!(error instanceof GitError)) throw error;
    throw new UserError(`Reverting ${shortSha(step.sha)} ("${step.subject}") failed: ${error.stderr.trim()}`, 'refused');
  });
  if ('tree' in merged) return merged.tree;
  const files = merged.conflicts;
  throw new UserError(
    `Reverting ${shortSha(step.sha)} ("${step.subject}") conflicts with later changes in: ${files.join(', ')}. ` +
      'Nothing was pushed and the work tree was left as it was. ' +
      `To put those paths back to how they were before that commit, restore them instead (${options.names.set({ restorePaths: files, restoreTo: `${shortSha(step.sha)}^` })}); ` +
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
