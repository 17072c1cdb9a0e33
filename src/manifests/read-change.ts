import type { BatchObject, Git } from '../git/git.js';
import { isYamlPath, pathFilter } from './globs.js';
import { MAX_FILE_BYTES } from './manifest-file.js';
import { revisionContextFromFiles } from './revision-context.js';
import type { RevisionContext } from './types.js';

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

interface DiffEntry {
  path: string;
  oldBlob?: string;
  newBlob?: string;
}

const ZERO = /^0+$/;
const CONTEXT_PATTERNS = ['-e', 'kustomize.toolkit.fluxcd.io', '-e', 'patches'];
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
  const keep = pathFilter(filter.paths, filter.exclude);
  const entries = (await changedFiles(git, base, head)).filter(e => isYamlPath(e.path) && keep(e.path));
  // A blob shared by several files is read once and kept until the last of them is handed out.
  const uses = new Map<string, number>();
  for (const e of entries) for (const name of blobsOf(e)) uses.set(name, (uses.get(name) ?? 0) + 1);
  const arrived = new Map<string, Blob | undefined>();
  let next = 0;
  const handOut = (): void => {
    for (; next < entries.length && blobsOf(entries[next]).every(n => arrived.has(n)); next++) {
      const entry = entries[next];
      onFile(toFileChange(entry, arrived));
      for (const name of blobsOf(entry)) {
        const left = uses.get(name)! - 1;
        uses.set(name, left);
        if (left === 0) arrived.delete(name);
      }
    }
  };
  handOut();
  await git.catFileBatch([...uses.keys()], object => {
    arrived.set(object.name, toBlob(object));
    handOut();
  }, { maxBytes: MAX_FILE_BYTES });
  if (next < entries.length) throw new Error(`Could not read ${entries[next].path} at both revisions.`);
  return entries.length;
}

function blobsOf(e: DiffEntry): string[] {
  return [e.oldBlob, e.newBlob].filter((b): b is string => b !== undefined);
}

/** Flux Kustomizations and kustomize patch files of both revisions (commit shas), whole tree. */
export async function readRevisionContexts(git: Git, base: string, head: string): Promise<{ before: RevisionContext; after: RevisionContext }> {
  const found = (await grepContextFiles(git, base, head)).filter(f => !f.path.includes('\n'));
  const blobs = await readBlobs(git, found.map(f => `${f.rev}:${f.path}`));
  const at = (rev: string): RevisionContext =>
    revisionContextFromFiles(found.filter(f => f.rev === rev).flatMap(f => withContent(f.path, blobs.get(`${f.rev}:${f.path}`))));
  return { before: at(base), after: at(head) };
}

async function changedFiles(git: Git, base: string, head: string): Promise<DiffEntry[]> {
  const { stdout } = await git.exec(['diff', '--raw', '-z', '--no-renames', '--no-abbrev', '--no-ext-diff', base, head, '--']);
  const fields = stdout.split('\0');
  const entries: DiffEntry[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [oldMode, newMode, oldBlob, newBlob] = fields[i].replace(/^:/, '').split(' ');
    // Submodules (mode 160000) have no blob to read.
    if (oldMode === '160000' || newMode === '160000') continue;
    entries.push({
      path: fields[i + 1],
      oldBlob: ZERO.test(oldBlob) ? undefined : oldBlob,
      newBlob: ZERO.test(newBlob) ? undefined : newBlob
    });
  }
  return entries;
}

async function grepContextFiles(git: Git, base: string, head: string): Promise<{ rev: string; path: string }[]> {
  const revs = base === head ? [base] : [base, head];
  const r = await git.exec(['grep', '-l', '-z', '-I', '--full-name', ...CONTEXT_PATTERNS, ...revs, '--', ...CONTEXT_PATHS], {
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

/** A blob's contents, its size when above the limit, or undefined for anything but a blob. */
function toBlob(object: BatchObject): Blob | undefined {
  if (object.type !== 'blob') return undefined;
  return object.content ?? { tooLarge: object.size };
}

/** Reads objects by name with one `cat-file --batch` (contents above the size limit are skipped). */
async function readBlobs(git: Git, names: string[]): Promise<Map<string, Blob>> {
  const blobs = new Map<string, Blob>();
  await git.catFileBatch(names, object => {
    const blob = toBlob(object);
    if (blob) blobs.set(object.name, blob);
  }, { maxBytes: MAX_FILE_BYTES });
  return blobs;
}

function toFileChange(e: DiffEntry, blobs: Map<string, Blob | undefined>): FileChange {
  const change: FileChange = { path: e.path };
  for (const side of ['before', 'after'] as const) {
    const name = side === 'before' ? e.oldBlob : e.newBlob;
    const blob = name === undefined ? undefined : blobs.get(name);
    if (blob === undefined) continue;
    if (Buffer.isBuffer(blob)) change[side] = blob;
    else change.tooLarge = { ...change.tooLarge, [side]: blob.tooLarge };
  }
  return change;
}

function withContent(path: string, blob: Blob | undefined): [string, Buffer][] {
  return Buffer.isBuffer(blob) ? [[path, blob]] : [];
}
