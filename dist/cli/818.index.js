export const id = 818;
export const ids = [818];
export const modules = {

/***/ 9818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MANIFEST_UNREADABLE: () => (/* reexport */ MANIFEST_UNREADABLE),
  RULES: () => (/* reexport */ RULES),
  RULE_IDS: () => (/* reexport */ RULE_IDS),
  SEVERITIES: () => (/* reexport */ types/* SEVERITIES */.o),
  analyzeChange: () => (/* reexport */ analyzeChange),
  analyzeFiles: () => (/* reexport */ analyzeFiles),
  analyzeObjects: () => (/* reexport */ analyzeObjects),
  hazards: () => (/* reexport */ hazards),
  rulesFor: () => (/* reexport */ rulesFor),
  sortFindings: () => (/* reexport */ sortFindings)
});

// EXTERNAL MODULE: ./src/manifests/blob-stream.ts
var blob_stream = __webpack_require__(9764);
// EXTERNAL MODULE: ./src/manifests/flux-context.ts
var flux_context = __webpack_require__(9085);
// EXTERNAL MODULE: ./src/manifests/kustomize-build.ts
var kustomize_build = __webpack_require__(7484);
// EXTERNAL MODULE: ./src/manifests/identity.ts
var identity = __webpack_require__(202);
// EXTERNAL MODULE: ./src/manifests/manifest-document.ts
var manifest_document = __webpack_require__(2559);
// EXTERNAL MODULE: ./src/manifests/manifest-file.ts + 2 modules
var manifest_file = __webpack_require__(8371);
// EXTERNAL MODULE: ./src/manifests/globs.ts
var globs = __webpack_require__(1385);
;// CONCATENATED MODULE: ./src/manifests/read-change.ts



/**
 * Reads the changed `.yaml`/`.yml` files between two commits, their contents at both revisions
 * (one `git cat-file --batch` for everything), and the Flux Kustomizations and kustomize patch
 * files of both revisions.
 */
async function readChange(git, base, head, filter = {}) {
    const [baseSha, headSha] = await Promise.all([git.resolveCommit(base), git.resolveCommit(head)]);
    const [files, context] = await Promise.all([
        readChangedFiles(git, baseSha, headSha, filter),
        readRevisionContexts(git, baseSha, headSha)
    ]);
    return { base: baseSha, head: headSha, files, context };
}
/** The changed `.yaml`/`.yml` files of `base..head` (commit shas) with both contents. */
async function readChangedFiles(git, base, head, filter = {}) {
    const files = [];
    await forEachChangedFile(git, base, head, filter, file => files.push(file));
    return files;
}
/**
 * Streams the changed `.yaml`/`.yml` files of `base..head` (commit shas): `onFile` gets each one,
 * in path order, as soon as both its sides are read, so a caller that keeps only what it needs
 * never holds every blob at once. Returns how many files there were.
 */
async function forEachChangedFile(git, base, head, filter, onFile) {
    const { checked } = await listChange(git, base, head, filter);
    await streamFiles(git, checked, onFile);
    return checked.length;
}
/** Lists the changes of `base..head` (commit shas) without reading any blob. */
async function listChange(git, base, head, filter = {}) {
    const keep = (0,globs/* pathFilter */.Y1)(filter.paths, filter.exclude);
    const all = await git.diffRaw(base, head);
    return { all, checked: all.filter(e => (0,globs/* isYamlPath */.xu)(e.path) && keep(e.path)) };
}

