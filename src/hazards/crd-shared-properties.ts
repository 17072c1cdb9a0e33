import { BlockText, childrenOf, hasUnusualLine, namedItems, type BlockEntry } from '../manifests/line-index.js';

/**
 * Cuts the schema properties that are the same text in both CRD specs (`spec:` entries, as text)
 * out of both, so only what differs is parsed. A property that is the same on both sides cannot
 * narrow, so the comparison finds the same narrowings either way; nor can the schema of a version
 * that only one side has, so its body is cut too. Only plain block text is cut:
 * wherever the layout is unusual, or a line of a part to cut is anything but a simple
 * `key: scalar` / `- item` line, that part is kept and parsed as before.
 */
export function withoutSharedProperties(before: string, after: string): [string, string] {
  const b = new BlockText(before);
  const a = new BlockText(after);
  const [sb, sa] = [b.entries(0, b.lines.count)?.get('spec'), a.entries(0, a.lines.count)?.get('spec')];
  if (sb && sa) spec(sb, sa);
  return [b.result(), a.result()];
}

function spec(b: BlockEntry, a: BlockEntry): void {
  const [cb, ca] = [childrenOf(b), childrenOf(a)];
  if (!cb || !ca) return;
  const [vb, va] = [cb.get('validation'), ca.get('validation')];
  if (vb && va) openApi(vb, va);
  const [ib, ia] = [cb.get('versions'), ca.get('versions')].map(v => (v ? namedItems(v) : undefined));
  if (!ib || !ia) return;
  for (const [name, item] of ib) {
    const other = ia.get(name);
    const [sb, sa] = [childrenOf(item)?.get('schema'), other ? childrenOf(other)?.get('schema') : undefined];
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
function cutUnpairedSchemas(items: Map<string, BlockEntry>, others: Map<string, BlockEntry>): void {
  if (![...items.keys(), ...others.keys()].every(name => VERSION_NAME.test(name))) return;
  for (const [name, item] of items) {
    const schema = others.has(name) ? undefined : childrenOf(item)?.get('schema');
    if (schema && !hasUnusualLine(schema.block.textOf(schema))) schema.block.cutBody(schema);
  }
}

function openApi(b: BlockEntry, a: BlockEntry): void {
  const [ob, oa] = [childrenOf(b)?.get('openAPIV3Schema'), childrenOf(a)?.get('openAPIV3Schema')];
  if (ob && oa) schema(ob, oa);
}

function schema(b: BlockEntry, a: BlockEntry): void {
  const [cb, ca] = [childrenOf(b), childrenOf(a)];
  if (!cb || !ca) return;
  const [pb, pa] = [cb.get('properties'), ca.get('properties')];
  if (pb && pa) properties(pb, pa);
  for (const key of ['items', 'additionalProperties']) {
    const [kb, ka] = [cb.get(key), ca.get(key)];
    if (kb && ka) schema(kb, ka);
  }
}

function properties(b: BlockEntry, a: BlockEntry): void {
  // The whole map the same: drop its body and keep the key (`properties:` then reads as null).
  if (sameSafeText(b, a)) {
    b.block.cutBody(b);
    a.block.cutBody(a);
    return;
  }
  const [cb, ca] = [childrenOf(b), childrenOf(a)];
  if (!cb || !ca) return;
  for (const [name, pb] of cb) {
    const pa = ca.get(name);
    if (!pa) continue;
    if (sameSafeText(pb, pa)) {
      pb.block.cut(pb);
      pa.block.cut(pa);
    } else schema(pb, pa);
  }
}

/** True when both entries are the same text made only of simple lines. */
function sameSafeText(b: BlockEntry, a: BlockEntry): boolean {
  const text = b.block.textOf(b);
  return text === a.block.textOf(a) && !hasUnusualLine(text);
}

// Kubernetes version names (v1, v2beta1): plain scalars that YAML reads as the same strings.
const VERSION_NAME = /^v[0-9][a-z0-9]*$/;
