export const id = 85;
export const ids = [85];
export const modules = {

/***/ 9764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ streamFiles),
/* harmony export */   b: () => (/* binding */ readBlobs)
/* harmony export */ });
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4260);
/* harmony import */ var _large_scan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8827);
/* harmony import */ var _manifest_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8371);



/**
 * Reads the given changed files with one `git cat-file --batch`: `onFile` gets each one, in the
 * order given, as soon as both its sides are read, so a caller that keeps only what it needs never
 * holds every blob at once.
 */
async function streamFiles(git, entries, onFile, options = {}) {
    // A blob shared by several files is read once and kept until the last of them is handed out.
    const uses = new Map();
    // Each file's blobs, listed once: the next file is looked at each time an object arrives.
    const blobs = entries.map(blobsOf);
    for (const names of blobs)
        for (const name of names)
            uses.set(name, (uses.get(name) ?? 0) + 1);
    const arrived = new Map();
    let next = 0;
    const handOut = () => {
        for (; next < entries.length && blobs[next].every(n => arrived.has(n)); next++) {
            onFile(toFileChange(entries[next], arrived));
            for (const name of blobs[next]) {
                const left = uses.get(name) - 1;
                uses.set(name, left);
                if (left === 0)
                    arrived.delete(name);
            }
        }
    };
    handOut();
    const where = (name) => sideOf(entries, name);
    // A large blob is scanned by a git of its own while the batch goes on, one at a time; the files
    // after it wait for its scan, so they are still handed out in order.
    let scans = Promise.resolve();
    await git.catFileBatch([...uses.keys()], object => {
        const blob = toBlob(object, where);
        if (options.scanLarge && blob && !Buffer.isBuffer(blob)) {
            scans = scans.then(async () => {
                arrived.set(object.name, { ...blob, scan: await scanBlob(git, object.name) });
                handOut();
            });
            // Awaited once the batch is read; should the batch fail first, its error is the one reported.
            scans.catch(() => undefined);
            return;
        }
        arrived.set(object.name, blob);
        handOut();
    }, { maxBytes: options.maxBytes ?? _manifest_file_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_FILE_BYTES */ .gZ });
    await scans;
    if (next < entries.length)
        throw new Error(`Could not read ${entries[next].path} at both revisions.`);
}
/** Scans a blob too large to read whole, a chunk at a time (memory stays bounded). */
async function scanBlob(git, name) {
    const scanner = new _large_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .LineScanner */ .V5();
    try {
        await git.streamBlob(name, chunk => scanner.push(chunk));
    }
    catch (e) {
        scanner.fail(`git could not print it (${e.message.split('\n')[0]})`);
    }
    return scanner.end();
}
/**
 * Reads blobs by name with one `git cat-file --batch` (contents above the size limit are skipped).
 * `where(name)`: the file and revision a name stands for, in the error when git lacks it.
 */
async function readBlobs(git, names, where) {
    const blobs = new Map();
    await git.catFileBatch(names, object => {
        const blob = toBlob(object, where);
        if (blob)
            blobs.set(object.name, blob);
    }, { maxBytes: _manifest_file_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_FILE_BYTES */ .gZ });
    return blobs;
}
/**
 * A blob's contents, its size when above the limit, or undefined for another type of object;
 * throws, naming `where(name)`, for an object git does not have.
 */
function toBlob(object, where) {
    // Every name asked for is one git listed (the change, a tree, a search): a missing object is a
    // damaged or incomplete clone. Read as absent, it would be a deletion, or a Flux Kustomization
    // that is not there.
    if (object.type === 'missing') {
        throw new _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Could not read ${where(object.name)}: git has no blob ${object.name}. Expected a complete clone; fetch the missing objects (git fetch --refetch) and run again.`);
    }
    if (object.type !== 'blob')
        return undefined;
    return object.content ?? { tooLarge: object.size };
}
function blobsOf(e) {
    return [e.oldBlob, e.newBlob].filter((b) => b !== undefined);
}
function toFileChange(e, blobs) {
    // Both sides from the start (undefined where absent): files of one shape.
    const change = { path: e.path, before: undefined, after: undefined };
    for (const side of ['before', 'after']) {
        const name = side === 'before' ? e.oldBlob : e.newBlob;
        const blob = name === undefined ? undefined : blobs.get(name);
        if (blob === undefined)
            continue;
        if (Buffer.isBuffer(blob))
            change[side] = blob;
        else {
            change.tooLarge = { ...change.tooLarge, [side]: blob.tooLarge };
            if (blob.scan)
                change.scanned = { ...change.scanned, [side]: blob.scan };
        }
    }
    return change;
}
/** Which file, at which revision, a blob of the change is: for errors only. */
function sideOf(entries, blob) {
    const e = entries.find(x => x.oldBlob === blob || x.newBlob === blob);
    return e ? `${e.path} at the ${e.oldBlob === blob ? 'base' : 'head'} revision` : blob;
}


/***/ }),

/***/ 4281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YC: () => (/* binding */ keyLine),
/* harmony export */   YY: () => (/* binding */ topLevelEntries),
/* harmony export */   jq: () => (/* binding */ isBlankBetween),
/* harmony export */   lL: () => (/* binding */ mappingEntries),
/* harmony export */   tP: () => (/* binding */ simpleScalar)
/* harmony export */ });
/**
 * A fast, conservative reader of block-style YAML mappings. It finds where each key's entry lies
 * without parsing values, so a check can parse only the few lines it needs. Whenever the text is
 * not plain block style it answers `undefined` and the caller parses the whole document instead.
 */
/**
 * The entries of the block mapping between `from` and `to`, keyed by name; undefined when that
 * range is not a simple block mapping (flow style, quoted or complex keys, duplicates, a sequence).
 */
function mappingEntries(text, from, to) {
    const at = firstContentLine(text, from, to);
    if (at < 0)
        return new Map();
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
function topLevelEntries(text, lineStarts, shift = 0) {
    const at = firstContentLine(text, 0, text.length);
    if (at < 0)
        return new Map();
    if (text.charCodeAt(at) === 0x20)
        return mappingEntries(text, 0, text.length);
    let i = 0;
    return collectEntries(text, at, text.length, 0, eol => {
        while (i < lineStarts.length && lineStarts[i] - shift <= eol)
            i++;
        return i < lineStarts.length ? lineStarts[i] - shift : -1;
    });
}
/**
 * Reads the mapping indented `indent` whose first line starts at `at`: `nextLine(eol)` gives the
 * start of the next line after `eol` indented `indent` or less (-1 when none).
 */
function collectEntries(text, at, to, indent, nextLine) {
    const entries = new Map();
    let current;
    while (at >= 0 && at < to) {
        let eol = text.indexOf('\n', at);
        if (eol < 0 || eol > to)
            eol = to;
        const lead = leadingSpaces(text, at, eol);
        const first = text.charCodeAt(at + lead);
        if (at + lead < eol && first !== 0x23 /* # */ && first !== 0x0d) {
            if (lead < indent)
                return undefined;
            if (isSequenceItem(text, at + lead, eol)) {
                if (!current)
                    return undefined;
            }
            else {
                const line = keyLineAt(text, at + lead, eol);
                if (!line || entries.has(line.key))
                    return undefined;
                if (current)
                    current.end = at;
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
function nextShallowLine(text, eol, indent, to) {
    for (let at = eol + 1; at < to;) {
        let i = at;
        const deepest = at + indent;
        while (i <= deepest && text.charCodeAt(i) === 0x20)
            i++;
        if (i <= deepest && i < text.length && text.charCodeAt(i) !== 0x0a)
            return at;
        const next = text.indexOf('\n', i);
        if (next < 0)
            return -1;
        at = next + 1;
    }
    return -1;
}
function firstContentLine(text, from, to) {
    for (let at = from; at < to;) {
        let eol = text.indexOf('\n', at);
        if (eol < 0 || eol > to)
            eol = to;
        const lead = leadingSpaces(text, at, eol);
        const c = text.charCodeAt(at + lead);
        if (at + lead < eol && c !== 0x23 && c !== 0x0d)
            return at;
        at = eol + 1;
    }
    return -1;
}
/** Reads a single-line scalar (plain or simply quoted); undefined for anything fancier. */
function simpleScalar(inline) {
    if (inline === '')
        return undefined;
    const c = inline[0];
    if (c === "'") {
        const end = inline.lastIndexOf("'");
        return end > 0 && end === inline.length - 1 ? inline.slice(1, end).replace(/''/g, "'") : undefined;
    }
    if (c === '"') {
        const inner = inline.slice(1, -1);
        return inline.endsWith('"') && inline.length > 1 && !/["\\]/.test(inner) ? inner : undefined;
    }
    if ('&*!|>{[@`%,?-:#'.includes(c) || /: |\t#/.test(inline))
        return undefined;
    return inline;
}
/**
 * Reads a `key:` / `key: value` line (the text from the key to the end of the line, no leading
 * spaces) as {@link mappingEntries} does: undefined when it is not a plain key line.
 */
function keyLine(line) {
    return keyLineAt(line, 0, line.length);
}
/**
 * Reads the line between `from` and `to` (no line feed in it) as a plain key line: a key of
 * `[A-Za-z0-9_][A-Za-z0-9_./-]*`, a colon, then nothing but blanks (a nested value), or blanks
 * and a value without line breaks (trailing blanks and comment dropped). By hand rather than
 * with a regular expression: it runs for every key of every document.
 */
function keyLineAt(text, from, to) {
    if (from >= to || !isKeyChar(text.charCodeAt(from), false))
        return undefined;
    let colon = from + 1;
    while (colon < to && isKeyChar(text.charCodeAt(colon), true))
        colon++;
    if (colon >= to || text.charCodeAt(colon) !== 0x3a /* : */)
        return undefined;
    const key = text.slice(from, colon);
    let end = to;
    while (end > colon + 1 && isBlank(text.charCodeAt(end - 1)))
        end--;
    if (end === colon + 1)
        return { key, inline: '' };
    let value = colon + 1;
    if (!isSpaceOrTab(text.charCodeAt(value)))
        return undefined;
    while (isSpaceOrTab(text.charCodeAt(value)))
        value++;
    for (let i = value; i < end; i++)
        if (isLineBreak(text.charCodeAt(i)))
            return undefined;
    return { key, inline: withoutComment(text.slice(value, end)) };
}
function isKeyChar(c, inside) {
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f)
        return true;
    return inside && (c === 0x2e /* . */ || c === 0x2f /* / */ || c === 0x2d); /* - */
}
function isSpaceOrTab(c) {
    return c === 0x20 || c === 0x09;
}
function isBlank(c) {
    return c === 0x20 || c === 0x09 || c === 0x0d;
}
/** True when `text` holds nothing but blanks and line feeds between `from` and `to`. */
function isBlankBetween(text, from, to) {
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (!isBlank(c) && c !== 0x0a)
            return false;
    }
    return true;
}
/** The characters besides the line feed that end a line for a regular expression's `.`. */
function isLineBreak(c) {
    return c === 0x0d || c === 0x2028 || c === 0x2029;
}
function withoutComment(value) {
    if (value.startsWith('#'))
        return '';
    if (value.startsWith("'") || value.startsWith('"'))
        return value;
    const hash = value.indexOf(' #');
    return hash < 0 ? value : value.slice(0, hash).trimEnd();
}
function leadingSpaces(text, from, to) {
    let i = from;
    while (i < to && text.charCodeAt(i) === 0x20)
        i++;
    return i - from;
}
function isSequenceItem(text, at, eol) {
    if (text.charCodeAt(at) !== 0x2d /* - */)
        return false;
    const after = text.charCodeAt(at + 1);
    return at + 1 >= eol || after === 0x20 || after === 0x0d || after === 0x09;
}


