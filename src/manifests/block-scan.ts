/**
 * A fast, conservative reader of block-style YAML mappings. It finds where each key's entry lies
 * without parsing values, so a check can parse only the few lines it needs. Whenever the text is
 * not plain block style it answers `undefined` and the caller parses the whole document instead.
 */

/** One `key: value` entry of a block mapping: offsets into the scanned text. */
export interface Entry {
  key: string;
  /** Offset of the first character of the key's line. */
  start: number;
  /** Offset just past the key line (where a nested block starts). */
  bodyStart: number;
  /** Offset just past the entry's last line. */
  end: number;
  /** Text after `key:` on the key line, without a trailing comment; '' when the value is nested. */
  inline: string;
}

/**
 * The entries of the block mapping between `from` and `to`, keyed by name; undefined when that
 * range is not a simple block mapping (flow style, quoted or complex keys, duplicates, a sequence).
 */
export function mappingEntries(text: string, from: number, to: number): Map<string, Entry> | undefined {
  const at = firstContentLine(text, from, to);
  if (at < 0) return new Map();
  const indent = leadingSpaces(text, at, to);
  // Jump straight to the next line indented `indent` or less: deeper lines belong to the entry.
  return collectEntries(text, at, to, indent, eol => nextShallowLine(text, eol, indent, to));
}

/**
 * {@link mappingEntries} of the whole of `text` when the caller already knows where its lines
 * that start in column 0 with something other than a space or line break are: at
 * `lineStarts[i] - shift`, in order (lines before `text` may be included). Only those lines are
 * looked at, none of the rest.
 */
export function topLevelEntries(text: string, lineStarts: readonly number[], shift = 0): Map<string, Entry> | undefined {
  const at = firstContentLine(text, 0, text.length);
  if (at < 0) return new Map();
  if (text.charCodeAt(at) === 0x20) return mappingEntries(text, 0, text.length);
  let i = 0;
  return collectEntries(text, at, text.length, 0, eol => {
    while (i < lineStarts.length && lineStarts[i] - shift <= eol) i++;
    return i < lineStarts.length ? lineStarts[i] - shift : -1;
  });
}

/**
 * Reads the mapping indented `indent` whose first line starts at `at`: `nextLine(eol)` gives the
 * start of the next line after `eol` indented `indent` or less (-1 when none).
 */
function collectEntries(
  text: string,
  at: number,
  to: number,
  indent: number,
  nextLine: (eol: number) => number
): Map<string, Entry> | undefined {
  const entries = new Map<string, Entry>();
  let current: Entry | undefined;
  while (at >= 0 && at < to) {
    let eol = text.indexOf('\n', at);
    if (eol < 0 || eol > to) eol = to;
    const lead = leadingSpaces(text, at, eol);
    const first = text.charCodeAt(at + lead);
    if (at + lead < eol && first !== 0x23 /* # */ && first !== 0x0d) {
      if (lead < indent) return undefined;
      if (isSequenceItem(text, at + lead, eol)) {
        if (!current) return undefined;
      } else {
        const line = keyLineAt(text, at + lead, eol);
        if (!line || entries.has(line.key)) return undefined;
        if (current) current.end = at;
        current = { key: line.key, start: at, bodyStart: Math.min(eol + 1, to), end: to, inline: line.inline };
        entries.set(current.key, current);
      }
    }
    at = nextLine(eol);
  }
  return entries;
}

/**
 * The start of the first line after `eol` (a line break) and before `to` with at most `indent`
 * leading spaces and then content (anything but a space or a line break), -1 when there is none.
 * A loop over the line breaks: faster here than the equivalent pattern.
 */
function nextShallowLine(text: string, eol: number, indent: number, to: number): number {
  for (let at = eol + 1; at < to;) {
    let i = at;
    const deepest = at + indent;
    while (i <= deepest && text.charCodeAt(i) === 0x20) i++;
    if (i <= deepest && i < text.length && text.charCodeAt(i) !== 0x0a) return at;
    const next = text.indexOf('\n', i);
    if (next < 0) return -1;
    at = next + 1;
  }
  return -1;
}

