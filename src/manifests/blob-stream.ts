import type { BatchObject, DiffEntry, Git } from '../git/git.js';
import { UserError } from '../core/index.js';
import { LineScanner, type LargeScan } from './large-scan.js';
import { MAX_FILE_BYTES } from './manifest-file.js';
import type { FileChange } from './types.js';

/** A blob's contents, or its size when it is above the size limit (and, when scanned, what a line scan found). */
export type Blob = Buffer | { tooLarge: number; scan?: LargeScan };

export interface StreamOptions {
  /** Blobs above this size are not read whole (default {@link MAX_FILE_BYTES}). */
  maxBytes?: number;
  /** Scan blobs above `maxBytes` line by line as git prints them (see LineScanner). */
  scanLarge?: boolean;
}

/**
 * Reads the given changed files with one `git cat-file --batch`: `onFile` gets each one, in the
 * order given, as soon as both its sides are read, so a caller that keeps only what it needs never
 * holds every blob at once.
 */
export async function streamFiles(
  git: Git,
  entries: readonly DiffEntry[],
  onFile: (file: FileChange) => void,
  options: StreamOptions = {}
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
  const where = (name: string): string => sideOf(entries, name);
  // A large blob is scanned by a git of its own while the batch goes on, one at a time; the files
  // after it wait for its scan, so they are still handed out in order.
  let scans = Promise.resolve();
  await git.catFileBatch(
    [...uses.keys()],
    object => {
      const blob = toBlob(object, where);
      if (options.scanLarge && blob && !Buffer.isBuffer(blob)) {
        scans = scans.then(async () => {
          arrived.set(object.name, { ...blob, scan: await scanBlob(git, object.name) });
          handOut();
        });
        // Awaited once the batch is read; should the batch fail first, its error is the one reported.
        scans.catch(() => undefined);
        return;
      }
      arrived.set(object.name, blob);
      handOut();
    },
    { maxBytes: options.maxBytes ?? MAX_FILE_BYTES }
  );
  await scans;
  if (next < entries.length) throw new Error(`Could not read ${entries[next].path} at both revisions.`);
}

/** Scans a blob too large to read whole, a chunk at a time (memory stays bounded). */
async function scanBlob(git: Git, name: string): Promise<LargeScan> {
  const scanner = new LineScanner();
  try {
    await git.streamBlob(name, chunk => scanner.push(chunk));
  } catch (e) {
    scanner.fail(`git could not print it (${(e as Error).message.split('\n')[0]})`);
  }
  return scanner.end();
}

/**
 * Reads blobs by name with one `git cat-file --batch` (contents above the size limit are skipped).
 * `where(name)`: the file and revision a name stands for, in the error when git lacks it.
 */
export async function readBlobs(git: Git, names: string[], where: (name: string) => string): Promise<Map<string, Blob>> {
  const blobs = new Map<string, Blob>();
  await git.catFileBatch(
    names,
    object => {
      const blob = toBlob(object, where);
      if (blob) blobs.set(object.name, blob);
    },
    { maxBytes: MAX_FILE_BYTES }
  );
  return blobs;
}

/**
 * A blob's contents, its size when above the limit, or undefined for another type of object;
 * throws, naming `where(name)`, for an object git does not have.
 */
function toBlob(object: BatchObject, where: (name: string) => string): Blob | undefined {
  // Every name asked for is one git listed (the change, a tree, a search): a missing object is a
  // damaged or incomplete clone. Read as absent, it would be a deletion, or a Flux Kustomization
  // that is not there.
  if (object.type === 'missing') {
    throw new UserError(
      `Could not read ${where(object.name)}: git has no blob ${object.name}. Expected a complete clone; fetch the missing objects (git fetch --refetch) and run again.`
    );
  }
  if (object.type !== 'blob') return undefined;
  return object.content ?? { tooLarge: object.size };
}

function blobsOf(e: DiffEntry): string[] {
  return [e.oldBlob, e.newBlob].filter((b): b is string => b !== undefined);
}

function toFileChange(e: DiffEntry, blobs: Map<string, Blob | undefined>): FileChange {
  // Both sides from the start (undefined where absent): files of one shape.
  const change: FileChange = { path: e.path, before: undefined, after: undefined };
  for (const side of ['before', 'after'] as const) {
    const name = side === 'before' ? e.oldBlob : e.newBlob;
    const blob = name === undefined ? undefined : blobs.get(name);
    if (blob === undefined) continue;
    if (Buffer.isBuffer(blob)) change[side] = blob;
    else {
      change.tooLarge = { ...change.tooLarge, [side]: blob.tooLarge };
      if (blob.scan) change.scanned = { ...change.scanned, [side]: blob.scan };
    }
  }
  return change;
}

/** Which file, at which revision, a blob of the change is: for errors only. */
function sideOf(entries: readonly DiffEntry[], blob: string): string {
  const e = entries.find(x => x.oldBlob === blob || x.newBlob === blob);
  return e ? `${e.path} at the ${e.oldBlob === blob ? 'base' : 'head'} revision` : blob;
}
