import { GitError, type DiffEntry, type Git, type GrepMatch, type TreeEntry } from '../git/git.js';
import { readBlobs, streamFiles, type Blob } from './blob-stream.js';
import { isKustomizeBuildFile } from './kustomize-build.js';
import { asBuffer, ownBytes } from './manifest-file.js';
import { isFluxKustomization, mergeContexts, readContextFile, revisionContextFromFiles, type FileContext } from './revision-context.js';
import type { ChangeListing, FileChange, Resource, RevisionContext } from './types.js';

// Where a revision's Flux Kustomizations, GitRepositories and kustomize patch files are found:
// files that name the Flux group, a GitRepository or `patches`, in text files with these names.
const FLUX_GROUP = 'kustomize.toolkit.fluxcd.io';
const GIT_SOURCE = 'kind: GitRepository';
const CONTEXT_PATTERNS = [FLUX_GROUP, 'patches', GIT_SOURCE];
const CONTEXT_PATHS = ['*.yaml', '*.yml', '*Kustomization'];

/** What some files add to the context of each revision, by path. */
export interface ContextFiles {
  before: [string, FileContext][];
  after: [string, FileContext][];
}

/** Flux Kustomizations and kustomize patch files of both revisions (commit shas), whole tree. */
export async function readRevisionContexts(
  git: Git,
  base: string,
  head: string,
  repository?: string
): Promise<{ before: RevisionContext; after: RevisionContext }> {
  const found = (await grepContextFiles(git, base === head ? [base] : [base, head])).filter(f => !f.path.includes('\n'));
  const blobs = await readBlobs(
    git,
    found.map(f => `${f.rev}:${f.path}`),
    name => atRevision(name, base)
  );
  const at = (rev: string): RevisionContext =>
    revisionContextFromFiles(
      found.filter(f => f.rev === rev).flatMap(f => withContent(f.path, blobs.get(`${f.rev}:${f.path}`))),
      repository
    );
  return { before: at(base), after: at(head) };
}

/**
 * Builds the Flux Kustomizations and patch files of both revisions without searching the whole
 * tree twice: a file that did not change is the same at both, so only the unchanged files are
 * searched (at `base`), the checked files are taken as they stream past ({@link add}), and the
 * few other changed files (filtered out, or build files named `Kustomization`) are read at both
 * revisions. The result equals {@link readRevisionContexts}.
 */
export class ContextReader {
  private readonly streamed: ContextFiles = { before: [], after: [] };

  constructor(private readonly listing: ChangeListing) {}

  /**
   * Reads the context of the sides of a checked file that may hold a Flux Kustomization or patch
   * references. `read`: the objects already read from each side, if they were: a side then counts
   * when it holds a Flux Kustomization (a build file still when it mentions patches), with no
   * search of its bytes and no second reading. The context is the same: a file that only mentions
   * the group contributes nothing.
   */
  add(file: FileChange, read?: { before?: { resources: readonly Resource[] }; after?: { resources: readonly Resource[] } }): void {
    if (!isContextPath(file.path)) return;
    const buildFile = isKustomizeBuildFile(file.path);
    for (const side of ['before', 'after'] as const) {
      const content = file[side];
      if (content === undefined) continue;
      const resources = buildFile ? undefined : read?.[side]?.resources;
      const keep = resources
        ? resources.some(isFluxKustomization) || asBuffer(content).indexOf(GIT_SOURCE) >= 0
        : mayHoldContext(file.path, content);
      // Its own bytes: what is read from them must not keep the batch's shared chunk alive.
      if (keep) this.streamed[side].push([file.path, readContextFile(file.path, ownBytes(asBuffer(content)), resources)]);
    }
  }

  /**
   * Reads what does not stream past: call early, it runs in git meanwhile. The unchanged files are
   * read and searched here when they hold at most `maxReadBytes` (sizes from the tree listing),
   * which takes git less than a `git grep` excluding every changed path; beyond that, git searches
   * them. `baseTree`: that listing of `base`, already under way.
   */
  readOthers(git: Git, base: string, options: { maxReadBytes?: number; baseTree?: Promise<TreeEntry[]> } = {}): Promise<ContextFiles> {
    const { maxReadBytes = MAX_CONTEXT_READ_BYTES, baseTree } = options;
    const changed = new Set(this.listing.all.map(e => e.path));
    const checked = new Set(this.listing.checked.map(e => e.path));
    const others = this.listing.all.filter(e => !checked.has(e.path) && isContextPath(e.path));
    const unchanged = unchangedContextFiles(git, base, changed, maxReadBytes, baseTree);
    return Promise.all([unchanged, readBothSides(git, others)]).then(([unchanged, changedOthers]) => {
      // An unchanged file is the same at both revisions: read once.
      const read = unchanged.map(([path, bytes]): [string, FileContext] => [path, readContextFile(path, bytes)]);
      return { before: [...read, ...changedOthers.before], after: [...read, ...changedOthers.after] };
    });
  }

  /** Both contexts, once every checked file has been added. `repository`: this repository's URL (see mergeContexts). */
  contexts(others: ContextFiles, repository?: string): { before: RevisionContext; after: RevisionContext } {
    const at = (side: 'before' | 'after'): RevisionContext =>
      mergeContexts(
        byPath([...others[side], ...this.streamed[side]]).map(([, read]) => read),
        repository
      );
    return { before: at('before'), after: at('after') };
  }
}

