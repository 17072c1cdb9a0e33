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

const KEY_LINE = /^([A-Za-z0-9_][A-Za-z0-9_.\/-]*):(?:[ \t]+(.*?))?[ \t\r]*$/;

/**
 * The entries of the block mapping between `from` and `to`, keyed by name; undefined when that
 * range is not a simple block mapping (flow style, quoted or complex keys, duplicates, a sequence).
 */
export function mappingEntries(text: string, from: number, to: number): Map<string, Entry> | undefined {
  const entries = new Map<string, Entry>();
  let at = firstContentLine(text, from, to);
  if (at < 0) return entries;
  const indent = leadingSpaces(text, at, to);
  const next = nextShallowLine(indent);
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
        const match = KEY_LINE.exec(text.slice(at + lead, eol));
        if (!match || entries.has(match[1])) return undefined;
        if (current) current.end = at;
        current = { key: match[1], start: at, bodyStart: Math.min(eol + 1, to), end: to, inline: withoutComment(match[2] ?? '') };
        entries.set(current.key, current);
      }
    }
    // Jump straight to the next line indented `indent` or less: deeper lines belong to the entry.
    next.lastIndex = eol;
    const found = next.exec(text);
    at = found ? found.index + 1 : -1;
  }
  return entries;
}

const SHALLOW = new Map<number, RegExp>();

function nextShallowLine(indent: number): RegExp {
  let re = SHALLOW.get(indent);
  if (!re) SHALLOW.set(indent, (re = new RegExp(`\\n {0,${indent}}[^ \\n]`, 'g')));
  return re;
}

function firstContentLine(text: string, from: number, to: number): number {
  for (let at = from; at < to; ) {
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
  const match = KEY_LINE.exec(line);
  return match ? { key: match[1], inline: withoutComment(match[2] ?? '') } : undefined;
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
