import { isBlankBetween } from './block-scan.js';

/**
 * Tells Helm templates from YAML that merely contains `{{` as text (Grafana legends inside a
 * dashboard's JSON, Prometheus alert annotations), without parsing. Line by line and
 * conservative: `{{` counts as text only inside a block scalar (`|`, `>`), a comment, or a quoted
 * scalar that opens and closes on its line; anything else, and any layout it does not follow
 * (multi-line quoted or flow values, tags, anchors), answers "may be a template".
 */
export function mayBeTemplate(text: string): boolean {
  if (!text.includes('{{')) return false;
  // Inside a block scalar: its lines are those indented more than `parent` (or blank).
  let parent = -1;
  let body = -1;
  let bodyIndent = '';
  for (let start = 0; start < text.length;) {
    let eol = text.indexOf('\n', start);
    if (eol < 0) eol = text.length;
    // Most lines of a large block scalar (a dashboard's JSON) are indented at least as deep as
    // its first line: they need no closer look.
    if (body >= 0 && text.startsWith(bodyIndent, start)) {
      start = eol + 1;
      continue;
    }
    let at = start;
    while (at < eol && text.charCodeAt(at) === 0x20) at++;
    const lead = at - start;
    start = eol + 1;
    if (isBlankBetween(text, at, eol)) continue;
    if (parent >= 0) {
      if (lead > parent) {
        if (body < 0) [body, bodyIndent] = [lead, ' '.repeat(lead)];
        // Less indented than the scalar's first line yet more than its key: a parser must judge.
        if (lead < body) return true;
        continue;
      }
      parent = -1;
      body = -1;
    }
    if (text.charCodeAt(at) === 0x23 /* # */) continue;
    const line = readLine(text.slice(at, eol));
    if (line === undefined) return true;
    if (line.blockIndent !== undefined) parent = lead + line.blockIndent;
  }
  return false;
}

/** The column of a block scalar's key relative to the line's content, when the line starts one. */
interface Line {
  blockIndent?: number;
}

const KEY = /^(?:[A-Za-z0-9_$/][^:#'"{}[\]]*?|"[^"\\\n]*"|'[^'\n]*')[ \t]*:(?:[ \t]+|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]{0,2}(?:[ \t]+#.*|[ \t]*)\r?$/;
const REST = /^(?:[ \t]+#.*|[ \t]*)\r?$/;

// A line that starts no block scalar (one object, of the same shape as those that do).
const PLAIN: Line = { blockIndent: undefined };

/**
 * Reads one line (from its first non-space character) that is outside any block scalar:
 * undefined when a `{{` on it may be template syntax or the line's value may go on over the next
 * lines; otherwise whether it starts a block scalar.
 */
function readLine(line: string): Line | undefined {
  let at = 0;
  let column = -1;
  // Sequence entries: `- `, `- - `... (Reads stay within the line: a read past the end makes V8
  // throw away the optimized code of this hot loop and compile it again.)
  while (at < line.length && line.charCodeAt(at) === 0x2d && (at + 1 === line.length || line.charCodeAt(at + 1) === 0x20)) {
    column = at;
    at += 1;
    while (at < line.length && line.charCodeAt(at) === 0x20) at++;
  }
  const key = line.slice(at).match(KEY);
  if (key) {
    column = at;
    at += key[0].length;
  }
  const value = line.slice(at);
  const c = value.length > 0 ? value.charCodeAt(0) : -1;
  if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
    const close = closingQuote(value);
    if (close < 0 || !REST.test(value.slice(close + 1))) return undefined;
    // What follows the closing quote is at most a comment: a `{{` there is text too.
    return line.slice(0, at).includes('{{') ? undefined : PLAIN;
  }
  if (c === 0x7c /* | */ || c === 0x3e /* > */) {
    if (!BLOCK_SCALAR.test(value) || column < 0 || line.slice(0, at).includes('{{')) return undefined;
    return { blockIndent: column };
  }
  return line.includes('{{') ? undefined : openFlow(value) ? undefined : PLAIN;
}

/** The index of the quote that closes the scalar opening `value`, -1 when not on this line. */
function closingQuote(value: string): number {
  const quote = value.charCodeAt(0);
  for (let i = 1; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (quote === 0x22 && c === 0x5c /* \ */) i++;
    else if (c === quote) {
      if (quote === 0x27 && i + 1 < value.length && value.charCodeAt(i + 1) === 0x27) i++;
      else return i;
    }
  }
  return -1;
}

/** True for a flow collection that may not close on its line. */
function openFlow(value: string): boolean {
  const c = value.length > 0 ? value.charCodeAt(0) : -1;
  if (c !== 0x5b /* [ */ && c !== 0x7b /* { */) return false;
  const end = value.replace(/[ \t]+#.*$/, '').trimEnd();
  return end.charCodeAt(end.length - 1) !== (c === 0x5b ? 0x5d : 0x7d);
}
