import { Git } from '../git/git.js';
import type { Identity, RevertStep } from './types.js';

/** The empty tree, the parent tree when a root commit is reverted. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

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
export async function undoCommit(git: Git, step: RevertStep, committer: Identity): Promise<string> {
  const mainline = step.mainline ?? 1;
  const parent = step.parents[mainline - 1];
  if (!parent) return commitTree(git, EMPTY_TREE, step.sha, undoMessage(step.sha), committer);
  const early = await earlyUndo
    .get(git)
    ?.get(`${step.sha} ${mainline}`)
    ?.catch(() => undefined);
  return early ?? commitTree(git, `${parent}^{tree}`, step.sha, undoMessage(step.sha), committer);
}

const undoMessage = (sha: string): string => `gitops-rollback: undo ${sha}`;

/** Writes a commit as `identity`, whatever git is configured with (a runner has no identity at all). */
export function commitTree(git: Git, tree: string, parent: string, message: string, identity: Identity): Promise<string> {
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

/**
 * True when the change of `step` is no longer in `onto` (whose tree is `ontoTree`): reverting it
 * there is clean and changes nothing. This, not any commit message, decides "already reverted".
 */
export async function isUndoneAt(git: Git, step: RevertStep, onto: string, ontoTree: string, committer: Identity): Promise<boolean> {
  const theirs = await undoCommit(git, step, committer);
  const merged = await git.mergeTree(onto, theirs).catch(() => undefined);
  return merged !== undefined && 'tree' in merged && merged.tree === ontoTree;
}