/***/ }),

/***/ 9085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _U: () => (/* binding */ readRevisionContexts),
/* harmony export */   xD: () => (/* binding */ ContextReader)
/* harmony export */ });
/* unused harmony export MAX_CONTEXT_READ_BYTES */
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7076);
/* harmony import */ var _blob_stream_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9764);
/* harmony import */ var _kustomize_build_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7484);
/* harmony import */ var _manifest_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8371);
/* harmony import */ var _revision_context_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8535);





// Where a revision's Flux Kustomizations, GitRepositories and kustomize patch files are found:
// files that name the Flux group, a GitRepository or `patches`, in text files with these names.
const FLUX_GROUP = 'kustomize.toolkit.fluxcd.io';
const GIT_SOURCE = 'kind: GitRepository';
const CONTEXT_PATTERNS = [FLUX_GROUP, 'patches', GIT_SOURCE];
const CONTEXT_PATHS = ['*.yaml', '*.yml', '*Kustomization'];
/** Flux Kustomizations and kustomize patch files of both revisions (commit shas), whole tree. */
async function readRevisionContexts(git, base, head, repository) {
    const found = (await grepContextFiles(git, base === head ? [base] : [base, head])).filter(f => !f.path.includes('\n'));
    const blobs = await (0,_blob_stream_js__WEBPACK_IMPORTED_MODULE_1__/* .readBlobs */ .b)(git, found.map(f => `${f.rev}:${f.path}`), name => atRevision(name, base));
    const at = (rev) => (0,_revision_context_js__WEBPACK_IMPORTED_MODULE_4__/* .revisionContextFromFiles */ .cC)(found.filter(f => f.rev === rev).flatMap(f => withContent(f.path, blobs.get(`${f.rev}:${f.path}`))), repository);
    return { before: at(base), after: at(head) };
}
/**
 * Builds the Flux Kustomizations and patch files of both revisions without searching the whole
 * tree twice: a file that did not change is the same at both, so only the unchanged files are
 * searched (at `base`), the checked files are taken as they stream past ({@link add}), and the
 * few other changed files (filtered out, or build files named `Kustomization`) are read at both
 * revisions. The result equals {@link readRevisionContexts}.
 */
class ContextReader {
    listing;
    streamed = { before: [], after: [] };
    constructor(listing) {
        this.listing = listing;
    }
    /**
     * Reads the context of the sides of a checked file that may hold a Flux Kustomization or patch
     * references. `read`: the objects already read from each side, if they were: a side then counts
     * when it holds a Flux Kustomization (a build file still when it mentions patches), with no
     * search of its bytes and no second reading. The context is the same: a file that only mentions
     * the group contributes nothing.
     */
    add(file, read) {
        if (!isContextPath(file.path))
            return;
        const buildFile = (0,_kustomize_build_js__WEBPACK_IMPORTED_MODULE_2__/* .isKustomizeBuildFile */ .o2)(file.path);
        for (const side of ['before', 'after']) {
            const content = file[side];
            if (content === undefined)
                continue;
            const resources = buildFile ? undefined : read?.[side]?.resources;
            const keep = resources
                ? resources.some(_revision_context_js__WEBPACK_IMPORTED_MODULE_4__/* .isFluxKustomization */ .Hw) || (0,_manifest_file_js__WEBPACK_IMPORTED_MODULE_3__/* .asBuffer */ .bS)(content).indexOf(GIT_SOURCE) >= 0
                : mayHoldContext(file.path, content);
            // Its own bytes: what is read from them must not keep the batch's shared chunk alive.
            if (keep)
                this.streamed[side].push([file.path, (0,_revision_context_js__WEBPACK_IMPORTED_MODULE_4__/* .readContextFile */ .Cl)(file.path, (0,_manifest_file_js__WEBPACK_IMPORTED_MODULE_3__/* .ownBytes */ .Mm)((0,_manifest_file_js__WEBPACK_IMPORTED_MODULE_3__/* .asBuffer */ .bS)(content)), resources)]);
        }
    }
    /**
     * Reads what does not stream past: call early, it runs in git meanwhile. The unchanged files are
     * read and searched here when they hold at most `maxReadBytes` (sizes from the tree listing),
     * which takes git less than a `git grep` excluding every changed path; beyond that, git searches
     * them. `baseTree`: that listing of `base`, already under way.
     */
    readOthers(git, base, options = {}) {
        const { maxReadBytes = MAX_CONTEXT_READ_BYTES, baseTree } = options;
        const changed = new Set(this.listing.all.map(e => e.path));
        const checked = new Set(this.listing.checked.map(e => e.path));
        const others = this.listing.all.filter(e => !checked.has(e.path) && isContextPath(e.path));
        const unchanged = unchangedContextFiles(git, base, changed, maxReadBytes, baseTree);
        return Promise.all([unchanged, readBothSides(git, others)]).then(([unchanged, changedOthers]) => {
            // An unchanged file is the same at both revisions: read once.
            const read = unchanged.map(([path, bytes]) => [path, (0,_revision_context_js__WEBPACK_IMPORTED_MODULE_4__/* .readContextFile */ .Cl)(path, bytes)]);
            return { before: [...read, ...changedOthers.before], after: [...read, ...changedOthers.after] };
        });
    }
    /** Both contexts, once every checked file has been added. `repository`: this repository's URL (see mergeContexts). */
    contexts(others, repository) {
        const at = (side) => (0,_revision_context_js__WEBPACK_IMPORTED_MODULE_4__/* .mergeContexts */ .Pc)(byPath([...others[side], ...this.streamed[side]]).map(([, read]) => read), repository);
        return { before: at('before'), after: at('after') };
    }
}
/** The paths the context search looks at: those the `git grep` pathspecs match. */
function isContextPath(path) {
    return !path.includes('\n') && (path.endsWith('.yaml') || path.endsWith('.yml') || path.endsWith('Kustomization'));
}
/** Whether a file may hold the context: text with the pattern its kind of file needs. */
function mayHoldContext(path, content) {
    const bytes = (0,_manifest_file_js__WEBPACK_IMPORTED_MODULE_3__/* .asBuffer */ .bS)(content);
    if (!isGrepText(bytes))
        return false;
    return (0,_kustomize_build_js__WEBPACK_IMPORTED_MODULE_2__/* .isKustomizeBuildFile */ .o2)(path) ? bytes.indexOf('patches') >= 0 : bytes.indexOf(FLUX_GROUP) >= 0 || bytes.indexOf(GIT_SOURCE) >= 0;
}
/** Text as `git grep -I` sees it: no NUL in the first 8000 bytes. */
function isGrepText(bytes) {
    return bytes.subarray(0, 8000).indexOf(0) < 0;
}
/** Sorted by path as git lists them (byte order), which is the order the whole-tree search gives. */
function byPath(files) {
    return files.sort((x, y) => Buffer.compare(Buffer.from(x[0]), Buffer.from(y[0])));
}
// Excluding changed files keeps git from searching what streams past anyway; beyond this many
// bytes of arguments the whole tree is searched and changed files are dropped from the result.
const MAX_EXCLUDE_ARGS = 256 * 1024;
/** Unchanged files of this many bytes in all are read and searched without `git grep`. */
const MAX_CONTEXT_READ_BYTES = 16 * 1024 * 1024;
/**
 * Context files among the files `base..head` does not change, read at `base`: the files
 * `git grep -I -e <group> -e patches` would find among them, in the same order.
 */
