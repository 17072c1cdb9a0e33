import { keyLine } from './block-scan.js';

// An index of a YAML text's block structure by lines, to find the entries of any nesting level
// and cut some of them out of the text: for comparing large documents (a CRD's schema is
// megabytes) without parsing the parts that are the same.

const HASH = 0x23;
const CR = 0x0d;
const DASH = 0x2d;

/**
 * Where each line of a text starts, its leading spaces and the character after them (-1 for a
 * blank line), and for each non-blank line the next non-blank line indented as far or less: the
 * block structure is read once per text, and the entries of any nesting level are found by
 * jumping from one key line to the next instead of rescanning the lines in between.
 */
export class LineIndex {
  readonly count: number;
  readonly starts: Int32Array;
  readonly lead: Int32Array;
  readonly first: Int32Array;
  readonly next: Int32Array;

  constructor(readonly text: string) {
    // One pass over the characters, read from a typed array (charCodeAt on a large string is
    // several times slower, and so is a search for each line's end: the lines are short). A spec
    // decoded as latin1 (an ASCII document) has a byte per character.
    const codes = WIDE.test(text) ? utf16(text) : Buffer.from(text, 'latin1');
    const n = codes.length;
    let capacity = (n >> 5) + 16;
    let [starts, lead, first]: Int32Array[] = [new Int32Array(capacity), new Int32Array(capacity), new Int32Array(capacity)];
    let count = 0;
    for (let at = 0; ; at++) {
      if (count === capacity) {
        capacity *= 2;
        [starts, lead, first] = [grown(starts, capacity), grown(lead, capacity), grown(first, capacity)];
      }
      const start = at;
      while (at < n && codes[at] === 0x20) at++;
      starts[count] = start;
      lead[count] = at - start;
      const c = at < n ? codes[at] : -1;
      first[count++] = c === 0x0a ? -1 : c;
      while (at < n && codes[at] !== 0x0a) at++;
      if (at >= n) break;
    }
    this.count = count;
    this.starts = starts.subarray(0, count);
    this.lead = lead.subarray(0, count);
    this.first = first.subarray(0, count);
    const next = (this.next = new Int32Array(count).fill(count));
    const open = new Int32Array(count);
    let depth = 0;
    for (let line = 0; line < count; line++) {
      if (first[line] === -1) continue;
      while (depth > 0 && lead[open[depth - 1]] >= lead[line]) next[open[--depth]] = line;
      open[depth++] = line;
    }
  }

  /** Offset of the start of `line` (the text's length past the last line). */
  offset(line: number): number {
    return line < this.count ? this.starts[line] : this.text.length;
  }

  /** Offset of the end of `line`, before its newline. */
  eol(line: number): number {
    return line + 1 < this.count ? this.starts[line + 1] - 1 : this.text.length;
  }

  /** Not blank, and not a comment: what the block scanner treats as content. */
  isContent(line: number, lead = this.lead[line]): boolean {
    const c = lead === this.lead[line] ? this.first[line] : this.text.charCodeAt(this.starts[line] + lead);
    return c !== -1 && c !== HASH && c !== CR && this.starts[line] + lead < this.eol(line);
  }

  /** The next non-blank line after `line` indented `indent` spaces or less. */
  nextAtMost(line: number, indent: number): number {
    if (this.first[line] !== -1 && this.lead[line] === indent) return this.next[line];
    let at = line + 1;
    while (at < this.count && (this.first[at] === -1 || this.lead[at] > indent)) at++;
    return at;
  }
}

// A character beyond latin1: the text then needs two bytes per character.
const WIDE = /[^\x00-\xff]/;

function utf16(text: string): Uint16Array {
  const bytes = Buffer.from(text, 'utf16le');
  return new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
}

function grown(array: Int32Array, capacity: number): Int32Array {
  const larger = new Int32Array(capacity);
  larger.set(array);
  return larger;
}

/** A mapping entry, by lines: its key line and the line after its last one. */
export interface BlockEntry {
  /** The text it is in. */
  block: BlockText;
  key: string;
  line: number;
  end: number;
  inline: string;
  /** For an item of a sequence: the column of the mapping after its `- `. */
  itemIndent?: number;
}

