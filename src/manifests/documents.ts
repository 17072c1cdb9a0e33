/** Where one YAML document of a file lies: byte range and 1-based line of its first byte. */
export interface DocumentSpan {
  start: number;
  end: number;
  line: number;
}

const LF = 0x0a;

/**
 * Splits a file into its YAML documents at `---` and `...` marker lines without parsing, so each
 * document can be read (or skipped) on its own. A `---` line stays at the start of its document;
 * a `...` line belongs to none. Linear in the file size.
 */
export function splitDocuments(bytes: Uint8Array): DocumentSpan[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = hasBom(buf) ? 3 : 0;
  const dashes = new MarkerFinder(buf, '---', first);
  const dots = new MarkerFinder(buf, '...', first);
  const spans: DocumentSpan[] = [];
  let start = first;
  let line = 1; // line number of `start`
  for (;;) {
    const dash = dashes.next(start);
    const dot = dots.next(start);
    const marker = dash < 0 ? dot : dot < 0 ? dash : Math.min(dash, dot);
    if (marker < 0) break;
    const markerLine = line + countLines(buf, start, marker);
    if (marker > start) spans.push({ start, end: marker, line });
    if (marker === dash) {
      start = marker;
      line = markerLine;
    } else {
      const eol = buf.indexOf(LF, marker);
      start = eol < 0 ? buf.length : eol + 1;
      line = markerLine + 1;
    }
    if (marker === start) dashes.skip(marker);
  }
  if (start < buf.length) spans.push({ start, end: buf.length, line });
  return spans;
}

/** Finds marker lines in order; remembers its last hit so the whole file is scanned once. */
class MarkerFinder {
  private cached = -2;

  constructor(
    private readonly buf: Buffer,
    private readonly marker: string,
    private readonly first: number
  ) {}

  /** The first marker line starting at or after `from`, -1 when none. */
  next(from: number): number {
    if (this.cached === -1 || this.cached >= from) return this.cached;
    this.cached = this.search(from);
    return this.cached;
  }

  /** Forgets a marker that has been consumed but still starts the current document. */
  skip(at: number): void {
    this.cached = this.search(at + 1);
  }

  private search(from: number): number {
    const { buf, marker } = this;
    if (from <= this.first && startsMarker(buf, this.first, marker)) return this.first;
    for (let at = Math.max(from - 1, this.first); ; ) {
      const found = buf.indexOf(`\n${marker}`, at);
      if (found < 0) return -1;
      if (found + 1 >= from && startsMarker(buf, found + 1, marker)) return found + 1;
      at = found + 1;
    }
  }
}

function startsMarker(buf: Buffer, at: number, marker: string): boolean {
  if (buf.toString('latin1', at, at + 3) !== marker) return false;
  const end = at + 3;
  if (end >= buf.length) return true;
  const c = buf[end];
  return c === LF || c === 0x20 || c === 0x09 || c === 0x0d;
}

function hasBom(buf: Buffer): boolean {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}

function countLines(buf: Buffer, from: number, to: number): number {
  // Native search per line beats a JavaScript loop over every byte (2-3x on long documents).
  let n = 0;
  for (let i = buf.indexOf(LF, from); i >= 0 && i < to; i = buf.indexOf(LF, i + 1)) n++;
  return n;
}
