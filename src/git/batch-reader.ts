import type { ChildProcess } from 'node:child_process';
// Synchronous reads: the output file is read a chunk at a time between turns of the event loop.
import { close, openSync, readSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { UserError } from '../core/index.js';
import { GitError } from './git-error.js';

/** Starts git with `args` in the repository, its standard output going to the file `stdout`. */
export type StartGit = (args: readonly string[], stdout: number) => ChildProcess;

const ARGS = ['cat-file', '--batch'] as const;

/**
 * Reads objects by name (`<sha>`, `<rev>:<path>`) with one `git cat-file --batch`, handing each to
 * `onObject` as soon as it has arrived, in the order asked, a few per turn of the event loop, so
 * callers never hold all of them at once and can work on each between reads. Contents larger
 * than `maxBytes` are skipped unread (`content` undefined, `size` set).
 */
export async function readObjects(
  start: StartGit,
  names: readonly string[],
  onObject: (object: BatchObject) => void,
  options: { maxBytes?: number } = {}
): Promise<void> {
  if (names.length === 0) return;
  // git prints into a file rather than a pipe: a pipe holds 64 KB, so git would wait whenever
  // the reader is busy for longer than git takes to print that much (well under a millisecond),
  // and the two would take turns. A file lets git print at its own pace while objects are read
  // at the reader's; unlinked at once, it leaves nothing behind.
  const out = openUnlinkedFile();
  try {
    const reader = new BatchReader(out, names, onObject, options.maxBytes ?? Infinity);
    await readBatchOutput(start(ARGS, out), ARGS, reader);
  } finally {
    // Closing frees the file's pages (as much as git printed): the kernel does that on a
    // worker thread of libuv's while the caller goes on.
    close(out, () => undefined);
  }
}

let outputFiles = 0;

/** A new empty file, open for reading and writing, whose name is already gone. */
function openUnlinkedFile(): number {
  const path = joinPath(tmpdir(), `gitops-rollback-${process.pid}-${outputFiles++}.out`);
  let fd: number;
  try {
    fd = openSync(path, 'wx+');
  } catch (e) {
    throw new UserError(
      `Could not create a temporary file in ${tmpdir()} (${(e as Error).message}). Expected a writable temporary folder: set TMPDIR to one.`
    );
  }
  unlinkSync(path);
  return fd;
}

/**
 * Runs `reader` over the file `child` (a `cat-file --batch`) prints into: the objects git has
 * printed, a few milliseconds' worth per turn of the event loop, and a look every millisecond
 * while git is behind. Settles once git has exited and every object was read.
 */
function readBatchOutput(child: ChildProcess, args: readonly string[], reader: BatchReader): Promise<void> {
  return new Promise((resolve, reject) => {
    const err: Buffer[] = [];
    let exitCode: number | undefined;
    let failed = false;
    const fail = (e: unknown): void => {
      failed = true;
      child.kill();
      reject(e);
    };
    const settle = (): void => {
      const stderr = Buffer.concat(err).toString('utf8');
      if (exitCode !== 0) reject(new GitError(args, exitCode!, stderr));
      else if (!reader.done) reject(new Error(`git cat-file --batch stopped after ${reader.read} of ${reader.names.length} objects.`));
      else resolve();
    };
    const step = (): void => {
      if (failed) return;
      // Whatever git printed before it exited is in the file: once it has, an object not all
      // there means the output ended early.
      const exited = exitCode !== undefined;
      try {
        if (handOutSome(reader)) {
          if (!reader.done) setImmediate(step);
          else if (exited) settle();
          return;
        }
      } catch (e) {
        fail(e);
        return;
      }
      if (exited) settle();
      else setTimeout(step, 1);
    };
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', e => fail(new Error(`Could not run git: ${e.message}. Is git installed and on PATH?`)));
    child.on('close', code => {
      exitCode = code ?? 1;
      if (reader.done && !failed) settle();
    });
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(`${reader.names.join('\n')}\n`);
    step();
  });
}

/**
 * Hands out the objects git has printed, for up to {@link TURN_MS} of one turn of the event loop
 * (other work, such as the output of other git processes, is served between turns); false when
 * git had not printed the next one yet.
 */
function handOutSome(reader: BatchReader): boolean {
  const until = performance.now() + TURN_MS;
  if (!reader.next()) return false;
  while (!reader.done && performance.now() < until && reader.next());
  return true;
}

/** How long one turn of the event loop hands out objects for. */
const TURN_MS = 2;

/** One object as `git cat-file --batch` printed it. */
export interface BatchObject {
  /** The name it was asked for. */
  name: string;
  /** `blob`, `tree`, ...; `missing` when the name does not resolve. */
  type: string;
  /** Size in bytes, -1 when missing. */
  size: number;
  /**
   * The contents; undefined when missing or larger than the limit asked for. Objects smaller than
   * {@link BATCH_CHUNK} are views into a buffer shared with the objects printed next to them:
   * a caller that keeps a small part of one for long should copy that part, or it keeps the
   * whole chunk alive.
   */
  content?: Buffer;
}

/** The output file is read in pieces of this size; objects within one are handed out as views of it. */
export const BATCH_CHUNK = 1024 * 1024;

/**
 * Parses the `cat-file --batch` output in `file` while git prints it: a `<oid> <type> <size>`
 * (or `<name> missing`) line, then `size` bytes and a newline. The file is read a chunk at a time
 * into buffers that are never written again once filled, so an object that lies within a chunk is
 * handed out as a view of it, without a copy; a larger one is read into a buffer of its own.
 */
class BatchReader {
  /** How many objects were handed out. */
  read = 0;
  /** Offset in the file of the next byte to parse. */
  private at = 0;
  /** The chunk being filled: bytes from file offset `chunkAt`, `chunkLength` of them read so far. */
  private chunk = Buffer.allocUnsafeSlow(0);
  private chunkAt = 0;
  private chunkLength = 0;
  /**
   * The object whose contents are being read. Its `content` is set from the start when it gets a
   * buffer of its own (`filled`: how many bytes of it are read), else once the chunk holds it all.
   */
  private current?: { object: BatchObject; filled: number };

  constructor(
    private readonly file: number,
    readonly names: readonly string[],
    private readonly onObject: (object: BatchObject) => void,
    private readonly maxBytes: number
  ) {}

  get done(): boolean {
    return this.read === this.names.length;
  }

  /** Hands out the next object if git has printed all of it; false when it has not yet. */
  next(): boolean {
    if (!this.current && !this.startObject()) return false;
    const current = this.current!;
    const { object } = current;
    if (object.content) {
      current.filled += this.copyOut(object.content, current.filled, this.at + current.filled);
      if (current.filled < object.size) return false;
    } else if (object.size >= 0 && object.size <= this.maxBytes) {
      if (!this.available(this.at + object.size)) return false;
      const from = this.at - this.chunkAt;
      object.content = this.chunk.subarray(from, from + object.size);
    }
    this.current = undefined;
    this.at += object.size + 1;
    this.read++;
    this.onObject(object);
    return true;
  }

  /** Reads the next header line; false when git has not printed all of it yet. */
  private startObject(): boolean {
    const eol = this.lineEnd();
    if (eol < 0) return false;
    const line = this.chunk.toString('utf8', this.at - this.chunkAt, eol - this.chunkAt);
    this.at = eol + 1;
    const name = this.names[this.read];
    if (name === undefined) throw new Error(`git cat-file --batch printed more objects than asked for ('${line}').`);
    const parts = line.split(' ');
    if (parts.length !== 3 || !/^\d+$/.test(parts[2])) {
      // A missing object has no contents, nor a newline after them.
      this.current = { object: { name, type: parts[parts.length - 1] || 'missing', size: -1 }, filled: 0 };
      return true;
    }
    const size = Number(parts[2]);
    const object: BatchObject = { name, type: parts[1], size };
    // Contents that do not fit in the rest of the chunk: a new chunk from here when they fit in
    // one, else a buffer of their own.
    if (size > BATCH_CHUNK && size <= this.maxBytes) object.content = Buffer.allocUnsafeSlow(size);
    else if (size <= this.maxBytes && this.at + size > this.chunkAt + this.chunk.length) this.newChunk();
    this.current = { object, filled: 0 };
    return true;
  }

  /** The file offset of the newline ending the line at `at`, -1 when git has not printed it yet. */
  private lineEnd(): number {
    const eol = this.eolInChunk();
    if (eol >= 0) return eol;
    // Read on as far as git has printed, into a new chunk when this one has too little room left.
    if (this.at < this.chunkAt || this.chunkAt + this.chunk.length - this.at < HEADER_MAX) this.newChunk();
    this.available(this.chunkAt + this.chunk.length);
    const found = this.eolInChunk();
    if (found < 0 && this.chunkAt + this.chunkLength - this.at >= HEADER_MAX) {
      throw new Error('git cat-file --batch printed an unexpected header line.');
    }
    return found;
  }

  private eolInChunk(): number {
    const from = this.at - this.chunkAt;
    if (from < 0 || from >= this.chunkLength) return -1;
    // Past `chunkLength` the chunk holds no output yet.
    const eol = this.chunk.indexOf(0x0a, from);
    return eol >= 0 && eol < this.chunkLength ? this.chunkAt + eol : -1;
  }

  /** Starts a new chunk at `at`; the old one stays as it is for the views handed out of it. */
  private newChunk(): void {
    this.chunk = Buffer.allocUnsafeSlow(BATCH_CHUNK);
    this.chunkAt = this.at;
    this.chunkLength = 0;
  }

  /** Reads into the chunk until it holds the file up to `end` (exclusive); false when git has not printed that far. */
  private available(end: number): boolean {
    const want = Math.min(end, this.chunkAt + this.chunk.length) - this.chunkAt;
    while (this.chunkLength < want) {
      const n = readSync(this.file, this.chunk, this.chunkLength, this.chunk.length - this.chunkLength, this.chunkAt + this.chunkLength);
      if (n === 0) return false;
      this.chunkLength += n;
    }
    return this.chunkAt + this.chunkLength >= end;
  }

  /**
   * Copies the file's bytes from `offset` on into `target` from `start` on, as far as git has
   * printed them: those the chunk holds, the rest from the file. Returns how many it copied.
   */
  private copyOut(target: Buffer, start: number, offset: number): number {
    const from = offset - this.chunkAt;
    let copied = from >= 0 && from < this.chunkLength ? this.chunk.copy(target, start, from, this.chunkLength) : 0;
    if (start + copied < target.length)
      copied += readSync(this.file, target, start + copied, target.length - start - copied, offset + copied);
    return copied;
  }
}

/** The longest header line git prints (`<oid> <type> <size>`, or a name asked for and `missing`). */
const HEADER_MAX = 64 * 1024;