// EXTERNAL MODULE: ./src/manifests/revision-context.ts
var revision_context = __webpack_require__(8535);
// EXTERNAL MODULE: ./src/manifests/safe-yaml.ts
var safe_yaml = __webpack_require__(5305);
// EXTERNAL MODULE: ./src/manifests/block-scan.ts
var block_scan = __webpack_require__(4281);
;// CONCATENATED MODULE: ./src/manifests/line-index.ts

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
class LineIndex {
    text;
    count;
    starts;
    lead;
    first;
    next;
    constructor(text) {
        this.text = text;
        // One pass over the characters, read from a typed array (charCodeAt on a large string is
        // several times slower, and so is a search for each line's end: the lines are short). A spec
        // decoded as latin1 (an ASCII document) has a byte per character.
        const codes = WIDE.test(text) ? utf16(text) : Buffer.from(text, 'latin1');
        const n = codes.length;
        let capacity = (n >> 5) + 16;
        let [starts, lead, first] = [new Int32Array(capacity), new Int32Array(capacity), new Int32Array(capacity)];
        let count = 0;
        for (let at = 0;; at++) {
            if (count === capacity) {
                capacity *= 2;
                [starts, lead, first] = [grown(starts, capacity), grown(lead, capacity), grown(first, capacity)];
            }
            const start = at;
            while (at < n && codes[at] === 0x20)
                at++;
            starts[count] = start;
            lead[count] = at - start;
            const c = at < n ? codes[at] : -1;
            first[count++] = c === 0x0a ? -1 : c;
            while (at < n && codes[at] !== 0x0a)
                at++;
            if (at >= n)
                break;
        }
        this.count = count;
        this.starts = starts.subarray(0, count);
        this.lead = lead.subarray(0, count);
        this.first = first.subarray(0, count);
        const next = (this.next = new Int32Array(count).fill(count));
        const open = new Int32Array(count);
        let depth = 0;
        for (let line = 0; line < count; line++) {
            if (first[line] === -1)
                continue;
            while (depth > 0 && lead[open[depth - 1]] >= lead[line])
                next[open[--depth]] = line;
            open[depth++] = line;
        }
    }
    /** Offset of the start of `line` (the text's length past the last line). */
    offset(line) {
        return line < this.count ? this.starts[line] : this.text.length;
    }
    /** Offset of the end of `line`, before its newline. */
    eol(line) {
        return line + 1 < this.count ? this.starts[line + 1] - 1 : this.text.length;
    }
    /** Not blank, and not a comment: what the block scanner treats as content. */
    isContent(line, lead = this.lead[line]) {
        const c = lead === this.lead[line] ? this.first[line] : this.text.charCodeAt(this.starts[line] + lead);
        return c !== -1 && c !== HASH && c !== CR && this.starts[line] + lead < this.eol(line);
    }
    /** The next non-blank line after `line` indented `indent` spaces or less. */
    nextAtMost(line, indent) {
        if (this.first[line] !== -1 && this.lead[line] === indent)
            return this.next[line];
        let at = line + 1;
        while (at < this.count && (this.first[at] === -1 || this.lead[at] > indent))
            at++;
        return at;
    }
}
// A character beyond latin1: the text then needs two bytes per character.
const WIDE = /[^\x00-\xff]/;
function utf16(text) {
    const bytes = Buffer.from(text, 'utf16le');
    return new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
}
function grown(array, capacity) {
    const larger = new Int32Array(capacity);
    larger.set(array);
    return larger;
}
/** A text, its line index and the ranges cut from it. */
class BlockText {
    text;
    cuts = [];
    lines;
    constructor(text) {
        this.text = text;
        this.lines = new LineIndex(text);
    }
    /**
     * The entries of the block mapping on lines `from` to `to` (exclusive), as `mappingEntries`
     * finds them; undefined when the lines are not a simple block mapping. `firstIndent` reads the
     * first line from that column (a sequence item whose `- ` counts as indentation).
     */
    entries(from, to, firstIndent) {
        const ix = this.lines;
        const entries = new Map();
        let at = from;
        const leadOf = (line) => (line === from && firstIndent !== undefined ? firstIndent : ix.lead[line]);
        while (at < to && !ix.isContent(at, leadOf(at)))
            at++;
        if (at >= to)
            return entries;
        const indent = leadOf(at);
        let current;
        while (at < to) {
            const lead = leadOf(at);
            if (ix.isContent(at, lead)) {
                if (lead < indent)
                    return undefined;
                const begin = ix.starts[at] + lead;
                const eol = ix.eol(at);
                if (isSequenceItem(this.text, begin, eol)) {
                    if (!current)
                        return undefined;
                }
                else {
                    const found = (0,block_scan/* keyLine */.YC)(this.text.slice(begin, eol));
                    if (!found || entries.has(found.key))
                        return undefined;
                    if (current)
                        current.end = at;
                    current = { block: this, key: found.key, line: at, end: to, inline: found.inline };
                    entries.set(found.key, current);
                }
            }
            at = ix.nextAtMost(at, indent);
        }
        return entries;
    }
    /** The entry's lines. */
    textOf(v) {
        return this.text.slice(this.lines.offset(v.line), this.lines.offset(v.end));
    }
    /** Cuts the entry out, key line and all. */
    cut(v) {
        this.cuts.push([this.lines.offset(v.line), this.lines.offset(v.end)]);
    }
    /** Cuts the nested lines of an entry whose value is on the lines after its key line. */
    cutBody(v) {
        const lines = this.lines;
        const [bodyStart, end] = [Math.min(lines.offset(v.line + 1), lines.offset(v.end)), lines.offset(v.end)];
        if (v.inline === '' && bodyStart < end)
            this.cuts.push([bodyStart, end]);
    }
    /** The text without the ranges cut. */
    result() {
        if (this.cuts.length === 0)
            return this.text;
        this.cuts.sort((x, y) => x[0] - y[0]);
        const parts = [];
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
function childrenOf(v) {
    if (v.inline !== '')
        return undefined;
    if (v.itemIndent !== undefined)
        return v.block.entries(v.line, v.end, v.itemIndent);
    return v.block.entries(v.line + 1, v.end);
}
/**
 * The items of the block sequence nested under `v` by their `name` entry, each read as a mapping
 * whose first key follows the item's `- `; undefined when an item has no name, or shares one.
 */
function namedItems(v) {
    if (v.inline !== '' || v.itemIndent !== undefined)
        return undefined;
    const { block } = v;
    const ix = block.lines;
    const items = new Map();
    let indent = -1;
    let start = -1;
    const add = (end) => {
        if (start < 0)
            return true;
        const entries = block.entries(start, end, indent + 2);
        const name = entries?.get('name')?.inline;
        if (!entries || !name || items.has(name))
            return false;
        items.set(name, { block, key: name, line: start, end, inline: '', itemIndent: indent + 2 });
        return true;
    };
    for (let at = v.line + 1; at < v.end;) {
        const lead = ix.lead[at];
        if (ix.isContent(at)) {
            if (indent < 0)
                indent = lead;
            if (lead < indent)
                return undefined;
            if (lead === indent) {
                if (!/^- \S/.test(block.text.slice(ix.starts[at] + lead, ix.starts[at] + lead + 3)))
                    return undefined;
                if (!add(at))
                    return undefined;
                start = at;
            }
        }
        // Lines indented deeper than the items belong to the current item.
        at = indent < 0 ? at + 1 : ix.nextAtMost(at, indent);
    }
    return add(v.end) ? items : undefined;
}
function isSequenceItem(text, at, eol) {
    if (text.charCodeAt(at) !== DASH)
        return false;
    const after = text.charCodeAt(at + 1);
    return at + 1 >= eol || after === 0x20 || after === CR || after === 0x09;
}
/**
 * True when `text` has a line that is not blank, a comment-free `key:` / `key: scalar`, or a
 * `- item` of those: such a part of a text is parsed rather than trusted to be valid YAML.
 */
function hasUnusualLine(text) {
    return UNUSUAL_LINE.test(text);
}
const KEY = '[A-Za-z0-9_][A-Za-z0-9_./-]*';
const VALUE = `(?:[A-Za-z0-9_./$^(+=~<][^\\n#:\\t"']*|-[0-9][^\\n#:\\t"']*|'(?:[^'\\n]|'')*'|"[^"\\\\\\n]*")`;
const UNUSUAL_LINE = new RegExp(`^(?! *(?:- +)*(?:${KEY}:(?: +${VALUE})?|${VALUE})? *\\r?$)(?! *- *\\r?$)`, 'm');

;// CONCATENATED MODULE: ./src/hazards/crd-shared-properties.ts

/**
 * Cuts the schema properties that are the same text in both CRD specs (`spec:` entries, as text)
 * out of both, so only what differs is parsed. A property that is the same on both sides cannot
 * narrow, so the comparison finds the same narrowings either way; nor can the schema of a version
 * that only one side has, so its body is cut too. Only plain block text is cut:
 * wherever the layout is unusual, or a line of a part to cut is anything but a simple
 * `key: scalar` / `- item` line, that part is kept and parsed as before.
 */
function withoutSharedProperties(before, after) {
    const b = new BlockText(before);
    const a = new BlockText(after);
    const [sb, sa] = [b.entries(0, b.lines.count)?.get('spec'), a.entries(0, a.lines.count)?.get('spec')];
    if (sb && sa)
        spec(sb, sa);
    return [b.result(), a.result()];
}
function spec(b, a) {
    const [cb, ca] = [childrenOf(b), childrenOf(a)];
    if (!cb || !ca)
        return;
    const [vb, va] = [cb.get('validation'), ca.get('validation')];
    if (vb && va)
        openApi(vb, va);
    const [ib, ia] = [cb.get('versions'), ca.get('versions')].map(v => (v ? namedItems(v) : undefined));
    if (!ib || !ia)
        return;
    for (const [name, item] of ib) {
        const other = ia.get(name);
        const [sb, sa] = [childrenOf(item)?.get('schema'), other ? childrenOf(other)?.get('schema') : undefined];
        if (sb && sa)
            openApi(sb, sa);
    }
    cutUnpairedSchemas(ib, ia);
    cutUnpairedSchemas(ia, ib);
}
/**
 * Cuts the schema of each version in `items` that `others` lacks: no schema is compared with it.
 * Only when every name is a plain version name, so that pairing by text pairs as the parsed
 * names do.
 */
function cutUnpairedSchemas(items, others) {
    if (![...items.keys(), ...others.keys()].every(name => VERSION_NAME.test(name)))
        return;
    for (const [name, item] of items) {
        const schema = others.has(name) ? undefined : childrenOf(item)?.get('schema');
        if (schema && !hasUnusualLine(schema.block.textOf(schema)))
            schema.block.cutBody(schema);
    }
}
function openApi(b, a) {
    const [ob, oa] = [childrenOf(b)?.get('openAPIV3Schema'), childrenOf(a)?.get('openAPIV3Schema')];
    if (ob && oa)
        schema(ob, oa);
}
function schema(b, a) {
    const [cb, ca] = [childrenOf(b), childrenOf(a)];
    if (!cb || !ca)
        return;
    const [pb, pa] = [cb.get('properties'), ca.get('properties')];
    if (pb && pa)
        properties(pb, pa);
    for (const key of ['items', 'additionalProperties']) {
        const [kb, ka] = [cb.get(key), ca.get(key)];
        if (kb && ka)
            schema(kb, ka);
    }
}
function properties(b, a) {
    // The whole map the same: drop its body and keep the key (`properties:` then reads as null).
    if (sameSafeText(b, a)) {
        b.block.cutBody(b);
        a.block.cutBody(a);
        return;
    }
    const [cb, ca] = [childrenOf(b), childrenOf(a)];
    if (!cb || !ca)
        return;
    for (const [name, pb] of cb) {
        const pa = ca.get(name);
        if (!pa)
            continue;
        if (sameSafeText(pb, pa)) {
            pb.block.cut(pb);
            pa.block.cut(pa);
        }
        else
            schema(pb, pa);
    }
}
/** True when both entries are the same text made only of simple lines. */
function sameSafeText(b, a) {
    const text = b.block.textOf(b);
    return text === a.block.textOf(a) && !hasUnusualLine(text);
}
// Kubernetes version names (v1, v2beta1): plain scalars that YAML reads as the same strings.
const VERSION_NAME = /^v[0-9][a-z0-9]*$/;

// EXTERNAL MODULE: ./src/core/index.ts + 8 modules
var core = __webpack_require__(4260);
;// CONCATENATED MODULE: ./src/hazards/crd-specs.ts



/**
 * Both CRD specs of a change without descriptions, or undefined when they do not differ in
 * substance. Kept in the change's memo for the other CRD rules, and for the other direction when
 * it checks the same pair (see `ResourceChange.memo`): the specs are then handed back swapped.
 */
function crdSpecs(change) {
    if (!change.after)
        return undefined;
    const memo = (change.memo ??= new Map());
    let read = memo.get(MEMO);
    if (!read)
        memo.set(MEMO, (read = { before: change.before, specs: readSpecs(change.before, change.after) }));
    if (read.before === change.before || !read.specs)
        return read.specs;
    return [read.specs[1], read.specs[0]];
}
const MEMO = 'crd-specs';
function readSpecs(before, after) {
    // Most CRDs of a change keep their spec: told without decoding their megabytes.
    if (before.doc.sameRaw(after.doc, ['spec']))
        return undefined;
    const [sb, sa] = [before, after].map(r => stripDescriptions(r.doc.raw(['spec']) ?? undefined));
    if (sb !== undefined && sb === sa)
        return undefined;
    // Most of a large CRD's schema is the same on both sides: parse only the properties that differ.
    const [pb, pa] = sb !== undefined && sa !== undefined ? withoutSharedProperties(sb, sa) : [sb, sa];
    return [toSpec(specValue(before, pb)), toSpec(specValue(after, pa))];
}
function specValue(r, stripped) {
    if (stripped !== undefined) {
        const parsed = (0,safe_yaml/* parseYaml */.hN)(stripped);
        if (parsed.ok)
            return parsed.documents[0]?.value?.spec;
    }
    return r.doc.get(['spec']);
}
function toSpec(spec) {
    const s = (0,core/* asObject */.eB)(spec);
    const names = (0,core/* asObject */.eB)(s.names);
    const shared = (0,core/* asObject */.eB)(s.validation).openAPIV3Schema;
    const versions = (Array.isArray(s.versions) ? s.versions : []).map(v => {
        const o = (0,core/* asObject */.eB)(v);
        return {
            name: String(o.name),
            served: o.served !== false,
            storage: o.storage === true,
            schema: (0,core/* asObject */.eB)(o.schema).openAPIV3Schema ?? shared
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
function stripDescriptions(text) {
    if (text === undefined)
        return undefined;
    return text.replace(DESCRIPTION, '');
}
// `description: <text>` plus every following line indented deeper (or blank): one native pass.
// The match starts at the key, a literal the engine skips ahead to, and the indentation before
// it is checked looking back: twice as fast as trying a pattern at the start of every line.
const DESCRIPTION = /(?<=^( *))description:[ \t]+\S[^\n]*(?:\n(?:\1 [^\n]*|[ \t\r]*(?=\n)))*/gm;

;// CONCATENATED MODULE: ./src/hazards/schema-narrowing.ts

const UPPER_BOUNDS = ['maximum', 'maxLength', 'maxItems', 'maxProperties'];
const LOWER_BOUNDS = ['minimum', 'minLength', 'minItems', 'minProperties'];
/**
 * Lists the ways `after` accepts less than `before`: property removed, type changed, enum value
 * removed, new required field, upper bound lowered, lower bound raised, pattern added. Walks only
 * what both schemas share, so it is linear in their size. Stops collecting at `limit` but counts.
 */
function schemaNarrowings(before, after, limit = 20) {
    const result = { found: [], total: 0 };
    const add = (n) => {
        result.total++;
        if (result.found.length < limit)
            result.found.push(n);
    };
    compare(asSchema(before), asSchema(after), '', add);
    return result;
}
function compare(b, a, path, add) {
    const at = path || '.';
    if (typeof b.type === 'string' && typeof a.type === 'string' && b.type !== a.type) {
        add({ path: at, change: `type changed from ${b.type} to ${a.type}`, severity: 'error' });
    }
    else if (b.type === undefined && typeof a.type === 'string' && Object.keys(b).length > 0) {
        add({ path: at, change: `type ${a.type} now required`, severity: 'warning' });
    }
    compareEnum(b, a, at, add);
    const newlyRequired = strings(a.required).filter(r => !strings(b.required).includes(r));
    if (newlyRequired.length > 0)
        add({ path: at, change: `new required field ${newlyRequired.join(', ')}`, severity: 'error' });
    compareBounds(b, a, at, add);
    if (typeof a.pattern === 'string' && a.pattern !== b.pattern) {
        add({
            path: at,
            change: b.pattern === undefined ? `pattern ${a.pattern} added` : `pattern changed to ${a.pattern}`,
            severity: 'warning'
        });
    }
    compareProperties(b, a, path, add);
    if (isSchema(b.items) && isSchema(a.items))
        compare(b.items, a.items, `${path}[*]`, add);
    if (isSchema(b.additionalProperties) && isSchema(a.additionalProperties)) {
        compare(b.additionalProperties, a.additionalProperties, `${path}{*}`, add);
    }
    else if (b.additionalProperties && a.additionalProperties === false) {
        add({ path: at, change: 'additional properties no longer allowed', severity: 'warning' });
    }
}
function compareEnum(b, a, at, add) {
    if (!Array.isArray(a.enum))
        return;
    if (!Array.isArray(b.enum)) {
        add({ path: at, change: 'enum added', severity: 'warning' });
        return;
    }
    const kept = new Set(a.enum.map(v => JSON.stringify(v)));
    const removed = b.enum.map(v => JSON.stringify(v)).filter(v => !kept.has(v));
    if (removed.length > 0)
        add({ path: at, change: `enum value ${removed.join(', ')} removed`, severity: 'warning' });
}
function compareBounds(b, a, at, add) {
    for (const key of UPPER_BOUNDS) {
        const [was, now] = [b[key], a[key]];
        if (typeof now === 'number' && (typeof was !== 'number' || now < was)) {
            add({ path: at, change: `${key} ${typeof was === 'number' ? `lowered from ${was} to` : 'set to'} ${now}`, severity: 'warning' });
        }
    }
    for (const key of LOWER_BOUNDS) {
        const [was, now] = [b[key], a[key]];
        if (typeof now === 'number' && (typeof was !== 'number' ? now > 0 || key === 'minimum' : now > was)) {
            add({ path: at, change: `${key} ${typeof was === 'number' ? `raised from ${was} to` : 'set to'} ${now}`, severity: 'warning' });
        }
    }
}
function compareProperties(b, a, path, add) {
    if (!isSchema(b.properties))
        return;
    const after = isSchema(a.properties) ? a.properties : {};
    // With preserve-unknown-fields, fields missing from the schema are kept, not pruned.
    const keepsUnknown = a['x-kubernetes-preserve-unknown-fields'] === true;
    for (const [name, sub] of Object.entries(b.properties)) {
        const child = `${path}.${name}`;
        if (!Object.hasOwn(after, name)) {
            if (!keepsUnknown)
                add({ path: child, change: 'property removed', severity: 'warning' });
            continue;
        }
        compare(asSchema(sub), asSchema(after[name]), child, add);
    }
}
function isSchema(v) {
    return (0,core/* isObject */.Gv)(v);
}
function asSchema(v) {
    return isSchema(v) ? v : {};
}
function strings(v) {
    return Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/hazards/rules/helpers.ts


/**
 * True when the value at `path` is the same in both manifests (text first, then parsed). A field
 * left out or null is unset; `fallback` is the value the API server stores for an unset field, so
 * writing a default out, or dropping it, is no change. `stored` maps a parsed value to the form the
 * API server compares (for values it normalizes).
 */
function sameAt(before, after, path, fallback, stored = v => v) {
    if (before.doc.sameRaw(after.doc, path))
        return true;
    const [b, a] = [before.doc.get(path) ?? fallback, after.doc.get(path) ?? fallback];
    return (0,external_node_util_.isDeepStrictEqual)(stored(b), stored(a));
}
/**
 * The first of `fields` (under `base`) whose value differs, or undefined. `defaults` holds the
 * value the API server stores for each field that a manifest leaves unset.
 */
function changedField(change, base, fields, defaults = {}) {
    const { before, after } = change;
    if (!after)
        return undefined;
    return fields.find(f => !sameAt(before, after, [...base, f], Object.hasOwn(defaults, f) ? defaults[f] : undefined));
}
/** A string value at `path`, or undefined. */
function stringAt(r, path) {
    const v = r.doc.get(path);
    return typeof v === 'string' ? v : undefined;
}
/** True when the object has a value at `path` (used to tell full objects from partial patches). */
function has(r, path) {
    const v = r.doc.get(path);
    return v !== undefined && v !== null;
}
/** `Kind namespace/name`. */
function label(r) {
    return (0,identity/* describeResource */.w9)(r);
}
/**
 * A deletion hit; its message depends on whether the deletion is the change itself or its revert.
 * In the rollback direction the change creates the object, and undoing a creation is what a
 * revert is for: it is a warning with advice that makes a later revert safe. The revert guard
 * checks the rollback itself forward, where the same deletion keeps its severity and stops it.
 */
function deletion(ctx, severity, messages) {
    if (ctx.direction === 'forward')
        return { severity, effect: 'delete', message: messages.forward };
    return { severity: CREATION_SEVERITY, effect: 'delete', message: `${messages.rollback} ${REVERT_GUARDED}` };
}
/** Severity of a creation, reported as the deletion its revert causes. */
const CREATION_SEVERITY = 'warning';
const REVERT_GUARDED = 'The revert action refuses such a rollback unless allow-unsafe is set; keep a backup of what it holds.';
/** An update hit, phrased for the direction it is found in. */
function update(ctx, severity, message, symmetric = false) {
    const prefix = ctx.direction === 'rollback' ? 'Reverting this change: ' : '';
    return { severity, effect: 'update', message: prefix + message, symmetric };
}
/** JSON text of a value for messages, shortened. */
function show(v) {
    const text = v === undefined ? 'unset' : JSON.stringify(v);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

;// CONCATENATED MODULE: ./src/hazards/rules/crd.ts



const CRD = ['apiextensions.k8s.io/CustomResourceDefinition'];
const crdDelete = {
    id: 'crd-delete',
    rollbackId: 'crd-create',
    kinds: CRD,
    summary: 'A CustomResourceDefinition is removed: the API server deletes every custom resource of that type.',
    check({ before, after }, ctx) {
        if (after || !has(before, ['spec']))
            return undefined;
        return deletion(ctx, 'critical', {
            forward: `Deleting ${label(before)} makes the API server delete every custom resource of that type; recreating the CRD brings back an empty type. Keep the CRD, or add kustomize.toolkit.fluxcd.io/prune: disabled to it before removing the manifest.`,
            rollback: `This change creates ${label(before)}; reverting it deletes the CRD and every custom resource created meanwhile. Add kustomize.toolkit.fluxcd.io/prune: disabled to the CRD so a revert leaves it in place.`
        });
    }
};
const crdStorageVersionChange = {
    id: 'crd-storage-version-change',
    kinds: CRD,
    summary: 'The storage version changes and the old one leaves spec.versions: objects stored in it make the update fail.',
    check(change, ctx) {
        const specs = crdSpecs(change);
        if (!specs)
            return undefined;
        const dropped = droppedStorageVersion(specs);
        if (!dropped)
            return undefined;
        const now = specs[1].versions.find(v => v.storage)?.name ?? 'none';
        return update(ctx, 'critical', `${label(change.before)} stops listing its storage version ${dropped} (storage becomes ${now}). Objects stored as ${dropped} are in status.storedVersions, so the API server rejects the CRD ("must appear in spec.versions"). Keep ${dropped} in spec.versions (served: false) until every object is migrated and storedVersions is cleaned up.`);
    }
};
const crdVersionRemove = {
    id: 'crd-version-remove',
    kinds: CRD,
    summary: 'A version disappears from spec.versions: rejected while objects are stored in it, and its clients break.',
    check(change, ctx) {
        const specs = crdSpecs(change);
        if (!specs)
            return undefined;
        const [b, a] = specs;
        const dropped = droppedStorageVersion(specs);
        const kept = new Set(a.versions.map(v => v.name));
        const removed = b.versions.map(v => v.name).filter(n => !kept.has(n) && n !== dropped);
        if (removed.length === 0)
            return undefined;
        return update(ctx, 'error', `${label(change.before)} drops version ${removed.join(', ')}. The API server rejects this while objects are stored in it, and clients of that version break. Mark the version served: false first, migrate, then remove it in a separate PR.`);
    }
};
const crdIdentityChange = {
    id: 'crd-identity-change',
    kinds: CRD,
    summary: 'spec.scope, spec.names.kind, spec.group or spec.names.plural changes: rejected, or all objects lost.',
    check(change, ctx) {
        const specs = crdSpecs(change);
        if (!specs)
            return undefined;
        const [b, a] = specs;
        const field = ['scope', 'kind', 'group', 'plural'].find(f => a[f] !== undefined && b[f] !== a[f]);
        if (!field)
            return undefined;
        return update(ctx, 'critical', `${label(change.before)} changes ${field === 'kind' || field === 'plural' ? `spec.names.${field}` : `spec.${field}`} from ${String(b[field])} to ${String(a[field])}. The field is immutable (or names a different CRD): the update is rejected, or forcing it deletes every object. Create a new CRD instead and migrate.`, true);
    }
};
const crdSchemaNarrowing = {
    id: 'crd-schema-narrowing',
    kinds: CRD,
    summary: 'The schema of a served version accepts less: existing objects stop validating or lose pruned fields.',
    check(change, ctx) {
        const specs = crdSpecs(change);
        if (!specs)
            return undefined;
        const [b, a] = specs;
        const issues = [];
        let severity = 'warning';
        let total = 0;
        for (const after of a.versions) {
            const before = b.versions.find(v => v.name === after.name);
            if (!before || !after.served)
                continue;
            const { found, total: count } = schemaNarrowings(before.schema, after.schema);
            total += count;
            for (const n of found) {
                if (n.severity === 'error')
                    severity = 'error';
                if (issues.length < 5)
                    issues.push(`${after.name} ${n.path}: ${n.change}`);
            }
        }
        if (total === 0)
            return undefined;
        const more = total > issues.length ? ` and ${total - issues.length} more` : '';
        return update(ctx, severity, `The schema of ${label(change.before)} narrows: ${issues.join('; ')}${more}. Existing objects may stop validating or lose pruned fields. Widen the schema first, migrate objects, then narrow it in a separate PR.`);
    }
};
/** The version that held storage before and is missing afterwards, if any. */
function droppedStorageVersion([b, a]) {
    const storage = b.versions.find(v => v.storage)?.name;
    if (!storage || a.versions.length === 0 || a.versions.some(v => v.name === storage))
        return undefined;
    return storage;
}

;// CONCATENATED MODULE: ./src/hazards/rules/flux.ts


const KUSTOMIZATION = ['kustomize.toolkit.fluxcd.io/Kustomization'];
const fluxKustomizationDelete = {
    id: 'flux-kustomization-delete',
    kinds: KUSTOMIZATION,
    summary: 'A Flux Kustomization that prunes is removed: it garbage-collects every object it applied.',
    check({ before, after }, ctx) {
        if (after || !has(before, ['spec', 'sourceRef']) || !garbageCollects(before))
            return undefined;
        return deletion(ctx, 'critical', {
            forward: `Deleting Flux ${label(before)} garbage-collects every object it applied (spec.prune: true). Set spec.prune: false (or deletionPolicy: Orphan) in a PR of its own first.`,
            rollback: `This change creates Flux ${label(before)}, which prunes; reverting it deletes the Kustomization and garbage-collects every object it applied meanwhile. Set deletionPolicy: Orphan on it to make a revert safe.`
        });
    }
};
const fluxKustomizationRetarget = {
    id: 'flux-kustomization-retarget',
    kinds: KUSTOMIZATION,
    summary: 'spec.path or spec.targetNamespace of a Flux Kustomization changes: objects are pruned and created again.',
    check({ before, after }, ctx) {
        if (!after)
            return undefined;
        const path = (r) => (0,kustomize_build/* normalisePath */.qb)(stringAt(r, ['spec', 'path']) ?? '');
        const target = (r) => stringAt(r, ['spec', 'targetNamespace']) ?? '';
        const field = path(before) !== path(after) ? 'path' : target(before) !== target(after) ? 'targetNamespace' : undefined;
        if (!field)
            return undefined;
        const prunes = before.doc.get(['spec', 'prune']) === true || after.doc.get(['spec', 'prune']) === true;
        const [was, now] = field === 'path' ? [path(before), path(after)] : [target(before), target(after)];
        return update(ctx, prunes ? 'critical' : 'notice', prunes
            ? `Flux ${label(after)} changes spec.${field} (${was || "''"} -> ${now || "''"}). Objects are tracked by namespace and name, so everything not in the new set is pruned (claims included) and created again; a revert does the same. Move objects in steps with kustomize.toolkit.fluxcd.io/prune: disabled on them.`
            : `Flux ${label(after)} changes spec.${field} (${was || "''"} -> ${now || "''"}); it does not prune, so objects left behind stay in the cluster.`, true);
    }
};
function garbageCollects(r) {
    const policy = stringAt(r, ['spec', 'deletionPolicy']) ?? 'MirrorPrune';
    if (policy === 'Delete' || policy === 'WaitForTermination')
        return true;
    return policy === 'MirrorPrune' && r.doc.get(['spec', 'prune']) === true;
}

;// CONCATENATED MODULE: ./src/hazards/stateful.ts


// Keys under which charts commonly take persistence settings (bitnami, bjw-s app-template, ...).
const PERSISTENCE_KEYS = new Set([
    'persistence',
    'persistentVolume',
    'volumeClaimTemplates',
    'primary',
    'master',
    'replica',
    'secondary',
    'controllers',
    'statefulset',
    'server',
    'data'
]);
const MAX_DEPTH = 6;
/**
 * Where a HelmRelease's values make the chart create claims: `persistence.*` enabled without
 * `existingClaim`, `volumeClaimTemplates`, `primary.persistence` and the like. Paths such as
 * `values.persistence.config`; empty when none of the common shapes is there.
 */
function claimValues(values) {
    const found = [];
    walk(values, 'values', 0, false, found);
    return found;
}
function walk(value, at, depth, inPersistence, found) {
    if (!(0,core/* isObject */.Gv)(value) || depth > MAX_DEPTH)
        return;
    for (const [key, inner] of Object.entries(value)) {
        const path = `${at}.${key}`;
        if (key === 'volumeClaimTemplates') {
            if ((Array.isArray(inner) || (0,core/* isObject */.Gv)(inner)) && Object.keys(inner).length > 0)
                found.push(path);
            continue;
        }
        if (key === 'persistence' || key === 'persistentVolume') {
            if ((0,core/* isObject */.Gv)(inner) && createsClaim(inner))
                found.push(path);
            else if ((0,core/* isObject */.Gv)(inner))
                for (const [name, item] of Object.entries(inner))
                    if ((0,core/* isObject */.Gv)(item) && createsClaim(item))
                        found.push(`${path}.${name}`);
            continue;
        }
        if (PERSISTENCE_KEYS.has(key) || inPersistence || depth < 2)
            walk(inner, path, depth + 1, PERSISTENCE_KEYS.has(key), found);
    }
}
/** A persistence block that makes a claim: enabled (or not disabled), no existing claim, a claim type. */
function createsClaim(block) {
    if (block.enabled === false || block.existingClaim)
        return false;
    const type = typeof block.type === 'string' ? block.type : undefined;
    if (type !== undefined)
        return type === 'persistentVolumeClaim' || type === 'pvc';
    return block.enabled === true || 'size' in block || 'storageClass' in block || 'accessMode' in block || 'accessModes' in block;
}
/**
 * What state an object holds that goes when it is deleted, as a short label, or undefined: a claim,
 * a StatefulSet with claim templates, a CRD, a namespace, a HelmRelease whose values create claims.
 */
function stateOf(r) {
    const label = (0,identity/* describeResource */.w9)(r);
    if (r.group === '' && r.kind === 'PersistentVolumeClaim')
        return label;
    if (r.group === '' && r.kind === 'Namespace')
        return label;
    if (r.group === 'apiextensions.k8s.io' && r.kind === 'CustomResourceDefinition')
        return label;
    if (r.group === 'apps' && r.kind === 'StatefulSet') {
        const templates = r.doc.get(['spec', 'volumeClaimTemplates']);
        return Array.isArray(templates) && templates.length > 0 ? `${label} (claim templates)` : undefined;
    }
    if (r.group === 'helm.toolkit.fluxcd.io' && r.kind === 'HelmRelease') {
        const claims = claimValues(r.doc.get(['spec', 'values']));
        return claims.length > 0 ? `${label} (${claims.join(', ')})` : undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/hazards/rules/helm.ts


const HELM_RELEASE = ['helm.toolkit.fluxcd.io/HelmRelease'];
const CHART_VERSION = ['spec', 'chart', 'spec', 'version'];
const helmreleaseDelete = {
    id: 'helmrelease-delete',
    kinds: HELM_RELEASE,
    summary: 'A HelmRelease is removed: helm uninstall deletes the chart resources (claims, CRDs shipped as templates).',
    check({ before, after }, ctx) {
        // A HelmRelease without a chart is a patch (e.g. only spec.values), not the object itself.
        if (after || !(has(before, ['spec', 'chart']) || has(before, ['spec', 'chartRef'])))
            return undefined;
        const claims = claimValues(before.doc.get(['spec', 'values']));
        return deletion(ctx, claims.length > 0 ? 'critical' : 'warning', {
            forward: claims.length > 0
                ? `Deleting ${label(before)} runs helm uninstall: every chart resource is deleted except those marked helm.sh/resource-policy: keep, and its values make the chart create claims (${claims.join(', ')}), whose data goes with them. Mark what must survive with helm.sh/resource-policy: keep first, or add kustomize.toolkit.fluxcd.io/prune: disabled to the HelmRelease.`
                : `Deleting ${label(before)} runs helm uninstall; nothing persistent was found in its values (no persistence, volumeClaimTemplates or the like): check that the chart keeps no data of its own (CRDs shipped as templates are deleted too).`,
            rollback: `This change creates ${label(before)}; reverting it uninstalls the release and deletes every chart resource created meanwhile (claims and their data included) except those marked helm.sh/resource-policy: keep. Mark the chart's claims helm.sh/resource-policy: keep (most charts take it in their persistence values), or add kustomize.toolkit.fluxcd.io/prune: disabled to the HelmRelease, so a revert leaves them in place.`
        });
    }
};
const helmreleaseIdentityChange = {
    id: 'helmrelease-identity-change',
    kinds: HELM_RELEASE,
    summary: 'The release name, target namespace or storage namespace of a HelmRelease changes (defaults worked out): the old release is uninstalled first.',
    check(change, ctx) {
        const { before, after } = change;
        if (!after)
            return undefined;
        const [was, now] = [releaseIdentity(before), releaseIdentity(after)];
        const field = ['releaseName', 'targetNamespace', 'storageNamespace'].find(f => was[f] !== now[f]);
        if (!field)
            return undefined;
        const what = { releaseName: 'release name', targetNamespace: 'target namespace', storageNamespace: 'storage namespace' }[field];
        return update(ctx, 'critical', `${label(before)} changes the ${what} of its Helm release (${was[field]} -> ${now[field]}): helm-controller uninstalls the old release (deleting its resources, claims included) before installing the new one; a revert does the same again. Keep the release identity, or migrate the release by hand.`, true);
    }
};
const helmreleaseCrdUpgrade = {
    id: 'helmrelease-crd-upgrade',
    kinds: HELM_RELEASE,
    summary: 'The chart version changes while install.crds or upgrade.crds is CreateReplace: a rollback installs older CRDs.',
    check({ before, after }, ctx) {
        if (!after)
            return undefined;
        const [was, now] = [stringAt(before, CHART_VERSION), stringAt(after, CHART_VERSION)];
        if (was === now || !(replacesCrds(before) || replacesCrds(after)))
            return undefined;
        return update(ctx, 'warning', `${label(after)} changes the chart version (${was ?? 'unset'} -> ${now ?? 'unset'}) with CRDs set to CreateReplace: the chart's CRDs are replaced, and a revert installs the older CRDs (the CRD rules apply to them). Review the chart's CRD changes, and upgrade CRD-changing charts in their own PR.`, true);
    }
};
function replacesCrds(r) {
    return stringAt(r, ['spec', 'install', 'crds']) === 'CreateReplace' || stringAt(r, ['spec', 'upgrade', 'crds']) === 'CreateReplace';
}
// Longest release name helm-controller uses as composed; a longer one is shortened with a hash.
const MAX_RELEASE_NAME = 53;
/**
 * The release a HelmRelease installs, as helm-controller works it out: the release name defaults
 * to `[targetNamespace-]name`, and the target and storage namespaces to the HelmRelease's own.
 * Writing a default out is then no change; setting targetNamespace changes the default name too.
 */
function releaseIdentity(r) {
    const own = r.namespace ?? "the HelmRelease's namespace";
    const target = stringAt(r, ['spec', 'targetNamespace']) || undefined;
    const composed = target ? `${target}-${r.name}` : r.name;
    // A composed name that helm-controller would shorten is not worked out here: only the same
    // spelling counts as the same release.
    const releaseName = stringAt(r, ['spec', 'releaseName']) || (composed.length <= MAX_RELEASE_NAME ? composed : `${composed} (shortened by helm-controller)`);
    return { releaseName, targetNamespace: target ?? own, storageNamespace: stringAt(r, ['spec', 'storageNamespace']) || own };
}

;// CONCATENATED MODULE: ./src/hazards/rules/immutable-config.ts

const DATA = ['data', 'binaryData', 'stringData'];
const immutableConfigChange = {
    id: 'immutable-config-change',
    kinds: ['/ConfigMap', '/Secret'],
    forced: 'notice',
    summary: 'A ConfigMap or Secret marked immutable: true changes its data or drops the flag, or a Secret changes type.',
    // A Secret's type, always; the data only of an object marked immutable (without the key, the
    // check returns before reading anything more, on either side).
    reads({ kind }, keys) {
        const data = keys.has('immutable') ? ['immutable', ...DATA] : [];
        return kind === 'Secret' ? ['type', ...data] : data;
    },
    check(change, ctx) {
        const { before, after } = change;
        if (!after)
            return undefined;
        if (before.kind === 'Secret' && (stringAt(before, ['type']) ?? 'Opaque') !== (stringAt(after, ['type']) ?? 'Opaque')) {
            return update(ctx, 'error', `${label(after)} changes its type; a Secret's type is immutable, so the API server rejects it. Create a Secret with a new name instead.`, true);
        }
        if (!isImmutable(before))
            return undefined;
        if (!isImmutable(after)) {
            return update(ctx, 'error', `${label(after)} drops immutable: true; once set it cannot be unset ("field is immutable when immutable is set"). Create a new object with a new name (e.g. a kustomize generator hash) instead.`);
        }
        const field = dataChanged(change);
        if (!field)
            return undefined;
        return update(ctx, 'error', `${label(after)} is immutable but its ${field} changes; the API server rejects it. Create a new object with a new name (e.g. a kustomize generator hash) instead.`, true);
    }
};
function isImmutable(r) {
    return r.doc.get(['immutable']) === true;
}
function dataChanged(change) {
    // SOPS re-encrypts on every edit: encrypted data cannot be compared.
    if (change.before.encrypted || change.after?.encrypted)
        return undefined;
    return changedField(change, [], DATA);
}

;// CONCATENATED MODULE: ./src/hazards/rules/kustomize.ts


const RENAMING = ['namespace', 'namePrefix', 'nameSuffix'];
const kustomizeBuildRetarget = {
    id: 'kustomize-build-retarget',
    kinds: [`${kustomize_build/* BUILD_SETTINGS_GROUP */.vN}/${kustomize_build/* BUILD_SETTINGS_KIND */.G6}`],
    summary: 'namespace, namePrefix or nameSuffix of a kustomize build file changes: every object it builds gets a new identity, so Flux prunes the old objects and creates new ones.',
    check({ before, after }) {
        if (!after)
            return undefined;
        const field = RENAMING.find(f => setting(before, f) !== setting(after, f));
        if (!field)
            return undefined;
        const [was, now] = [before.doc.get([field]), after.doc.get([field])];
        const folder = before.name === '/' ? 'the repository root' : `${before.name}/`;
        return {
            severity: 'critical',
            effect: 'delete',
            symmetric: true,
            message: `${before.file} changes ${field} (${show(was)} -> ${show(now)}): every object built from ${folder} gets a new ${field === 'namespace' ? 'namespace' : 'name'}. Flux applies them as new objects and prunes the old ones (claims and their data included); a revert does the same again. Move objects in steps with kustomize.toolkit.fluxcd.io/prune: disabled on them (or in commonAnnotations).`
        };
    }
};
/** A renaming setting as kustomize applies it: unset and empty both leave names alone. */
function setting(r, field) {
    const v = r.doc.get([field]);
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

;// CONCATENATED MODULE: ./src/hazards/rules/namespace.ts

const namespaceDelete = {
    id: 'namespace-delete',
    rollbackId: 'namespace-create',
    kinds: ['/Namespace'],
    summary: 'A Namespace is removed: everything inside it is deleted, claims included.',
    check({ before, after }, ctx) {
        if (after)
            return undefined;
        return deletion(ctx, 'critical', {
            forward: `Deleting ${label(before)} deletes everything inside it, claims and their data included. Move or back up what lives there first, or add kustomize.toolkit.fluxcd.io/prune: disabled to the Namespace.`,
            rollback: `This change creates ${label(before)}; reverting it deletes the namespace and everything created in it meanwhile. Add kustomize.toolkit.fluxcd.io/prune: disabled to the Namespace so a revert leaves it in place.`
        });
    }
};

;// CONCATENATED MODULE: ./src/manifests/quantity.ts
const BINARY = {
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60
};
const DECIMAL = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
// Exponent before suffix: `1E3` is 1000, a bare trailing `E` (exa) is a suffix.
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;
/**
 * Parses a Kubernetes resource quantity (`10Gi`, `500M`, `1.5Ti`, `1e9`, `250m`) into a number
 * of base units, or undefined when it is not a quantity.
 */
function parseQuantity(q) {
    if (typeof q === 'number')
        return Number.isFinite(q) ? q : undefined;
    if (typeof q !== 'string')
        return undefined;
    const match = q.trim().match(QUANTITY);
    if (!match)
        return undefined;
    const [, mantissa, exponent, suffix = ''] = match;
    const base = Number(mantissa);
    if (exponent !== undefined)
        return base * 10 ** Number(exponent);
    return base * (BINARY[suffix] ?? DECIMAL[suffix]);
}

;// CONCATENATED MODULE: ./src/hazards/rules/pvc.ts


const PVC = ['/PersistentVolumeClaim'];
const STORAGE = ['spec', 'resources', 'requests', 'storage'];
const IMMUTABLE = ['accessModes', 'storageClassName', 'volumeMode', 'selector', 'dataSource', 'dataSourceRef', 'volumeName'];
// What the API server stores for a claim that leaves the field out.
const IMMUTABLE_DEFAULTS = { volumeMode: 'Filesystem' };
const pvcDelete = {
    id: 'pvc-delete',
    rollbackId: 'pvc-create',
    kinds: PVC,
    summary: 'A PersistentVolumeClaim is removed: with the usual Delete reclaim policy its volume and data are destroyed.',
    check({ before, after }, ctx) {
        // A claim without accessModes is a patch (e.g. only a new size), not the object itself.
        if (after || !has(before, ['spec', 'accessModes']))
            return undefined;
        return deletion(ctx, 'critical', {
            forward: `Deleting ${label(before)} destroys its volume and data (reclaim policy Delete); a rollback creates an empty claim. Back up the data first, or add kustomize.toolkit.fluxcd.io/prune: disabled to the claim before removing the manifest.`,
            rollback: `This change creates ${label(before)}; reverting it deletes the claim and destroys the data written after the merge. Add kustomize.toolkit.fluxcd.io/prune: disabled to the claim so a revert leaves it in place.`
        });
    }
};
const pvcExpand = {
    id: 'pvc-expand',
    kinds: PVC,
    forced: 'critical',
    summary: 'spec.resources.requests.storage grows: volumes cannot shrink, so the rollback is rejected and Flux stays stuck.',
    check({ before, after }, ctx) {
        if (!after)
            return undefined;
        const [was, now] = [before.doc.get(STORAGE), after.doc.get(STORAGE)];
        const [b, a] = [parseQuantity(was), parseQuantity(now)];
        if (b === undefined || a === undefined || a >= b)
            return undefined;
        const message = ctx.direction === 'forward'
            ? `${label(after)} shrinks its storage request from ${String(was)} to ${String(now)}. Volumes cannot shrink: the API server rejects it ("field can not be less than previous value") and Flux stays stuck. Keep the larger size.`
            : `This change grows the storage of ${label(before)} from ${String(now)} to ${String(was)}. Volumes cannot shrink, so a revert is rejected ("field can not be less than previous value") and Flux stays stuck. Expand storage in its own PR after a backup, and never revert that PR.`;
        return { severity: 'error', effect: 'update', message };
    }
};
const pvcImmutableChange = {
    id: 'pvc-immutable-change',
    kinds: PVC,
    forced: 'critical',
    summary: 'An immutable spec field of a bound claim changes (accessModes, storageClassName, volumeMode, selector, dataSource, dataSourceRef, volumeName; volumeAttributesClassName set -> unset).',
    check(change, ctx) {
        const { before, after } = change;
        if (!after)
            return undefined;
        const field = changedField(change, ['spec'], IMMUTABLE, IMMUTABLE_DEFAULTS);
        if (field) {
            const [b, a] = [before.doc.get(['spec', field]), after.doc.get(['spec', field])];
            return update(ctx, 'error', `${label(after)} changes spec.${field} (${show(b)} -> ${show(a)}). The spec of a bound claim is immutable: the API server rejects it, and forcing it through recreates the claim and loses its data. Create a new claim and migrate the data instead.`, true);
        }
        const vac = ['spec', 'volumeAttributesClassName'];
        if (stringAt(before, vac) !== undefined && stringAt(after, vac) === undefined) {
            return update(ctx, 'error', `${label(after)} unsets spec.volumeAttributesClassName; a bound claim cannot go back to no class, so the API server rejects it. Keep the class set.`);
        }
        return undefined;
    }
};

;// CONCATENATED MODULE: ./src/hazards/rules/rbac.ts

const rolebindingRolerefChange = {
    id: 'rolebinding-roleref-change',
    kinds: ['rbac.authorization.k8s.io/RoleBinding', 'rbac.authorization.k8s.io/ClusterRoleBinding'],
    forced: 'notice',
    summary: 'roleRef of a RoleBinding or ClusterRoleBinding changes: "cannot change roleRef".',
    check(change, ctx) {
        if (!changedField(change, [], ['roleRef']))
            return undefined;
        return update(ctx, 'error', `${label(change.before)} changes roleRef, which cannot change: the API server rejects it. Create a binding with a new name instead, or enable kustomize.toolkit.fluxcd.io/force: enabled.`, true);
    }
};

;// CONCATENATED MODULE: ./src/hazards/rules/service.ts

const serviceClusterIpChange = {
    id: 'service-cluster-ip-change',
    kinds: ['/Service'],
    forced: 'notice',
    summary: 'spec.clusterIP or spec.clusterIPs changes (None <-> an address too): "may not change once set".',
    check({ before, after }, ctx) {
        if (!after)
            return undefined;
        const [b, a] = [clusterIps(before), clusterIps(after)];
        // Leaving the addresses out keeps the allocated ones; setting different ones is rejected. A
        // second address (dual-stack) may be added or dropped: only those present on both sides count.
        // A revert that sets the addresses this change left out sets what is still allocated.
        if (a.length === 0 || (b.length === 0 && ctx.direction === 'rollback'))
            return undefined;
        const at = b.length === 0 ? 0 : b.findIndex((ip, i) => i < a.length && ip !== a[i]);
        if (at < 0)
            return undefined;
        const field = at === 0 ? 'clusterIP' : `clusterIPs[${at}]`;
        return update(ctx, 'error', `${label(after)} changes spec.${field} (${show(b[at])} -> ${show(a[at])}); it may not change once set, so the API server rejects the update. Create a Service with a new name instead, or enable kustomize.toolkit.fluxcd.io/force: enabled.`, b.length > 0);
    }
};
/**
 * The Service's cluster addresses as the API server keeps them: `clusterIPs`, or `clusterIP` alone
 * (which the API server copies into `clusterIPs`); none when both are left out or empty.
 */
function clusterIps(r) {
    const list = r.doc.get(['spec', 'clusterIPs']);
    if (Array.isArray(list) && list.length > 0)
        return list;
    const one = r.doc.get(['spec', 'clusterIP']);
    return one === undefined || one === null || one === '' ? [] : [one];
}

;// CONCATENATED MODULE: ./src/hazards/rules/statefulset.ts



const STS = ['apps/StatefulSet'];
// What the API server stores for a StatefulSet that leaves the field out.
const SPEC_DEFAULTS = { podManagementPolicy: 'OrderedReady' };
const statefulsetClaimTemplateChange = {
    id: 'statefulset-claim-template-change',
    kinds: STS,
    forced: 'critical',
    summary: 'spec.volumeClaimTemplates changes: forbidden on update.',
    check(change, ctx) {
        if (sameClaimTemplates(change))
            return undefined;
        return update(ctx, 'error', `${label(change.before)} changes spec.volumeClaimTemplates, which the API server forbids on update ("updates to statefulset spec for fields other than ... are forbidden"); Flux stays stuck. Create a new StatefulSet (or delete it with --cascade=orphan by hand) and resize claims separately.`, true);
    }
};
const statefulsetImmutableChange = {
    id: 'statefulset-immutable-change',
    kinds: STS,
    forced: 'critical',
    summary: 'spec.serviceName, spec.selector or spec.podManagementPolicy changes: forbidden on update.',
    check(change, ctx) {
        const field = changedField(change, ['spec'], ['serviceName', 'selector', 'podManagementPolicy'], SPEC_DEFAULTS);
        if (!field)
            return undefined;
        return update(ctx, 'error', `${label(change.before)} changes spec.${field}, which cannot change after creation: the API server rejects the update and Flux stays stuck. Create a StatefulSet with a new name instead.`, true);
    }
};
const statefulsetDelete = {
    id: 'statefulset-delete',
    kinds: STS,
    summary: 'A StatefulSet with persistentVolumeClaimRetentionPolicy.whenDeleted: Delete is removed: its claims are deleted with it.',
    check({ before, after }, ctx) {
        if (after || !has(before, ['spec', 'selector']))
            return undefined;
        if (stringAt(before, ['spec', 'persistentVolumeClaimRetentionPolicy', 'whenDeleted']) !== 'Delete')
            return undefined;
        return deletion(ctx, 'critical', {
            forward: `Deleting ${label(before)} also deletes its claims (persistentVolumeClaimRetentionPolicy.whenDeleted: Delete) and their data. Set whenDeleted: Retain in a PR of its own first, or add kustomize.toolkit.fluxcd.io/prune: disabled.`,
            rollback: `This change creates ${label(before)} with whenDeleted: Delete; reverting it deletes the StatefulSet and its claims with their data. Use whenDeleted: Retain, or add kustomize.toolkit.fluxcd.io/prune: disabled.`
        });
    }
};
/** True when the claim templates are the same as the API server compares them on an update. */
function sameClaimTemplates({ before, after }) {
    return (!after ||
        sameAt(before, after, ['spec', 'volumeClaimTemplates'], [], templates => Array.isArray(templates) ? templates.map(storedTemplate) : templates));
}
/**
 * A claim template as the API server stores and compares it: without apiVersion and kind (set on
 * every template it returns), with volumeMode Filesystem and status.phase Pending when unset, no
 * null creationTimestamp, and each requested or limited resource as a number, since quantities are
 * compared by value (1Gi is 1024Mi).
 */
function storedTemplate(template) {
    if (!(0,core/* isObject */.Gv)(template))
        return template;
    const { apiVersion: _apiVersion, kind: _kind, ...rest } = template;
    const stored = { ...rest };
    if ((0,core/* isObject */.Gv)(rest.metadata) && rest.metadata.creationTimestamp === null) {
        const { creationTimestamp: _unset, ...metadata } = rest.metadata;
        stored.metadata = metadata;
    }
    const spec = (0,core/* isObject */.Gv)(rest.spec) ? rest.spec : {};
    stored.spec = {
        ...spec,
        volumeMode: spec.volumeMode ?? 'Filesystem',
        ...((0,core/* isObject */.Gv)(spec.resources) ? { resources: storedResources(spec.resources) } : {})
    };
    const status = (0,core/* isObject */.Gv)(rest.status) ? rest.status : {};
    stored.status = { ...status, phase: status.phase ?? 'Pending' };
    return stored;
}
function storedResources(resources) {
    const stored = { ...resources };
    for (const key of ['requests', 'limits']) {
        const list = resources[key];
        if (!(0,core/* isObject */.Gv)(list))
            continue;
        stored[key] = Object.fromEntries(Object.entries(list).map(([name, q]) => [name, parseQuantity(q) ?? q]));
    }
    return stored;
}

;// CONCATENATED MODULE: ./src/hazards/rules/storage.ts

// Every PersistentVolume spec field that is not part of the volume source.
const PV_NOT_SOURCE = new Set([
    'accessModes',
    'capacity',
    'claimRef',
    'mountOptions',
    'nodeAffinity',
    'persistentVolumeReclaimPolicy',
    'storageClassName',
    'volumeAttributesClassName',
    'volumeMode'
]);
const persistentvolumeChange = {
    id: 'persistentvolume-change',
    kinds: ['/PersistentVolume'],
    forced: 'critical',
    summary: 'A PersistentVolume changes its volume source or volumeMode (immutable), or is removed with reclaim policy Delete.',
    check({ before, after }, ctx) {
        if (!after) {
            if (stringAt(before, ['spec', 'persistentVolumeReclaimPolicy']) !== 'Delete')
                return undefined;
            return deletion(ctx, 'critical', {
                forward: `Deleting ${label(before)} with persistentVolumeReclaimPolicy: Delete can destroy its backing storage. Set the policy to Retain in a PR of its own first.`,
                rollback: `This change creates ${label(before)} with persistentVolumeReclaimPolicy: Delete; reverting it can destroy the backing storage. Use Retain.`
            });
        }
        const spec = (r) => {
            const s = r.doc.get(['spec']);
            return s && typeof s === 'object' ? s : {};
        };
        const keys = new Set([...Object.keys(spec(before)), ...Object.keys(spec(after))]);
        const sources = [...keys].filter(k => !PV_NOT_SOURCE.has(k)).concat('volumeMode');
        const field = sources.find(k => !sameAt(before, after, ['spec', k], k === 'volumeMode' ? 'Filesystem' : undefined));
        if (!field)
            return undefined;
        return update(ctx, 'error', `${label(after)} changes spec.${field}; the volume source and volumeMode are immutable, so the API server rejects it. Create a new PersistentVolume instead.`, true);
    }
};
// What the API server stores for a StorageClass that leaves the field out.
const STORAGE_CLASS_DEFAULTS = { reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' };
const storageclassChange = {
    id: 'storageclass-change',
    kinds: ['storage.k8s.io/StorageClass'],
    forced: 'notice',
    summary: 'A StorageClass changes parameters, provisioner, reclaimPolicy or volumeBindingMode: updates are forbidden.',
    check(change, ctx) {
        const field = changedField(change, [], ['parameters', 'provisioner', 'reclaimPolicy', 'volumeBindingMode'], STORAGE_CLASS_DEFAULTS);
        if (!field)
            return undefined;
        return update(ctx, 'error', `${label(change.before)} changes ${field}; the API server forbids updates to it. Create a StorageClass with a new name instead.`, true);
    }
};

;// CONCATENATED MODULE: ./src/hazards/rules/workloads.ts


// Job spec fields that may change after creation; everything else is immutable.
const JOB_MUTABLE = new Set([
    'parallelism',
    'activeDeadlineSeconds',
    'suspend',
    'ttlSecondsAfterFinished',
    'completions',
    'selector',
    'manualSelector'
]);
const selectorChange = {
    id: 'selector-change',
    kinds: ['apps/Deployment', 'apps/ReplicaSet', 'apps/DaemonSet', 'batch/Job'],
    forced: 'notice',
    summary: 'spec.selector of a Deployment, ReplicaSet, DaemonSet or Job changes: the field is immutable.',
    check(change, ctx) {
        if (!changedField(change, ['spec'], ['selector']))
            return undefined;
        return update(ctx, 'error', `${label(change.before)} changes spec.selector, which is immutable: the API server rejects the update ("field is immutable") and Flux stays stuck. Create the workload under a new name, or enable kustomize.toolkit.fluxcd.io/force: enabled on it.`, true);
    }
};
const jobTemplateChange = {
    id: 'job-template-change',
    kinds: ['batch/Job'],
    forced: 'notice',
    summary: 'spec.template or another immutable Job field changes: "field is immutable".',
    check({ before, after }, ctx) {
        if (!after)
            return undefined;
        const [b, a] = [immutablePart(before), immutablePart(after)];
        const field = [...new Set([...Object.keys(b), ...Object.keys(a)])].find(k => !(0,external_node_util_.isDeepStrictEqual)(b[k], a[k]));
        if (!field)
            return undefined;
        return update(ctx, 'warning', `${label(after)} changes spec.${field}, which is immutable for a Job: the update is rejected. Give the Job a new name (or use a generated name) for each run, or enable kustomize.toolkit.fluxcd.io/force: enabled.`, true);
    }
};
function immutablePart(r) {
    const spec = r.doc.get(['spec']);
    if (!spec || typeof spec !== 'object')
        return {};
    return Object.fromEntries(Object.entries(spec).filter(([k]) => !JOB_MUTABLE.has(k)));
}

;// CONCATENATED MODULE: ./src/hazards/registry.ts












/** Reported by the reading stage, not by a rule: a changed file that could not be checked. */
const MANIFEST_UNREADABLE = 'manifest-unreadable';
/** Every hazard rule, in documentation order. Add a rule here and in docs/hazards.md. */
const RULES = [
    crdDelete,
    crdStorageVersionChange,
    crdVersionRemove,
    crdIdentityChange,
    crdSchemaNarrowing,
    pvcDelete,
    pvcExpand,
    pvcImmutableChange,
    statefulsetClaimTemplateChange,
    statefulsetImmutableChange,
    statefulsetDelete,
    namespaceDelete,
    persistentvolumeChange,
    storageclassChange,
    selectorChange,
    jobTemplateChange,
    serviceClusterIpChange,
    immutableConfigChange,
    rolebindingRolerefChange,
    fluxKustomizationDelete,
    fluxKustomizationRetarget,
    kustomizeBuildRetarget,
    helmreleaseDelete,
    helmreleaseIdentityChange,
    helmreleaseCrdUpgrade
];
/** Every id a finding can carry (rule ids, their rollback ids, manifest-unreadable). */
const RULE_IDS = [...RULES.flatMap(r => (r.rollbackId ? [r.id, r.rollbackId] : [r.id])), MANIFEST_UNREADABLE];
// By group, then kind: asked for every object read and checked, so without building a string.
const BY_KIND = new Map();
for (const rule of RULES) {
    for (const groupKind of rule.kinds) {
        const slash = groupKind.lastIndexOf('/');
        const [group, kind] = [groupKind.slice(0, slash), groupKind.slice(slash + 1)];
        const kinds = BY_KIND.get(group) ?? BY_KIND.set(group, new Map()).get(group);
        kinds.set(kind, [...(kinds.get(kind) ?? []), rule]);
    }
}
const NONE = [];
/** The rules that look at objects of this API group and kind. */
function rulesFor(group, kind) {
    return BY_KIND.get(group)?.get(kind) ?? NONE;
}
/**
 * The top-level entries of an object's document (besides `metadata`, which the modifiers read)
 * that the rules of its kind read (each rule's `reads`), so the reading stage keeps only those:
 * 'all' when a rule does not say. No object at all (null) for kinds no rule looks at: the checks
 * skip them (their documents are still checked for being readable). A reduced document may equal
 * its partner where the whole one would not: the pair is then not checked, which is safe as no
 * rule reads what was dropped.
 */
function entriesRulesRead(id, keys) {
    const rules = rulesFor(id.group, id.kind);
    if (rules.length === 0)
        return null;
    const read = new Set();
    for (const rule of rules) {
        if (!rule.reads)
            return 'all';
        for (const key of rule.reads(id, keys))
            read.add(key);
    }
    return [...read];
}

;// CONCATENATED MODULE: ./src/hazards/outcomes.ts


/** Nothing found. */
const NOTHING = [];
/** Runs the rules of the object's kind on a change, in rule order. */
function ruleOutcomes(change, direction) {
    const outcomes = [];
    for (const rule of rulesFor(change.before.group, change.before.kind)) {
        try {
            const hit = rule.check(change, { direction });
            if (!hit || (hit.symmetric && direction === 'rollback'))
                continue;
            outcomes.push({ rule, hit });
        }
        catch (e) {
            if (!(e instanceof manifest_document/* UnreadableDocumentError */.nc))
                throw e;
            outcomes.push({ unreadable: e.reason });
            break;
        }
    }
    return outcomes;
}
/** An object with the same bytes at both revisions has not changed: there is nothing to check. */
function unchanged(before, after) {
    return before.doc.sameBytes(after.doc);
}

;// CONCATENATED MODULE: ./src/hazards/pairing.ts

/**
 * Matches objects of both revisions by key. Same-key objects (the same name in two clusters'
 * folders) pair up by file first, then by owning Flux Kustomization, then in order. Objects of
 * kinds no rule looks at are left out.
 */
function* pairUp(before, after) {
    const byKey = byKeyWithRules(after);
    // One pair at a time: a list of every pair would keep them all alive through the checks.
    for (const b of before) {
        if (!hasRules(b))
            continue;
        yield { before: b, after: partnerOf(byKey, b) };
    }
}
/**
 * The objects of kinds some rule looks at, by key. The others are left out: nothing can be found
 * in them, and the pairs of other objects stay the same (the key includes the kind). Most keys
 * name one object: it is kept as is, a list only when there are more.
 */
function byKeyWithRules(resources) {
    const byKey = new Map();
    for (const r of resources) {
        if (!hasRules(r))
            continue;
        const known = byKey.get(r.key);
        if (known === undefined)
            byKey.set(r.key, r);
        else if (Array.isArray(known))
            known.push(r);
        else
            byKey.set(r.key, [known, r]);
    }
    return byKey;
}
/** Takes `b`'s partner out of `byKey`: the lone object of its key, or the best of several. */
function partnerOf(byKey, b) {
    const found = byKey.get(b.key);
    if (found === undefined || Array.isArray(found))
        return take(found, b);
    byKey.delete(b.key);
    return found;
}
function take(candidates, b) {
    if (!candidates || candidates.length === 0)
        return undefined;
    let index = candidates.findIndex(a => a.file === b.file);
    if (index < 0)
        index = candidates.findIndex(a => a.owner !== undefined && a.owner.name === b.owner?.name);
    return candidates.splice(Math.max(index, 0), 1)[0];
}
function hasRules(r) {
    return rulesFor(r.group, r.kind).length > 0;
}

;// CONCATENATED MODULE: ./src/hazards/ahead.ts


/**
 * Runs the rules on the objects of each file that are in it at both revisions while the rest of
 * the change is still being read: a caller reading files as git prints them would otherwise wait
 * for git, and then run every rule at the end. Nothing here depends on what the other files hold
 * (the rules read only the two objects, never their owner), so the outcomes are kept per pair of
 * objects and direction; the final pass (`hazards`) takes them when it pairs the same two objects,
 * as it does unless the key is in other files too, and checks any other pair itself.
 */
class RulesAhead {
    // By the object in the role of `before`: the object it was paired with, the direction it was
    // checked in, and what the rules found.
    found = new Map();
    /** Checks the pairs of one file's objects at both revisions, in each of `directions`. */
    check(before, after, directions) {
        const byKey = byKeyWithRules(after);
        for (const b of before) {
            // The file is the same, so the pair is the one the final pass makes first.
            const a = partnerOf(byKey, b);
            if (!a)
                continue;
            const same = unchanged(b, a);
            // What the rules derive from the pair in one direction serves the other too.
            const memo = new Map();
            try {
                for (const direction of directions) {
                    const [from, to] = direction === 'forward' ? [b, a] : [a, b];
                    const outcomes = same ? NOTHING : ruleOutcomes({ before: from, after: to, memo }, direction);
                    this.found.set(from, { after: to, direction, outcomes });
                }
            }
            catch {
                // Left for the final pass to meet in its own order.
            }
            b.doc.release();
            a.doc.release();
        }
    }
    /** What the rules found ahead in this change and direction; undefined when it was not checked. */
    outcomesOf(change, direction) {
        const ahead = change.after && this.found.get(change.before);
        return ahead && ahead.after === change.after && ahead.direction === direction ? ahead.outcomes : undefined;
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/hazards/artifact-source.ts



// Flux's ArtifactGenerator (source.extensions.fluxcd.io) copies folders of a source into an
// ExternalArtifact that Kustomizations apply. When it copies folders of this repository keeping
// their layout (`@repo/apps/base/** -> @artifact/base/`, `@repo/apps/production/** ->
// @artifact/production/`), the artifact is a folder of this repository (`apps`), and a
// Kustomization's `spec.path` in it is a path here.
const GENERATOR_GROUP = 'source.extensions.fluxcd.io';
/**
 * The folder of this repository that a Kustomization of an ExternalArtifact applies, when an
 * ArtifactGenerator next to it (in its folder) makes that artifact from the `flux-system`
 * GitRepository by copying folders with their layout kept; undefined otherwise.
 */
async function artifactPathHere(tree, ks) {
    const ref = ks.doc.get(['spec', 'sourceRef']);
    if (!(0,core/* isObject */.Gv)(ref) || ref.kind !== 'ExternalArtifact' || typeof ref.name !== 'string')
        return undefined;
    const namespace = typeof ref.namespace === 'string' ? ref.namespace : ks.namespace;
    const folder = external_node_path_.posix.dirname(ks.file);
    for (const objects of await tree.objectsOfFiles(tree.filesIn(folder === '.' ? '' : folder))) {
        for (const r of objects) {
            if (r.group !== GENERATOR_GROUP || r.kind !== 'ArtifactGenerator' || r.namespace !== namespace)
                continue;
            const root = artifactRoot(r, ref.name);
            if (root === undefined)
                continue;
            const path = (0,kustomize_build/* normalisePath */.qb)(String(ks.doc.get(['spec', 'path']) ?? ''));
            return (0,kustomize_build/* normalisePath */.qb)(external_node_path_.posix.join(root, path));
        }
    }
    return undefined;
}
/** The folder of this repository that artifact `name` of a generator is a copy of, if one is. */
function artifactRoot(generator, name) {
    const sources = generator.doc.get(['spec', 'sources']);
    const artifacts = generator.doc.get(['spec', 'artifacts']);
    if (!Array.isArray(sources) || !Array.isArray(artifacts))
        return undefined;
    const here = new Set(sources
        .filter(s => (0,core/* isObject */.Gv)(s) && s.kind === 'GitRepository' && s.name === 'flux-system' && typeof s.alias === 'string')
        .map(s => s.alias));
    const artifact = artifacts.find(a => (0,core/* isObject */.Gv)(a) && a.name === name);
    if (!(0,core/* isObject */.Gv)(artifact) || !Array.isArray(artifact.copy) || artifact.copy.length === 0)
        return undefined;
    let root;
    for (const copy of artifact.copy) {
        if (!(0,core/* isObject */.Gv)(copy) || typeof copy.from !== 'string' || typeof copy.to !== 'string')
            return undefined;
        const from = /^@([^/]+)\/(.*?)\/?\*\*$/.exec(copy.from);
        const to = /^@artifact\/(.*?)\/?$/.exec(copy.to);
        if (!from || !to || !here.has(from[1]) || from[2].includes('*'))
            return undefined;
        const [source, target] = [(0,kustomize_build/* normalisePath */.qb)(from[2]), (0,kustomize_build/* normalisePath */.qb)(to[1])];
        // The layout is kept when the source folder ends with the target folder: the root is what is left.
        if (target !== '' && source !== target && !source.endsWith(`/${target}`))
            return undefined;
        const at = target === '' ? source : source.slice(0, source.length - target.length).replace(/\/$/, '');
        if (root !== undefined && root !== at)
            return undefined;
        root = at;
    }
    return root;
}

;// CONCATENATED MODULE: ./src/hazards/build-identity.ts




// kustomize renames what it builds: `namespace` in a build file moves every namespaced object it
// builds into that namespace and renames every Namespace to it (so `name: _` is a common
// placeholder). Rules compare objects as written; these passes compare them as built.
/** Finding ids that report an object going away: a deletion forward, a creation's revert. */
const DELETIONS = new Set(RULES.filter(r => r.id.endsWith('-delete')).flatMap(r => [r.id, r.rollbackId ?? r.id]));
const RETARGET = 'kustomize-build-retarget';
/**
 * Weighs findings by the objects kustomize builds rather than the manifests as written:
 * - a deletion (or a creation, for the revert) of an object that the same folder still builds
 *   under the same identity at the other revision is no deletion (a namespace moved from the
 *   objects into `kustomization.yaml`, a Namespace placeholder moved into a component), and an
 *   object whose built name cannot exist in a cluster (`_`) cannot be deleted: both are dropped;
 * - a build file whose `namespace` changes while every object it builds keeps its namespace is
 *   no retarget: a notice.
 */
async function weighBuildIdentity(trees, findings) {
    const dropped = new Set();
    for (const f of findings) {
        if (f.rule === RETARGET && f.direction === 'forward' && f.severity !== 'notice')
            await weighRetarget(trees, f);
        else if (DELETIONS.has(f.rule) && (await builtAtBothSides(trees, f)))
            dropped.add(f);
    }
    return dropped.size === 0 ? findings : findings.filter(f => !dropped.has(f));
}
/** True when the object of a deletion finding is built, as the same object, at both revisions (or cannot exist). */
async function builtAtBothSides(trees, f) {
    const group = (0,identity/* apiGroup */.oI)(f.apiVersion);
    if ((0,identity/* isClusterScoped */.Z6)(f.kind) && !isNamespace(group, f.kind))
        return false;
    // Forward, the object is at base; for the revert of a creation, at head.
    const [base, head] = await Promise.all([trees.base(), trees.head()]);
    const [from, to] = f.direction === 'forward' ? [base, head] : [head, base];
    const built = includingBuild(from, f.file);
    if (!built)
        return false;
    const key = builtKey({ group, kind: f.kind, name: f.name, namespace: f.namespace }, built.namespace);
    if (key === undefined)
        return true;
    if (!to.buildFile(built.folder))
        return false;
    return (await builtKeys(to, built.folder, f.kind)).has(key);
}
/** Downgrades a build file's namespace change to a notice when every object it builds keeps its identity. */
async function weighRetarget(trees, f) {
    const [base, head] = await Promise.all([trees.base(), trees.head()]);
    // Only a namespace change: the renames are compared as written.
    if (base.settingsOf(f.file)?.renames !== head.settingsOf(f.file)?.renames)
        return;
    const folder = folderOf(f.file);
    const [before, after] = await Promise.all([builtKeys(base, folder), builtKeys(head, folder)]);
    if (before.size === 0 || [...before].some(k => !after.has(k)))
        return;
    f.severity = 'notice';
    f.message = `${f.message} Every object built from ${folder || 'the repository root'} keeps its namespace and name as kustomize builds it (the objects named their namespace themselves, or a build below sets it), so nothing is pruned.`;
}
/** The build (folder with a build file) nearest to `file` that builds it, with the namespace it gives it. */
function includingBuild(tree, file) {
    for (let dir = folderOf(file);; dir = folderOf(dir)) {
        if (tree.buildFile(dir)) {
            const built = tree.built(dir);
            if (built.has(file))
                return { folder: dir, namespace: built.get(file) };
        }
        if (dir === '')
            return undefined;
    }
}
/**
 * True when every object `before` builds from its folder (with its Flux post-build variables) is
 * built, under the same identity, by `after` from its own, leaving out kinds no rule looks at:
 * moving a Flux Kustomization there prunes nothing a rule would report. False when `before` builds
 * nothing.
 */
async function buildsSameObjects(before, after) {
    const [was, now] = await Promise.all([
        builtKeys(before.tree, before.folder, undefined, before.vars),
        builtKeys(after.tree, after.folder, undefined, after.vars)
    ]);
    // Objects of kinds no rule looks at may go: their deletion is no hazard anywhere else either.
    return was.size > 0 && [...was].every(k => now.has(k) || !keyHasRules(k));
}
function keyHasRules(key) {
    const [group, kind] = key.split('|');
    return rulesFor(group, kind).length > 0;
}
/** The identities of the objects a folder builds (of one kind, if given), as kustomize builds them. */
async function builtKeys(tree, folder, kind, vars = {}) {
    const keys = new Set();
    const built = [...tree.built(folder)].filter(([file]) => !(0,kustomize_build/* isKustomizeBuildFile */.o2)(file));
    const objects = await tree.objectsOfFiles(built.map(([file]) => file), vars);
    for (const [i, [, namespace]] of built.entries()) {
        for (const r of objects[i]) {
            if (kind !== undefined && r.kind !== kind)
                continue;
            const key = builtKey(r, namespace);
            if (key !== undefined)
                keys.add(key);
        }
    }
    return keys;
}
/**
 * An object's key as kustomize builds it with `namespace` (the build's, if any), or undefined when
 * the built name cannot exist in a cluster (a placeholder such as `_`).
 */
function builtKey(r, namespace) {
    const namespaceObject = isNamespace(r.group, r.kind);
    const name = namespaceObject ? (namespace ?? r.name) : r.name;
    const ns = namespaceObject || (0,identity/* isClusterScoped */.Z6)(r.kind) ? undefined : (namespace ?? r.namespace);
    if (isPlaceholder(name) || (ns !== undefined && isPlaceholder(ns)))
        return undefined;
    return `${r.group}|${r.kind}|${ns ?? ''}|${name}`;
}
/** A name no object can have: without a letter, digit or `${` (Flux substitutes those). */
function isPlaceholder(name) {
    return !/[A-Za-z0-9]|\$\{/.test(name);
}
function isNamespace(group, kind) {
    return group === '' && kind === 'Namespace';
}
function folderOf(path) {
    const dir = external_node_path_.posix.dirname(path);
    return dir === '.' ? '' : dir;
}

;// CONCATENATED MODULE: ./src/hazards/modifiers.ts
const PRUNE = 'kustomize.toolkit.fluxcd.io/prune';
const SSA = 'kustomize.toolkit.fluxcd.io/ssa';
const FORCE = 'kustomize.toolkit.fluxcd.io/force';
const HELM_POLICY = 'helm.sh/resource-policy';
/**
 * Why Flux would not delete this (live, `before`) object when its manifest disappears, or
 * undefined when it would.
 */
function pruneBlocker(live) {
    if (equalsIgnoreCase(marker(live, PRUNE), 'disabled'))
        return `it carries ${PRUNE}: disabled`;
    if (equalsIgnoreCase(marker(live, SSA), 'ignore'))
        return `it carries ${SSA}: Ignore`;
    if (equalsIgnoreCase(marker(live, HELM_POLICY), 'keep'))
        return `it carries ${HELM_POLICY}: keep`;
    if (live.owner && !live.owner.prune) {
        return `Flux Kustomization ${live.owner.name} (${live.owner.file}) has spec.prune: false`;
    }
    return undefined;
}
/** Why Flux would not update this object to the applied (`after`) manifest, if it would not. */
function updateBlocker(applied) {
    const ssa = marker(applied, SSA)?.toLowerCase();
    if (ssa === 'ignore')
        return `it carries ${SSA}: Ignore`;
    if (ssa === 'ifnotpresent')
        return `it carries ${SSA}: IfNotPresent`;
    return undefined;
}
/** Why Flux would delete and recreate this object when an immutable field changes, if it would. */
function forceReason(applied) {
    if (equalsIgnoreCase(marker(applied, FORCE), 'enabled'))
        return `it carries ${FORCE}: enabled`;
    if (applied.owner?.force)
        return `Flux Kustomization ${applied.owner.name} has spec.force: true`;
    return undefined;
}
const MARKER_FIELDS = ['annotations', 'labels'];
/** A label or annotation value (annotations win). */
function marker(r, key) {
    for (const field of MARKER_FIELDS) {
        const map = r.doc.get(['metadata', field]);
        if (map && typeof map === 'object' && Object.hasOwn(map, key)) {
            const value = map[key];
            if (typeof value === 'string')
                return value;
        }
    }
    return undefined;
}
function equalsIgnoreCase(value, expected) {
    return value !== undefined && value.toLowerCase() === expected;
}

;// CONCATENATED MODULE: ./src/hazards/build-tree.ts









const BUILD_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/**
 * The files and kustomize builds of one revision's tree: which files a folder builds, and what
 * Flux Kustomizations build from it. Files are read on demand; build files all at once
 * ({@link loadBuildFiles}), so folders can be walked without waiting.
 */
class BuildTree {
    git;
    revision;
    local;
    blobs = new Map();
    dirs = new Set(['']);
    builds = new Map();
    constructor(git, entries, 
    /** `base` or `head`, for messages. */
    revision, 
    /** The GitRepositories whose URL is this repository (see sourcedHere). */
    local) {
        this.git = git;
        this.revision = revision;
        this.local = local;
        for (const e of entries) {
            if (e.type !== 'blob' || e.mode === '120000')
                continue;
            this.blobs.set(e.path, e);
            for (let d = external_node_path_.posix.dirname(e.path); d !== '.' && !this.dirs.has(d); d = external_node_path_.posix.dirname(d))
                this.dirs.add(d);
        }
    }
    /** Whether a Flux Kustomization applies files of this repository (see sourcedHere). */
    sourcedHere(ks) {
        return (0,revision_context/* sourcedHere */._7)(ks, this.local);
    }
    /** The state (labels with their files) that deleting `ks` deletes, following nested Kustomizations. */
    async stateBuiltBy(ks) {
        const state = [];
        const seen = new Set();
        const queue = [ks];
        while (queue.length > 0) {
            const k = queue.shift();
            const path = (0,kustomize_build/* normalisePath */.qb)(String(k.doc.get(['spec', 'path']) ?? ''));
            const key = JSON.stringify([path, fluxComponents(k)]);
            if (seen.has(key))
                continue;
            seen.add(key);
            for (const objects of await this.objectsOfFiles([...this.builtBy(k).keys()].sort(), substitutions(k))) {
                for (const r of objects) {
                    if (pruneBlocker(r))
                        continue;
                    const what = stateOf(r);
                    if (what)
                        state.push(`${what} (${r.file})`);
                    if ((0,revision_context/* isFluxKustomization */.Hw)(r) && r !== ks && this.sourcedHere(r) && r.doc.get(['spec', 'prune']) === true)
                        queue.push(r);
                }
            }
        }
        return state;
    }
    /**
     * What a Kustomization builds, as a fingerprint: each file it reads (build files included) by
     * its path relative to `spec.path` (or its full path outside it) and its blob id, with the
     * post-build substitutions and target namespace.
     */
    fingerprint(ks) {
        const path = (0,kustomize_build/* normalisePath */.qb)(String(ks.doc.get(['spec', 'path']) ?? ''));
        const prefix = path === '' ? '' : `${path}/`;
        const entries = [...this.builtBy(ks).keys()]
            .map(f => `${f.startsWith(prefix) ? `./${f.slice(prefix.length)}` : f} ${this.blobs.get(f)?.oid}`)
            .sort();
        return JSON.stringify([entries, substitutions(ks), ks.doc.get(['spec', 'targetNamespace']) ?? null]);
    }
    /** The objects of a file at the revision, with Flux post-build variables substituted. */
    async objectsOf(file, vars = {}) {
        return (await this.objectsOfFiles([file], vars))[0];
    }
    /**
     * {@link objectsOf} for several files, read in one git process: a walk over what a folder builds
     * asks for tens of files, and a process each costs more than reading them.
     */
    async objectsOfFiles(files, vars = {}) {
        const entries = files.map(file => this.blobs.get(file));
        const oids = [...new Set(entries.flatMap(e => (e ? [e.oid] : [])))];
        const read = oids.length === 0 ? new Map() : await (0,blob_stream/* readBlobs */.b)(this.git, oids, oid => `${oid} at the ${this.revision} revision`);
        const substituted = Object.keys(vars).length > 0;
        return files.map((file, i) => {
            const blob = entries[i] && read.get(entries[i].oid);
            if (!Buffer.isBuffer(blob))
                return [];
            return (0,manifest_file/* readManifestFile */.oe)(file, substituted ? substitute(blob.toString('utf8'), vars) : blob).resources;
        });
    }
    /** What a build file sets: its namespace and renames (undefined for a file that is not one). */
    settingsOf(buildFile) {
        const build = this.builds.get(buildFile);
        return build && { namespace: build.namespace, renames: build.renames };
    }
    /** The YAML files directly in a folder. */
    filesIn(dir) {
        const prefix = dir === '' ? '' : `${dir}/`;
        return [...this.blobs.keys()].filter(p => p.startsWith(prefix) && !p.slice(prefix.length).includes('/') && /\.ya?ml$/.test(p));
    }
    /** Whether the revision has a file at `path`. */
    has(path) {
        return this.blobs.has(path);
    }
    /** The folder's kustomize build file, if it has one. */
    buildFile(dir) {
        return BUILD_NAMES.map(n => (dir === '' ? n : `${dir}/${n}`)).find(p => this.blobs.has(p));
    }
    /**
     * The files a Flux Kustomization builds: those of its `spec.path`, and those of the components
     * Flux adds to that build (`spec.components`, paths relative to `spec.path`).
     */
    builtBy(ks) {
        const path = (0,kustomize_build/* normalisePath */.qb)(String(ks.doc.get(['spec', 'path']) ?? ''));
        const files = this.built(path);
        // Flux adds them to the build file at spec.path, so its namespace applies to them too.
        const build = this.buildFile(path);
        const outer = build ? this.builds.get(build)?.namespace : undefined;
        for (const component of fluxComponents(ks)) {
            const dir = (0,kustomize_build/* normalisePath */.qb)(external_node_path_.posix.join(path, component));
            if (dir.startsWith('..') || component.includes('://'))
                continue;
            for (const [file, namespace] of this.built(dir))
                if (!files.has(file))
                    files.set(file, outer ?? namespace);
        }
        return files;
    }
    /**
     * The files a folder builds (build files included), each with the namespace kustomize gives
     * what it builds: that of the outermost build file on the way that sets one.
     */
    built(dir) {
        const files = new Map();
        this.collect((0,kustomize_build/* normalisePath */.qb)(dir), new Set(), files, undefined);
        return files;
    }
    collect(dir, visiting, files, namespace) {
        if (visiting.has(dir))
            return;
        visiting.add(dir);
        const build = this.buildFile(dir);
        if (build) {
            const settings = this.builds.get(build);
            const inner = namespace ?? settings?.namespace;
            files.set(build, inner);
            for (const ref of settings?.refs ?? []) {
                const p = (0,kustomize_build/* normalisePath */.qb)(external_node_path_.posix.join(dir, ref));
                if (p.startsWith('..') || ref.includes('://'))
                    continue;
                if (this.blobs.has(p))
                    files.set(p, inner);
                else if (this.dirs.has(p))
                    this.collect(p, visiting, files, inner);
            }
            return;
        }
        // No build file: Flux builds every YAML file below, and a folder with a build file as a whole.
        const prefix = dir === '' ? '' : `${dir}/`;
        for (const path of this.blobs.keys()) {
            if (!path.startsWith(prefix) || !(path.endsWith('.yaml') || path.endsWith('.yml')) || (0,kustomize_build/* isKustomizeBuildFile */.o2)(path))
                continue;
            const inner = this.innerBuild(dir, path);
            if (inner !== undefined)
                this.collect(inner, visiting, files, namespace);
            else
                files.set(path, namespace);
        }
    }
    /** The highest folder between `dir` (excluded) and `file` that has a build file. */
    innerBuild(dir, file) {
        const parts = file
            .slice(dir === '' ? 0 : dir.length + 1)
            .split('/')
            .slice(0, -1);
        let at = dir;
        for (const part of parts) {
            at = at === '' ? part : `${at}/${part}`;
            if (this.buildFile(at))
                return at;
        }
        return undefined;
    }
    /** Reads every build file once, so folders can be walked without waiting. */
    async loadBuildFiles(known = new BuildFiles(this.git)) {
        const builds = [...this.blobs.values()].filter(e => (0,kustomize_build/* isKustomizeBuildFile */.o2)(e.path));
        const read = await known.read(builds.map(e => e.oid), oid => `${oid} at the ${this.revision} revision`);
        for (const e of builds)
            this.builds.set(e.path, read.get(e.oid) ?? { refs: [], renames: '|' });
    }
}
/** Build files read so far, by blob id: the two revisions of a change share most of them. */
class BuildFiles {
    git;
    parsed = new Map();
    constructor(git) {
        this.git = git;
    }
    /**
     * The build files with these blob ids; those not read or being read yet are read in one git
     * process (the two trees are loaded side by side).
     */
    async read(oids, where) {
        const missing = [...new Set(oids.filter(oid => !this.parsed.has(oid)))];
        if (missing.length > 0) {
            const blobs = (0,blob_stream/* readBlobs */.b)(this.git, missing, where);
            for (const oid of missing) {
                this.parsed.set(oid, blobs.then(read => {
                    const blob = read.get(oid);
                    return Buffer.isBuffer(blob) ? buildFileOf(blob.toString('utf8')) : { refs: [], renames: '|' };
                }));
            }
        }
        const unique = [...new Set(oids)];
        const files = await Promise.all(unique.map(oid => this.parsed.get(oid)));
        return new Map(unique.map((oid, i) => [oid, files[i]]));
    }
}
/** `resources`, `components` and `namespace` of a build file. */
function buildFileOf(text) {
    const parsed = (0,safe_yaml/* parseYaml */.hN)(text);
    const build = { refs: [], renames: '|' };
    if (!parsed.ok)
        return build;
    for (const d of parsed.documents) {
        if (!(0,core/* isObject */.Gv)(d.value))
            continue;
        for (const key of ['resources', 'components', 'bases']) {
            const list = d.value[key];
            if (Array.isArray(list))
                for (const item of list)
                    if (typeof item === 'string')
                        build.refs.push(item);
        }
        const namespace = d.value.namespace;
        if (typeof namespace === 'string' && namespace !== '')
            build.namespace = namespace;
        const [prefix, suffix] = [d.value.namePrefix, d.value.nameSuffix].map(v => (typeof v === 'string' ? v : ''));
        build.renames = `${prefix}|${suffix}`;
    }
    return build;
}
/** `spec.components` of a Flux Kustomization: component folders relative to `spec.path`. */
function fluxComponents(ks) {
    const list = ks.doc.get(['spec', 'components']);
    return Array.isArray(list) ? list.filter((c) => typeof c === 'string' && c !== '') : [];
}
/** `spec.postBuild.substitute` of a Flux Kustomization. */
function substitutions(ks) {
    const values = ks.doc.get(['spec', 'postBuild', 'substitute']);
    const vars = {};
    if ((0,core/* isObject */.Gv)(values))
        for (const [k, v] of Object.entries(values))
            if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
                vars[k] = String(v);
    return vars;
}
/** Flux's `${VAR}`, `${VAR:=default}` and `${VAR:-default}` substitution, for known variables and defaults. */
function substitute(text, vars) {
    // Innermost first, so a default that names another variable (`${A:-${B}}`) resolves too.
    const one = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[=-]([^${}]*))?\}/g;
    let out = text;
    for (let pass = 0; pass < 5; pass++) {
        const next = out.replace(one, (whole, name, fallback) => Object.hasOwn(vars, name) ? vars[name] : (fallback ?? whole));
        if (next === out)
            break;
        out = next;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/hazards/deleted-state.ts





const KS_DELETE = 'flux-kustomization-delete';
const KS_RETARGET = 'flux-kustomization-retarget';
/**
 * Weighs the findings of a change by what the repository builds, reading its trees only when a
 * finding needs them:
 * - deletions of objects that kustomize still builds, under the same identity, go (see
 *   weighBuildIdentity), as do build-file namespace changes that move nothing;
 * - a Flux Kustomization moved to a folder that builds the same files is a notice;
 * - a forward deletion of a pruning Flux Kustomization is critical, naming the state, when what it
 *   builds at `base` holds claims, StatefulSets with claim templates, CRDs, namespaces or
 *   HelmReleases that create claims; a warning when nothing persistent was found. One whose
 *   source is another repository stays critical: what it builds cannot be seen here.
 */
async function weighDeletedState(git, base, head, findings, known = {}) {
    const trees = lazyTrees(git, base, head, known.local ?? {}, known.baseTree);
    const weighed = await weighBuildIdentity(trees, findings);
    await weighRetargets(trees, weighed, async () => known.changes ?? git.diffRaw(base, head));
    const targets = weighed.filter(f => f.rule === KS_DELETE && f.direction === 'forward' && f.severity === 'critical');
    if (targets.length === 0)
        return weighed;
    const tree = await trees.base();
    for (const f of targets) {
        const ks = (await tree.objectsOf(f.file)).find(r => (0,revision_context/* isFluxKustomization */.Hw)(r) && r.name === f.name && r.namespace === f.namespace);
        if (!ks || !tree.sourcedHere(ks))
            continue;
        const state = await tree.stateBuiltBy(ks);
        const path = (0,kustomize_build/* normalisePath */.qb)(String(ks.doc.get(['spec', 'path']) ?? '')) || 'the repository root';
        if (state.length === 0) {
            f.severity = 'warning';
            f.message = `Deleting Flux Kustomization ${f.namespace ? `${f.namespace}/` : ''}${f.name} garbage-collects every object it applied; nothing persistent (claims, StatefulSets with claim templates, CRDs, namespaces, HelmReleases that create claims) was found in what it builds from ${path} at the base revision. Check that nothing it applied holds data.`;
        }
        else {
            f.message = `${f.message} It deletes: ${state.slice(0, MAX_LISTED).join('; ')}${state.length > MAX_LISTED ? `; and ${state.length - MAX_LISTED} more` : ''}.`;
        }
    }
    return weighed;
}
const MAX_LISTED = 10;
function lazyTrees(git, base, head, local, baseListing) {
    // Most build files are the same at both revisions: each is read and parsed once.
    const builds = new BuildFiles(git);
    const read = (listing, side, sources) => {
        let tree;
        return () => (tree ??= listing().then(async (entries) => {
            const t = new BuildTree(git, entries, side, sources);
            await t.loadBuildFiles(builds);
            return t;
        }));
    };
    return {
        base: read(baseListing ?? (() => git.lsTree(base)), 'base', local.before),
        head: read(() => git.lsTree(head), 'head', local.after)
    };
}
/**
 * A Flux Kustomization whose `spec.path` moves to a folder that builds the same files (a folder
 * renamed, its files moved unchanged) prunes nothing: its retarget finding becomes a notice. The
 * Kustomization itself may have moved to another file with its folder.
 */
async function weighRetargets(trees, findings, changes) {
    const targets = findings.filter(f => f.rule === KS_RETARGET && f.direction === 'forward' && f.severity === 'critical');
    if (targets.length === 0)
        return;
    const [was, now] = await Promise.all([trees.base(), trees.head()]);
    let moved;
    for (const f of targets) {
        const same = (r) => (0,revision_context/* isFluxKustomization */.Hw)(r) && r.name === f.name && r.namespace === f.namespace;
        let before = (await was.objectsOf(f.file)).find(same);
        if (!before && !was.has(f.file)) {
            moved ??= changes().then(deletedYaml);
            before = await findIn(was, await moved, same);
        }
        const after = (await now.objectsOf(f.file)).find(same);
        if (!before || !after || !was.sourcedHere(before))
            continue;
        // Now from an artifact made of this repository's folders: the same folder, or another one here.
        const artifactPath = now.sourcedHere(after) ? undefined : await artifactPathHere(now, after);
        if (!now.sourcedHere(after) && artifactPath === undefined)
            continue;
        if (artifactPath === undefined && was.fingerprint(before) === now.fingerprint(after)) {
            f.severity = 'notice';
            f.message = `${f.message} The new path builds the same files, unchanged, as the old one: no object changes identity, so nothing is pruned.`;
            continue;
        }
        // Another folder that builds the same objects (an overlay fixed to its cluster's own): updated, not pruned.
        const target = (r) => r.doc.get(['spec', 'targetNamespace']) ?? null;
        if (target(before) !== target(after))
            continue;
        const side = (tree, ks, folder) => ({
            tree,
            folder: folder ?? (0,kustomize_build/* normalisePath */.qb)(String(ks.doc.get(['spec', 'path']) ?? '')),
            vars: substitutions(ks)
        });
        if (await buildsSameObjects(side(was, before), side(now, after, artifactPath))) {
            f.severity = 'notice';
            f.message = `${f.message} The new path${artifactPath === undefined ? '' : ` (${artifactPath} of this repository, copied into the artifact)`} builds every object the old one did that the rules look at (claims, CRDs, namespaces, workloads, releases), under the same kind, namespace and name: they are updated in place, and nothing that holds state is pruned.`;
        }
    }
}
/** The YAML files a change deletes (or moves away), at most a few hundred. */
function deletedYaml(changes) {
    return changes
        .filter(e => e.newBlob === undefined && /\.ya?ml$/.test(e.path))
        .map(e => e.path)
        .slice(0, 500);
}
/** The first object of `files` (in order) that `match` takes, reading them a few dozen per git process. */
async function findIn(tree, files, match) {
    for (let at = 0; at < files.length; at += FILES_PER_READ) {
        for (const objects of await tree.objectsOfFiles(files.slice(at, at + FILES_PER_READ))) {
            const found = objects.find(match);
            if (found)
                return found;
        }
    }
    return undefined;
}
const FILES_PER_READ = 50;

;// CONCATENATED MODULE: ./src/hazards/hazards.ts






/**
 * Every hazard of going from `before` to `after`. Objects are matched by API group, kind,
 * namespace and name across all files, so a manifest moved between files is neither deleted nor
 * created. Objects only in `after` are not reported here: their hazard is the deletion that the
 * rollback direction sees.
 */
function hazards(before, after, context) {
    const findings = [];
    for (const change of pairUp(before.resources, after.resources)) {
        if (!change.after && hiddenIn(change.before, after.unreadable ?? []))
            continue;
        findings.push(...check(change, context));
        change.before.doc.release();
        change.after?.doc.release();
    }
    return findings;
}
function check(change, context) {
    const findings = [];
    for (const outcome of outcomesOf(change, context)) {
        if ('unreadable' in outcome) {
            findings.push(unreadableFinding(change, context.direction, outcome.unreadable));
            break;
        }
        try {
            findings.push(toFinding(outcome.rule, modify(outcome.rule, outcome.hit, change), change, context.direction));
        }
        catch (e) {
            if (!(e instanceof manifest_document/* UnreadableDocumentError */.nc))
                throw e;
            findings.push(unreadableFinding(change, context.direction, e.reason));
            break;
        }
    }
    return findings;
}
function outcomesOf(change, { direction, ahead }) {
    if (!change.after)
        return ruleOutcomes(change, direction);
    return ahead?.outcomesOf(change, direction) ?? (unchanged(change.before, change.after) ? NOTHING : ruleOutcomes(change, direction));
}
/** Applies the Flux and Helm modifiers that make a hazard go away or worse. */
function modify(rule, hit, change) {
    if (hit.effect === 'delete') {
        const why = pruneBlocker(change.before);
        return why
            ? { ...hit, severity: 'notice', message: `Not pruned because ${why}: the object stays in the cluster. ${hit.message}` }
            : hit;
    }
    const applied = change.after ?? change.before;
    const blocked = updateBlocker(applied);
    if (blocked)
        return { ...hit, severity: 'notice', message: `Not applied because ${blocked}. ${hit.message}` };
    const forced = forceReason(applied);
    if (forced && rule.forced) {
        const effect = rule.forced === 'notice'
            ? 'Flux deletes and recreates the object, which is fine for it'
            : 'Flux deletes and recreates the object, destroying its data';
        return { ...hit, severity: rule.forced, message: `${hit.message} Force is on (${forced}): ${effect}.` };
    }
    return hit;
}
function toFinding(rule, hit, change, direction) {
    const deleted = !change.after;
    const at = deleted || direction === 'rollback' ? change.before : change.after;
    const id = deleted && direction === 'rollback' && rule.rollbackId ? rule.rollbackId : rule.id;
    return finding(id, hit.severity, direction, at, hit.message);
}
/** An object of a kind the rules look at whose document does not parse: an error, as a hazard in it would pass unseen. */
function unreadableFinding(change, direction, reason) {
    const at = change.after ?? change.before;
    const limit = (0,safe_yaml/* parserLimitOf */.KG)(reason);
    const fix = limit ? `It is beyond ${limit}, which cannot be raised: simplify the document (fewer aliases, less nesting)` : 'Fix the YAML';
    const message = `${at.file}:${at.line} could not be checked: ${reason}. ${fix} so the change can be checked, or check it by hand and acknowledge it with the pull request's acknowledge label.`;
    return finding(MANIFEST_UNREADABLE, 'error', direction, at, message);
}
function finding(rule, severity, direction, r, message) {
    const f = {
        rule,
        severity,
        direction,
        kind: r.kind,
        apiVersion: r.apiVersion,
        name: r.name,
        file: r.file,
        line: r.line,
        message
    };
    if (r.namespace)
        f.namespace = r.namespace;
    return f;
}
/** True when an unreadable file on the other side mentions the object's name (or a line scan found it there): it may be there. */
function hiddenIn(r, unreadable) {
    return unreadable.some(u => u.file === r.file || (u.bytes !== undefined && u.bytes.indexOf(r.name) >= 0) || u.documents?.some(d => d.name === r.name));
}

// EXTERNAL MODULE: ./src/hazards/types.ts
var types = __webpack_require__(1324);
;// CONCATENATED MODULE: ./src/hazards/analyze.ts













/**
 * Checks a change given as file contents (path -> before/after), for callers without a checkout
 * such as one reading files through the GitHub API.
 */
function analyzeFiles(files, options = {}) {
    const notices = [];
    const context = options.context ?? contextFromChangedFiles(files, notices);
    const result = finish(readSides(files, options.maxFileBytes), context, options.directions, files.length);
    return { ...result, notices: [...notices, ...result.notices] };
}
/**
 * Checks the change `base..head` of the repository behind `git`: the changed YAML files (filtered
 * by `paths`/`exclude`) in both directions, or only those in `directions`.
 */
async function analyzeChange(git, base, head, options = {}) {
    const [baseSha, headSha] = await Promise.all([git.resolveCommit(base), git.resolveCommit(head)]);
    return analyzeObjects(git, baseSha, headSha, options);
}
/**
 * {@link analyzeChange} for object ids: `base` a commit sha (its tree is searched for Flux
 * Kustomizations), `head` a commit or tree id, such as a rollback's tree before it is committed.
 */
async function analyzeObjects(git, baseSha, headSha, options = {}) {
    const listing = await listChange(git, baseSha, headSha, options);
    // The base's tree, listed once if the context search or the weighing of findings needs it.
    let tree;
    const baseTree = () => (tree ??= git.lsTree(baseSha));
    const reader = options.context ? undefined : new flux_context/* ContextReader */.xD(listing);
    // Each file is read into resources, and the rules run on its objects (see RulesAhead), as soon
    // as both its sides are there: git prints into a file at its own pace meanwhile, and the file's
    // bytes are freed before the next one arrives.
    const directions = options.directions ?? BOTH;
    const sides = emptySides();
    const streaming = (0,blob_stream/* streamFiles */.a)(git, listing.checked, file => {
        const added = addFile(sides, file, directions, options.maxFileBytes);
        reader?.add(file, added);
    }, { maxBytes: options.maxFileBytes, scanLarge: true });
    // A large change is searched for its context while git prints its files; a small one (the
    // revert guard's) is first checked without, as the context rarely can change its result.
    let others = reader && listing.checked.length > EAGER_CONTEXT_FILES ? reader.readOthers(git, baseSha, { baseTree: baseTree() }) : undefined;
    others?.catch(() => undefined);
    await streaming;
    if (reader && !others) {
        const quick = finish(sides, NO_CONTEXT, options.directions, listing.checked.length);
        if (!contextMayMatter(quick, sides, listing))
            return weighed(git, baseSha, headSha, quick, { baseTree, changes: listing.all });
        others = reader.readOthers(git, baseSha, { baseTree: baseTree() });
    }
    const repository = typeof options.repository === 'function' ? await options.repository() : options.repository;
    const context = options.context ?? reader.contexts(await others, repository);
    const result = finish(sides, context, options.directions, listing.checked.length);
    if (context.before.fluxKustomizations.length + context.after.fluxKustomizations.length === 0) {
        result.notices.push('No Flux Kustomization (kustomize.toolkit.fluxcd.io) was found in either revision, so spec.prune and spec.force could not be taken into account.');
    }
    const local = { before: context.before.localSources, after: context.after.localSources };
    return weighed(git, baseSha, headSha, result, { local, baseTree, changes: listing.all });
}
/** The analysis with its findings weighed by what the repository builds (see weighDeletedState). */
async function weighed(git, baseSha, headSha, analysis, known) {
    const findings = await weighDeletedState(git, baseSha, headSha, analysis.findings, known);
    return { ...analysis, findings: sortFindings(findings) };
}
/** Changes with more checked files than this search for their context while being read. */
const EAGER_CONTEXT_FILES = 50;
const BOTH = ['forward', 'rollback'];
const NO_CONTEXT = {
    before: { fluxKustomizations: [], patchFiles: new Set() },
    after: { fluxKustomizations: [], patchFiles: new Set() }
};
/**
 * False when the Flux Kustomizations and patch files of the revisions cannot change `quick` (the
 * result without them), so they need not be searched. The context only: drops objects and
 * unreadable files of patch files, sets each object's owner (which lowers or raises the severity
 * of a hit, never makes or removes one) and prefers same-owner copies when an object's key
 * appears in several files. So it cannot matter when there is no finding, no unreadable file
 * (dropping one could un-hide a deletion), no build file changes (the patch files are the same at
 * both revisions) and each key is at most one object per side, both in the same file (pairing
 * needs no owner, and a patch file drops both or neither).
 */
function contextMayMatter(quick, sides, listing) {
    if (quick.findings.length > 0)
        return true;
    if (sides.before.unreadable.length + sides.after.unreadable.length > 0)
        return true;
    if (listing.all.some(e => (0,kustomize_build/* isKustomizeBuildFile */.o2)(e.path)))
        return true;
    const files = new Map();
    for (const [index, side] of [sides.before, sides.after].entries()) {
        for (const r of side.resources) {
            const seen = files.get(r.key) ?? [undefined, undefined];
            if (seen[index] !== undefined)
                return true;
            seen[index] = r.file;
            files.set(r.key, seen);
        }
    }
    return [...files.values()].some(([b, a]) => b !== undefined && a !== undefined && b !== a);
}
function finish(sides, context, directions = ['forward', 'rollback'], filesChecked) {
    const [before, after] = withoutScannedPartners(withContext(sides.before, context.before), withContext(sides.after, context.after));
    const { ahead } = sides;
    const findings = unreadableFindings(before, after, directions);
    if (directions.includes('forward'))
        findings.push(...hazards(before, after, { direction: 'forward', ahead }));
    if (directions.includes('rollback'))
        findings.push(...hazards(after, before, { direction: 'rollback', ahead }));
    return { findings: sortFindings(findings), notices: [], filesChecked };
}
/** Most severe first, then by file and line. */
function sortFindings(findings) {
    const rank = (f) => types/* SEVERITIES */.o.indexOf(f.severity);
    return findings.sort((a, b) => rank(a) - rank(b) || cmp(a.file, b.file) || a.line - b.line || cmp(a.rule, b.rule) || cmp(a.direction, b.direction));
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function readSides(files, maxFileBytes) {
    const sides = emptySides();
    for (const file of files)
        addFile(sides, file, undefined, maxFileBytes);
    return sides;
}
/**
 * Reads both sides of a file into `sides`; with `directions`, runs the rules on its pairs ahead
 * (see RulesAhead).
 */
function addFile(sides, file, directions, maxFileBytes) {
    const added = {};
    for (const side of ['before', 'after']) {
        const read = readFileSide(file, side, maxFileBytes);
        if (!read)
            continue;
        added[side] = read;
        if (read.unreadable)
            sides[side].unreadable.push(read.unreadable);
        for (const r of read.resources)
            sides[side].resources.push(r);
    }
    let [before, after] = [added.before?.resources ?? [], added.after?.resources ?? []];
    const settings = buildFileSettings(file);
    if (settings) {
        [before, after] = [[settings.before], [settings.after]];
        sides.before.resources.push(settings.before);
        sides.after.resources.push(settings.after);
    }
    if (directions)
        sides.ahead.check(before, after, directions);
    return added;
}
/**
 * The settings of a kustomize build file changed in place (see buildSettings), checked like an
 * object: a build file holds no cluster object, but renames every object it builds.
 */
function buildFileSettings(file) {
    if (file.before === undefined || file.after === undefined || !(0,kustomize_build/* isKustomizeBuildFile */.o2)(file.path))
        return undefined;
    const [before, after] = [(0,revision_context/* buildSettings */.E6)(file.path, file.before), (0,revision_context/* buildSettings */.E6)(file.path, file.after)];
    return before && after ? { before, after } : undefined;
}
function emptySides() {
    return { before: emptySide(), after: emptySide(), ahead: new RulesAhead() };
}
function emptySide() {
    return { resources: [], unreadable: [] };
}
/** Drops patch files (partial objects) and records which Flux Kustomization applies each object. */
function withContext(side, context) {
    const resources = [];
    // Resources come file by file: look the owner up once per file.
    const ownerOf = (0,revision_context/* ownerLookup */.qf)(context.fluxKustomizations);
    let file;
    let owner;
    for (const r of side.resources) {
        if (context.patchFiles.has(r.file))
            continue;
        if (r.file !== file)
            [file, owner] = [r.file, ownerOf(r.file)];
        r.owner = owner;
        resources.push(r);
    }
    return { resources, unreadable: side.unreadable.filter(u => !context.patchFiles.has(u.file)) };
}
function readFileSide(file, side, maxFileBytes) {
    const size = file.tooLarge?.[side];
    const content = file[side];
    let read;
    if (size !== undefined) {
        const scan = file.scanned?.[side] ?? { documents: [], kinds: new Set(), failed: 'it was not scanned' };
        read = { path: file.path, resources: [], unreadable: (0,manifest_file/* tooLarge */.g$)(file.path, size, maxFileBytes ?? manifest_file/* MAX_FILE_BYTES */.gZ, scan) };
    }
    else if (content !== undefined) {
        read = (0,manifest_file/* readManifestFile */.oe)(file.path, content, { keep: entriesRulesRead, maxBytes: maxFileBytes });
    }
    // A file too large to read that exists on one side only (added or deleted): its objects, as
    // the line scan found them, are added or deleted with it.
    const other = side === 'before' ? 'after' : 'before';
    if (read?.unreadable?.documents && file[other] === undefined && file.tooLarge?.[other] === undefined) {
        read.resources = scannedResources(file.path, read.unreadable.documents);
    }
    return read;
}
/** Objects that only a line scan found (see scannedResources). */
const scanned = new WeakSet();
/**
 * Drops the objects a line scan found that have a partner on the other side (an object moved into
 * or out of a file too large to read): their contents are unknown, so comparing them would report
 * changes that are not there. The file's own finding covers them, and the partner is not reported
 * as deleted, as the unreadable file names it.
 */
function withoutScannedPartners(before, after) {
    const keys = (side) => new Set(side.resources.map(r => r.key));
    const [beforeKeys, afterKeys] = [keys(before), keys(after)];
    const keep = (side, other) => ({
        ...side,
        resources: side.resources.filter(r => !scanned.has(r) || !other.has(r.key))
    });
    return [keep(before, afterKeys), keep(after, beforeKeys)];
}
/**
 * Objects a line scan found, with their identity only: enough for the rules to see them added or
 * deleted. Their contents are unknown, so they are marked like SOPS-encrypted ones.
 */
function scannedResources(file, documents) {
    const resources = [];
    for (const d of documents) {
        if (!d.apiVersion || !d.kind || !d.name)
            continue;
        const id = (0,identity/* resourceId */.a)(d.apiVersion, d.kind, d.name, d.namespace);
        const value = {};
        // Top-level entries are known to be there, not what they hold.
        for (const key of d.keys)
            value[key] = {};
        Object.assign(value, {
            apiVersion: d.apiVersion,
            kind: d.kind,
            metadata: d.namespace === undefined ? { name: d.name } : { name: d.name, namespace: d.namespace }
        });
        const resource = { ...id, key: (0,identity/* resourceKey */.ik)(id), file, line: d.line, doc: manifest_document/* ManifestDocument */.jz.fromValue(value), encrypted: true };
        scanned.add(resource);
        resources.push(resource);
    }
    return resources;
}
/**
 * One finding per unreadable file: forward when the new version is unreadable, else rollback.
 * A file that may hold a kind the rules look at (it names one, or could not be scanned) is an
 * error: its hazards would otherwise pass unseen.
 */
function unreadableFindings(before, after, directions) {
    const findings = [];
    const seen = new Set();
    for (const [list, direction] of [
        [after.unreadable, 'forward'],
        [before.unreadable, 'rollback']
    ]) {
        for (const u of list) {
            if (seen.has(u.file))
                continue;
            seen.add(u.file);
            if (!directions.includes(direction))
                continue;
            const risky = u.severity !== 'notice' && mayHoldHazard(u);
            findings.push({
                rule: MANIFEST_UNREADABLE,
                severity: risky ? 'error' : u.severity,
                direction,
                kind: '',
                apiVersion: '',
                name: '',
                file: u.file,
                line: u.line,
                message: risky
                    ? failClosedMessage(u)
                    : `${u.file} could not be checked because ${u.reason}. Hazards in this file are not reported; check it by hand.`
            });
        }
    }
    return findings;
}
/** The kinds the rules look at (without their API groups). */
const HAZARD_KINDS = new Set(RULES.flatMap(r => r.kinds.map(k => k.slice(k.lastIndexOf('/') + 1))));
function mayHoldHazard(u) {
    return u.kinds === undefined || [...u.kinds].some(k => HAZARD_KINDS.has(k));
}
function failClosedMessage(u) {
    const held = (u.documents ?? []).filter(d => d.kind !== undefined && HAZARD_KINDS.has(d.kind) && d.name);
    const shown = held.slice(0, 5).map(d => `${article(d.kind)} ${d.kind} named ${d.name}`);
    if (held.length > shown.length)
        shown.push(`${held.length - shown.length} more`);
    const kinds = u.kinds === undefined ? [] : [...u.kinds].filter(k => HAZARD_KINDS.has(k));
    const holds = shown.length > 0
        ? `it holds ${shown.join(', ')}`
        : kinds.length > 0
            ? `it mentions ${kinds.slice(0, 5).join(', ')}`
            : 'it could not be scanned at all';
    const raise = u.limit?.includes('max-file-bytes')
        ? ' Raise max-file-bytes in the safety-check configuration (.github/rollback-safety.yml) to check it,'
        : u.limit
            ? ` It is beyond ${u.limit}, which cannot be raised: simplify the file, or`
            : ' Fix the file, or';
    return `${u.file} could not be checked because ${u.reason}, and ${holds}: hazards in it would go unreported.${raise} or check it by hand and acknowledge it with the pull request's acknowledge label.`;
}
function article(word) {
    return /^[AEIOU]/.test(word) ? 'an' : 'a';
}
function contextFromChangedFiles(files, notices) {
    notices.push('Flux Kustomizations and kustomize patches were read from the changed files only.');
    const at = (side) => (0,revision_context/* revisionContextFromFiles */.cC)(files.flatMap(f => (f[side] === undefined ? [] : [[f.path, f[side]]])));
    return { before: at('before'), after: at('after') };
}

;// CONCATENATED MODULE: ./src/hazards/index.ts
/** The rollback-hazard engine: what a change to a Flux repository does, and what reverting it does. */






/***/ }),

/***/ 1324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ SEVERITIES)
/* harmony export */ });
/** Severity order, most severe first. */
const SEVERITIES = ['critical', 'error', 'warning', 'notice'];


/***/ }),

/***/ 1385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y1: () => (/* binding */ pathFilter),
/* harmony export */   xu: () => (/* binding */ isYamlPath)
/* harmony export */ });
/* unused harmony export globMatcher */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4260);

/**
 * Turns a path glob into a matcher: `**` crosses folders, `*` and `?` stay within one. A pattern
 * without wildcards matches that file or everything below that folder.
 */
function globMatcher(pattern) {
    const p = pattern.replace(/^\.\//, '');
    if (!(0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .hasWildcard */ .rl)(p)) {
        const dir = p.replace(/\/+$/, '');
        return path => path === dir || path.startsWith(`${dir}/`);
    }
    const re = (0,_core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .globToRegExp */ .tL)(p.endsWith('/') ? `${p}**` : p);
    return path => re.test(path);
}
/** Keeps paths matching any `include` (all when none given) and no `exclude`. */
function pathFilter(include = [], exclude = []) {
    const inc = include.map(globMatcher);
    const exc = exclude.map(globMatcher);
    return path => (inc.length === 0 || inc.some(m => m(path))) && !exc.some(m => m(path));
}
/** True for `.yaml` and `.yml` files. */
function isYamlPath(path) {
    return /\.ya?ml$/i.test(path);
}


/***/ })

};
