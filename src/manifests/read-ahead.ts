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
  /** `base`'s tree with sizes (`git ls-tree -r -l`), for the context search. */
  baseTree: Promise<TreeEntry[]>;
}

/** Starts listing the change `base..head` (commit shas) and `base`'s tree; see {@link Prefetch}. */
export function prefetchChange(git: Git, base: string, head: string): Prefetch {
  const prefetch = { base, head, changes: git.diffRaw(base, head), baseTree: git.lsTree(base) };
  // A failure is reported where the listing is used (and not at all when it never is).
  prefetch.changes.catch(() => undefined);
  prefetch.baseTree.catch(() => undefined);
  return prefetch;
}

/** `prefetch` when it lists exactly `base..head`, else undefined. */
export function prefetchOf(prefetch: Prefetch | undefined, base: string, head: string): Prefetch | undefined {
  return prefetch?.base === base && prefetch.head === head ? prefetch : undefined;
}
