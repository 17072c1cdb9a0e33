import { keyLine } from '../manifests/block-scan.js';

/**
 * Cuts the schema properties that are the same text in both CRD specs (`spec:` entries, as text)
 * out of both, so only what differs is parsed. A property that is the same on both sides cannot
 * narrow, so the comparison finds the same narrowings either way; nor can the schema of a version
 * that only one side has, so its body is cut too. Only plain block text is cut:
 * wherever the layout is unusual, or a line of a part to cut is anything but a simple
 * `key: scalar` / `- item` line, that part is kept and parsed as before.
 */
export function withoutSharedProperties(before: string, after: string): [string, string] {
  const b = new Side(before);
  const a = new Side(after);
  const [sb, sa] = [b.entries(0, b.lines.count)?.get('spec'), a.entries(0, a.lines.count)?.get('spec')];
  if (sb && sa) spec(sb, sa);
  return [b.result(), a.result()];
}

const HASH = 0x23;
const CR = 0x0d;
const DASH = 0x2d;

/**
 * Where each line of a text starts, its leading spaces and the character after them (-1 for a
 * blank line), and for each non-blank line the next non-blank line indented as far or less: the
 * block structure is read once per text, and the entries of any nesting level are found by
 * jumping from one key line to the next instead of rescanning the lines in between.
 */
class LineIndex {
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
interface View {
  side: Side;
  key: string;
  line: number;
  end: number;
  inline: string;
  /** For an item of a sequence: the column of the mapping after its `- `. */
  itemIndent?: number;
}

/** One spec's text, its line index and the ranges cut from it. */
class Side {
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
  entries(from: number, to: number, firstIndent?: number): Map<string, View> | undefined {
    const ix = this.lines;
    const entries = new Map<string, View>();
    let at = from;
    const leadOf = (line: number): number => (line === from && firstIndent !== undefined ? firstIndent : ix.lead[line]);
    while (at < to && !ix.isContent(at, leadOf(at))) at++;
    if (at >= to) return entries;
    const indent = leadOf(at);
    let current: View | undefined;
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
          current = { side: this, key: found.key, line: at, end: to, inline: found.inline };
          entries.set(found.key, current);
        }
      }
      at = ix.nextAtMost(at, indent);
    }
    return entries;
  }

  textOf(v: View): string {
    return this.text.slice(this.lines.offset(v.line), this.lines.offset(v.end));
  }

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

function children(v: View): Map<string, View> | undefined {
  if (v.inline !== '') return undefined;
  if (v.itemIndent !== undefined) return v.side.entries(v.line, v.end, v.itemIndent);
  return v.side.entries(v.line + 1, v.end);
}

function spec(b: View, a: View): void {
  const [cb, ca] = [children(b), children(a)];
  if (!cb || !ca) return;
  const [vb, va] = [cb.get('validation'), ca.get('validation')];
  if (vb && va) openApi(vb, va);
  const [ib, ia] = [cb.get('versions'), ca.get('versions')].map(v => (v ? versionItems(v) : undefined));
  if (!ib || !ia) return;
  for (const [name, item] of ib) {
    const other = ia.get(name);
    const [sb, sa] = [children(item)?.get('schema'), other ? children(other)?.get('schema') : undefined];
    if (sb && sa) openApi(sb, sa);
  }
  cutUnpairedSchemas(ib, ia);
  cutUnpairedSchemas(ia, ib);
}

/**
 * Cuts the schema of each version in `items` that `others` lacks: no schema is compared with it.
 * Only when every name is a plain version name, so that pairing by text pairs as the parsed
 * names do.
 */
function cutUnpairedSchemas(items: Map<string, View>, others: Map<string, View>): void {
  if (![...items.keys(), ...others.keys()].every(name => VERSION_NAME.test(name))) return;
  for (const [name, item] of items) {
    const schema = others.has(name) ? undefined : children(item)?.get('schema');
    if (schema && !UNSAFE_LINE.test(schema.side.textOf(schema))) cutBody(schema);
  }
}

