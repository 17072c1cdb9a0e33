// Parsers of the listings git prints with `-z` (paths as they are, NUL-ended): changed paths,
// trees and the files a search finds.

/** A path `git diff --raw` lists, with its blob at each side (undefined where it does not exist). */
export interface DiffEntry {
  path: string;
  oldBlob?: string;
  newBlob?: string;
}

/** One entry of `git ls-tree -r -l`. */
export interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  /** Bytes; 0 for anything but a blob. */
  size: number;
  path: string;
}

/**
 * One path whose entry differs between two trees (`git diff-tree -r --raw`), every kind of entry
 * included: files, executables, symbolic links and submodules. A side where the path does not
 * exist has no mode and no object.
 */
export interface TreeChange {
  path: string;
  /** `100644`, `100755`, `120000` (symbolic link), `160000` (submodule) */
  oldMode?: string;
  newMode?: string;
  oldOid?: string;
  newOid?: string;
}

/** A file `git grep -l` found, at the revision it was searched in. */
export interface GrepMatch {
  rev: string;
  path: string;
}

const ZERO = /^0+$/;

/**
 * The entries of `git diff --raw -z` output: `:<old mode> <new mode> <old blob> <new blob>
 * <status>` and the path, each ended by a NUL. Submodules (mode 160000), which have no blob, are
 * left out. Read by position, without splitting: it runs once, before git reads anything, so it
 * runs cold.
 */
export function parseRawDiff(out: string): DiffEntry[] {
  const entries: DiffEntry[] = [];
  for (let at = 0; at < out.length;) {
    const meta = out.indexOf('\0', at);
    const end = meta < 0 ? -1 : out.indexOf('\0', meta + 1);
    if (end < 0) break;
    // Where each field starts: the new mode, the old blob, the new blob, the status.
    const newModeAt = out.indexOf(' ', at) + 1;
    const oldBlobAt = out.indexOf(' ', newModeAt) + 1;
    const newBlobAt = out.indexOf(' ', oldBlobAt) + 1;
    const statusAt = out.indexOf(' ', newBlobAt) + 1;
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

/**
 * The entries of `git diff-tree -r --raw -z --no-renames` output: `:<old mode> <new mode> <old oid>
 * <new oid> <status>` and the path, each ended by a NUL; the all-zero mode and oid of a side
 * where the path does not exist become undefined. Unlike {@link parseRawDiff}, submodules are kept.
 */
export function parseTreeChanges(out: string): TreeChange[] {
  const fields = out.split('\0');
  const changes: TreeChange[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const meta = fields[i];
    if (!meta.startsWith(':')) break;
    const [oldMode, newMode, oldOid, newOid] = meta.slice(1).split(' ');
    changes.push({
      path: fields[i + 1],
      oldMode: ZERO.test(oldMode) ? undefined : oldMode,
      newMode: ZERO.test(newMode) ? undefined : newMode,
      oldOid: blobName(oldOid),
      newOid: blobName(newOid)
    });
  }
  return changes;
}

/** A blob name from `git diff --raw`, undefined for the all-zero name of a side that does not exist. */
function blobName(oid: string): string | undefined {
  return ZERO.test(oid) ? undefined : oid;
}

/** The entries of `git ls-tree -r -l -z` output: `<mode> <type> <oid> <size>`, a tab and the path. */
export function parseTree(out: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    entries.push({ mode, type, oid, size: Number(size) || 0, path: record.slice(tab + 1) });
  }
  return entries;
}

/** The files of `git grep -l -z` output over revisions: `<rev>:<path>`, each ended by a NUL. */
export function parseGrepFiles(out: string): GrepMatch[] {
  return out
    .split('\0')
    .filter(Boolean)
    .map(line => {
      const colon = line.indexOf(':');
      return { rev: line.slice(0, colon), path: line.slice(colon + 1) };
    });
}
