import { keyLine, simpleScalar } from './block-scan.js';

/** What a line scan tells of one document of a file too large to read whole. */
export interface ScannedDocument {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  /** 1-based line of the document's first line of content. */
  line: number;
  /** Its top-level keys (at most {@link MAX_SCANNED_KEYS}). */
  keys: string[];
}

/** What a line scan found in a file too large to read whole. */
export interface LargeScan {
  documents: ScannedDocument[];
  /** Every kind named by a `kind:` entry, at any depth and in any style (at most {@link MAX_SCANNED_KINDS}). */
  kinds: Set<string>;
  /** Why the scan gave up, when it did: nothing it found can then be taken as complete. */
  failed?: string;
}

/** Only this much of a line is looked at: a header line is short, the rest of a long one is data. */
export const MAX_SCANNED_LINE = 4096;
/** Documents a scan records before it gives up. */
export const MAX_SCANNED_DOCUMENTS = 100_000;
const MAX_SCANNED_KINDS = 1000;
const MAX_SCANNED_KEYS = 100;

// `kind: X` anywhere on a line: block, flow (`{kind: X}`) and JSON (`"kind": "X"`) style alike.
const KIND_MENTION = /(?:^|[\s{,"'])kind["']?[ \t]*:[ \t]*["']?([A-Za-z][A-Za-z0-9]*)/g;

/**
 * Scans a file line by line as its bytes arrive, for each document's `apiVersion`, `kind` and
 * `metadata` name and namespace (top-level block style, documents split at `---`) and every kind
 * it mentions. Memory stays bounded whatever the file's size: at most
 * {@link MAX_SCANNED_LINE} bytes of a line are kept, and a bounded number of documents.
 */
export class LineScanner {
  private readonly scan: LargeScan = { documents: [], kinds: new Set() };
  private doc?: ScannedDocument;
  private line = 0;
  /** The start of the line being read (at most MAX_SCANNED_LINE bytes of it). */
  private partial: Buffer[] = [];
  private partialLength = 0;
  /** Inside the top-level `metadata` mapping; its entries' indent once known (-1 before). */
  private inMetadata = false;
  private metadataIndent = -1;

  /** Reads the next bytes of the file. */
  push(chunk: Buffer): void {
    if (this.scan.failed) return;
    if (chunk.indexOf(0) >= 0) {
      this.scan.failed = 'it is binary';
      return;
    }
    let at = 0;
    for (let eol = chunk.indexOf(0x0a); eol >= 0; eol = chunk.indexOf(0x0a, at)) {
      this.keep(chunk.subarray(at, eol));
      this.endLine();
      at = eol + 1;
    }
    this.keep(chunk.subarray(at));
  }

  /** Ends the file and returns what was found. */
  end(): LargeScan {
    if (this.partialLength > 0) this.endLine();
    if (this.doc && !this.scan.failed) this.finishDocument();
    return this.scan;
  }

  /** Gives up: the scan cannot be trusted (git failed to print the file, for one). */
  fail(reason: string): void {
    this.scan.failed ??= reason;
  }

  private keep(part: Buffer): void {
    const room = MAX_SCANNED_LINE - this.partialLength;
    if (room <= 0 || part.length === 0) return;
    const kept = Buffer.from(part.subarray(0, room));
    this.partial.push(kept);
    this.partialLength += kept.length;
  }

  private endLine(): void {
    const text = Buffer.concat(this.partial, this.partialLength).toString('latin1').replace(/\r$/, '');
    this.partial = [];
    this.partialLength = 0;
    this.line++;
    if (this.scan.failed) return;
    this.readLine(text);
  }

  private readLine(text: string): void {
    if (/^(?:---|\.\.\.)(?:[ \t].*)?$/.test(text)) {
      if (this.doc) this.finishDocument();
      if (text.startsWith('---')) this.startDocument();
      return;
    }
    if (text.includes('kind')) {
      for (const m of text.matchAll(KIND_MENTION)) if (this.scan.kinds.size < MAX_SCANNED_KINDS) this.scan.kinds.add(m[1]);
    }
    if (/^[ \t]*(?:#|$)/.test(text)) return;
    if (!this.doc) this.startDocument();
    const doc = this.doc!;
    // The object starts at its first line of content, as the reader of whole files says.
    if (doc.line === 0) doc.line = this.line;
    if (text.charCodeAt(0) !== 0x20) {
      this.inMetadata = false;
      const entry = keyLine(text);
      if (!entry) return;
      if (doc.keys.length < MAX_SCANNED_KEYS && !doc.keys.includes(entry.key)) doc.keys.push(entry.key);
      if (entry.key === 'apiVersion') doc.apiVersion = simpleScalar(entry.inline);
      else if (entry.key === 'kind') doc.kind = simpleScalar(entry.inline);
      else if (entry.key === 'metadata' && entry.inline === '') [this.inMetadata, this.metadataIndent] = [true, -1];
      return;
    }
    if (!this.inMetadata) return;
    const indent = text.length - text.trimStart().length;
    if (this.metadataIndent < 0) this.metadataIndent = indent;
    if (indent !== this.metadataIndent) return;
    const entry = keyLine(text.slice(indent));
    if (entry?.key === 'name') doc.name = simpleScalar(entry.inline);
    else if (entry?.key === 'namespace') doc.namespace = simpleScalar(entry.inline);
  }

  private startDocument(): void {
    this.doc = { line: 0, keys: [] };
    this.inMetadata = false;
  }

  private finishDocument(): void {
    const doc = this.doc!;
    this.doc = undefined;
    if (doc.keys.length === 0) return;
    if (this.scan.documents.length >= MAX_SCANNED_DOCUMENTS) {
      this.scan.failed = `it holds more than ${MAX_SCANNED_DOCUMENTS} documents`;
      return;
    }
    this.scan.documents.push(doc);
  }
}

/** {@link LineScanner} over bytes already in memory. */
export function scanBytes(bytes: Buffer): LargeScan {
  const scanner = new LineScanner();
  // In pieces, so that a line is never copied whole.
  for (let at = 0; at < bytes.length; at += 1024 * 1024) scanner.push(bytes.subarray(at, at + 1024 * 1024));
  return scanner.end();
}
