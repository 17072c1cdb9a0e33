/** Where one YAML document of a file lies: byte range and 1-based line of its first byte. */
export interface DocumentSpan {
  start: number;
  end: number;
  line: number;
}

/** A document and where its lines that may hold top-level keys start. */
export interface ScannedDocument extends DocumentSpan {
  /**
   * Offsets (like `start`) of the document's lines whose first character is neither a space nor
   * a line break, in order: its top-level keys, comments and stray lines in column 0.
   */
  topLines: number[];
}

const LF = 0x0a;
const SPACE = 0x20;
const DASH = 0x2d;
const DOT = 0x2e;
const PERCENT = 0x25;
const HASH = 0x23;
const CR = 0x0d;

/**
 * Splits a file into its YAML documents at `---` and `...` marker lines without parsing, so each
 * document can be read (or skipped) on its own. A `---` line stays at the start of its document;
 * a `...` line belongs to none. Linear in the file size.
 */
export function splitDocuments(bytes: Uint8Array): DocumentSpan[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return scanDocuments(buf.toString('latin1')).map(({ start, end, line }) => ({ start, end, line }));
}

/**
 * {@link splitDocuments} for a file decoded as latin1 (one character per byte, so offsets are byte
 * offsets), also noting where each document's column-0 lines are. One pass over the lines does
 * it all: markers, line numbers and top-level lines only ever start a line, and the ASCII bytes
 * it looks for never occur inside a UTF-8 character, whatever the file's encoding.
 */
export function scanDocuments(text: string): ScannedDocument[] {
  const documents: ScannedDocument[] = [];
  const first = hasBom(text) ? 3 : 0;
  let doc: ScannedDocument = { start: first, end: text.length, line: 1, topLines: [] };
  const close = (end: number): void => {
    doc.end = end;
    if (end > doc.start) documents.push(doc);
  };
  for (let at = first, line = 1; at < text.length; line++) {
    const eol = text.indexOf('\n', at);
    const c = text.charCodeAt(at);
    if (c === DASH && isMarker(text, at, DASH)) {
      // A `---` line starts a document, unless it already is the start of the current one, or
      // ends the directives (`%YAML`, `%TAG`) that open it.
      if (at > doc.start && !onlyDirectives(text, doc)) {
        close(at);
        doc = { start: at, end: text.length, line, topLines: [] };
      }
      doc.topLines.push(at);
    } else if (c === DOT && isMarker(text, at, DOT)) {
      close(at);
      doc = { start: eol < 0 ? text.length : eol + 1, end: text.length, line: line + 1, topLines: [] };
    } else if (c !== SPACE && c !== LF) {
      doc.topLines.push(at);
    }
    if (eol < 0) break;
    at = eol + 1;
  }
  close(text.length);
  return documents;
}

/** True when the document so far has content lines and all of them are directives (`%...`). */
function onlyDirectives(text: string, doc: ScannedDocument): boolean {
  let directives = 0;
  for (const at of doc.topLines) {
    const c = text.charCodeAt(at);
    if (c === PERCENT) directives++;
    else if (c !== HASH && c !== CR) return false;
  }
  return directives > 0;
}

/** True when a marker line (`---`, `...`) starts at `at`: the three characters, then a break, a blank or the end. */
function isMarker(text: string, at: number, c: number): boolean {
  if (text.charCodeAt(at + 1) !== c || text.charCodeAt(at + 2) !== c) return false;
  const after = text.charCodeAt(at + 3);
  return at + 3 >= text.length || after === LF || after === SPACE || after === 0x09 || after === 0x0d;
}

function hasBom(text: string): boolean {
  return text.charCodeAt(0) === 0xef && text.charCodeAt(1) === 0xbb && text.charCodeAt(2) === 0xbf;
}
