import type { Git, TreeChange } from '../git/git.js';
import { type Logger, printable, shortSha, UserError } from '../core/index.js';

/**
 * Writes git objects and moves branches on the remote through its API (GitHub's Git Data API),
 * so that the host makes, and signs, the commits. The action backs it with the GitHub API.
 */
export interface GitDataPort {
  /** Stores a blob; returns its sha. */
  createBlob(content: Buffer): Promise<string>;
  /** Stores the tree `baseTree` with `entries` changed (a null sha deletes); returns its sha. */
  createTree(baseTree: string, entries: readonly RemoteTreeEntry[]): Promise<string>;
  /**
   * Stores a commit with no author or committer given, so the host fills in the token's identity
   * and signs it.
   */
  createCommit(commit: { message: string; tree: string; parents: string[] }): Promise<RemoteCommit>;
  /** The sha `branch` points at on the remote, or undefined when there is no such branch. */
  branchSha(branch: string): Promise<string | undefined>;
  /** Moves `branch` to `sha`. Without `force`, only forward (a fast-forward). */
  updateBranch(branch: string, sha: string, options?: { force?: boolean }): Promise<RefUpdate>;
  /** Creates `branch` at `sha`; 'exists' when it already exists. */
  createBranch(branch: string, sha: string): Promise<RefUpdate | { status: 'exists' }>;
}

/** One entry of a tree sent to the remote: a file, a symbolic link or a submodule, or a deletion. */
export interface RemoteTreeEntry {
  path: string;
  mode: '100644' | '100755' | '120000' | '160000';
  type: 'blob' | 'commit';
  /** null removes the path from the base tree. */
  sha: string | null;
}

export interface RemoteCommit {
  sha: string;
  tree: string;
  /** Whether the host considers the commit's signature verified, and why (its `verification.reason`). */
  verified: boolean;
  reason?: string;
}

/** How a ref update ended when it did not simply fail. */
export type RefUpdate =
  | { status: 'updated' }
  /** The branch moved since it was read: the update would not be a fast-forward. */
  | { status: 'stale'; detail: string }
  /** Branch protection or a ruleset refused the update. */
  | { status: 'protected'; detail: string };

/** A local rollback commit and the commit the remote made of it. */
export interface ReplayedCommit {
  local: string;
  remote: string;
  verified: boolean;
  reason?: string;
}

const MODES = new Set(['100644', '100755', '120000', '160000']);

/**
 * Recreates the local commits `base..head` (a chain of single-parent commits, oldest first) on
 * the remote through `port`: the blobs the remote may lack, each tree as the parent's tree with
 * the changed entries, and each commit with the same message. Every tree the remote made must be
 * the local commit's tree, else nothing is kept: the remote's objects stay unreferenced and no
 * ref moves. `known` are commits the remote has (the target tip, the reverted commits and their
 * parents): blobs found at the changed paths in their trees are not uploaded again.
 */
export async function replayCommits(
  git: Git,
  port: GitDataPort,
  base: string,
  head: string,
  known: readonly string[],
  log: Logger
): Promise<ReplayedCommit[]> {
  const locals = await git.revList(['--reverse', '--first-parent', head, `^${base}`, '--']);
  const changes = await Promise.all(locals.map((sha, i) => git.treeChanges(i === 0 ? base : locals[i - 1], sha)));
  const paths = [...new Set(changes.flat().map(c => c.path))];
  const onRemote = await git.objectsAt(known, paths);
  const uploaded = new Map<string, Promise<string>>();
  const upload = (sha: string): Promise<string> => {
    let done = uploaded.get(sha);
    if (!done) {
      done = git.readBlob(sha).then(content => port.createBlob(content));
      uploaded.set(sha, done);
    }
    return done;
  };
  const replayed: ReplayedCommit[] = [];
  let parent = base;
  let parentTree = await git.treeOf(base);
  for (const [i, local] of locals.entries()) {
    // Deletions first: a folder that becomes a file (or the reverse) is removed before it is replaced.
    const ordered = [...changes[i].filter(c => !c.newMode), ...changes[i].filter(c => c.newMode)];
    const entries = await Promise.all(ordered.map(c => remoteEntry(c, onRemote, upload)));
    const localTree = await git.treeOf(local);
    const tree = await port.createTree(parentTree, entries);
    if (tree !== localTree) {
      throw new UserError(
        `The remote made tree ${tree} of rollback commit ${shortSha(local)}, whose tree is ${localTree}. ` +
          'Nothing was delivered: no branch was changed. Run again without sign-commits to deliver the rollback with git.',
        'refused'
      );
    }
    const commit = await port.createCommit({ message: await git.commitMessage(local), tree, parents: [parent] });
    if (commit.tree !== localTree) {
      throw new UserError(
        `The remote made commit ${commit.sha} with tree ${commit.tree}, not the rollback's tree ${localTree}. Nothing was delivered: no branch was changed.`,
        'refused'
      );
    }
    log.info(`Commit ${shortSha(local)} made on the remote as ${commit.sha}${commit.verified ? ' (signed)' : ''}.`);
    replayed.push({ local, remote: commit.sha, verified: commit.verified, reason: commit.reason });
    parent = commit.sha;
    parentTree = tree;
  }
  return replayed;
}

/** The tree entry for one change: the object uploaded first when the remote may not have it. */
async function remoteEntry(change: TreeChange, onRemote: Set<string>, upload: (sha: string) => Promise<string>): Promise<RemoteTreeEntry> {
  const { path, newMode, newOid } = change;
  if (!newMode || !newOid) {
    // A deletion: the mode and type of what is removed.
    const mode = checkedMode(change.oldMode, path);
    return { path, mode, type: mode === '160000' ? 'commit' : 'blob', sha: null };
  }
  const mode = checkedMode(newMode, path);
  // A submodule entry names a commit of another repository: nothing to upload.
  if (mode === '160000') return { path, mode, type: 'commit', sha: newOid };
  if (!onRemote.has(newOid)) {
    const sha = await upload(newOid);
    if (sha !== newOid) {
      throw new UserError(
        `The remote stored the contents of '${printable(path)}' as blob ${sha}, not ${newOid}. Nothing was delivered: no branch was changed.`,
        'refused'
      );
    }
  }
  return { path, mode, type: 'blob', sha: newOid };
}

function checkedMode(mode: string | undefined, path: string): RemoteTreeEntry['mode'] {
  if (mode && MODES.has(mode)) return mode as RemoteTreeEntry['mode'];
  throw new UserError(
    `'${printable(path)}' has git mode ${printable(mode ?? 'none')}, which a commit made through the API cannot hold. Nothing was delivered.`,
    'refused'
  );
}