/** A text, its line index and the ranges cut from it. */
export class BlockText {
  readonly cuts: [number, number][] = [];
  readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  /**
   * The entries of the block mapping on lines `from` to `to` (exclusive), as `mappingEntries`
   * finds them; undefined when the lines are not a simple block mapping. `firstIndent` reads the
   * first line from that column (a sequence item whose `- ` counts as indentation).
   */
  entries(from: number, to: number, firstIndent?: number): Map<string, BlockEntry> | undefined {
    const ix = this.lines;
    const entries = new Map<string, BlockEntry>();
    let at = from;
    const leadOf = (line: number): number => (line === from && firstIndent !== undefined ? firstIndent : ix.lead[line]);
    while (at < to && !ix.isContent(at, leadOf(at))) at++;
    if (at >= to) return entries;
    const indent = leadOf(at);
    let current: BlockEntry | undefined;
    while (at < to) {
      const lead = leadOf(at);
      if (ix.isContent(at, lead)) {
        if (lead < indent) return undefined;
        const begin = ix.starts[at] + lead;
        const eol = ix.eol(at);
        if (isSequenceItem(this.text, begin, eol)) {
          if (!current) return undefined;
        } else {
          const found = keyLine(this.text.slice(begin, eol));
          if (!found || entries.has(found.key)) return undefined;
          if (current) current.end = at;
          current = { block: this, key: found.key, line: at, end: to, inline: found.inline };
          entries.set(found.key, current);
        }
      }
      at = ix.nextAtMost(at, indent);
    }
    return entries;
  }

  /** The entry's lines. */
  textOf(v: BlockEntry): string {
    return this.text.slice(this.lines.offset(v.line), this.lines.offset(v.end));
  }

  /** Cuts the entry out, key line and all. */
  cut(v: BlockEntry): void {
    this.cuts.push([this.lines.offset(v.line), this.lines.offset(v.end)]);
  }

  /** Cuts the nested lines of an entry whose value is on the lines after its key line. */
  cutBody(v: BlockEntry): void {
    const lines = this.lines;
    const [bodyStart, end] = [Math.min(lines.offset(v.line + 1), lines.offset(v.end)), lines.offset(v.end)];
    if (v.inline === '' && bodyStart < end) this.cuts.push([bodyStart, end]);
  }

  /** The text without the ranges cut. */
  result(): string {
    if (this.cuts.length === 0) return this.text;
    this.cuts.sort((x, y) => x[0] - y[0]);
    const parts: string[] = [];
    let at = 0;
    for (const [start, end] of this.cuts) {
      parts.push(this.text.slice(at, start));
      at = end;
    }
    parts.push(this.text.slice(at));
    return parts.join('');
  }
}

/** The entries of the block mapping nested under `v`; undefined when they are not a simple one. */
export function childrenOf(v: BlockEntry): Map<string, BlockEntry> | undefined {
  if (v.inline !== '') return undefined;
  if (v.itemIndent !== undefined) return v.block.entries(v.line, v.end, v.itemIndent);
  return v.block.entries(v.line + 1, v.end);
}

/**
 * The items of the block sequence nested under `v` by their `name` entry, each read as a mapping
 * whose first key follows the item's `- `; undefined when an item has no name, or shares one.
 */
export function namedItems(v: BlockEntry): Map<string, BlockEntry> | undefined {
  if (v.inline !== '' || v.itemIndent !== undefined) return undefined;
  const { block } = v;
  const ix = block.lines;
  const items = new Map<string, BlockEntry>();
  let indent = -1;
  let start = -1;
  const add = (end: number): boolean => {
    if (start < 0) return true;
    const entries = block.entries(start, end, indent + 2);
    const name = entries?.get('name')?.inline;
    if (!entries || !name || items.has(name)) return false;
    items.set(name, { block, key: name, line: start, end, inline: '', itemIndent: indent + 2 });
    return true;
  };
  for (let at = v.line + 1; at < v.end;) {
    const lead = ix.lead[at];
    if (ix.isContent(at)) {
      if (indent < 0) indent = lead;
      if (lead < indent) return undefined;
      if (lead === indent) {
        if (!/^- \S/.test(block.text.slice(ix.starts[at] + lead, ix.starts[at] + lead + 3))) return undefined;
        if (!add(at)) return undefined;
        start = at;
      }
    }
    // Lines indented deeper than the items belong to the current item.
    at = indent < 0 ? at + 1 : ix.nextAtMost(at, indent);
  }
  return add(v.end) ? items : undefined;
}

function isSequenceItem(text: string, at: number, eol: number): boolean {
  if (text.charCodeAt(at) !== DASH) return false;
  const after = text.charCodeAt(at + 1);
  return at + 1 >= eol || after === 0x20 || after === CR || after === 0x09;
}

/**
 * True when `text` has a line that is not blank, a comment-free `key:` / `key: scalar`, or a
 * `- item` of those: such a part of a text is parsed rather than trusted to be valid YAML.
 */
export function hasUnusualLine(text: string): boolean {
  return UNUSUAL_LINE.test(text);
}

const KEY = '[A-Za-z0-9_][A-Za-z0-9_./-]*';
const VALUE = `(?:[A-Za-z0-9_./$^(+=~<][^\\n#:\\t"']*|-[0-9][^\\n#:\\t"']*|'(?:[^'\\n]|'')*'|"[^"\\\\\\n]*")`;
const UNUSUAL_LINE = new RegExp(`^(?! *(?:- +)*(?:${KEY}:(?: +${VALUE})?|${VALUE})? *\\r?$)(?! *- *\\r?$)`, 'm');