async function unchangedContextFiles(git, base, changed, maxReadBytes, listed) {
    const tree = await (listed ?? git.lsTree(base));
    // Like git grep on a tree: regular files only (no symlinks, no submodules).
    const candidates = tree.filter(e => e.type === 'blob' && e.mode !== '120000' && isContextPath(e.path) && !changed.has(e.path));
    if (candidates.reduce((n, e) => n + e.size, 0) > maxReadBytes)
        return grepUnchanged(git, base, changed);
    const names = [...new Set(candidates.map(e => e.oid))];
    const where = (oid) => `${candidates.find(e => e.oid === oid)?.path ?? oid} at the base revision`;
    const blobs = await (0,_blob_stream_js__WEBPACK_IMPORTED_MODULE_1__/* .readBlobs */ .b)(git, names, where);
    return candidates.flatMap(e => {
        const blob = blobs.get(e.oid);
        return Buffer.isBuffer(blob) && grepWouldFind(blob) ? [[e.path, blob]] : [];
    });
}
/** What `git grep -I` with the context patterns finds: text with any of them. */
function grepWouldFind(bytes) {
    return isGrepText(bytes) && (bytes.indexOf(FLUX_GROUP) >= 0 || bytes.indexOf('patches') >= 0 || bytes.indexOf(GIT_SOURCE) >= 0);
}
/** Context files among the files `base..head` does not change, found by `git grep` at `base`. */
async function grepUnchanged(git, base, changed) {
    let excludes = [...changed].filter(isContextPath).map(p => `:(exclude,literal,top)${p}`);
    if (excludes.reduce((n, e) => n + e.length + 1, 0) > MAX_EXCLUDE_ARGS)
        excludes = [];
    const found = (await grepContextFiles(git, [base], excludes)).filter(f => !f.path.includes('\n') && !changed.has(f.path));
    const blobs = await (0,_blob_stream_js__WEBPACK_IMPORTED_MODULE_1__/* .readBlobs */ .b)(git, found.map(f => `${base}:${f.path}`), name => atRevision(name, base));
    return found.flatMap(f => withContent(f.path, blobs.get(`${base}:${f.path}`)));
}
/** The context of the sides of changed files that may hold it. */
async function readBothSides(git, entries) {
    const result = { before: [], after: [] };
    await (0,_blob_stream_js__WEBPACK_IMPORTED_MODULE_1__/* .streamFiles */ .a)(git, entries, file => {
        for (const side of ['before', 'after']) {
            const content = file[side];
            if (content !== undefined && mayHoldContext(file.path, content)) {
                result[side].push([file.path, (0,_revision_context_js__WEBPACK_IMPORTED_MODULE_4__/* .readContextFile */ .Cl)(file.path, (0,_manifest_file_js__WEBPACK_IMPORTED_MODULE_3__/* .ownBytes */ .Mm)((0,_manifest_file_js__WEBPACK_IMPORTED_MODULE_3__/* .asBuffer */ .bS)(content)))]);
            }
        }
    });
    return result;
}
async function grepContextFiles(git, revs, excludes = []) {
    try {
        return await git.grepFiles(CONTEXT_PATTERNS, revs, [...CONTEXT_PATHS, ...excludes]);
    }
    catch (e) {
        if (e instanceof _git_git_js__WEBPACK_IMPORTED_MODULE_0__/* .GitError */ .XS)
            throw new Error(`Could not search ${revs.join(' and ')} for Flux Kustomizations: ${e.stderr.trim()}`, { cause: e });
        throw e;
    }
}
/** `<path> at the base/head revision` for a `<rev>:<path>` name: for errors only. */
function atRevision(name, base) {
    const colon = name.indexOf(':');
    return `${name.slice(colon + 1)} at the ${name.slice(0, colon) === base ? 'base' : 'head'} revision`;
}
function withContent(path, blob) {
    return Buffer.isBuffer(blob) ? [[path, blob]] : [];
}


/***/ }),

/***/ 202:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z6: () => (/* binding */ isClusterScoped),
/* harmony export */   a: () => (/* binding */ resourceId),
/* harmony export */   ik: () => (/* binding */ resourceKey),
/* harmony export */   oI: () => (/* binding */ apiGroup),
/* harmony export */   w9: () => (/* binding */ describeResource)
/* harmony export */ });
// Kinds that ignore metadata.namespace; unknown custom kinds are assumed namespaced.
const CLUSTER_SCOPED = new Set([
    'Namespace',
    'Node',
    'PersistentVolume',
    'StorageClass',
    'CustomResourceDefinition',
    'ClusterRole',
    'ClusterRoleBinding',
    'PriorityClass',
    'RuntimeClass',
    'IngressClass',
    'CSIDriver',
    'CSINode',
    'VolumeAttachment',
    'VolumeAttributesClass',
    'APIService',
    'CertificateSigningRequest',
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'PodSecurityPolicy',
    'FlowSchema',
    'PriorityLevelConfiguration',
    'ClusterIssuer',
    'ClusterSecretStore',
    'ClusterPolicy'
]);
/** The API group of an apiVersion (`apps/v1` -> `apps`, `v1` -> ``). */
function apiGroup(apiVersion) {
    const slash = apiVersion.lastIndexOf('/');
    return slash < 0 ? '' : apiVersion.slice(0, slash);
}
/** True for kinds whose objects live outside namespaces. */
function isClusterScoped(kind) {
    return CLUSTER_SCOPED.has(kind);
}
/** Builds a ResourceId, dropping the namespace of cluster-scoped kinds. */
function resourceId(apiVersion, kind, name, namespace) {
    // Every id has the same fields (namespace undefined when there is none): objects of one shape
    // keep the code reading them fast.
    return { apiVersion, group: apiGroup(apiVersion), kind, namespace: namespace && !isClusterScoped(kind) ? namespace : undefined, name };
}
/** The key two manifests share when they describe the same object (version-independent). */
function resourceKey(id) {
    return `${id.group}|${id.kind}|${id.namespace ?? ''}|${id.name}`;
}
/** `Kind namespace/name` for messages. */
function describeResource(id) {
    return `${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name}`;
}


/***/ }),

/***/ 7484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G6: () => (/* binding */ BUILD_SETTINGS_KIND),
/* harmony export */   ZA: () => (/* binding */ patchFilesOf),
/* harmony export */   o2: () => (/* binding */ isKustomizeBuildFile),
/* harmony export */   oR: () => (/* binding */ isKustomizeBuildApi),
/* harmony export */   qb: () => (/* binding */ normalisePath),
/* harmony export */   vN: () => (/* binding */ BUILD_SETTINGS_GROUP)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

const BUILD_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/**
 * True for kustomize build files (`kustomization.yaml`): build input, not cluster objects. `path`
 * is a file's path in the repository (`/`-separated, no trailing slash). Asked for every file
 * read, so by comparing its end rather than taking its base name.
 */
function isKustomizeBuildFile(path) {
    for (const name of BUILD_FILE_NAMES) {
        if (path.endsWith(name) && (path.length === name.length || path.charCodeAt(path.length - name.length - 1) === 0x2f))
            return true;
    }
    return false;
}
/** True for apiVersions of kustomize build files (`kustomize.config.k8s.io/v1beta1`). */
function isKustomizeBuildApi(apiVersion) {
    return apiVersion.startsWith('kustomize.config.k8s.io/');
}
/**
 * The repository paths of the patch files a kustomization build file refers to (`patches`,
 * `patchesStrategicMerge`, `patchesJson6902`), resolved relative to its folder. Inline patches and
 * paths leaving the repository are ignored.
 */
function patchFilesOf(buildFile, build) {
    if (!build || typeof build !== 'object')
        return [];
    const spec = build;
    const refs = [];
    for (const key of ['patches', 'patchesJson6902', 'patchesStrategicMerge']) {
        const list = spec[key];
        if (!Array.isArray(list))
            continue;
        for (const item of list) {
            const ref = typeof item === 'string' ? item : item?.path;
            if (typeof ref === 'string' && !ref.includes('\n'))
                refs.push(ref);
        }
    }
    const dir = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(buildFile);
    return refs.map(ref => node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(dir, ref))).filter(p => !p.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(p));
}
/** Normalises a Flux or kustomize path: no `./`, no trailing `/`, '' for the repository root. */
function normalisePath(path) {
    const normal = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(path.trim().replace(/^\/+/, ''));
    return normal === '.' || normal === './' ? '' : normal.replace(/\/+$/, '').replace(/^\.\//, '');
}
/** The kind and API group under which a build file's settings are checked (see buildSettings). */
const BUILD_SETTINGS_KIND = 'Kustomization';
const BUILD_SETTINGS_GROUP = 'kustomize.config.k8s.io';


/***/ }),

/***/ 8827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V5: () => (/* binding */ LineScanner),
/* harmony export */   vw: () => (/* binding */ scanBytes)
/* harmony export */ });
/* unused harmony exports MAX_SCANNED_LINE, MAX_SCANNED_DOCUMENTS */
/* harmony import */ var _block_scan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4281);

