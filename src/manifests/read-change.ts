import type { BatchObject, Git } from '../git/git.js';
import { isYamlPath, pathFilter } from './globs.js';
import { isKustomizeBuildFile } from './kustomize-build.js';
import { asBuffer, MAX_FILE_BYTES, ownBytes } from './manifest-file.js';
import { isFluxKustomization, readContextFile, revisionContextFromFiles } from './revision-context.js';
import type { Resource, RevisionContext } from './types.js';

/** A changed file's contents at both revisions (absent where the file does not exist). */
export interface FileChange {
  path: string;
  before?: Uint8Array | string;
  after?: Uint8Array | string;
  /** Sizes of sides not read because they exceed the size limit. */
  tooLarge?: { before?: number; after?: number };
}

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

export interface DiffEntry {
  path: string;
  oldBlob?: string;
  newBlob?: string;
}

const ZERO = /^0+$/;
const FLUX_GROUP = 'kustomize.toolkit.fluxcd.io';
const CONTEXT_PATTERNS = ['-e', FLUX_GROUP, '-e', 'patches'];
const CONTEXT_PATHS = ['*.yaml', '*.yml', '*Kustomization'];

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

/** Every changed path of `base..head` (commit shas), and those among them that get checked. */
export interface ChangeListing {
  all: DiffEntry[];
  /** The `.yaml`/`.yml` files kept by the filter, in path order. */
  checked: DiffEntry[];
}

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
  const prefetch = { base, head, changes: changedFiles(git, base, head), baseTree: listTree(git, base) };
  // A failure is reported where the listing is used (and not at all when it never is).
  prefetch.changes.catch(() => undefined);
  prefetch.baseTree.catch(() => undefined);
  return prefetch;
}

/**
 * Lists the changes of `base..head` (commit shas) without reading any blob; `changes`: the
 * `git diff --raw` of exactly that range, already under way.
 */
export async function listChange(
  git: Git,
  base: string,
  head: string,
  filter: ChangeFilter = {},
  changes?: Promise<DiffEntry[]>
): Promise<ChangeListing> {
  const keep = pathFilter(filter.paths, filter.exclude);
  const all = await (changes ?? changedFiles(git, base, head));
  return { all, checked: all.filter(e => isYamlPath(e.path) && keep(e.path)) };
}

/**
 * Reads the given changed files with one `cat-file --batch`, handing each out as in
 * {@link forEachChangedFile}. `appendix`: further objects read by the same git after the files.
 */
export async function streamFiles(
  git: Git,
  entries: readonly DiffEntry[],
  onFile: (file: FileChange) => void,
  appendix?: BatchAppendix
): Promise<void> {
  // A blob shared by several files is read once and kept until the last of them is handed out.
  const uses = new Map<string, number>();
  // Each file's blobs, listed once: the next file is looked at each time an object arrives.
  const blobs = entries.map(blobsOf);
  for (const names of blobs) for (const name of names) uses.set(name, (uses.get(name) ?? 0) + 1);
  const arrived = new Map<string, Blob | undefined>();
  let next = 0;
  const handOut = (): void => {
    for (; next < entries.length && blobs[next].every(n => arrived.has(n)); next++) {
      onFile(toFileChange(entries[next], arrived));
      for (const name of blobs[next]) {
        const left = uses.get(name)! - 1;
        uses.set(name, left);
        if (left === 0) arrived.delete(name);
      }
    }
  };
  handOut();
  const names = [...uses.keys()];
  const where = (name: string): string => sideOf(entries, name);
  let count = 0;
  try {
    await git.catFileBatch(names, object => {
      if (count++ >= names.length) {
        appendix!.arrived(object);
        return;
      }
      arrived.set(object.name, toBlob(object, where));
      handOut();
    }, { maxBytes: MAX_FILE_BYTES, more: appendix?.names });
  } catch (e) {
    appendix?.failed(e);
    throw e;
  }
  if (next < entries.length) throw new Error(`Could not read ${entries[next].path} at both revisions.`);
}