function openApi(b: View, a: View): void {
  const [ob, oa] = [children(b)?.get('openAPIV3Schema'), children(a)?.get('openAPIV3Schema')];
  if (ob && oa) schema(ob, oa);
}

function schema(b: View, a: View): void {
  const [cb, ca] = [children(b), children(a)];
  if (!cb || !ca) return;
  const [pb, pa] = [cb.get('properties'), ca.get('properties')];
  if (pb && pa) properties(pb, pa);
  for (const key of ['items', 'additionalProperties']) {
    const [kb, ka] = [cb.get(key), ca.get(key)];
    if (kb && ka) schema(kb, ka);
  }
}

function properties(b: View, a: View): void {
  // The whole map the same: drop its body and keep the key (`properties:` then reads as null).
  if (sameSafeText(b, a)) {
    cutBody(b);
    cutBody(a);
    return;
  }
  const [cb, ca] = [children(b), children(a)];
  if (!cb || !ca) return;
  for (const [name, pb] of cb) {
    const pa = ca.get(name);
    if (!pa) continue;
    if (sameSafeText(pb, pa)) {
      cut(pb);
      cut(pa);
    } else schema(pb, pa);
  }
}

/** True when both entries are the same text made only of simple lines. */
function sameSafeText(b: View, a: View): boolean {
  const text = b.side.textOf(b);
  return text === a.side.textOf(a) && !UNSAFE_LINE.test(text);
}

function cut(v: View): void {
  const lines = v.side.lines;
  v.side.cuts.push([lines.offset(v.line), lines.offset(v.end)]);
}

function cutBody(v: View): void {
  const lines = v.side.lines;
  const [bodyStart, end] = [Math.min(lines.offset(v.line + 1), lines.offset(v.end)), lines.offset(v.end)];
  if (v.inline === '' && bodyStart < end) v.side.cuts.push([bodyStart, end]);
}

/**
 * The items of the `versions` sequence by name, each read as a mapping whose first key follows
 * the item's `- `.
 */
function versionItems(v: View): Map<string, View> | undefined {
  if (v.inline !== '' || v.itemIndent !== undefined) return undefined;
  const { side } = v;
  const ix = side.lines;
  const items = new Map<string, View>();
  let indent = -1;
  let start = -1;
  const add = (end: number): boolean => {
    if (start < 0) return true;
    const entries = side.entries(start, end, indent + 2);
    const name = entries?.get('name')?.inline;
    if (!entries || !name || items.has(name)) return false;
    items.set(name, { side, key: name, line: start, end, inline: '', itemIndent: indent + 2 });
    return true;
  };
  for (let at = v.line + 1; at < v.end; ) {
    const lead = ix.lead[at];
    if (ix.isContent(at)) {
      if (indent < 0) indent = lead;
      if (lead < indent) return undefined;
      if (lead === indent) {
        if (!/^- \S/.test(side.text.slice(ix.starts[at] + lead, ix.starts[at] + lead + 3))) return undefined;
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

// Kubernetes version names (v1, v2beta1): plain scalars that YAML reads as the same strings.
const VERSION_NAME = /^v[0-9][a-z0-9]*$/;

// A line that is not blank, a comment-free `key:` / `key: scalar`, or a `- item` of those: the
// part of the text it is in is parsed rather than trusted to be valid YAML.
const KEY = '[A-Za-z0-9_][A-Za-z0-9_./-]*';
const VALUE = `(?:[A-Za-z0-9_./$^(+=~<][^\\n#:\\t"']*|-[0-9][^\\n#:\\t"']*|'(?:[^'\\n]|'')*'|"[^"\\\\\\n]*")`;
const UNSAFE_LINE = new RegExp(`^(?! *(?:- +)*(?:${KEY}:(?: +${VALUE})?|${VALUE})? *\\r?$)(?! *- *\\r?$)`, 'm');