/** Only this much of a line is looked at: a header line is short, the rest of a long one is data. */
const MAX_SCANNED_LINE = 4096;
/** Documents a scan records before it gives up. */
const MAX_SCANNED_DOCUMENTS = 100_000;
const MAX_SCANNED_KINDS = 1000;
const MAX_SCANNED_KEYS = 100;
// `kind: X` anywhere on a line: block, flow (`{kind: X}`) and JSON (`"kind": "X"`) style alike.
const KIND_MENTION = /(?:^|[\s{,"'])kind["']?[ \t]*:[ \t]*["']?([A-Za-z][A-Za-z0-9]*)/g;
/**
 * Scans a file line by line as its bytes arrive, for each document's `apiVersion`, `kind` and
 * `metadata` name and namespace (top-level block style, documents split at `---`) and every kind
 * it mentions. Memory stays bounded whatever the file's size: at most
 * {@link MAX_SCANNED_LINE} bytes of a line are kept, and a bounded number of documents.
 */
class LineScanner {
    scan = { documents: [], kinds: new Set() };
    doc;
    line = 0;
    /** The start of the line being read (at most MAX_SCANNED_LINE bytes of it). */
    partial = [];
    partialLength = 0;
    /** Inside the top-level `metadata` mapping; its entries' indent once known (-1 before). */
    inMetadata = false;
    metadataIndent = -1;
    /** Reads the next bytes of the file. */
    push(chunk) {
        if (this.scan.failed)
            return;
        if (chunk.indexOf(0) >= 0) {
            this.scan.failed = 'it is binary';
            return;
        }
        let at = 0;
        for (let eol = chunk.indexOf(0x0a); eol >= 0; eol = chunk.indexOf(0x0a, at)) {
            this.keep(chunk.subarray(at, eol));
            this.endLine();
            at = eol + 1;
        }
        this.keep(chunk.subarray(at));
    }
    /** Ends the file and returns what was found. */
    end() {
        if (this.partialLength > 0)
            this.endLine();
        if (this.doc && !this.scan.failed)
            this.finishDocument();
        return this.scan;
    }
    /** Gives up: the scan cannot be trusted (git failed to print the file, for one). */
    fail(reason) {
        this.scan.failed ??= reason;
    }
    keep(part) {
        const room = MAX_SCANNED_LINE - this.partialLength;
        if (room <= 0 || part.length === 0)
            return;
        const kept = Buffer.from(part.subarray(0, room));
        this.partial.push(kept);
        this.partialLength += kept.length;
    }
    endLine() {
        const text = Buffer.concat(this.partial, this.partialLength).toString('latin1').replace(/\r$/, '');
        this.partial = [];
        this.partialLength = 0;
        this.line++;
        if (this.scan.failed)
            return;
        this.readLine(text);
    }
    readLine(text) {
        if (/^(?:---|\.\.\.)(?:[ \t].*)?$/.test(text)) {
            if (this.doc)
                this.finishDocument();
            if (text.startsWith('---'))
                this.startDocument();
            return;
        }
        if (text.includes('kind')) {
            for (const m of text.matchAll(KIND_MENTION))
                if (this.scan.kinds.size < MAX_SCANNED_KINDS)
                    this.scan.kinds.add(m[1]);
        }
        if (/^[ \t]*(?:#|$)/.test(text))
            return;
        if (!this.doc)
            this.startDocument();
        const doc = this.doc;
        // The object starts at its first line of content, as the reader of whole files says.
        if (doc.line === 0)
            doc.line = this.line;
        if (text.charCodeAt(0) !== 0x20) {
            this.inMetadata = false;
            const entry = (0,_block_scan_js__WEBPACK_IMPORTED_MODULE_0__/* .keyLine */ .YC)(text);
            if (!entry)
                return;
            if (doc.keys.length < MAX_SCANNED_KEYS && !doc.keys.includes(entry.key))
                doc.keys.push(entry.key);
            if (entry.key === 'apiVersion')
                doc.apiVersion = (0,_block_scan_js__WEBPACK_IMPORTED_MODULE_0__/* .simpleScalar */ .tP)(entry.inline);
            else if (entry.key === 'kind')
                doc.kind = (0,_block_scan_js__WEBPACK_IMPORTED_MODULE_0__/* .simpleScalar */ .tP)(entry.inline);
            else if (entry.key === 'metadata' && entry.inline === '')
                [this.inMetadata, this.metadataIndent] = [true, -1];
            return;
        }
        if (!this.inMetadata)
            return;
        const indent = text.length - text.trimStart().length;
        if (this.metadataIndent < 0)
            this.metadataIndent = indent;
        if (indent !== this.metadataIndent)
            return;
        const entry = (0,_block_scan_js__WEBPACK_IMPORTED_MODULE_0__/* .keyLine */ .YC)(text.slice(indent));
        if (entry?.key === 'name')
            doc.name = (0,_block_scan_js__WEBPACK_IMPORTED_MODULE_0__/* .simpleScalar */ .tP)(entry.inline);
        else if (entry?.key === 'namespace')
            doc.namespace = (0,_block_scan_js__WEBPACK_IMPORTED_MODULE_0__/* .simpleScalar */ .tP)(entry.inline);
    }
    startDocument() {
        this.doc = { line: 0, keys: [] };
        this.inMetadata = false;
    }
    finishDocument() {
        const doc = this.doc;
        this.doc = undefined;
        if (doc.keys.length === 0)
            return;
        if (this.scan.documents.length >= MAX_SCANNED_DOCUMENTS) {
            this.scan.failed = `it holds more than ${MAX_SCANNED_DOCUMENTS} documents`;
            return;
        }
        this.scan.documents.push(doc);
    }
}
/** {@link LineScanner} over bytes already in memory. */
function scanBytes(bytes) {
    const scanner = new LineScanner();
    // In pieces, so that a line is never copied whole.
    for (let at = 0; at < bytes.length; at += 1024 * 1024)
        scanner.push(bytes.subarray(at, at + 1024 * 1024));
    return scanner.end();
}


/***/ }),

/***/ 2559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jz: () => (/* binding */ ManifestDocument),
/* harmony export */   nc: () => (/* binding */ UnreadableDocumentError)
/* harmony export */ });
/* unused harmony export dig */
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _block_scan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4281);
/* harmony import */ var _safe_yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5305);



/** Thrown when a part of a document that a check needs turns out not to parse. */
class UnreadableDocumentError extends Error {
    reason;
    constructor(reason) {
        super(reason);
        this.reason = reason;
        this.name = 'UnreadableDocumentError';
    }
}
/**
 * One YAML document, read lazily: a value at a path is found by scanning the block structure and
 * parsing only that entry, falling back to parsing the whole document when the layout is unusual.
 * Call {@link release} when done to drop decoded text and parsed values.
 */
class ManifestDocument {
    bytes;
    top;
    fixed;
    text;
    ascii;
    whole;
    values;
    children;
    constructor(bytes, 
    /** Top-level entries found when the header was scanned; none when it needs a real parse. */
    top, fixed) {
        this.bytes = bytes;
        this.top = top;
        this.fixed = fixed;
    }
    /**
     * A document backed by its bytes. `top` (offsets into the decoded bytes) is given when its top
     * level is a plain block mapping; without it every lookup parses the whole document.
     */
    static fromBytes(bytes, top) {
        return new ManifestDocument(bytes, top);
    }
    /**
     * A copy of the document `top` was scanned from (`text`) holding only the top-level entries
     * named in `keys`, in their order and verbatim, in bytes of its own: the file it came from can
     * then be freed. Lookups of the kept entries read exactly what they read in the whole document.
     */
    static fromEntries(text, top, keys) {
        const kept = new Map();
        const parts = [];
        let length = 0;
        for (const entry of top.values()) {
            if (!keys.has(entry.key))
                continue;
            const shift = entry.start - length;
            kept.set(entry.key, { ...entry, start: length, bodyStart: entry.bodyStart - shift, end: entry.end - shift });
            parts.push(text.slice(entry.start, entry.end));
            length += entry.end - entry.start;
        }
        return new ManifestDocument(Buffer.from(parts.join(''), 'utf8'), kept);
    }
    /** A document already parsed (an item of a `kind: List`, a test value). */
    static fromValue(value) {
        return new ManifestDocument(undefined, undefined, value);
    }
    /** True when both documents have exactly the same bytes. */
    sameBytes(other) {
        return this.bytes !== undefined && other.bytes !== undefined && this.bytes.equals(other.bytes);
    }
    /** The value at `path` (mapping keys), or undefined when absent. */
    get(path) {
        const cacheKey = path.join('\u0000');
        this.values ??= new Map();
        if (this.values.has(cacheKey))
            return this.values.get(cacheKey);
        const value = this.lookup(path);
        this.values.set(cacheKey, value);
        return value;
    }
    /**
     * The source text of the entry at `path` (for cheap equality checks), null when the path is
     * absent, undefined when the layout cannot be scanned.
     */
    raw(path) {
        const found = this.entryAt(path);
        if (found === undefined || found === null)
            return found;
        return found.text.slice(found.entry.start, found.entry.end);
    }
    /**
     * True when the entry at `path` is the same text in both documents (both absent counts); false
     * when it differs or either layout cannot be scanned.
     */
    sameRaw(other, path) {
        const raw = this.raw(path);
        return raw !== undefined && raw === other.raw(path);
    }
    /** The whole document. */
    value() {
        if (this.bytes === undefined)
            return this.fixed;
        if (!this.whole) {
            const parsed = (0,_safe_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYaml */ .hN)(this.source());
            if (!parsed.ok)
                throw new UnreadableDocumentError(parsed.reason);
            this.whole = { value: parsed.documents.find(d => d.offset >= 0)?.value };
        }
        return this.whole.value;
    }
    /** Drops decoded text and parsed values; they are rebuilt on demand. */
    release() {
        this.text = undefined;
        this.whole = undefined;
        this.values = undefined;
        this.children = undefined;
    }
    source() {
        // ASCII reads the same as latin1, which decodes faster (a large CRD is megabytes).
        return (this.text ??= this.bytes.toString(this.isAscii() ? 'latin1' : 'utf8'));
    }
    isAscii() {
        return (this.ascii ??= (0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isAscii)(this.bytes));
    }
    lookup(path) {
        const found = this.entryAt(path.slice(0, 1));
        if (found === undefined)
            return dig(this.value(), path);
        if (found === null)
            return undefined;
        return this.lookupIn(found.text, found.entry, path, 0);
    }
    lookupIn(text, entry, path, depth) {
        if (depth === path.length - 1 || entry.inline !== '') {
            return dig(this.parseEntry(text, entry), path.slice(depth));
        }
        const children = this.childrenOf(text, entry);
        if (!children)
            return dig(this.parseEntry(text, entry), path.slice(depth));
        const child = children.get(path[depth + 1]);
        return child ? this.lookupIn(text, child, path, depth + 1) : undefined;
    }
    entryAt(path) {
        if (!this.top || this.bytes === undefined)
            return undefined;
        // A top-level key that is absent needs no text: most lookups of small rules end here.
        let entries = this.top;
        let entry;
        for (let i = 0; i < path.length; i++) {
            if (!entries)
                return undefined;
            entry = entries.get(path[i]);
            if (!entry)
                return null;
            if (i < path.length - 1)
                entries = this.childrenOf(this.source(), entry);
        }
        return entry ? { text: this.source(), entry } : undefined;
    }
    /** The entries nested under `entry` (scanned once per document until released). */
    childrenOf(text, entry) {
        if (entry.inline !== '')
            return undefined;
        this.children ??= new Map();
        if (!this.children.has(entry))
            this.children.set(entry, (0,_block_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .mappingEntries */ .lL)(text, entry.bodyStart, entry.end));
        return this.children.get(entry);
    }
    parseEntry(text, entry) {
        const parsed = (0,_safe_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYaml */ .hN)(text.slice(entry.start, entry.end));
        if (!parsed.ok)
            throw new UnreadableDocumentError(parsed.reason);
        return parsed.documents[0]?.value;
    }
}
/** Follows mapping keys into a parsed value. */
function dig(value, path) {
    let at = value;
    for (const key of path) {
        if (at === null || typeof at !== 'object' || Array.isArray(at))
            return undefined;
        if (!Object.hasOwn(at, key))
            return undefined;
        at = at[key];
    }
    return at;
}