/**
 * Objects to read after a change's files in the same `git cat-file --batch` ({@link streamFiles}):
 * the names are given once known ({@link read}), or none ({@link skip}), and must be, as git
 * waits for them. Read by the git that has just read the change, objects cost it less: the bases
 * of their deltas are mostly in its cache already.
 */
export class BatchAppendix {
  readonly names: Promise<readonly string[]>;
  private give!: (names: readonly string[]) => void;
  private asked = false;
  private readonly blobs = new Map<string, Blob>();
  private left = 0;
  private settle?: { resolve: (blobs: Map<string, Blob>) => void; reject: (e: unknown) => void };
  private error?: { e: unknown };
  private where: (name: string) => string = name => name;

  constructor() {
    this.names = new Promise(resolve => (this.give = resolve));
  }

  /**
   * Asks for `names` (once); resolves with those that are blobs when all have arrived. `where`:
   * the file and revision a name stands for, in the error when git lacks it.
   */
  read(names: readonly string[], where: (name: string) => string): Promise<Map<string, Blob>> {
    if (this.asked) throw new Error('The appendix of a batch is asked for once.');
    this.asked = true;
    this.where = where;
    this.left = names.length;
    this.give(names);
    if (this.error) return Promise.reject(this.error.e);
    if (this.left === 0) return Promise.resolve(this.blobs);
    return new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  /** Asks for nothing, if nothing was asked for yet. */
  skip(): void {
    if (this.asked) return;
    this.asked = true;
    this.give([]);
  }

  arrived(object: BatchObject): void {
    const blob = toBlob(object, this.where);
    // Views of the batch's shared chunks: copied unless most of one, so they do not keep it alive.
    if (blob) this.blobs.set(object.name, Buffer.isBuffer(blob) ? ownBytes(blob) : blob);
    if (--this.left === 0) this.settle?.resolve(this.blobs);
  }

  failed(e: unknown): void {
    this.error = { e };
    this.settle?.reject(e);
  }
}

/**
 * Builds the Flux Kustomizations and patch files of both revisions without searching the whole
 * tree twice: a file that did not change is the same at both, so only the unchanged files are
 * searched (at `base`), the checked files are taken as they stream past ({@link add}), and the
 * few other changed files (filtered out, or build files named `Kustomization`) are read at both
 * revisions. The result equals {@link readRevisionContexts}.
 */
export class ContextReader {
  private readonly streamed: { before: [string, Buffer][]; after: [string, Buffer][] } = { before: [], after: [] };

  constructor(private readonly listing: ChangeListing) {}

  /**
   * Keeps the sides of a checked file that may hold a Flux Kustomization or patch references, and
   * reads their context at once (see {@link readContextFile}): a caller adding files as git prints
   * them would otherwise wait for git, and {@link contexts} then finds it done.
   * `read`: the objects already read from each side, if they were: a side then counts when it
   * holds a Flux Kustomization (a build file still when it mentions patches), with no search of
   * its bytes and no second reading. The context is the same: a file that only mentions the group
   * contributes nothing.
   */
  add(file: FileChange, read?: { before?: { resources: readonly Resource[] }; after?: { resources: readonly Resource[] } }): void {
    if (!isContextPath(file.path)) return;
    const buildFile = isKustomizeBuildFile(file.path);
    for (const side of ['before', 'after'] as const) {
      const content = file[side];
      if (content === undefined) continue;
      const resources = buildFile ? undefined : read?.[side]?.resources;
      const keep = resources ? resources.some(isFluxKustomization) : mayHoldContext(file.path, content);
      if (!keep) continue;
      const bytes = ownBytes(asBuffer(content));
      this.streamed[side].push([file.path, bytes]);
      readContextFile(file.path, bytes, resources);
    }
  }