function firstContentLine(text: string, from: number, to: number): number {
  for (let at = from; at < to;) {
    let eol = text.indexOf('\n', at);
    if (eol < 0 || eol > to) eol = to;
    const lead = leadingSpaces(text, at, eol);
    const c = text.charCodeAt(at + lead);
    if (at + lead < eol && c !== 0x23 && c !== 0x0d) return at;
    at = eol + 1;
  }
  return -1;
}

/** Reads a single-line scalar (plain or simply quoted); undefined for anything fancier. */
export function simpleScalar(inline: string): string | undefined {
  if (inline === '') return undefined;
  const c = inline[0];
  if (c === "'") {
    const end = inline.lastIndexOf("'");
    return end > 0 && end === inline.length - 1 ? inline.slice(1, end).replace(/''/g, "'") : undefined;
  }
  if (c === '"') {
    const inner = inline.slice(1, -1);
    return inline.endsWith('"') && inline.length > 1 && !/["\\]/.test(inner) ? inner : undefined;
  }
  if ('&*!|>{[@`%,?-:#'.includes(c) || /: |\t#/.test(inline)) return undefined;
  return inline;
}

/**
 * Reads a `key:` / `key: value` line (the text from the key to the end of the line, no leading
 * spaces) as {@link mappingEntries} does: undefined when it is not a plain key line.
 */
export function keyLine(line: string): { key: string; inline: string } | undefined {
  return keyLineAt(line, 0, line.length);
}

/**
 * Reads the line between `from` and `to` (no line feed in it) as a plain key line: a key of
 * `[A-Za-z0-9_][A-Za-z0-9_./-]*`, a colon, then nothing but blanks (a nested value), or blanks
 * and a value without line breaks (trailing blanks and comment dropped). By hand rather than
 * with a regular expression: it runs for every key of every document.
 */
function keyLineAt(text: string, from: number, to: number): { key: string; inline: string } | undefined {
  if (from >= to || !isKeyChar(text.charCodeAt(from), false)) return undefined;
  let colon = from + 1;
  while (colon < to && isKeyChar(text.charCodeAt(colon), true)) colon++;
  if (colon >= to || text.charCodeAt(colon) !== 0x3a /* : */) return undefined;
  const key = text.slice(from, colon);
  let end = to;
  while (end > colon + 1 && isBlank(text.charCodeAt(end - 1))) end--;
  if (end === colon + 1) return { key, inline: '' };
  let value = colon + 1;
  if (!isSpaceOrTab(text.charCodeAt(value))) return undefined;
  while (isSpaceOrTab(text.charCodeAt(value))) value++;
  for (let i = value; i < end; i++) if (isLineBreak(text.charCodeAt(i))) return undefined;
  return { key, inline: withoutComment(text.slice(value, end)) };
}

function isKeyChar(c: number, inside: boolean): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f) return true;
  return inside && (c === 0x2e /* . */ || c === 0x2f /* / */ || c === 0x2d); /* - */
}

function isSpaceOrTab(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}

/** True when `text` holds nothing but blanks and line feeds between `from` and `to`. */
export function isBlankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isBlank(c) && c !== 0x0a) return false;
  }
  return true;
}

/** The characters besides the line feed that end a line for a regular expression's `.`. */
function isLineBreak(c: number): boolean {
  return c === 0x0d || c === 0x2028 || c === 0x2029;
}

function withoutComment(value: string): string {
  if (value.startsWith('#')) return '';
  if (value.startsWith("'") || value.startsWith('"')) return value;
  const hash = value.indexOf(' #');
  return hash < 0 ? value : value.slice(0, hash).trimEnd();
}

function leadingSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) === 0x20) i++;
  return i - from;
}

function isSequenceItem(text: string, at: number, eol: number): boolean {
  if (text.charCodeAt(at) !== 0x2d /* - */) return false;
  const after = text.charCodeAt(at + 1);
  return at + 1 >= eol || after === 0x20 || after === 0x0d || after === 0x09;
}