/***/ }),

/***/ 8371:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gZ: () => (/* binding */ MAX_FILE_BYTES),
  bS: () => (/* binding */ asBuffer),
  Mm: () => (/* binding */ ownBytes),
  oe: () => (/* binding */ readManifestFile),
  g$: () => (/* binding */ tooLarge)
});

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./src/manifests/block-scan.ts
var block_scan = __webpack_require__(4281);
;// CONCATENATED MODULE: ./src/manifests/documents.ts
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
function splitDocuments(bytes) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return scanDocuments(buf.toString('latin1')).map(({ start, end, line }) => ({ start, end, line }));
}
/**
 * {@link splitDocuments} for a file decoded as latin1 (one character per byte, so offsets are byte
 * offsets), also noting where each document's column-0 lines are. One pass over the lines does
 * it all: markers, line numbers and top-level lines only ever start a line, and the ASCII bytes
 * it looks for never occur inside a UTF-8 character, whatever the file's encoding.
 */
function scanDocuments(text) {
    const documents = [];
    const first = hasBom(text) ? 3 : 0;
    let doc = { start: first, end: text.length, line: 1, topLines: [] };
    const close = (end) => {
        doc.end = end;
        if (end > doc.start)
            documents.push(doc);
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
        }
        else if (c === DOT && isMarker(text, at, DOT)) {
            close(at);
            doc = { start: eol < 0 ? text.length : eol + 1, end: text.length, line: line + 1, topLines: [] };
        }
        else if (c !== SPACE && c !== LF) {
            doc.topLines.push(at);
        }
        if (eol < 0)
            break;
        at = eol + 1;
    }
    close(text.length);
    return documents;
}
/** True when the document so far has content lines and all of them are directives (`%...`). */
function onlyDirectives(text, doc) {
    let directives = 0;
    for (const at of doc.topLines) {
        const c = text.charCodeAt(at);
        if (c === PERCENT)
            directives++;
        else if (c !== HASH && c !== CR)
            return false;
    }
    return directives > 0;
}
/** True when a marker line (`---`, `...`) starts at `at`: the three characters, then a break, a blank or the end. */
function isMarker(text, at, c) {
    if (text.charCodeAt(at + 1) !== c || text.charCodeAt(at + 2) !== c)
        return false;
    const after = text.charCodeAt(at + 3);
    return at + 3 >= text.length || after === LF || after === SPACE || after === 0x09 || after === 0x0d;
}
function hasBom(text) {
    return text.charCodeAt(0) === 0xef && text.charCodeAt(1) === 0xbb && text.charCodeAt(2) === 0xbf;
}

// EXTERNAL MODULE: ./src/manifests/identity.ts
var identity = __webpack_require__(202);
// EXTERNAL MODULE: ./src/manifests/kustomize-build.ts
var kustomize_build = __webpack_require__(7484);
// EXTERNAL MODULE: ./src/manifests/manifest-document.ts
var manifest_document = __webpack_require__(2559);
// EXTERNAL MODULE: ./src/manifests/large-scan.ts
var large_scan = __webpack_require__(8827);
// EXTERNAL MODULE: ./src/manifests/safe-yaml.ts
var safe_yaml = __webpack_require__(5305);
;// CONCATENATED MODULE: ./src/manifests/template-scan.ts

/**
 * Tells Helm templates from YAML that merely contains `{{` as text (Grafana legends inside a
 * dashboard's JSON, Prometheus alert annotations), without parsing. Line by line and
 * conservative: `{{` counts as text only inside a block scalar (`|`, `>`), a comment, or a quoted
 * scalar that opens and closes on its line; anything else, and any layout it does not follow
 * (multi-line quoted or flow values, tags, anchors), answers "may be a template".
 */