  /**
   * Starts reading what does not stream past: call early, it runs in git meanwhile. The unchanged
   * files are read and searched here when they hold at most `maxReadBytes` (sizes from the tree
   * listing), which takes git less than a `git grep` excluding every changed path; beyond that,
   * git searches them. `baseTree`: that listing of `base`, already under way. `appendix`: the
   * batch reading the change's files, to read the unchanged ones after them (pass it to
   * {@link streamFiles} too), instead of a `git cat-file` of their own.
   */
  readOthers(
    git: Git,
    base: string,
    options: { maxReadBytes?: number; baseTree?: Promise<TreeEntry[]>; appendix?: BatchAppendix } = {}
  ): Promise<OtherFiles> {
    const { maxReadBytes = MAX_CONTEXT_READ_BYTES, baseTree, appendix } = options;
    const changed = new Set(this.listing.all.map(e => e.path));
    const checked = new Set(this.listing.checked.map(e => e.path));
    const others = this.listing.all.filter(e => !checked.has(e.path) && isContextPath(e.path));
    const unchanged = unchangedContextFiles(git, base, changed, maxReadBytes, baseTree, appendix);
    // Whatever happens to the search, the batch must not wait for names that never come.
    if (appendix) void unchanged.finally(() => appendix.skip()).catch(() => undefined);
    return Promise.all([unchanged, readBothSides(git, others)]).then(([unchanged, changedOthers]) => ({
      before: [...unchanged, ...changedOthers.before],
      after: [...unchanged, ...changedOthers.after]
    }));
  }

  /** Both contexts, once every checked file has been added. */
  contexts(others: OtherFiles): { before: RevisionContext; after: RevisionContext } {
    const at = (side: 'before' | 'after'): RevisionContext => revisionContextFromFiles(byPath([...others[side], ...this.streamed[side]]));
    return { before: at('before'), after: at('after') };
  }
}

type OtherFiles = { before: [string, Buffer][]; after: [string, Buffer][] };

/** The paths the context search looks at: those the `git grep` pathspecs match. */
function isContextPath(path: string): boolean {
  return !path.includes('\n') && (path.endsWith('.yaml') || path.endsWith('.yml') || path.endsWith('Kustomization'));
}

/** Whether a file may hold the context: text with the pattern its kind of file needs. */
function mayHoldContext(path: string, content: Uint8Array | string): boolean {
  const bytes = asBuffer(content);
  return isGrepText(bytes) && bytes.indexOf(isKustomizeBuildFile(path) ? 'patches' : FLUX_GROUP) >= 0;
}

/** Text as `git grep -I` sees it: no NUL in the first 8000 bytes. */
function isGrepText(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).indexOf(0) < 0;
}

/** Sorted by path as git lists them (byte order), which is the order the whole-tree search gives. */
function byPath(files: [string, Buffer][]): [string, Buffer][] {
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
  listed?: Promise<TreeEntry[]>,
  appendix?: BatchAppendix
): Promise<[string, Buffer][]> {
  const tree = await (listed ?? listTree(git, base));
  // Like git grep on a tree: regular files only (no symlinks, no submodules).
  const candidates = tree.filter(e => e.type === 'blob' && e.mode !== '120000' && isContextPath(e.path) && !changed.has(e.path));
  if (candidates.reduce((n, e) => n + e.size, 0) > maxReadBytes) {
    appendix?.skip();
    return grepUnchanged(git, base, changed);
  }
  const names = [...new Set(candidates.map(e => e.oid))];
  const where = (oid: string): string => `${candidates.find(e => e.oid === oid)?.path ?? oid} at the base revision`;
  const blobs = await (appendix ? appendix.read(names, where) : readBlobs(git, names, where));
  return candidates.flatMap(e => {
    const blob = blobs.get(e.oid);
    return Buffer.isBuffer(blob) && grepWouldFind(blob) ? [[e.path, blob] as [string, Buffer]] : [];
  });
}

/** What `git grep -I` with the context patterns finds: text with either pattern. */
function grepWouldFind(bytes: Buffer): boolean {
  return isGrepText(bytes) && (bytes.indexOf(FLUX_GROUP) >= 0 || bytes.indexOf('patches') >= 0);
}

export interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  /** Bytes; 0 for anything but a blob. */
  size: number;
  path: string;
}

/** Every file of a commit's tree, with its size (`git ls-tree -r -l`). */
async function listTree(git: Git, rev: string): Promise<TreeEntry[]> {
  const { stdout } = await git.exec(['ls-tree', '-r', '-l', '-z', '--full-tree', rev]);
  const entries: TreeEntry[] = [];
  for (const record of stdout.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    entries.push({ mode, type, oid, size: Number(size) || 0, path: record.slice(tab + 1) });
  }
  return entries;
}

/** Context files among the files `base..head` does not change, found by `git grep` at `base`. */
async function grepUnchanged(git: Git, base: string, changed: ReadonlySet<string>): Promise<[string, Buffer][]> {
  let excludes = [...changed].filter(isContextPath).map(p => `:(exclude,literal,top)${p}`);
  if (excludes.reduce((n, e) => n + e.length + 1, 0) > MAX_EXCLUDE_ARGS) excludes = [];
  const found = (await grepContextFiles(git, [base], excludes)).filter(f => !f.path.includes('\n') && !changed.has(f.path));
  const blobs = await readBlobs(git, found.map(f => `${base}:${f.path}`), name => atRevision(name, base));
  return found.flatMap(f => withContent(f.path, blobs.get(`${base}:${f.path}`)));
}

async function readBothSides(git: Git, entries: readonly DiffEntry[]): Promise<OtherFiles> {
  const result: OtherFiles = { before: [], after: [] };
  await streamFiles(git, entries, file => {
    for (const side of ['before', 'after'] as const) {
      const content = file[side];
      if (content !== undefined && mayHoldContext(file.path, content)) result[side].push([file.path, ownBytes(asBuffer(content))]);
    }
  });
  return result;
}

/** A blob name from `git diff --raw`, undefined for the all-zero name of a side that does not exist. */
function blobName(oid: string): string | undefined {
  return ZERO.test(oid) ? undefined : oid;
}

function blobsOf(e: DiffEntry): string[] {
  return [e.oldBlob, e.newBlob].filter((b): b is string => b !== undefined);
}

/** Flux Kustomizations and kustomize patch files of both revisions (commit shas), whole tree. */
export async function readRevisionContexts(git: Git, base: string, head: string): Promise<{ before: RevisionContext; after: RevisionContext }> {
  const found = (await grepContextFiles(git, base === head ? [base] : [base, head])).filter(f => !f.path.includes('\n'));
  const blobs = await readBlobs(git, found.map(f => `${f.rev}:${f.path}`), name => atRevision(name, base));
  const at = (rev: string): RevisionContext =>
    revisionContextFromFiles(found.filter(f => f.rev === rev).flatMap(f => withContent(f.path, blobs.get(`${f.rev}:${f.path}`))));
  return { before: at(base), after: at(head) };
}

async function changedFiles(git: Git, base: string, head: string): Promise<DiffEntry[]> {
  const { stdout } = await git.exec(['diff', '--raw', '-z', '--no-renames', '--no-abbrev', '--no-ext-diff', base, head, '--']);
  return parseRawDiff(stdout);
}

/**
 * The entries of `git diff --raw -z` output: `:<old mode> <new mode> <old blob> <new blob>
 * <status>` and the path, each ended by a NUL. Read by position, without splitting: it runs
 * once, before git reads anything, so it runs cold.
 */
