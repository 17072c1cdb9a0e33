import type { DiffEntry, Git, TreeEntry } from '../git/git.js';

/**
 * The listings of `base..head` (commit shas) that a check starts with, begun at once: they then run
 * in git while the caller gets ready (reads its configuration), and side by side.
 */
export interface Prefetch {
  base: string;
  head: string;
  /** The changed paths (`git diff --raw`). */
  changes: Promise<DiffEntry[]>;
  /**
   * `base`'s tree with sizes (`git ls-tree -r -l`), for the context search: listed on the first
   * call, as most changes need no context and the listing grows with the repository.
   */
  baseTree(): Promise<TreeEntry[]>;
}

/** Starts listing the change `base..head` (commit shas); see {@link Prefetch}. */
export function prefetchChange(git: Git, base: string, head: string): Prefetch {
  let tree: Promise<TreeEntry[]> | undefined;
  const prefetch = { base, head, changes: git.diffRaw(base, head), baseTree: () => (tree ??= git.lsTree(base)) };
  // A failure is reported where the listing is used.
  prefetch.changes.catch(() => undefined);
  return prefetch;
}

/** `prefetch` when it lists exactly `base..head`, else undefined. */
export function prefetchOf(prefetch: Prefetch | undefined, base: string, head: string): Prefetch | undefined {
  return prefetch?.base === base && prefetch.head === head ? prefetch : undefined;
}