function mayBeTemplate(text) {
    if (!text.includes('{{'))
        return false;
    // Inside a block scalar: its lines are those indented more than `parent` (or blank).
    let parent = -1;
    let body = -1;
    let bodyIndent = '';
    for (let start = 0; start < text.length;) {
        let eol = text.indexOf('\n', start);
        if (eol < 0)
            eol = text.length;
        // Most lines of a large block scalar (a dashboard's JSON) are indented at least as deep as
        // its first line: they need no closer look.
        if (body >= 0 && text.startsWith(bodyIndent, start)) {
            start = eol + 1;
            continue;
        }
        let at = start;
        while (at < eol && text.charCodeAt(at) === 0x20)
            at++;
        const lead = at - start;
        start = eol + 1;
        if ((0,block_scan/* isBlankBetween */.jq)(text, at, eol))
            continue;
        if (parent >= 0) {
            if (lead > parent) {
                if (body < 0)
                    [body, bodyIndent] = [lead, ' '.repeat(lead)];
                // Less indented than the scalar's first line yet more than its key: a parser must judge.
                if (lead < body)
                    return true;
                continue;
            }
            parent = -1;
            body = -1;
        }
        if (text.charCodeAt(at) === 0x23 /* # */)
            continue;
        const line = readLine(text.slice(at, eol));
        if (line === undefined)
            return true;
        if (line.blockIndent !== undefined)
            parent = lead + line.blockIndent;
    }
    return false;
}
const KEY = /^(?:[A-Za-z0-9_$/][^:#'"{}[\]]*?|"[^"\\\n]*"|'[^'\n]*')[ \t]*:(?:[ \t]+|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]{0,2}(?:[ \t]+#.*|[ \t]*)\r?$/;
const REST = /^(?:[ \t]+#.*|[ \t]*)\r?$/;
// A line that starts no block scalar (one object, of the same shape as those that do).
const PLAIN = { blockIndent: undefined };
/**
 * Reads one line (from its first non-space character) that is outside any block scalar:
 * undefined when a `{{` on it may be template syntax or the line's value may go on over the next
 * lines; otherwise whether it starts a block scalar.
 */
function readLine(line) {
    let at = 0;
    let column = -1;
    // Sequence entries: `- `, `- - `... (Reads stay within the line: a read past the end makes V8
    // throw away the optimized code of this hot loop and compile it again.)
    while (at < line.length && line.charCodeAt(at) === 0x2d && (at + 1 === line.length || line.charCodeAt(at + 1) === 0x20)) {
        column = at;
        at += 1;
        while (at < line.length && line.charCodeAt(at) === 0x20)
            at++;
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
        if (close < 0 || !REST.test(value.slice(close + 1)))
            return undefined;
        // What follows the closing quote is at most a comment: a `{{` there is text too.
        return line.slice(0, at).includes('{{') ? undefined : PLAIN;
    }
    if (c === 0x7c /* | */ || c === 0x3e /* > */) {
        if (!BLOCK_SCALAR.test(value) || column < 0 || line.slice(0, at).includes('{{'))
            return undefined;
        return { blockIndent: column };
    }
    return line.includes('{{') ? undefined : openFlow(value) ? undefined : PLAIN;
}
/** The index of the quote that closes the scalar opening `value`, -1 when not on this line. */
function closingQuote(value) {
    const quote = value.charCodeAt(0);
    for (let i = 1; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (quote === 0x22 && c === 0x5c /* \ */)
            i++;
        else if (c === quote) {
            if (quote === 0x27 && i + 1 < value.length && value.charCodeAt(i + 1) === 0x27)
                i++;
            else
                return i;
        }
    }
    return -1;
}
/** True for a flow collection that may not close on its line. */
function openFlow(value) {
    const c = value.length > 0 ? value.charCodeAt(0) : -1;
    if (c !== 0x5b /* [ */ && c !== 0x7b /* { */)
        return false;
    const end = value.replace(/[ \t]+#.*$/, '').trimEnd();
    return end.charCodeAt(end.length - 1) !== (c === 0x5b ? 0x5d : 0x7d);
}

// EXTERNAL MODULE: ./src/core/index.ts + 8 modules
var core = __webpack_require__(4260);
;// CONCATENATED MODULE: ./src/manifests/manifest-file.ts










/** Files above this size are reported as unreadable without being parsed. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Unreadable files up to this size are kept to search for names that may hide in them. */
const KEEP_UNREADABLE_BYTES = 1024 * 1024;
/**
 * Reads the Kubernetes objects of one file at one revision. Never throws: binary, non-UTF-8,
 * oversized or unparseable content yields `unreadable` instead of resources.
 */
function readManifestFile(path, content, options = {}) {
    const bytes = asBuffer(content);
    if ((0,kustomize_build/* isKustomizeBuildFile */.o2)(path) || options.isPatch)
        return { path, resources: [] };
    // Pure ASCII is the same text in latin1, whose offsets are byte offsets: the scan's line starts
    // then serve the documents' text as they are. Other files decode each document as UTF-8.
    const ascii = (0,external_node_buffer_.isAscii)(bytes);
    const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
    if (bytes.length > maxBytes)
        return { path, resources: [], unreadable: tooLarge(path, bytes.length, maxBytes, (0,large_scan/* scanBytes */.vw)(bytes)) };
    const refused = refusal(bytes, ascii);
    if (refused) {
        const kinds = refused === BINARY ? undefined : (0,large_scan/* scanBytes */.vw)(bytes).kinds;
        return { path, resources: [], unreadable: { file: path, line: 1, reason: refused, severity: 'warning', kinds } };
    }
    const latin1 = bytes.toString('latin1');
    const template = latin1.includes('{{');
    const resources = [];
    for (const doc of scanDocuments(latin1)) {
        const text = ascii ? latin1.slice(doc.start, doc.end) : bytes.toString('utf8', doc.start, doc.end);
        const topLines = ascii ? { at: doc.topLines, shift: doc.start } : undefined;
        const read = readDocument(path, bytes.subarray(doc.start, doc.end), text, doc, topLines, template, options.keep);
        if ('reason' in read)
            return { path, resources: [], unreadable: unreadable(read, bytes, template) };
        resources.push(...read);
    }
    return { path, resources };
}
/** File contents as a Buffer: text encoded as UTF-8, bytes viewed as they are (no copy). */
function asBuffer(content) {
    if (typeof content === 'string')
        return Buffer.from(content, 'utf8');
    return Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}
/**
 * `bytes`, or a copy of them when they are a small part of the buffer they view (git's batch
 * output is read in shared chunks): what is kept for long should not keep the rest alive.
 */
function ownBytes(bytes) {
    return bytes.length * 2 >= bytes.buffer.byteLength ? bytes : Buffer.from(bytes);
}
/**
 * A file above the size limit: what a line scan found in it (see LineScanner) and which limit it
 * is above. `scan.failed`: the scan gave up, so the file may hold anything.
 */
function tooLarge(path, size, maxBytes, scan) {
    const limit = `the size limit of ${maxBytes} bytes (max-file-bytes)`;
    const reason = `it is larger than ${limit}: ${size} bytes${scan.failed ? `, and it could not be scanned either (${scan.failed})` : ''}`;
    return scan.failed
        ? { file: path, line: 1, reason, severity: 'warning', limit }
        : { file: path, line: 1, reason, severity: 'warning', limit, kinds: scan.kinds, documents: scan.documents };
}
const BINARY = 'it is binary';
function refusal(bytes, ascii) {
    if (bytes.indexOf(0) >= 0)
        return BINARY;
    if (!ascii && !(0,external_node_buffer_.isUtf8)(bytes))
        return 'it is not UTF-8 text';
    return undefined;
}
function unreadable(read, bytes, template) {
    return {
        ...read,
        reason: template ? `it looks like a Helm template (${read.reason})` : read.reason,
        severity: template ? 'notice' : 'warning',
        bytes: bytes.length <= KEEP_UNREADABLE_BYTES ? Buffer.from(bytes) : undefined,
        kinds: (0,large_scan/* scanBytes */.vw)(bytes).kinds,
        limit: (0,safe_yaml/* parserLimitOf */.KG)(read.reason)
    };
}
/** Top-level keys of a Kubernetes object (or a `kind: List`), one of which any object has. */
const OBJECT_KEYS = ['apiVersion', 'kind', 'metadata', 'items'];
/**
 * Resources of one document; a document that is not a full object yields none. With `validate`
 * (the file contains `{{`) a document where `{{` may be template syntax is parsed first so broken
 * YAML is reported; a valid one is then read like any other, so later lookups stay cheap. One
 * that only holds `{{` as text (a dashboard's JSON) is read like any other document.
 */
function readDocument(file, bytes, text, span, topLines, validate, keep) {
    const scan = scanHeader(text, topLines);
    if (scan === null)
        return [];
    // A mapping with none of an object's top-level keys is data (a workflow, a values file): no
    // rule reads it and kustomize would not build it, so whether it parses changes nothing.
    if (scan && !OBJECT_KEYS.some(key => scan.top.has(key)))
        return [];
    const parsed = validate && mayBeTemplate(text) ? (0,safe_yaml/* parseYaml */.hN)(text) : undefined;
    if (parsed && !parsed.ok)
        return { file, line: span.line + linesBefore(text, parsed.offset), reason: parsed.reason };
    if (scan) {
        const { header, bodyStart, firstLine, top } = scan;
        const id = identityOf(header);
        if (id) {
            const docBytes = bytes.subarray(Buffer.byteLength(text.slice(0, bodyStart)));
            const doc = keep ? keptPart(id, docBytes, text.slice(bodyStart), top, keep) : manifest_document/* ManifestDocument */.jz.fromBytes(docBytes, top);
            return doc ? [toResource(file, span.line + firstLine, id, header.encrypted, doc)] : [];
        }
    }
    // Not an object (values file, unreferenced patch...) or an unusual layout: parse it (cheap for
    // the former), which also says if it is broken.
    return readParsed(file, bytes, text, span, parsed ?? (0,safe_yaml/* parseYaml */.hN)(text));
}
/** The part of a document that `keep` asks for, in bytes of its own. */
function keptPart(id, bytes, body, top, keep) {
    const keys = keep(id, top);
    if (keys === null)
        return undefined;
    // A document that is most of its buffer keeps it: a copy would only cost time.
    if (keys === 'all')
        return manifest_document/* ManifestDocument */.jz.fromBytes(ownBytes(bytes), top);
    return manifest_document/* ManifestDocument */.jz.fromEntries(body, top, new Set(['metadata', ...keys]));
}
/** Fallback for documents the scanner does not understand: read the parsed values. */
function readParsed(file, bytes, text, span, parsed) {
    if (!parsed.ok)
        return { file, line: span.line + linesBefore(text, parsed.offset), reason: parsed.reason };
    const resources = [];
    for (const { value, offset, itemOffsets } of parsed.documents) {
        if (!(0,core/* isObject */.Gv)(value))
            continue;
        const line = span.line + linesBefore(text, offset);
        if (value.kind === 'List' && Array.isArray(value.items)) {
            value.items.forEach((item, i) => {
                const itemLine = itemOffsets?.[i] !== undefined ? span.line + linesBefore(text, itemOffsets[i]) : line;
                const header = (0,core/* isObject */.Gv)(item) ? headerOf(item) : undefined;
                const id = header && identityOf(header);
                if (id)
                    resources.push(toResource(file, itemLine, id, header.encrypted, manifest_document/* ManifestDocument */.jz.fromValue(item)));
            });
            continue;
        }
        const header = headerOf(value);
        const id = identityOf(header);
        if (id)
            resources.push(toResource(file, line, id, header.encrypted, manifest_document/* ManifestDocument */.jz.fromBytes(bytes)));
    }
    return resources;
}
/** Who an object is, from its header; undefined for a document that is not a full object. */
function identityOf(h) {
    if (!h.apiVersion || !h.kind || !h.name || (0,kustomize_build/* isKustomizeBuildApi */.oR)(h.apiVersion))
        return undefined;
    return (0,identity/* resourceId */.a)(detach(h.apiVersion), detach(h.kind), detach(h.name), h.namespace === undefined ? undefined : detach(h.namespace));
}
function toResource(file, line, id, encrypted, doc) {
    return {
        apiVersion: id.apiVersion,
        group: id.group,
        kind: id.kind,
        namespace: id.namespace,
        name: id.name,
        key: (0,identity/* resourceKey */.ik)(id),
        file,
        line,
        doc,
        encrypted
    };
}
function headerOf(value) {
    const meta = (0,core/* isObject */.Gv)(value.metadata) ? value.metadata : {};
    return {
        apiVersion: str(value.apiVersion),
        kind: str(value.kind),
        name: str(meta.name),
        namespace: str(meta.namespace),
        encrypted: value.sops !== undefined && value.sops !== null
    };
}
/**
 * Reads apiVersion, kind and metadata name/namespace from the text. Returns null for a document
 * with no content, undefined when the layout needs a real parse. With `topLines` only those lines
 * of the top level are read.
 */
function scanHeader(text, topLines) {
    const bodyStart = afterMarker(text);
    if (bodyStart < 0)
        return undefined;
    const body = text.slice(bodyStart);
    const first = firstContent(body);
    if (first < 0)
        return null;
    const top = topLines ? (0,block_scan/* topLevelEntries */.YY)(body, topLines.at, topLines.shift + bodyStart) : (0,block_scan/* mappingEntries */.lL)(body, 0, body.length);
    if (!top || body.charCodeAt(first) === 0x20)
        return undefined;
    // The document keeps these entries: they must not keep the whole decoded text alive.
    for (const entry of top.values())
        [entry.key, entry.inline] = [detach(entry.key), detach(entry.inline)];
    // All fields from the start, in headerOf's order: headers of one shape.
    const header = { apiVersion: undefined, kind: undefined, name: undefined, namespace: undefined, encrypted: top.has('sops') };
    for (const key of ['apiVersion', 'kind']) {
        const entry = top.get(key);
        if (entry && (header[key] = (0,block_scan/* simpleScalar */.tP)(entry.inline)) === undefined)
            return undefined;
    }
    if (header.kind === 'List')
        return undefined;
    const meta = top.get('metadata');
    if (meta) {
        const fields = meta.inline === '' ? (0,block_scan/* mappingEntries */.lL)(body, meta.bodyStart, meta.end) : undefined;
        if (!fields)
            return undefined;
        if (!readField(fields.get('name'), v => (header.name = v)))
            return undefined;
        if (!readField(fields.get('namespace'), v => (header.namespace = v)))
            return undefined;
    }
    return { header, bodyStart, firstLine: linesBefore(text, bodyStart + first), top };
}
function readField(entry, set) {
    if (!entry)
        return true;
    const value = (0,block_scan/* simpleScalar */.tP)(entry.inline);
    if (value !== undefined)
        set(value);
    return value !== undefined;
}
/** Offset after a leading `---` line, 0 without one, -1 when the marker line carries content. */
function afterMarker(text) {
    if (!text.startsWith('---'))
        return 0;
    const eol = text.indexOf('\n');
    const rest = text.slice(3, eol < 0 ? text.length : eol).trim();
    if (rest !== '' && !rest.startsWith('#'))
        return -1;
    return eol < 0 ? text.length : eol + 1;
}
/** Offset of the first line with content (not blank, not a comment), -1 when there is none. */
function firstContent(text) {
    return text.search(/^[ \t]*[^\s#]/m);
}
function linesBefore(text, offset) {
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}
/**
 * A copy of `s` that does not point into the (large) string it was cut from: V8 keeps the whole
 * text alive behind every slice of 13 or more characters.
 */
function detach(s) {
    return s.length < 13 ? s : (' ' + s).slice(1);
}
function str(v) {
    return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}


/***/ }),

/***/ 8535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cl: () => (/* binding */ readContextFile),
/* harmony export */   E6: () => (/* binding */ buildSettings),
/* harmony export */   Hw: () => (/* binding */ isFluxKustomization),
/* harmony export */   Pc: () => (/* binding */ mergeContexts),
/* harmony export */   _7: () => (/* binding */ sourcedHere),
/* harmony export */   cC: () => (/* binding */ revisionContextFromFiles),
/* harmony export */   qf: () => (/* binding */ ownerLookup)
/* harmony export */ });
/* unused harmony exports fluxKustomizationOf, ownerOf */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4260);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(202);
/* harmony import */ var _kustomize_build_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7484);
/* harmony import */ var _manifest_document_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2559);
/* harmony import */ var _manifest_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8371);
/* harmony import */ var _safe_yaml_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5305);