function parseRawDiff(out: string): DiffEntry[] {
  const entries: DiffEntry[] = [];
  for (let at = 0; at < out.length; ) {
    const meta = out.indexOf('\0', at);
    const end = meta < 0 ? -1 : out.indexOf('\0', meta + 1);
    if (end < 0) break;
    // Where each field starts: the new mode, the old blob, the new blob, the status.
    const newModeAt = out.indexOf(' ', at) + 1;
    const oldBlobAt = out.indexOf(' ', newModeAt) + 1;
    const newBlobAt = out.indexOf(' ', oldBlobAt) + 1;
    const statusAt = out.indexOf(' ', newBlobAt) + 1;
    // Submodules (mode 160000) have no blob to read.
    if (!out.startsWith(':160000 ', at) && !out.startsWith('160000 ', newModeAt)) {
      entries.push({
        path: out.slice(meta + 1, end),
        oldBlob: blobName(out.slice(oldBlobAt, newBlobAt - 1)),
        newBlob: blobName(out.slice(newBlobAt, statusAt - 1))
      });
    }
    at = end + 1;
  }
  return entries;
}

async function grepContextFiles(git: Git, revs: string[], excludes: string[] = []): Promise<{ rev: string; path: string }[]> {
  const r = await git.exec(['grep', '-l', '-z', '-I', '--full-name', ...CONTEXT_PATTERNS, ...revs, '--', ...CONTEXT_PATHS, ...excludes], {
    allowFailure: true
  });
  if (r.exitCode > 1) throw new Error(`Could not search ${revs.join(' and ')} for Flux Kustomizations: ${r.stderr.trim()}`);
  return r.stdout
    .split('\0')
    .filter(Boolean)
    .map(line => {
      const colon = line.indexOf(':');
      return { rev: line.slice(0, colon), path: line.slice(colon + 1) };
    });
}

type Blob = Buffer | { tooLarge: number };

/**
 * A blob's contents, its size when above the limit, or undefined for another type of object;
 * throws, naming `where(name)`, for an object git does not have.
 */
function toBlob(object: BatchObject, where: (name: string) => string): Blob | undefined {
  // Every name asked for is one git listed (the change, a tree, a search): a missing object is a
  // damaged or incomplete clone. Read as absent, it would be a deletion, or a Flux Kustomization
  // that is not there.
  if (object.type === 'missing') {
    throw new Error(`Could not read ${where(object.name)}: git has no blob ${object.name}. Expected a complete clone; fetch the missing objects (git fetch --refetch) and run again.`);
  }
  if (object.type !== 'blob') return undefined;
  return object.content ?? { tooLarge: object.size };
}

/** Reads objects by name with one `cat-file --batch` (contents above the size limit are skipped). */
async function readBlobs(git: Git, names: string[], where: (name: string) => string): Promise<Map<string, Blob>> {
  const blobs = new Map<string, Blob>();
  await git.catFileBatch(names, object => {
    const blob = toBlob(object, where);
    if (blob) blobs.set(object.name, blob);
  }, { maxBytes: MAX_FILE_BYTES });
  return blobs;
}

function toFileChange(e: DiffEntry, blobs: Map<string, Blob | undefined>): FileChange {
  // Both sides from the start (undefined where absent): files of one shape.
  const change: FileChange = { path: e.path, before: undefined, after: undefined };
  for (const side of ['before', 'after'] as const) {
    const name = side === 'before' ? e.oldBlob : e.newBlob;
    const blob = name === undefined ? undefined : blobs.get(name);
    if (blob === undefined) continue;
    if (Buffer.isBuffer(blob)) change[side] = blob;
    else change.tooLarge = { ...change.tooLarge, [side]: blob.tooLarge };
  }
  return change;
}

/** Which file, at which revision, a blob of the change is: for errors only. */
function sideOf(entries: readonly DiffEntry[], blob: string): string {
  const e = entries.find(x => x.oldBlob === blob || x.newBlob === blob);
  return e ? `${e.path} at the ${e.oldBlob === blob ? 'base' : 'head'} revision` : blob;
}

/** `<path> at the base/head revision` for a `<rev>:<path>` name: for errors only. */
function atRevision(name: string, base: string): string {
  const colon = name.indexOf(':');
  return `${name.slice(colon + 1)} at the ${name.slice(0, colon) === base ? 'base' : 'head'} revision`;
}

function withContent(path: string, blob: Blob | undefined): [string, Buffer][] {
  return Buffer.isBuffer(blob) ? [[path, blob]] : [];
}
