import type { Git } from '../git/git.js';
import { streamFiles } from './blob-stream.js';
import { readRevisionContexts } from './flux-context.js';
import { isYamlPath, pathFilter } from './globs.js';
import type { ChangeListing, FileChange, RevisionContext } from './types.js';

export interface ChangeFilter {
  /** Globs or folders to check (default: everything). */
  paths?: string[];
  /** Globs or folders to leave out. */
  exclude?: string[];
}

/** The changed YAML files of `base..head` and what the checks need to know about both revisions. */
export interface Change {
  base: string;
  head: string;
  files: FileChange[];
  context: { before: RevisionContext; after: RevisionContext };
}

/**
 * Reads the changed `.yaml`/`.yml` files between two commits, their contents at both revisions
 * (one `git cat-file --batch` for everything), and the Flux Kustomizations and kustomize patch
 * files of both revisions.
 */
export async function readChange(git: Git, base: string, head: string, filter: ChangeFilter = {}): Promise<Change> {
  const [baseSha, headSha] = await Promise.all([git.resolveCommit(base), git.resolveCommit(head)]);
  const [files, context] = await Promise.all([
    readChangedFiles(git, baseSha, headSha, filter),
    readRevisionContexts(git, baseSha, headSha)
  ]);
  return { base: baseSha, head: headSha, files, context };
}

/** The changed `.yaml`/`.yml` files of `base..head` (commit shas) with both contents. */
export async function readChangedFiles(git: Git, base: string, head: string, filter: ChangeFilter = {}): Promise<FileChange[]> {
  const files: FileChange[] = [];
  await forEachChangedFile(git, base, head, filter, file => files.push(file));
  return files;
}

/**
 * Streams the changed `.yaml`/`.yml` files of `base..head` (commit shas): `onFile` gets each one,
 * in path order, as soon as both its sides are read, so a caller that keeps only what it needs
 * never holds every blob at once. Returns how many files there were.
 */
export async function forEachChangedFile(
  git: Git,
  base: string,
  head: string,
  filter: ChangeFilter,
  onFile: (file: FileChange) => void
): Promise<number> {
  const { checked } = await listChange(git, base, head, filter);
  await streamFiles(git, checked, onFile);
  return checked.length;
}

/** Lists the changes of `base..head` (commit shas) without reading any blob. */
export async function listChange(git: Git, base: string, head: string, filter: ChangeFilter = {}): Promise<ChangeListing> {
  const keep = pathFilter(filter.paths, filter.exclude);
  const all = await git.diffRaw(base, head);
  return { all, checked: all.filter(e => isYamlPath(e.path) && keep(e.path)) };
}