const FLUX_KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';
const FLUX_SOURCE_GROUP = 'source.toolkit.fluxcd.io';
/** True for a Flux Kustomization (not a kustomize build file, which shares the kind name). */
function isFluxKustomization(r) {
    return r.group === FLUX_KUSTOMIZE_GROUP && r.kind === 'Kustomization';
}
/**
 * True when a Flux Kustomization's source is this repository: the GitRepository Flux bootstraps
 * from it (`flux-system`), one whose URL is this repository (`local`), or none named (a partial
 * manifest). Its `spec.path` is then a folder of this repository; a Kustomization of another
 * source (upstream CRDs, an OCI artifact) applies nothing from here.
 */
function sourcedHere(r, local) {
    const kind = r.doc.get(['spec', 'sourceRef', 'kind']);
    const name = r.doc.get(['spec', 'sourceRef', 'name']);
    if ((kind === undefined || kind === 'GitRepository') && (name === undefined || name === null || name === 'flux-system'))
        return true;
    const source = gitSourceOf(r);
    return source !== undefined && local !== undefined && local.has(source);
}
/** `namespace/name` of a Kustomization's GitRepository source (its own namespace when none is named). */
function gitSourceOf(r) {
    const ref = r.doc.get(['spec', 'sourceRef']);
    if (!ref || typeof ref !== 'object' || Array.isArray(ref))
        return undefined;
    const { kind, name, namespace } = ref;
    if (kind !== 'GitRepository' || typeof name !== 'string')
        return undefined;
    return `${typeof namespace === 'string' ? namespace : (r.namespace ?? '')}/${name}`;
}
/** True for a Flux GitRepository source. */
function isGitRepository(r) {
    return r.group === FLUX_SOURCE_GROUP && r.kind === 'GitRepository';
}
/** Reads the ownership facts of a Flux Kustomization resource. */
function fluxKustomizationOf(r) {
    // The three fields one by one: each is a one-line value, read without parsing the whole spec.
    const path = r.doc.get(['spec', 'path']);
    return {
        name: r.name,
        namespace: r.namespace,
        path: (0,_kustomize_build_js__WEBPACK_IMPORTED_MODULE_3__/* .normalisePath */ .qb)(typeof path === 'string' ? path : ''),
        prune: r.doc.get(['spec', 'prune']) === true,
        force: r.doc.get(['spec', 'force']) === true,
        sourcedHere: sourcedHere(r),
        source: gitSourceOf(r),
        file: r.file,
        line: r.line
    };
}
/**
 * Builds the revision context from file contents (path -> bytes or text): every Flux Kustomization
 * and every patch file named by a kustomization build file. Pass all files that may hold either;
 * files holding neither are skipped cheaply.
 */
function revisionContextFromFiles(files, repository) {
    const read = [];
    for (const [path, content] of files)
        read.push(readContextFile(path, content));
    return mergeContexts(read, repository);
}
/**
 * The revision context made of what each of its files adds, in order. `repository`: this
 * repository's URL or {@link repositoryKey}; Kustomizations of a GitRepository with that URL then
 * apply files here too.
 */
function mergeContexts(files, repository) {
    const fluxKustomizations = [];
    const patchFiles = new Set();
    const local = new Set();
    const here = repository === undefined ? undefined : ((0,_core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryKey */ .Kq)(repository) ?? repository.toLowerCase());
    for (const read of files) {
        for (const k of read.fluxKustomizations)
            fluxKustomizations.push(k);
        for (const p of read.patchFiles)
            patchFiles.add(p);
        for (const g of read.gitRepositories ?? [])
            if (here !== undefined && g.repository === here)
                local.add(g.source);
    }
    const owned = local.size === 0
        ? fluxKustomizations
        : fluxKustomizations.map(k => (!k.sourcedHere && k.source !== undefined && local.has(k.source) ? { ...k, sourcedHere: true } : k));
    return { fluxKustomizations: owned, patchFiles, localSources: local };
}
/**
 * The Flux Kustomizations of a file, or the patch files it names when it is a kustomization build
 * file (nothing for other files, found cheaply). `resources`: the file's objects, when the caller
 * has read `content` already (not read again).
 */
function readContextFile(path, content, resources) {
    if ((0,_kustomize_build_js__WEBPACK_IMPORTED_MODULE_3__/* .isKustomizeBuildFile */ .o2)(path))
        return { fluxKustomizations: [], patchFiles: buildPatches(path, content) };
    // The objects read for the rules leave GitRepositories out (no rule looks at them).
    const sources = contains(content, FLUX_SOURCE_GROUP) && contains(content, 'GitRepository');
    if (resources && !sources)
        return { fluxKustomizations: resources.filter(isFluxKustomization).map(fluxKustomizationOf), patchFiles: [] };
    const found = [];
    const gitRepositories = [];
    if (sources || contains(content, FLUX_KUSTOMIZE_GROUP)) {
        for (const r of (0,_manifest_file_js__WEBPACK_IMPORTED_MODULE_5__/* .readManifestFile */ .oe)(path, content).resources) {
            if (isFluxKustomization(r))
                found.push(fluxKustomizationOf(r));
            else if (isGitRepository(r)) {
                const url = r.doc.get(['spec', 'url']);
                gitRepositories.push({
                    source: `${r.namespace ?? ''}/${r.name}`,
                    repository: typeof url === 'string' ? (0,_core_index_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryKey */ .Kq)(url) : undefined
                });
            }
            r.doc.release();
        }
    }
    return gitRepositories.length > 0
        ? { fluxKustomizations: found, patchFiles: [], gitRepositories }
        : { fluxKustomizations: found, patchFiles: [] };
}
/** The Flux Kustomization of this repository's source whose `spec.path` is the longest prefix of `file`, if any. */
function ownerOf(kustomizations, file) {
    return ownerLookup(kustomizations)(file);
}
/**
 * {@link ownerOf} for many files: the Kustomizations are indexed by path once, and each file looks
 * up its own folders, longest first, instead of every Kustomization being tried for every file.
 */