/** The paths the context search looks at: those the `git grep` pathspecs match. */
function isContextPath(path: string): boolean {
  return !path.includes('\n') && (path.endsWith('.yaml') || path.endsWith('.yml') || path.endsWith('Kustomization'));
}

/** Whether a file may hold the context: text with the pattern its kind of file needs. */
function mayHoldContext(path: string, content: Uint8Array | string): boolean {
  const bytes = asBuffer(content);
  if (!isGrepText(bytes)) return false;
  return isKustomizeBuildFile(path) ? bytes.indexOf('patches') >= 0 : bytes.indexOf(FLUX_GROUP) >= 0 || bytes.indexOf(GIT_SOURCE) >= 0;
}

/** Text as `git grep -I` sees it: no NUL in the first 8000 bytes. */
function isGrepText(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).indexOf(0) < 0;
}

/** Sorted by path as git lists them (byte order), which is the order the whole-tree search gives. */
function byPath<T>(files: [string, T][]): [string, T][] {
  return files.sort((x, y) => Buffer.compare(Buffer.from(x[0]), Buffer.from(y[0])));
}

// Excluding changed files keeps git from searching what streams past anyway; beyond this many
// bytes of arguments the whole tree is searched and changed files are dropped from the result.
const MAX_EXCLUDE_ARGS = 256 * 1024;

/** Unchanged files of this many bytes in all are read and searched without `git grep`. */
export const MAX_CONTEXT_READ_BYTES = 16 * 1024 * 1024;

/**
 * Context files among the files `base..head` does not change, read at `base`: the files
 * `git grep -I -e <group> -e patches` would find among them, in the same order.
 */
async function unchangedContextFiles(
  git: Git,
  base: string,
  changed: ReadonlySet<string>,
  maxReadBytes: number,
  listed?: Promise<TreeEntry[]>
): Promise<[string, Buffer][]> {
  const tree = await (listed ?? git.lsTree(base));
  // Like git grep on a tree: regular files only (no symlinks, no submodules).
  const candidates = tree.filter(e => e.type === 'blob' && e.mode !== '120000' && isContextPath(e.path) && !changed.has(e.path));
  if (candidates.reduce((n, e) => n + e.size, 0) > maxReadBytes) return grepUnchanged(git, base, changed);
  const names = [...new Set(candidates.map(e => e.oid))];
  const where = (oid: string): string => `${candidates.find(e => e.oid === oid)?.path ?? oid} at the base revision`;
  const blobs = await readBlobs(git, names, where);
  return candidates.flatMap(e => {
    const blob = blobs.get(e.oid);
    return Buffer.isBuffer(blob) && grepWouldFind(blob) ? [[e.path, blob] as [string, Buffer]] : [];
  });
}

/** What `git grep -I` with the context patterns finds: text with any of them. */
function grepWouldFind(bytes: Buffer): boolean {
  return isGrepText(bytes) && (bytes.indexOf(FLUX_GROUP) >= 0 || bytes.indexOf('patches') >= 0 || bytes.indexOf(GIT_SOURCE) >= 0);
}

/** Context files among the files `base..head` does not change, found by `git grep` at `base`. */
async function grepUnchanged(git: Git, base: string, changed: ReadonlySet<string>): Promise<[string, Buffer][]> {
  let excludes = [...changed].filter(isContextPath).map(p => `:(exclude,literal,top)${p}`);
  if (excludes.reduce((n, e) => n + e.length + 1, 0) > MAX_EXCLUDE_ARGS) excludes = [];
  const found = (await grepContextFiles(git, [base], excludes)).filter(f => !f.path.includes('\n') && !changed.has(f.path));
  const blobs = await readBlobs(
    git,
    found.map(f => `${base}:${f.path}`),
    name => atRevision(name, base)
  );
  return found.flatMap(f => withContent(f.path, blobs.get(`${base}:${f.path}`)));
}

/** The context of the sides of changed files that may hold it. */
async function readBothSides(git: Git, entries: readonly DiffEntry[]): Promise<ContextFiles> {
  const result: ContextFiles = { before: [], after: [] };
  await streamFiles(git, entries, file => {
    for (const side of ['before', 'after'] as const) {
      const content = file[side];
      if (content !== undefined && mayHoldContext(file.path, content)) {
        result[side].push([file.path, readContextFile(file.path, ownBytes(asBuffer(content)))]);
      }
    }
  });
  return result;
}

async function grepContextFiles(git: Git, revs: string[], excludes: string[] = []): Promise<GrepMatch[]> {
  try {
    return await git.grepFiles(CONTEXT_PATTERNS, revs, [...CONTEXT_PATHS, ...excludes]);
  } catch (e) {
    if (e instanceof GitError)
      throw new Error(`Could not search ${revs.join(' and ')} for Flux Kustomizations: ${e.stderr.trim()}`, { cause: e });
    throw e;
  }
}

/** `<path> at the base/head revision` for a `<rev>:<path>` name: for errors only. */
function atRevision(name: string, base: string): string {
  const colon = name.indexOf(':');
  return `${name.slice(colon + 1)} at the ${name.slice(0, colon) === base ? 'base' : 'head'} revision`;
}

function withContent(path: string, blob: Blob | undefined): [string, Buffer][] {
  return Buffer.isBuffer(blob) ? [[path, blob]] : [];
}
