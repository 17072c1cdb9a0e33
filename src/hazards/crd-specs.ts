import { parseYaml } from '../manifests/safe-yaml.js';
import type { Resource } from '../manifests/types.js';
import { withoutSharedProperties } from './crd-shared-properties.js';
import type { ResourceChange } from './types.js';
import { asObject } from '../core/index.js';

// Reading the specs of a changed CustomResourceDefinition for the CRD rules: without their
// descriptions, and with the schema properties both sides share cut out, so that comparing
// two specs of megabytes parses only what differs.

export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema?: unknown;
}

/** What the CRD rules compare of a spec. */
export interface CrdSpec {
  group?: unknown;
  scope?: unknown;
  kind?: unknown;
  plural?: unknown;
  versions: CrdVersion[];
}

/**
 * Both CRD specs of a change without descriptions, or undefined when they do not differ in
 * substance. Kept in the change's memo for the other CRD rules, and for the other direction when
 * it checks the same pair (see `ResourceChange.memo`): the specs are then handed back swapped.
 */
export function crdSpecs(change: ResourceChange): [CrdSpec, CrdSpec] | undefined {
  if (!change.after) return undefined;
  const memo = (change.memo ??= new Map());
  let read = memo.get(MEMO) as { before: Resource; specs: [CrdSpec, CrdSpec] | undefined } | undefined;
  if (!read) memo.set(MEMO, (read = { before: change.before, specs: readSpecs(change.before, change.after) }));
  if (read.before === change.before || !read.specs) return read.specs;
  return [read.specs[1], read.specs[0]];
}

const MEMO = 'crd-specs';

function readSpecs(before: Resource, after: Resource): [CrdSpec, CrdSpec] | undefined {
  // Most CRDs of a change keep their spec: told without decoding their megabytes.
  if (before.doc.sameRaw(after.doc, ['spec'])) return undefined;
  const [sb, sa] = [before, after].map(r => stripDescriptions(r.doc.raw(['spec']) ?? undefined));
  if (sb !== undefined && sb === sa) return undefined;
  // Most of a large CRD's schema is the same on both sides: parse only the properties that differ.
  const [pb, pa] = sb !== undefined && sa !== undefined ? withoutSharedProperties(sb, sa) : [sb, sa];
  return [toSpec(specValue(before, pb)), toSpec(specValue(after, pa))];
}

function specValue(r: Resource, stripped: string | undefined): unknown {
  if (stripped !== undefined) {
    const parsed = parseYaml(stripped);
    if (parsed.ok) return (parsed.documents[0]?.value as { spec?: unknown } | null)?.spec;
  }
  return r.doc.get(['spec']);
}

function toSpec(spec: unknown): CrdSpec {
  const s = asObject(spec);
  const names = asObject(s.names);
  const shared = asObject(s.validation).openAPIV3Schema;
  const versions = (Array.isArray(s.versions) ? s.versions : []).map(v => {
    const o = asObject(v);
    return {
      name: String(o.name),
      served: o.served !== false,
      storage: o.storage === true,
      schema: asObject(o.schema).openAPIV3Schema ?? shared
    };
  });
  return { group: s.group, scope: s.scope ?? 'Namespaced', kind: names.kind, plural: names.plural, versions };
}

/**
 * Removes `description:` entries whose value starts on the key line, with their continuation
 * lines: most of a CRD's bytes, and irrelevant to compatibility. Keeps a property named
 * `description` (its value is a nested mapping). The key's indentation stays behind as a line of
 * spaces, which YAML reads as a blank line.
 */
export function stripDescriptions(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text.replace(DESCRIPTION, '');
}

// `description: <text>` plus every following line indented deeper (or blank): one native pass.
// The match starts at the key, a literal the engine skips ahead to, and the indentation before
// it is checked looking back: twice as fast as trying a pattern at the start of every line.
const DESCRIPTION = /(?<=^( *))description:[ \t]+\S[^\n]*(?:\n(?:\1 [^\n]*|[ \t\r]*(?=\n)))*/gm;