function ownerLookup(kustomizations) {
    // Of several Kustomizations with the same path the first one applies (as a scan in order finds).
    const byPath = new Map();
    // Only a Kustomization of this repository's source applies files of this repository.
    for (const k of kustomizations)
        if (k.sourcedHere && !byPath.has(k.path))
            byPath.set(k.path, k);
    return file => {
        // A path covers the file when it is the file itself, a prefix ending just before a `/`, or ''.
        const exact = byPath.get(file);
        if (exact)
            return exact;
        for (let slash = file.lastIndexOf('/'); slash >= 0; slash = slash === 0 ? -1 : file.lastIndexOf('/', slash - 1)) {
            const k = byPath.get(file.slice(0, slash));
            if (k)
                return k;
        }
        return byPath.get('');
    };
}
function buildPatches(path, content) {
    const text = textOf(content);
    if (!text.includes('patches'))
        return [];
    const parsed = (0,_safe_yaml_js__WEBPACK_IMPORTED_MODULE_6__/* .parseYaml */ .hN)(text);
    if (!parsed.ok)
        return [];
    return parsed.documents.flatMap(d => (0,_kustomize_build_js__WEBPACK_IMPORTED_MODULE_3__/* .patchFilesOf */ .ZA)(path, d.value));
}
/**
 * What a kustomize build file does to every object it builds, as an object the rules can compare
 * across revisions: `namespace`, `namePrefix` and `nameSuffix`, and the common labels and
 * annotations as its own metadata (so a `prune: disabled` set there defuses a deletion, as it does
 * on the objects). Named after the build file's folder; undefined when the file does not parse to a
 * mapping.
 */
function buildSettings(path, content) {
    const text = textOf(content);
    const parsed = (0,_safe_yaml_js__WEBPACK_IMPORTED_MODULE_6__/* .parseYaml */ .hN)(text);
    const doc = parsed.ok ? parsed.documents.find(d => d.offset >= 0) : undefined;
    if (!doc || !doc.value || typeof doc.value !== 'object' || Array.isArray(doc.value))
        return undefined;
    const build = doc.value;
    const value = {
        metadata: { labels: build.commonLabels, annotations: build.commonAnnotations },
        namespace: build.namespace,
        namePrefix: build.namePrefix,
        nameSuffix: build.nameSuffix
    };
    const apiVersion = typeof build.apiVersion === 'string' && (0,_kustomize_build_js__WEBPACK_IMPORTED_MODULE_3__/* .isKustomizeBuildApi */ .oR)(build.apiVersion) ? build.apiVersion : `${_kustomize_build_js__WEBPACK_IMPORTED_MODULE_3__/* .BUILD_SETTINGS_GROUP */ .vN}/v1beta1`;
    const folder = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(path);
    const id = (0,_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .resourceId */ .a)(apiVersion, _kustomize_build_js__WEBPACK_IMPORTED_MODULE_3__/* .BUILD_SETTINGS_KIND */ .G6, folder === '.' ? '/' : folder);
    const line = 1 + (text.slice(0, doc.offset).match(/\n/g)?.length ?? 0);
    return { ...id, key: (0,_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .resourceKey */ .ik)(id), file: path, line, doc: _manifest_document_js__WEBPACK_IMPORTED_MODULE_4__/* .ManifestDocument */ .jz.fromValue(value), encrypted: false };
}
function textOf(content) {
    return typeof content === 'string' ? content : (0,_manifest_file_js__WEBPACK_IMPORTED_MODULE_5__/* .asBuffer */ .bS)(content).toString('utf8');
}
function contains(content, needle) {
    return typeof content === 'string' ? content.includes(needle) : (0,_manifest_file_js__WEBPACK_IMPORTED_MODULE_5__/* .asBuffer */ .bS)(content).indexOf(needle) >= 0;
}


/***/ }),

/***/ 5305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KG: () => (/* binding */ parserLimitOf),
/* harmony export */   hN: () => (/* binding */ parseYaml)
/* harmony export */ });
/* unused harmony exports MAX_DEPTH, MAX_ALIASES, MAX_EXPANDED_NODES */
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3243);

/** Collections nested deeper than this (counting alias expansion) are refused. */
const MAX_DEPTH = 200;
/** Alias nodes allowed per document; Kubernetes manifests rarely use any. */
const MAX_ALIASES = 200;
/** Nodes a document may expand to once aliases are followed (billion-laughs guard). */
const MAX_EXPANDED_NODES = 2_000_000;
/**
 * Parses every document of `text` without ever throwing and with bounded work: nesting depth,
 * alias count and alias expansion are limited, so hostile input yields `{ ok: false }`.
 */
function parseYaml(text) {
    let events;
    try {
        events = (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseEvents */ .PH)(text, { maxDepth: MAX_DEPTH });
    }
    catch (e) {
        return failure(e);
    }
    const shape = inspectEvents(events, text);
    if (typeof shape === 'string')
        return { ok: false, reason: shape, offset: 0 };
    try {
        const values = (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .constructFromEvents */ .fw)(events, { source: text, maxAliases: MAX_ALIASES });
        return { ok: true, documents: values.map((value, i) => ({ value, ...shape[i] })) };
    }
    catch (e) {
        return failure(e);
    }
}
/** The parser's limit a failure's reason names, when it names one (they cannot be raised). */
function parserLimitOf(reason) {
    if (reason.includes(`${MAX_EXPANDED_NODES} nodes`))
        return `the parser's limit of ${MAX_EXPANDED_NODES} nodes once aliases are expanded`;
    if (reason.includes(`deeper than ${MAX_DEPTH}`))
        return `the parser's nesting limit of ${MAX_DEPTH}`;
    if (/alias/i.test(reason))
        return `the parser's limit of ${MAX_ALIASES} aliases per document`;
    return undefined;
}
function failure(e) {
    const err = e;
    const reason = err.reason ?? String(err.message ?? e).split('\n')[0];
    return { ok: false, reason, offset: Math.max(0, err.mark?.position ?? 0) };
}
/**
 * One linear pass over the events: computes how far aliases would expand each document (size and
 * depth, so later recursive walks stay bounded) and records root and `items` offsets.
 */
function inspectEvents(events, text) {
    const shapes = [];
    const anchors = new Map();
    const stack = [];
    let shape = { offset: -1 };
    // Direct children of a mapping root alternate key, value; `items` values are remembered.
    let rootIsMap = false;
    let expectKey = true;
    let keyIsItems = false;
    let inItems = false;
    for (const ev of events) {
        if (ev.type === js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_ID */ .hy.DOCUMENT) {
            shape = { offset: -1 };
            shapes.push(shape);
            stack.push({ size: 0, depth: 0 });
            continue;
        }
        if (ev.type === js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_ID */ .hy.POP) {
            const done = stack.pop();
            if (done.anchor !== undefined)
                anchors.set(done.anchor, done);
            if (stack.length > 0) {
                const err = addChild(stack[stack.length - 1], done);
                if (err)
                    return err;
            }
            if (stack.length === 2) {
                inItems = false;
                expectKey = !expectKey;
            }
            continue;
        }
        const depth = stack.length;
        const start = ev.type === js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_ID */ .hy.SCALAR ? ev.valueStart : ev.type === js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_ID */ .hy.ALIAS ? ev.anchorStart : ev.start;
        if (depth === 1) {
            shape.offset = start;
            rootIsMap = ev.type === js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_ID */ .hy.MAPPING;
            expectKey = true;
        }
        if (depth === 3 && inItems)
            shape.itemOffsets.push(start);
        if (depth === 2 && rootIsMap) {
            if (expectKey)
                keyIsItems = ev.type === js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_ID */ .hy.SCALAR && text.slice(ev.valueStart, ev.valueEnd) === 'items';
            else if (keyIsItems && ev.type === js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_ID */ .hy.SEQUENCE) {
                inItems = true;
                shape.itemOffsets = [];
            }
        }
        if (ev.type === js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_ID */ .hy.ALIAS || ev.type === js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_ID */ .hy.SCALAR) {
            const anchor = ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : undefined;
            const leaf = ev.type === js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_ID */ .hy.ALIAS ? (anchors.get(anchor) ?? { size: 1, depth: 1 }) : { size: 1, depth: 1, anchor };
            if (ev.type === js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_ID */ .hy.SCALAR && anchor !== undefined)
                anchors.set(anchor, leaf);
            const err = addChild(stack[stack.length - 1], leaf);
            if (err)
                return err;
            if (depth === 2)
                expectKey = !expectKey;
            continue;
        }
        stack.push({ size: 1, depth: 1, anchor: ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : undefined });
    }
    return shapes;
}
function addChild(parent, child) {
    parent.size += child.size;
    parent.depth = Math.max(parent.depth, child.depth + 1);
    if (parent.size > MAX_EXPANDED_NODES)
        return `aliases expand to more than ${MAX_EXPANDED_NODES} nodes`;
    if (parent.depth > MAX_DEPTH)
        return `nesting (with aliases expanded) is deeper than ${MAX_DEPTH}`;
    return undefined;
}


/***/ })

};
