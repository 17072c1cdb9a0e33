import { mappingEntries, type Entry } from '../manifests/block-scan.js';

/**
 * Cuts the schema properties that are the same text in both CRD specs (`spec:` entries, as text)
 * out of both, so only what differs is parsed. A property that is the same on both sides cannot
 * narrow, so the comparison finds the same narrowings either way. Only plain block text is cut:
 * wherever the layout is unusual, or a line of a shared property is anything but a simple
 * `key: scalar` / `- item` line, that part is kept and parsed as before.
 */
export function withoutSharedProperties(before: string, after: string): [string, string] {
  const b = new Side(before);
  const a = new Side(after);
  const [sb, sa] = [b.entries(0, before.length)?.get('spec'), a.entries(0, after.length)?.get('spec')];
  if (sb && sa) spec(b.view(sb), a.view(sa));
  return [b.result(), a.result()];
}

/** One spec's text and the ranges cut from it. */
class Side {
  readonly cuts: [number, number][] = [];

  constructor(readonly text: string) {}

  entries(from: number, to: number): Map<string, Entry> | undefined {
    return mappingEntries(this.text, from, to);
  }

  view(entry: Entry): View {
    return { side: this, text: this.text, base: 0, entry };
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

/** An entry in `text`, which is the spec's text or a copy of a part of it starting at `base`. */
interface View {
  side: Side;
  text: string;
  base: number;
  entry: Entry;
}

function children(v: View): Map<string, View> | undefined {
  if (v.entry.inline !== '') return undefined;
  const found = mappingEntries(v.text, v.entry.bodyStart, v.entry.end);
  if (!found) return undefined;
  return new Map([...found].map(([key, entry]) => [key, { ...v, entry }]));
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
  const text = b.text.slice(b.entry.start, b.entry.end);
  return text === a.text.slice(a.entry.start, a.entry.end) && !UNSAFE_LINE.test(text);
}

function cut(v: View): void {
  v.side.cuts.push([v.base + v.entry.start, v.base + v.entry.end]);
}

function cutBody(v: View): void {
  if (v.entry.inline === '' && v.entry.bodyStart < v.entry.end) v.side.cuts.push([v.base + v.entry.bodyStart, v.base + v.entry.end]);
}

/**
 * The items of the `versions` sequence by name. Each item is scanned as a mapping in a copy of
 * its text whose leading `- ` is blanked (same length, so offsets map back by adding `base`).
 */
function versionItems(v: View): Map<string, View> | undefined {
  if (v.entry.inline !== '' || v.base !== 0) return undefined;
  const { text } = v;
  const items = new Map<string, View>();
  const { bodyStart: from, end: to } = v.entry;
  let indent = -1;
  let start = -1;
  const add = (end: number): boolean => {
    if (start < 0) return true;
    const dash = start + indent;
    const copy = `${text.slice(start, dash)}  ${text.slice(dash + 2, end)}`;
    const entries = mappingEntries(copy, 0, copy.length);
    const name = entries?.get('name')?.inline;
    if (!entries || !name || items.has(name)) return false;
    items.set(name, { side: v.side, text: copy, base: start, entry: { key: name, start: 0, bodyStart: 0, end: copy.length, inline: '' } });
    return true;
  };
  for (let at = from; at < to; ) {
    let eol = text.indexOf('\n', at);
    if (eol < 0 || eol > to) eol = to;
    let lead = 0;
    while (at + lead < eol && text.charCodeAt(at + lead) === 0x20) lead++;
    const c = text.charCodeAt(at + lead);
    if (at + lead < eol && c !== 0x23 /* # */ && c !== 0x0d) {
      if (indent < 0) indent = lead;
      if (lead < indent) return undefined;
      if (lead === indent) {
        if (!/^- \S/.test(text.slice(at + lead, at + lead + 3))) return undefined;
        if (!add(at)) return undefined;
        start = at;
      }
    }
    at = eol + 1;
  }
  return add(to) ? items : undefined;
}

// A line that is not blank, a comment-free `key:` / `key: scalar`, or a `- item` of those: the
// part of the text it is in is parsed rather than trusted to be valid YAML.
const KEY = '[A-Za-z0-9_][A-Za-z0-9_./-]*';
const VALUE = `(?:[A-Za-z0-9_./$^(+=~<][^\\n#:\\t"']*|-[0-9][^\\n#:\\t"']*|'(?:[^'\\n]|'')*'|"[^"\\\\\\n]*")`;
const UNSAFE_LINE = new RegExp(`^(?! *(?:- +)*(?:${KEY}:(?: +${VALUE})?|${VALUE})? *\\r?$)(?! *- *\\r?$)`, 'm');
