export const id = 494;
export const ids = [494];
export const modules = {

/***/ 7076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TU: () => (/* binding */ Git),
  $L: () => (/* binding */ GitAuthError),
  XS: () => (/* reexport */ GitError),
  PU: () => (/* binding */ deepenArgument),
  p4: () => (/* binding */ deepenDepth)
});

// UNUSED EXPORTS: DEEPEN_STEPS

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/index.ts + 8 modules
var core = __webpack_require__(4260);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/git/git-error.ts
/** A git command that failed; `stderr` is git's own explanation. */
class GitError extends Error {
    args;
    exitCode;
    stderr;
    constructor(args, exitCode, stderr) {
        super(`git ${args[0] ?? ''} failed (exit ${exitCode}): ${stderr.trim() || 'no message'}`);
        this.args = args;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.name = 'GitError';
    }
}

;// CONCATENATED MODULE: ./src/git/batch-reader.ts
// Synchronous reads: the output file is read a chunk at a time between turns of the event loop.





const ARGS = ['cat-file', '--batch'];
/**
 * Reads objects by name (`<sha>`, `<rev>:<path>`) with one `git cat-file --batch`, handing each to
 * `onObject` as soon as it has arrived, in the order asked, a few per turn of the event loop, so
 * callers never hold all of them at once and can work on each between reads. Contents larger
 * than `maxBytes` are skipped unread (`content` undefined, `size` set).
 */
async function readObjects(start, names, onObject, options = {}) {
    if (names.length === 0)
        return;
    // git prints into a file rather than a pipe: a pipe holds 64 KB, so git would wait whenever
    // the reader is busy for longer than git takes to print that much (well under a millisecond),
    // and the two would take turns. A file lets git print at its own pace while objects are read
    // at the reader's; unlinked at once, it leaves nothing behind.
    const out = openUnlinkedFile();
    try {
        const reader = new BatchReader(out, names, onObject, options.maxBytes ?? Infinity);
        await readBatchOutput(start(ARGS, out), ARGS, reader);
    }
    finally {
        // Closing frees the file's pages (as much as git printed): the kernel does that on a
        // worker thread of libuv's while the caller goes on.
        (0,external_node_fs_.close)(out, () => undefined);
    }
}
let outputFiles = 0;
/** A new empty file, open for reading and writing, whose name is already gone. */
function openUnlinkedFile() {
    const path = (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `gitops-rollback-${process.pid}-${outputFiles++}.out`);
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'wx+');
    }
    catch (e) {
        throw new core/* UserError */.yo(`Could not create a temporary file in ${(0,external_node_os_.tmpdir)()} (${e.message}). Expected a writable temporary folder: set TMPDIR to one.`);
    }
    (0,external_node_fs_.unlinkSync)(path);
    return fd;
}
/**
 * Runs `reader` over the file `child` (a `cat-file --batch`) prints into: the objects git has
 * printed, a few milliseconds' worth per turn of the event loop, and a look every millisecond
 * while git is behind. Settles once git has exited and every object was read.
 */
function readBatchOutput(child, args, reader) {
    return new Promise((resolve, reject) => {
        const err = [];
        let exitCode;
        let failed = false;
        const fail = (e) => {
            failed = true;
            child.kill();
            reject(e);
        };
        const settle = () => {
            const stderr = Buffer.concat(err).toString('utf8');
            if (exitCode !== 0)
                reject(new GitError(args, exitCode, stderr));
            else if (!reader.done)
                reject(new Error(`git cat-file --batch stopped after ${reader.read} of ${reader.names.length} objects.`));
            else
                resolve();
        };
        const step = () => {
            if (failed)
                return;
            // Whatever git printed before it exited is in the file: once it has, an object not all
            // there means the output ended early.
            const exited = exitCode !== undefined;
            try {
                if (handOutSome(reader)) {
                    if (!reader.done)
                        setImmediate(step);
                    else if (exited)
                        settle();
                    return;
                }
            }
            catch (e) {
                fail(e);
                return;
            }
            if (exited)
                settle();
            else
                setTimeout(step, 1);
        };
        child.stderr.on('data', (b) => err.push(b));
        child.on('error', e => fail(new Error(`Could not run git: ${e.message}. Is git installed and on PATH?`)));
        child.on('close', code => {
            exitCode = code ?? 1;
            if (reader.done && !failed)
                settle();
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(`${reader.names.join('\n')}\n`);
        step();
    });
}
/**
 * Hands out the objects git has printed, for up to {@link TURN_MS} of one turn of the event loop
 * (other work, such as the output of other git processes, is served between turns); false when
 * git had not printed the next one yet.
 */
function handOutSome(reader) {
    const until = performance.now() + TURN_MS;
    if (!reader.next())
        return false;
    while (!reader.done && performance.now() < until && reader.next())
        ;
    return true;
}
/** How long one turn of the event loop hands out objects for. */
const TURN_MS = 2;
/** The output file is read in pieces of this size; objects within one are handed out as views of it. */
const BATCH_CHUNK = 1024 * 1024;
/**
 * Parses the `cat-file --batch` output in `file` while git prints it: a `<oid> <type> <size>`
 * (or `<name> missing`) line, then `size` bytes and a newline. The file is read a chunk at a time
 * into buffers that are never written again once filled, so an object that lies within a chunk is
 * handed out as a view of it, without a copy; a larger one is read into a buffer of its own.
 */
class BatchReader {
    file;
    names;
    onObject;
    maxBytes;
    /** How many objects were handed out. */
    read = 0;
    /** Offset in the file of the next byte to parse. */
    at = 0;
    /** The chunk being filled: bytes from file offset `chunkAt`, `chunkLength` of them read so far. */
    chunk = Buffer.allocUnsafeSlow(0);
    chunkAt = 0;
    chunkLength = 0;
    /**
     * The object whose contents are being read. Its `content` is set from the start when it gets a
     * buffer of its own (`filled`: how many bytes of it are read), else once the chunk holds it all.
     */
    current;
    constructor(file, names, onObject, maxBytes) {
        this.file = file;
        this.names = names;
        this.onObject = onObject;
        this.maxBytes = maxBytes;
    }
    get done() {
        return this.read === this.names.length;
    }
    /** Hands out the next object if git has printed all of it; false when it has not yet. */
    next() {
        if (!this.current && !this.startObject())
            return false;
        const current = this.current;
        const { object } = current;
        if (object.content) {
            current.filled += this.copyOut(object.content, current.filled, this.at + current.filled);
            if (current.filled < object.size)
                return false;
        }
        else if (object.size >= 0 && object.size <= this.maxBytes) {
            if (!this.available(this.at + object.size))
                return false;
            const from = this.at - this.chunkAt;
            object.content = this.chunk.subarray(from, from + object.size);
        }
        this.current = undefined;
        this.at += object.size + 1;
        this.read++;
        this.onObject(object);
        return true;
    }
    /** Reads the next header line; false when git has not printed all of it yet. */
    startObject() {
        const eol = this.lineEnd();
        if (eol < 0)
            return false;
        const line = this.chunk.toString('utf8', this.at - this.chunkAt, eol - this.chunkAt);
        this.at = eol + 1;
        const name = this.names[this.read];
        if (name === undefined)
            throw new Error(`git cat-file --batch printed more objects than asked for ('${line}').`);
        const parts = line.split(' ');
        if (parts.length !== 3 || !/^\d+$/.test(parts[2])) {
            // A missing object has no contents, nor a newline after them.
            this.current = { object: { name, type: parts[parts.length - 1] || 'missing', size: -1 }, filled: 0 };
            return true;
        }
        const size = Number(parts[2]);
        const object = { name, type: parts[1], size };
        // Contents that do not fit in the rest of the chunk: a new chunk from here when they fit in
        // one, else a buffer of their own.
        if (size > BATCH_CHUNK && size <= this.maxBytes)
            object.content = Buffer.allocUnsafeSlow(size);
        else if (size <= this.maxBytes && this.at + size > this.chunkAt + this.chunk.length)
            this.newChunk();
        this.current = { object, filled: 0 };
        return true;
    }
    /** The file offset of the newline ending the line at `at`, -1 when git has not printed it yet. */
    lineEnd() {
        const eol = this.eolInChunk();
        if (eol >= 0)
            return eol;
        // Read on as far as git has printed, into a new chunk when this one has too little room left.
        if (this.at < this.chunkAt || this.chunkAt + this.chunk.length - this.at < HEADER_MAX)
            this.newChunk();
        this.available(this.chunkAt + this.chunk.length);
        const found = this.eolInChunk();
        if (found < 0 && this.chunkAt + this.chunkLength - this.at >= HEADER_MAX) {
            throw new Error('git cat-file --batch printed an unexpected header line.');
        }
        return found;
    }
    eolInChunk() {
        const from = this.at - this.chunkAt;
        if (from < 0 || from >= this.chunkLength)
            return -1;
        // Past `chunkLength` the chunk holds no output yet.
        const eol = this.chunk.indexOf(0x0a, from);
        return eol >= 0 && eol < this.chunkLength ? this.chunkAt + eol : -1;
    }
    /** Starts a new chunk at `at`; the old one stays as it is for the views handed out of it. */
    newChunk() {
        this.chunk = Buffer.allocUnsafeSlow(BATCH_CHUNK);
        this.chunkAt = this.at;
        this.chunkLength = 0;
    }
    /** Reads into the chunk until it holds the file up to `end` (exclusive); false when git has not printed that far. */
    available(end) {
        const want = Math.min(end, this.chunkAt + this.chunk.length) - this.chunkAt;
        while (this.chunkLength < want) {
            const n = (0,external_node_fs_.readSync)(this.file, this.chunk, this.chunkLength, this.chunk.length - this.chunkLength, this.chunkAt + this.chunkLength);
            if (n === 0)
                return false;
            this.chunkLength += n;
        }
        return this.chunkAt + this.chunkLength >= end;
    }
    /**
     * Copies the file's bytes from `offset` on into `target` from `start` on, as far as git has
     * printed them: those the chunk holds, the rest from the file. Returns how many it copied.
     */
    copyOut(target, start, offset) {
        const from = offset - this.chunkAt;
        let copied = from >= 0 && from < this.chunkLength ? this.chunk.copy(target, start, from, this.chunkLength) : 0;
        if (start + copied < target.length)
            copied += (0,external_node_fs_.readSync)(this.file, target, start + copied, target.length - start - copied, offset + copied);
        return copied;
    }
}
/** The longest header line git prints (`<oid> <type> <size>`, or a name asked for and `missing`). */
const HEADER_MAX = 64 * 1024;

// EXTERNAL MODULE: ./src/git/http-auth.ts
var http_auth = __webpack_require__(1765);
;// CONCATENATED MODULE: ./src/git/listings.ts
// Parsers of the listings git prints with `-z` (paths as they are, NUL-ended): changed paths,
// trees and the files a search finds.
const ZERO = /^0+$/;
/**
 * The entries of `git diff --raw -z` output: `:<old mode> <new mode> <old blob> <new blob>
 * <status>` and the path, each ended by a NUL. Submodules (mode 160000), which have no blob, are
 * left out. Read by position, without splitting: it runs once, before git reads anything, so it
 * runs cold.
 */
function parseRawDiff(out) {
    const entries = [];
    for (let at = 0; at < out.length;) {
        const meta = out.indexOf('\0', at);
        const end = meta < 0 ? -1 : out.indexOf('\0', meta + 1);
        if (end < 0)
            break;
        // Where each field starts: the new mode, the old blob, the new blob, the status.
        const newModeAt = out.indexOf(' ', at) + 1;
        const oldBlobAt = out.indexOf(' ', newModeAt) + 1;
        const newBlobAt = out.indexOf(' ', oldBlobAt) + 1;
        const statusAt = out.indexOf(' ', newBlobAt) + 1;
        if (!out.startsWith(':160000 ', at) && !out.startsWith('160000 ', newModeAt)) {
            entries.push({
                path: out.slice(meta + 1, end),
                oldBlob: blobName(out.slice(oldBlobAt, newBlobAt - 1)),
                newBlob: blobName(out.slice(newBlobAt, statusAt - 1))
            });
        }
        at = end + 1;
    }
    return entries;
}
/**
 * The entries of `git diff-tree -r --raw -z --no-renames` output: `:<old mode> <new mode> <old oid>
 * <new oid> <status>` and the path, each ended by a NUL; the all-zero mode and oid of a side
 * where the path does not exist become undefined. Unlike {@link parseRawDiff}, submodules are kept.
 */
function parseTreeChanges(out) {
    const fields = out.split('\0');
    const changes = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
        const meta = fields[i];
        if (!meta.startsWith(':'))
            break;
        const [oldMode, newMode, oldOid, newOid] = meta.slice(1).split(' ');
        changes.push({
            path: fields[i + 1],
            oldMode: ZERO.test(oldMode) ? undefined : oldMode,
            newMode: ZERO.test(newMode) ? undefined : newMode,
            oldOid: blobName(oldOid),
            newOid: blobName(newOid)
        });
    }
    return changes;
}
/** A blob name from `git diff --raw`, undefined for the all-zero name of a side that does not exist. */
function blobName(oid) {
    return ZERO.test(oid) ? undefined : oid;
}
/** The entries of `git ls-tree -r -l -z` output: `<mode> <type> <oid> <size>`, a tab and the path. */
function parseTree(out) {
    const entries = [];
    for (const record of out.split('\0')) {
        const tab = record.indexOf('\t');
        if (tab < 0)
            continue;
        const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
        entries.push({ mode, type, oid, size: Number(size) || 0, path: record.slice(tab + 1) });
    }
    return entries;
}
/** The files of `git grep -l -z` output over revisions: `<rev>:<path>`, each ended by a NUL. */
function parseGrepFiles(out) {
    return out
        .split('\0')
        .filter(Boolean)
        .map(line => {
        const colon = line.indexOf(':');
        return { rev: line.slice(0, colon), path: line.slice(colon + 1) };
    });
}

;// CONCATENATED MODULE: ./src/git/history.ts

const FIELDS = 7;
/**
 * History is fetched without file contents: the report reads messages and compares trees, and
 * the tip's files are there already. Where the remote serves filters (GitHub does), this turns
 * the clone into a partial clone that fetches older file contents when something needs them;
 * where it does not, git fetches everything and says so.
 */
const NO_BLOBS = '--filter=blob:none';
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * Fetches `branch` from `remote` with the history a report from `since` needs: in a shallow
 * clone, everything since that date (`--shallow-since`) or, without one, the whole history
 * (`--unshallow`), commits and trees only; a complete clone gets the new commits only. Never
 * shortens a history.
 */
async function fetchBranchHistory(git, remote, branch, since) {
    const ref = `refs/remotes/${remote}/${branch}`;
    const refspec = `+refs/heads/${branch}:${ref}`;
    const fetch = (extra) => git.exec(['fetch', '--quiet', '--no-tags', ...extra, remote, refspec], { allowFailure: true });
    let fetched = 'new commits only (the clone is complete)';
    let r;
    if (!(await git.isShallow()))
        r = await fetch([]);
    else if (!since) {
        fetched = 'the full history (--unshallow, without file contents)';
        r = await fetch(['--unshallow', NO_BLOBS]);
    }
    else if (await shallowSince(git, since)) {
        fetched = `new commits only (the clone already reaches ${since.toISOString().slice(0, 10)})`;
        r = await fetch([]);
    }
    else {
        fetched = `the history since ${since.toISOString()} (--shallow-since, without file contents)`;
        r = await fetch([`--shallow-since=${Math.floor(since.getTime() / 1000)}`, NO_BLOBS]);
        // No commit of the branch is that recent: the tip alone is all there is to read.
        if (r.exitCode !== 0 && /no commits selected for shallow requests/.test(r.stderr)) {
            fetched = `the branch tip (no commit since ${since.toISOString().slice(0, 10)})`;
            r = await fetch([]);
        }
    }
    if (r.exitCode !== 0) {
        const missing = /couldn't find remote ref/i.test(r.stderr);
        throw new core/* UserError */.yo(missing
            ? `Branch '${branch}' does not exist on remote '${remote}'. Expected an existing branch, such as the one Flux watches.`
            : `Could not fetch '${branch}' from '${remote}': ${r.stderr.trim() || `git fetch exited with ${r.exitCode}`}`);
    }
    return { ref, fetched };
}
/** True when every commit at the edge of the shallow clone is older than `since`. */
async function shallowSince(git, since) {
    const edge = [...(await git.shallowCommits())];
    if (edge.length === 0)
        return true;
    const { stdout } = await git.exec(['log', '--no-walk=unsorted', '--format=%ct', ...edge], { allowFailure: true });
    const times = stdout.split('\n').filter(Boolean).map(Number);
    return times.length === edge.length && times.every(t => t * 1000 < since.getTime());
}
/**
 * Fetches one more commit below each edge of a shallow clone (`--deepen=1`), so that the
 * commits at the edge get their parents and can be compared with them.
 */
async function deepenByOne(git, remote, branch) {
    const r = await git.exec(['fetch', '--quiet', '--no-tags', '--deepen=1', NO_BLOBS, remote, `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`], { allowFailure: true });
    return r.exitCode === 0;
}
/**
 * Fetches single commits by sha, one deep (for reverted commits older than the fetched history).
 * False when the remote refused or does not have them.
 */
async function fetchCommitsBySha(git, remote, shas) {
    const wanted = shas.filter(sha => FULL_SHA.test(sha));
    if (wanted.length === 0)
        return false;
    const r = await git.exec(['fetch', '--quiet', '--no-tags', '--depth=1', NO_BLOBS, remote, ...wanted], { allowFailure: true });
    return r.exitCode === 0;
}
/**
 * Every commit reachable from `tip` with its message and the trailers named in `trailerKeys`,
 * newest first, read by one `git log`. Fields are NUL-separated (`-z`), the only byte no field
 * can hold, so no text in a message can pass for another field or commit.
 */
async function readHistory(git, tip, trailerKeys) {
    const { stdout } = await git.exec(['log', '-z', `--format=${logFormat(trailerKeys)}`, '--end-of-options', tip, '--']);
    return parseHistory(stdout);
}
/** {@link readHistory} for the given commits only (those missing here are left out). */
async function readCommits(git, shas, trailerKeys) {
    const present = (await git.tryResolveCommits(shas.filter(sha => FULL_SHA.test(sha)))).filter((s) => !!s);
    if (present.length === 0)
        return [];
    const { stdout } = await git.exec([
        'log',
        '-z',
        '--no-walk=unsorted',
        `--format=${logFormat(trailerKeys)}`,
        '--end-of-options',
        ...present,
        '--'
    ]);
    return parseHistory(stdout);
}
function logFormat(trailerKeys) {
    // `key=` implies `only`; `unfold` joins continuation lines, so each trailer is one line.
    const trailers = trailerKeys.length ? `%(trailers:${trailerKeys.map(k => `key=${k}`).join(',')},unfold)` : '';
    return ['%H', '%P', '%ct', '%an', '%ce', trailers, '%B'].join('%x00');
}
function parseHistory(stdout) {
    if (stdout === '')
        return [];
    // `-z` ends each commit with NUL, so the fields of all commits form one NUL-separated list.
    const fields = stdout.split('\0');
    if (fields.at(-1) === '')
        fields.pop();
    const commits = [];
    for (let i = 0; i + FIELDS <= fields.length; i += FIELDS) {
        const [sha, parents, committedAt, authorName, committerEmail, trailers, message] = fields.slice(i, i + FIELDS);
        // A message holding a NUL byte would shift every field after it: stop rather than misread.
        if (!FULL_SHA.test(sha) || !/^\d+$/.test(committedAt))
            throw new Error(`Unexpected git log output near commit ${commits.at(-1)?.sha ?? 'one'}.`);
        commits.push({
            sha,
            parents: parents ? parents.split(' ') : [],
            committedAt: Number(committedAt),
            authorName,
            committerEmail,
            subject: subjectOf(message),
            message,
            trailers: parseTrailers(trailers)
        });
    }
    return commits;
}
/** The first paragraph on one line, as git's `%s` makes it. */
function subjectOf(message) {
    const end = message.search(/\n[ \t]*\n/);
    return (end < 0 ? message : message.slice(0, end))
        .trim()
        .split(/\s*\n\s*/)
        .join(' ');
}
function parseTrailers(text) {
    const trailers = [];
    for (const line of text.split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0)
            trailers.push({ key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
    }
    return trailers;
}
/**
 * The paths each commit changed, compared with its first parent (for a merge: what the merge
 * brought to the branch; for a root commit: every file), with one `git diff-tree --stdin`.
 * `commits` are full shas; the result is keyed by them.
 */
async function changedPaths(git, commits) {
    const paths = new Map();
    const wanted = [...new Set(commits.filter(sha => FULL_SHA.test(sha)))];
    if (wanted.length === 0)
        return paths;
    const { stdout } = await git.exec(['diff-tree', '--stdin', '-r', '-z', '--root', '--no-renames', '--name-only', '--diff-merges=first-parent'], {
        input: wanted.map(sha => `${sha}\n`).join('')
    });
    // Output, in the order asked: each commit's sha, then the paths it changed, all NUL-terminated
    // (a commit that changed nothing prints nothing). A header is the next sha asked for.
    let next = 0;
    let current;
    for (const field of stdout.split('\0')) {
        if (field === '')
            continue;
        const at = FULL_SHA.test(field) ? wanted.indexOf(field, next) : -1;
        if (at >= 0) {
            next = at + 1;
            current = [];
            paths.set(field, current);
        }
        else if (FULL_SHA.test(field) && paths.has(field)) {
            current = undefined; // the same commit again (a diff against another parent): not wanted
        }
        else
            current?.push(field);
    }
    return paths;
}
/** Full shas of the commits in `from..to` that touch any of `paths`, newest first. */
async function commitsTouching(git, from, to, paths) {
    if (paths.length === 0)
        return [];
    const { stdout } = await git.exec(['rev-list', '--end-of-options', to, `^${from}`, '--', ...paths.map(p => `:(literal)${p}`)], {
        allowFailure: true
    });
    return stdout.split('\n').filter(sha => FULL_SHA.test(sha));
}
/**
 * The branch history as the report reads it, on the wrapper's exec: made by `Git.history()`, so
 * git runs only through the wrapper.
 */
class GitHistory {
    git;
    constructor(git) {
        this.git = git;
    }
    /** See {@link fetchBranchHistory}. */
    fetchBranch(remote, branch, since) {
        return fetchBranchHistory(this.git, remote, branch, since);
    }
    /** See {@link deepenByOne}. */
    deepenByOne(remote, branch) {
        return deepenByOne(this.git, remote, branch);
    }
    /** See {@link fetchCommitsBySha}. */
    fetchCommits(remote, shas) {
        return fetchCommitsBySha(this.git, remote, shas);
    }
    /** See {@link readHistory}. */
    read(tip, trailerKeys) {
        return readHistory(this.git, tip, trailerKeys);
    }
    /** See {@link readCommits}. */
    readCommits(shas, trailerKeys) {
        return readCommits(this.git, shas, trailerKeys);
    }
    /** See {@link changedPaths}. */
    changedPaths(commits) {
        return changedPaths(this.git, commits);
    }
    /** See {@link commitsTouching}. */
    commitsTouching(from, to, paths) {
        return commitsTouching(this.git, from, to, paths);
    }
}

;// CONCATENATED MODULE: ./src/git/temporary-index.ts



/**
 * An index file of its own in a temporary folder: trees are built and patches tried in it while
 * the repository's index and work tree stay as they are. Made by `Git.withTemporaryIndex`.
 */
class TemporaryIndex {
    run;
    env;
    constructor(run, env) {
        this.run = run;
        this.env = env;
    }
    /** Runs `fn` with a new, empty index and removes it afterwards, whatever `fn` did. */
    static async use(run, fn) {
        const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'gitops-rollback-index-'));
        try {
            return await fn(new TemporaryIndex(run, { GIT_INDEX_FILE: (0,external_node_path_.join)(dir, 'index') }));
        }
        finally {
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
    }
    /** Fills the index with `treeish` (`git read-tree`). */
    async readTree(treeish) {
        await this.run(['read-tree', treeish], { env: this.env });
    }
    /**
     * Sets `paths` in the index to how they are at `source`; a path missing there is removed, unlike
     * with `git checkout <rev> -- <path>`. The paths are taken literally, never as patterns.
     */
    async restoreStaged(source, paths) {
        await this.run(['restore', `--source=${source}`, '--staged', '--', ...paths], { env: { ...this.env, GIT_LITERAL_PATHSPECS: '1' } });
    }
    /** Writes the index as a tree object and returns its sha. */
    async writeTree() {
        return (await this.run(['write-tree'], { env: this.env })).stdout.trim();
    }
    /** Applies `patch` in reverse to the index; false when it does not apply. */
    async tryApplyReverse(patch) {
        const applied = await this.run(['apply', '--cached', '--reverse', '-'], { env: this.env, input: patch, allowFailure: true });
        return applied.exitCode === 0;
    }
}

;// CONCATENATED MODULE: ./src/git/git.ts

// Synchronous fs for a tiny file: node:fs/promises would add to the start-up time.










/** A fetch, push or ls-remote the server refused for want of a (valid) credential. */
class GitAuthError extends GitError {
    constructor(args, exitCode, stderr, message) {
        super(args, exitCode, stderr);
        this.message = message;
        this.name = 'GitAuthError';
    }
}
/** merge-tree --write-tree (2.38) makes rollback commits without touching the work tree. */
const MIN_GIT = [2, 38];
/** The same git binary serves the whole process: its version is checked once. */
let versionCheck;
/**
 * How far a shallow clone is deepened, step by step, before all history is fetched: most
 * rollbacks and pull requests need only recent commits.
 */
const DEEPEN_STEPS = [50, 500, 5000];
/** The `git fetch` depth argument for the given deepening step (`--unshallow` after the last). */
function deepenArgument(step) {
    return depthArgument(deepenDepth(step));
}
/** The depth of the given deepening step of a shallow clone (`unshallow` after the last). */
function deepenDepth(step) {
    return step < DEEPEN_STEPS.length ? DEEPEN_STEPS[step] : 'unshallow';
}
function depthArgument(depth) {
    if (depth === 'unshallow')
        return '--unshallow';
    if (typeof depth === 'number')
        return `--depth=${depth}`;
    return 'deepen' in depth ? `--deepen=${depth.deepen}` : `--shallow-since=@${depth.since}`;
}
const FIELD = '\x1f';
const RECORD = '\x1e';
/**
 * The one way this project runs git: arguments as an array (never a shell string), no terminal
 * prompts, C locale so messages can be recognised.
 */
class Git {
    cwd;
    baseEnv;
    auth;
    shallowPath;
    /** Commits this wrapper wrote or already resolved: a full sha of one needs no second rev-parse. */
    knownCommits = new Set();
    /** The remote URLs on the auth's server, read before the first network command. */
    authUrls;
    constructor(cwd, baseEnv, auth) {
        this.cwd = cwd;
        this.baseEnv = baseEnv;
        this.auth = auth;
    }
    /**
     * Creates a wrapper for the work tree at `cwd`. With `auth`, fetch, push and ls-remote send its
     * token to its server instead of any credential in git's configuration.
     */
    static async create(cwd, env = {}, auth) {
        return new Git(cwd, env, auth);
    }
    /**
     * Fails with a clear message when git is older than rollbacks need (`merge-tree --write-tree`).
     * Asked only when a command failed in a way an old git would: a working git costs no call.
     */
    assertSupported() {
        versionCheck ??= this.checkVersion();
        return versionCheck;
    }
    async checkVersion() {
        const { stdout } = await this.exec(['--version']);
        const match = /(\d+)\.(\d+)/.exec(stdout);
        if (!match)
            throw new Error(`Could not read the git version from '${stdout.trim()}'.`);
        const [major, minor] = [Number(match[1]), Number(match[2])];
        if (major < MIN_GIT[0] || (major === MIN_GIT[0] && minor < MIN_GIT[1])) {
            throw new core/* UserError */.yo(`git ${major}.${minor} is too old. Expected git ${MIN_GIT.join('.')} or newer.`);
        }
    }
    /** Runs git with `args` in the work tree and returns its output. */
    exec(args, options = {}) {
        return this.execRaw(args, options).then(r => ({
            stdout: r.stdout.toString('utf8'),
            stderr: r.stderr,
            exitCode: r.exitCode
        }));
    }
    /** Like {@link exec} but keeps standard output as bytes (blob contents). */
    execRaw(args, options = {}) {
        const out = [];
        return this.run(args, options, b => out.push(b)).then(r => ({ ...r, stdout: Buffer.concat(out) }));
    }
    /**
     * Reads objects by name (`<sha>`, `<rev>:<path>`) with one `git cat-file --batch`, handing each to
     * `onObject` as it arrives, in the order asked; see {@link readObjects}.
     */
    catFileBatch(names, onObject, options = {}) {
        const start = (args, stdout) => (0,external_node_child_process_.spawn)('git', [...args], { cwd: this.cwd, env: this.env(), stdio: ['pipe', stdout, 'pipe'] });
        return readObjects(start, names, onObject, options);
    }
    /**
     * Hands a blob's contents to `onChunk` piece by piece as git prints them (`git cat-file blob`),
     * so a blob of any size can be scanned without being held whole.
     */
    async streamBlob(sha, onChunk) {
        await this.run(['cat-file', 'blob', sha], {}, onChunk);
    }
    /** The environment git runs in: no prompts, C locale, and the wrapper's own variables. */
    env() {
        return { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_EDITOR: 'true', ...this.baseEnv };
    }
    // Not @actions/exec: it always pipes stdout (no file for cat-file --batch), cannot stop git when
    // a streaming consumer gives up, and the CLI shares this class, which must not need the toolkit.
    /**
     * Runs git, handing standard output to `onStdout` chunk by chunk. Commands that talk to a remote
     * get the auth's token, and fail with a {@link GitAuthError} when the server refuses them a
     * credential, whether or not other failures are allowed.
     */
    async run(args, options, onStdout) {
        if (!http_auth/* NETWORK_COMMANDS */.E9.has(args[0]))
            return this.spawnGit(args, options, onStdout);
        const auth = this.auth
            ? (0,http_auth/* authConfigEnv */.uG)(this.auth, await (this.authUrls ??= this.remoteUrlsOnServer()), { ...this.env(), ...options.env })
            : {};
        const r = await this.spawnGit(args, { ...options, env: { ...options.env, ...auth }, allowFailure: true }, onStdout);
        if (r.exitCode === 0)
            return r;
        const said = (0,http_auth/* authFailure */.Tu)(r.stderr);
        if (said)
            throw new GitAuthError(args, r.exitCode, r.stderr, (0,http_auth/* authFailureMessage */.OF)(args[0], said, this.auth));
        if (!options.allowFailure)
            throw new GitError(args, r.exitCode, r.stderr);
        return r;
    }
    async remoteUrlsOnServer() {
        const remotes = await this.exec(['remote', '-v'], { allowFailure: true });
        return (0,http_auth/* remoteUrlsOnServer */.tL)(remotes.stdout, this.auth);
    }
    spawnGit(args, options, onStdout) {
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)('git', args, {
                cwd: this.cwd,
                env: { ...this.env(), ...options.env },
                stdio: ['pipe', 'pipe', 'pipe']
            });
            const err = [];
            let failed;
            child.stdout.on('data', (b) => {
                if (failed !== undefined)
                    return;
                try {
                    onStdout(b);
                }
                catch (e) {
                    // The consumer gave up: stop git and report the consumer's error.
                    failed = e;
                    child.kill();
                }
            });
            child.stderr.on('data', (b) => err.push(b));
            child.on('error', e => reject(this.notRun(e)));
            child.on('close', code => {
                if (failed !== undefined) {
                    reject(failed);
                    return;
                }
                const exitCode = code ?? 1;
                // git redacts credentials in its traces; this is for anything else that echoes them.
                const stderr = (0,http_auth/* redactToken */.bH)(Buffer.concat(err).toString('utf8'), this.auth);
                if (exitCode !== 0 && !options.allowFailure) {
                    reject(this.failure(args, exitCode, stderr));
                    return;
                }
                resolve({ stderr, exitCode });
            });
            child.stdin.on('error', () => undefined);
            child.stdin.end(options.input ?? '');
        });
    }
    /** Resolves `rev` to a full commit sha, throwing when it names no commit. */
    async resolveCommit(rev) {
        const sha = await this.tryResolveCommit(rev);
        if (!sha)
            throw new core/* UserError */.yo(`Unknown revision '${rev}'. Expected a commit sha, branch, tag or expression such as 'abc1234^'.`);
        return sha;
    }
    /** Resolves `rev` to a full commit sha, or undefined when it names no commit (here). */
    async tryResolveCommit(rev) {
        if (this.knownCommits.has(rev))
            return rev;
        const r = await this.exec(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
            allowFailure: true
        });
        if (r.exitCode !== 0)
            return undefined;
        const sha = r.stdout.trim();
        this.knownCommits.add(sha);
        return sha;
    }
    /**
     * {@link tryResolveCommit} for several revisions with one git call when all of them resolve (the
     * usual case); otherwise each is asked on its own, so a missing one is told apart.
     */
    async tryResolveCommits(revs) {
        const unknown = revs.filter(rev => !this.knownCommits.has(rev));
        // Without --verify, rev-parse takes a leading '-' for an option (and git before 2.43 prints
        // --end-of-options back): such names are asked one by one.
        if (unknown.length > 1 && !unknown.some(rev => rev.startsWith('-'))) {
            const r = await this.exec(['rev-parse', ...unknown.map(rev => `${rev}^{commit}`)], { allowFailure: true });
            const shas = r.stdout.split('\n').filter(Boolean);
            if (r.exitCode === 0 && shas.length === unknown.length && shas.every(sha => core/* FULL_SHA */.RG.test(sha))) {
                for (const sha of shas)
                    this.knownCommits.add(sha);
                const resolved = new Map(unknown.map((rev, i) => [rev, shas[i]]));
                return revs.map(rev => resolved.get(rev) ?? rev);
            }
        }
        return Promise.all(revs.map(rev => this.tryResolveCommit(rev)));
    }
    /** Writes a commit object (no ref moves) with `git commit-tree` and returns its sha. */
    async commitTree(tree, parents, message, env = {}) {
        const { stdout } = await this.exec(['commit-tree', tree, ...parents.flatMap(p => ['-p', p]), '-F', '-'], { input: message, env });
        const sha = stdout.trim();
        this.knownCommits.add(sha);
        return sha;
    }
    /** True when `ancestor` is reachable from `descendant` (or equal to it). */
    async isAncestor(ancestor, descendant) {
        const r = await this.exec(['merge-base', '--is-ancestor', ancestor, descendant], { allowFailure: true });
        if (r.exitCode > 1)
            throw new GitError(['merge-base'], r.exitCode, r.stderr);
        return r.exitCode === 0;
    }
    /** Headers and messages of the given commits, in the order asked. */
    async commitInfo(shas) {
        if (shas.length === 0)
            return [];
        const { stdout } = await this.exec([
            'log',
            '--no-walk=unsorted',
            `--format=%H${FIELD}%T${FIELD}%P${FIELD}%s${FIELD}%B${RECORD}`,
            '--end-of-options',
            ...shas
        ]);
        return parseLog(stdout);
    }
    /** Committer dates (seconds since 1970) of the given commits, which must exist. */
    async commitDates(shas) {
        if (shas.length === 0)
            return new Map();
        const { stdout } = await this.exec(['log', '--no-walk=unsorted', '--format=%H %ct', '--end-of-options', ...shas]);
        return new Map(stdout
            .split('\n')
            .filter(Boolean)
            .map(line => line.split(' '))
            .map(([sha, date]) => [sha, Number(date)]));
    }
    /**
     * The committer (`Name <email>`) and the trailers of the given commits, as git itself parses
     * the trailer block (free text elsewhere in a message is never a trailer). One `git log` call.
     */
    async commitTrailers(shas) {
        if (shas.length === 0)
            return new Map();
        const { stdout } = await this.exec([
            'log',
            '--no-walk=unsorted',
            `--format=%H${FIELD}%cn <%ce>${FIELD}%(trailers:only,unfold)${RECORD}`,
            '--end-of-options',
            ...shas
        ]);
        const result = new Map();
        for (const record of stdout
            .split(RECORD)
            .map(r => r.replace(/^\n/, ''))
            .filter(Boolean)) {
            const [sha, committer, block] = record.split(FIELD);
            const trailers = new Map();
            for (const line of (block ?? '').split('\n')) {
                const m = line.match(/^([A-Za-z0-9-]+):\s*(.*)$/);
                if (m)
                    trailers.set(m[1].toLowerCase(), [...(trailers.get(m[1].toLowerCase()) ?? []), m[2]]);
            }
            result.set(sha, { committer, trailers });
        }
        return result;
    }
    /**
     * Commits named by `revs` (any `git log` revision arguments), newest first, with their messages.
     * `paths`, when given, limit the walk to commits touching them.
     */
    async log(revs, options = {}) {
        const { stdout } = await this.exec([
            'log',
            `--format=%H${FIELD}%T${FIELD}%P${FIELD}%s${FIELD}%B${RECORD}`,
            ...(options.extra ?? []),
            '--end-of-options',
            ...revs,
            ...(options.paths ? ['--', ...options.paths] : [])
        ]);
        return parseLog(stdout);
    }
    /** Full shas listed by `git rev-list` for the given arguments. */
    async revList(args) {
        const { stdout } = await this.exec(['rev-list', ...args]);
        return stdout.split('\n').filter(Boolean);
    }
    /** The checked-out branch name, or undefined on a detached HEAD. */
    async currentBranch() {
        const r = await this.exec(['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true });
        return r.exitCode === 0 ? r.stdout.trim() : undefined;
    }
    /** Tracked files with uncommitted changes in the work tree or index (none: a clean checkout). */
    async uncommittedFiles() {
        const { stdout } = await this.exec(['status', '--porcelain', '--untracked-files=no']);
        return stdout
            .split('\n')
            .filter(Boolean)
            .map(line => line.slice(3));
    }
    /** True when the repository is a shallow clone. */
    async isShallow() {
        return (await this.shallowCommits()).size > 0;
    }
    /**
     * Commits at the edge of a shallow clone (listed in `.git/shallow`): their parents are missing.
     * Read from the file, which changes with every fetch, so only its location is cached.
     */
    async shallowCommits() {
        this.shallowPath ??= this.shallowFile();
        try {
            return new Set((0,external_node_fs_.readFileSync)(await this.shallowPath, 'utf8')
                .split('\n')
                .filter(Boolean));
        }
        catch {
            return new Set();
        }
    }
    async shallowFile() {
        // The top folder of a work tree with a `.git` folder (what actions/checkout leaves) needs no
        // git call; worktrees, submodules, subfolders and GIT_DIR ask git where the file is.
        if (process.env.GIT_DIR === undefined && this.baseEnv.GIT_DIR === undefined) {
            const dotGit = (0,external_node_path_.resolve)(this.cwd, '.git');
            if ((0,external_node_fs_.statSync)(dotGit, { throwIfNoEntry: false })?.isDirectory())
                return (0,external_node_path_.resolve)(dotGit, 'shallow');
        }
        const { stdout } = await this.exec(['rev-parse', '--git-path', 'shallow']);
        return (0,external_node_path_.resolve)(this.cwd, stdout.trim());
    }
    /**
     * Where the wrapper's folder stands: inside a work tree, inside a repository without one (a bare
     * repository or a `.git` folder), or outside any repository.
     */
    async workTreeState() {
        const r = await this.exec(['rev-parse', '--is-inside-work-tree'], { allowFailure: true }).catch(() => undefined);
        if (!r || r.exitCode !== 0)
            return 'no-repository';
        return r.stdout.trim() === 'true' ? 'work-tree' : 'no-work-tree';
    }
    /** Reads one config value, or undefined. */
    async tryConfig(key) {
        const r = await this.exec(['config', '--get', key], { allowFailure: true });
        return r.exitCode === 0 ? r.stdout.trim() : undefined;
    }
    /**
     * The `Name <email>` git gives commits made here (user.name and user.email, or GIT_COMMITTER_*),
     * or undefined when it has none.
     */
    async tryCommitterIdentity() {
        const r = await this.exec(['var', 'GIT_COMMITTER_IDENT'], { allowFailure: true });
        // `Name <email> <timestamp> <zone>`
        const match = r.exitCode === 0 ? r.stdout.trim().match(/^(.*<[^<>\n]*>) \d+ [+-]\d{4}$/) : null;
        return match?.[1];
    }
    /** Fetches `refspecs` (refspecs or shas) from `remote`, without tags. */
    async fetch(remote, refspecs, options = {}) {
        await this.exec(fetchArgs(remote, refspecs, options));
    }
    /** {@link fetch}, false instead of an error when git could not fetch. */
    async tryFetch(remote, refspecs, options = {}) {
        return (await this.exec(fetchArgs(remote, refspecs, options), { allowFailure: true })).exitCode === 0;
    }
    /** The sha of `ref` on `remote`, or undefined when the remote has no such ref. */
    async lsRemote(remote, ref) {
        const { stdout } = await this.exec(['ls-remote', '--end-of-options', remote, ref]);
        const line = stdout.split('\n').find(l => l.endsWith(`\t${ref}`));
        return line?.split('\t')[0];
    }
    /**
     * Pushes `source` to `ref` on `remote` without running hooks, never forcing; with `lease` only
     * while `ref` is still at that sha ('' when it must not exist yet). A push the remote refuses is
     * reported, not thrown: the caller tells a protected branch from one that moved.
     */
    async push(remote, source, ref, options = {}) {
        const lease = options.lease === undefined ? [] : [`--force-with-lease=${ref}:${options.lease}`];
        const r = await this.exec(['push', '--porcelain', '--no-verify', ...lease, remote, `${source}:${ref}`], { allowFailure: true });
        return { pushed: r.exitCode === 0, stdout: r.stdout, stderr: r.stderr };
    }
    /** The tree of `commit`. */
    async treeOf(commit) {
        return (await this.exec(['rev-parse', '--verify', '--end-of-options', `${commit}^{tree}`])).stdout.trim();
    }
    /** True when `path` (a file or folder) exists at `commit`. */
    async pathExists(commit, path) {
        const { stdout } = await this.exec(['ls-tree', '--name-only', commit, '--', path]);
        return stdout.trim() !== '';
    }
    /** The best common ancestor of `commits` (of all of them at once with `octopus`), or undefined when they share none. */
    async tryMergeBase(commits, options = {}) {
        const r = await this.exec(['merge-base', ...(options.octopus ? ['--octopus'] : []), ...commits], { allowFailure: true });
        if (r.exitCode !== 0)
            return undefined;
        // A merge base is a commit: resolving it later needs no git call.
        const sha = r.stdout.trim();
        if (core/* FULL_SHA */.RG.test(sha))
            this.knownCommits.add(sha);
        return sha;
    }
    /** `git diff --stat` from `base` to `head`, 120 columns wide, for reports. */
    async diffStat(base, head) {
        return (await this.exec(['diff', '--stat=120', base, head])).stdout.trimEnd();
    }
    /** True when `a` and `b` have the same contents; false also when git cannot compare them. */
    async sameContent(a, b) {
        return (await this.exec(['diff', '--quiet', a, b], { allowFailure: true })).exitCode === 0;
    }
    /** True when the index differs from HEAD (or git cannot tell). */
    async hasStagedChanges() {
        return (await this.exec(['diff', '--cached', '--quiet'], { allowFailure: true })).exitCode !== 0;
    }
    /**
     * The changes `commit` made to `parent` (for a root commit, without one: all its files) as a
     * binary patch `git apply` takes.
     */
    async binaryPatch(commit, parent) {
        const options = ['--binary', '--full-index', '--no-ext-diff', '--no-textconv'];
        const args = parent ? ['diff', ...options, parent, commit, '--'] : ['show', ...options, '--format=', commit, '--'];
        return (await this.execRaw(args)).stdout;
    }
    /** The contents of the file `path` at `commit`, or undefined when there is none. */
    async tryReadBlob(commit, path) {
        const r = await this.execRaw(['cat-file', 'blob', `${commit}:${path}`], { allowFailure: true });
        return r.exitCode === 0 ? r.stdout : undefined;
    }
    /** The blobs `base..head` (commits or trees) changes, by path; submodules left out. */
    async diffRaw(base, head) {
        const { stdout } = await this.exec(['diff', '--raw', '-z', '--no-renames', '--no-abbrev', '--no-ext-diff', base, head, '--']);
        return parseRawDiff(stdout);
    }
    /**
     * Every entry `to` changes relative to `from` (commits or trees), recursively, submodules and
     * symbolic links included, renames as a deletion and an addition.
     */
    async treeChanges(from, to) {
        const { stdout } = await this.exec(['diff-tree', '-r', '--raw', '-z', '--no-renames', '--no-abbrev', '--no-ext-diff', from, to, '--']);
        return parseTreeChanges(stdout);
    }
    /** The message of `commit` exactly as stored, byte for byte (what `git commit-tree -F` was given). */
    async commitMessage(commit) {
        const { stdout } = await this.exec(['cat-file', 'commit', commit]);
        const body = stdout.indexOf('\n\n');
        return body < 0 ? '' : stdout.slice(body + 2);
    }
    /** The contents of the blob `sha`. */
    async readBlob(sha) {
        return (await this.execRaw(['cat-file', 'blob', sha])).stdout;
    }
    /**
     * The objects (blobs, submodule commits) at `paths` in the trees of `commits`, recursively. A
     * commit this clone does not have adds nothing.
     */
    async objectsAt(commits, paths) {
        const found = new Set();
        if (paths.length === 0)
            return found;
        for (const commit of commits) {
            const args = ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit, '--', ...paths.map(literalPathspec)];
            const r = await this.exec(args, { allowFailure: true });
            if (r.exitCode === 0)
                for (const entry of parseTree(r.stdout))
                    found.add(entry.oid);
        }
        return found;
    }
    /** Every file of the tree of `rev`, recursively, with its size. */
    async lsTree(rev) {
        const { stdout } = await this.exec(['ls-tree', '-r', '-l', '-z', '--full-tree', rev]);
        return parseTree(stdout);
    }
    /**
     * The text files (`-I`) of `revs` that match any of `patterns` (basic regular expressions), among
     * those `pathspecs` name, by revision in the order given, and by path within each.
     */
    async grepFiles(patterns, revs, pathspecs) {
        const args = ['grep', '-l', '-z', '-I', '--full-name', ...patterns.flatMap(p => ['-e', p]), ...revs, '--', ...pathspecs];
        const r = await this.exec(args, { allowFailure: true });
        // Exit 1: nothing found.
        if (r.exitCode > 1)
            throw new GitError(args, r.exitCode, r.stderr);
        return parseGrepFiles(r.stdout);
    }
    /**
     * Merges `theirs` into `ours` as objects only (`merge-tree --write-tree`): the merged tree, or
     * the paths in conflict. Any other failure throws, as a {@link UserError} when git is too old.
     */
    async mergeTree(ours, theirs) {
        const merged = await this.exec(['merge-tree', '--write-tree', '--name-only', '-z', ours, theirs], { allowFailure: true });
        const [tree, ...rest] = merged.stdout.split('\0');
        if (merged.exitCode === 0)
            return { tree: tree.trim() };
        if (merged.exitCode !== 1) {
            // An old git does not know `merge-tree --write-tree`: say so rather than show its usage text.
            await this.assertSupported();
            throw new GitError(['merge-tree'], merged.exitCode, merged.stderr);
        }
        // With --name-only -z: the tree, the conflicted paths, an empty field, then messages.
        return { conflicts: [...new Set(rest.slice(0, Math.max(0, rest.indexOf(''))))] };
    }
    /**
     * Runs `fn` with an index of its own, new and empty, removed afterwards: trees are built and
     * patches tried there while the repository's index and work tree stay as they are.
     */
    /** Reads and fetches branch history for reports (one `git log` pass, trailers parsed by git). */
    history() {
        return new GitHistory({
            exec: (args, options) => this.exec(args, options),
            shallowCommits: () => this.shallowCommits(),
            isShallow: () => this.isShallow(),
            tryResolveCommits: revs => this.tryResolveCommits(revs)
        });
    }
    withTemporaryIndex(fn) {
        return TemporaryIndex.use((args, options) => this.exec(args, options), fn);
    }
    /** Checks out `ref` quietly; with `detach`, as a detached HEAD. */
    async checkout(ref, options = {}) {
        await this.exec(checkoutArgs(ref, options));
    }
    /** {@link checkout}, false instead of an error when git could not check `ref` out. */
    async tryCheckout(ref, options = {}) {
        return (await this.exec(checkoutArgs(ref, options), { allowFailure: true })).exitCode === 0;
    }
    /** Resets HEAD, the index and the work tree to `commit` (`git reset --hard`). */
    async resetHard(commit) {
        await this.exec(['reset', '--quiet', '--hard', commit]);
    }
    /** {@link resetHard}, false instead of an error when git could not reset. */
    async tryResetHard(commit) {
        return (await this.exec(['reset', '--quiet', '--hard', commit], { allowFailure: true })).exitCode === 0;
    }
    /** Applies the changes of `commit` to the index and work tree, without committing them. */
    async cherryPickNoCommit(commit) {
        await this.exec(['cherry-pick', '--no-commit', commit]);
    }
    /** Forgets a cherry-pick in progress, leaving the index and work tree as they are; false when git could not. */
    async tryQuitCherryPick() {
        return (await this.exec(['cherry-pick', '--quit'], { allowFailure: true })).exitCode === 0;
    }
    /** Applies `patch` to the index and the work tree (`git apply --index`), without whitespace warnings. */
    async apply(patch) {
        await this.exec(['apply', '--index', '--whitespace=nowarn', '-'], { input: patch });
    }
    /** Commits the index on HEAD with `message`, without hooks; `env` sets the identity. */
    async commit(message, env = {}) {
        await this.exec(['commit', '--quiet', '--no-verify', '--file=-'], { input: message, env });
    }
    /** Fast-forwards the checked-out branch, with its files, to `commit`. */
    async mergeFfOnly(commit) {
        await this.exec(['merge', '--ff-only', '--quiet', commit]);
    }
    /** Moves `ref` to `value`, only while it still points at `oldValue`. */
    async updateRef(ref, value, oldValue) {
        await this.exec(['update-ref', ref, value, oldValue]);
    }
    /** The error for a command that failed: one the user can act on when the folder is no repository. */
    failure(args, exitCode, stderr) {
        if (/^fatal: not a git repository/m.test(stderr)) {
            return new core/* UserError */.yo(`'${this.cwd}' is not in a git repository (${stderr.trim()}). Expected the work tree of a clone: run inside one, or check the repository out first.`);
        }
        const dubious = /detected dubious ownership in repository at '([^'\n]*)'/.exec(stderr);
        if (dubious) {
            const path = dubious[1] || this.cwd;
            return new core/* UserError */.yo(`git refuses the repository at '${path}': it belongs to another user than the one running this step (a container job, or a checkout made by another user). ` +
                `Expected actions/checkout in the same job (it marks the folder safe), or run git config --global --add safe.directory '${path}' before this step.`);
        }
        return new GitError(args, exitCode, stderr);
    }
    /** The error for git that could not be started. */
    notRun(error) {
        return new core/* UserError */.yo(`Could not run git in '${this.cwd}': ${error.message}. Expected git ${MIN_GIT.join('.')} or newer on PATH.`);
    }
}
function fetchArgs(remote, refspecs, options) {
    const depth = options.depth === undefined ? [] : [depthArgument(options.depth)];
    return ['fetch', '--quiet', '--no-tags', ...depth, remote, ...refspecs];
}
/** A pathspec that matches `path` exactly, whatever characters it holds. */
function literalPathspec(path) {
    return `:(literal)${path}`;
}
function checkoutArgs(ref, options) {
    return ['checkout', '--quiet', ...(options.detach ? ['--detach'] : []), ref];
}
function parseLog(stdout) {
    return stdout
        .split(RECORD)
        .map(r => r.replace(/^\n/, ''))
        .filter(r => r.length > 0)
        .map(record => {
        const [sha, tree, parents, subject, body] = record.split(FIELD);
        return {
            sha,
            tree,
            parents: parents ? parents.split(' ').filter(Boolean) : [],
            subject,
            body: body ?? ''
        };
    });
}


/***/ }),

/***/ 1765:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ NETWORK_COMMANDS),
/* harmony export */   OF: () => (/* binding */ authFailureMessage),
/* harmony export */   Tu: () => (/* binding */ authFailure),
/* harmony export */   bH: () => (/* binding */ redactToken),
/* harmony export */   tL: () => (/* binding */ remoteUrlsOnServer),
/* harmony export */   uG: () => (/* binding */ authConfigEnv),
/* harmony export */   xm: () => (/* binding */ gitHttpAuth)
/* harmony export */ });
/* unused harmony export authorizationHeader */
/** The git commands that talk to a remote: only these get the token. */
const NETWORK_COMMANDS = new Set(['fetch', 'push', 'ls-remote', 'pull', 'clone']);
/** An auth for `token` on `serverUrl`, or undefined when there is no token. */
function gitHttpAuth(token, serverUrl, source) {
    if (!token)
        return undefined;
    let url;
    try {
        url = new URL(serverUrl);
    }
    catch {
        url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        throw new Error(`Invalid GITHUB_SERVER_URL '${serverUrl}'. Expected the server's address, such as https://github.com.`);
    }
    return { serverUrl: `${url.origin}${url.pathname.replace(/\/*$/, '/')}`, token, source };
}
/** The header git sends: GitHub takes the token as the password of basic credentials. */
function authorizationHeader(token) {
    return `AUTHORIZATION: basic ${basicCredentials(token)}`;
}
function basicCredentials(token) {
    return Buffer.from(`x-access-token:${token}`).toString('base64');
}
/**
 * The remote URLs in `git remote -v` output that lie on the auth's server, as git reports them
 * (with `insteadOf` applied). URLs elsewhere (other hosts, file://, ssh) never get the token.
 */
function remoteUrlsOnServer(remoteList, auth) {
    const server = new URL(auth.serverUrl);
    const urls = remoteList
        .split('\n')
        .map(line => line.split('\t')[1]?.replace(/ \((?:fetch|push)\)$/, ''))
        .filter((url) => Boolean(url));
    return [...new Set(urls)].filter(url => {
        try {
            const parsed = new URL(url);
            return parsed.protocol === server.protocol && parsed.host === server.host && `${parsed.pathname}/`.startsWith(server.pathname);
        }
        catch {
            return false; // scp-like ssh addresses such as git@github.com:owner/repo
        }
    });
}
/**
 * `GIT_CONFIG_*` variables that make git send the token to the server and nothing else there.
 * git picks the most specific `http.<url>.extraHeader` keys that match a remote and adds up
 * their values in the order read, the environment last; an empty value empties the list. So each
 * key is set empty and then to the token: once for the server (the key actions/checkout persists
 * in `.git/config`) and once for each remote URL on it, so no more specific key in any config
 * file can add its own header. Entries already in the environment are kept: ours go after them.
 */
function authConfigEnv(auth, remoteUrls, env) {
    const header = authorizationHeader(auth.token);
    const keys = [`http.${auth.serverUrl}.extraheader`, ...remoteUrls.map(url => `http.${url}.extraheader`)];
    const entries = keys.flatMap(key => [
        [key, ''],
        [key, header]
    ]);
    const from = /^\d+$/.test(env.GIT_CONFIG_COUNT ?? '') ? Number(env.GIT_CONFIG_COUNT) : 0;
    const out = { GIT_CONFIG_COUNT: String(from + entries.length) };
    entries.forEach(([key, value], i) => {
        out[`GIT_CONFIG_KEY_${from + i}`] = key;
        out[`GIT_CONFIG_VALUE_${from + i}`] = value;
    });
    return out;
}
/** `text` with the token, and the credentials made of it, replaced by `***`. */
function redactToken(text, auth) {
    if (!auth || !text)
        return text;
    return [auth.token, basicCredentials(auth.token)].reduce((t, secret) => t.split(secret).join('***'), text);
}
/** How git says a server refused its credential, or asked for one it did not have. */
const AUTH_FAILED = [
    /could not read (?:Username|Password) for '[^']*'/i,
    /Authentication failed for '[^']*'/i,
    /The requested URL returned error: (?:401|403)/i,
    /Permission to \S+ denied to \S+/i,
    /Invalid username or (?:password|token)/i
];
/**
 * When a network command failed because the server refused the credential (or there was none),
 * git's words for it (the server's own lines first); otherwise undefined.
 */
function authFailure(stderr) {
    if (!AUTH_FAILED.some(pattern => pattern.test(stderr)))
        return undefined;
    const remote = stderr
        .split('\n')
        .filter(line => line.startsWith('remote:'))
        .map(line => line.replace(/^remote:\s*/, '').trim())
        .filter(Boolean);
    if (remote.length > 0)
        return remote.join(' ');
    // git asks for a user name when the server answered 401: say that, not what git wanted next.
    const prompt = /could not read (?:Username|Password) for '([^']*)'/i.exec(stderr);
    if (prompt)
        return `${prompt[1]} answered 401 Unauthorized`;
    return AUTH_FAILED.map(pattern => pattern.exec(stderr)?.[0]).find(Boolean);
}
/** The error for a network command the server refused for want of a (valid) credential. */
function authFailureMessage(command, said, auth) {
    const needs = command === 'push' ? 'contents: write' : 'contents: read';
    if (auth) {
        return (`git ${command} was refused: the server did not accept ${auth.source} (${said}). Expected a token for ` +
            `${auth.serverUrl} that has not expired, can access the repository and has ${needs}.`);
    }
    return (`git ${command} has no accepted credential for the remote (${said}). Expected a token (the action's token ` +
        'input, or GITHUB_TOKEN for the command line), or a checkout that keeps its credential.');
}


/***/ }),

/***/ 8901:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  at: () => (/* binding */ branchName),
  TN: () => (/* binding */ oneLine),
  av: () => (/* binding */ parsePullRequestNumbers),
  Xe: () => (/* binding */ validateBranch),
  S: () => (/* binding */ validateRequest),
  ml: () => (/* binding */ validateRevision)
});

// UNUSED EXPORTS: parseIdentity, validateLogin, validatePath, validateRevisionSpec

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/rollback/option-names.ts
const kebab = (setting) => setting.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
/**
 * Settings as workflow inputs and configuration files write them (`restore-paths: a,b`,
 * `allow-unsafe: true`); the default when an edge gives none.
 */
const settingNames = {
    name: kebab,
    set: values => Object.entries(values)
        .map(([setting, value]) => `${kebab(setting)}: ${Array.isArray(value) ? value.join(',') : String(value)}`)
        .join(', ')
};

// EXTERNAL MODULE: ./src/core/index.ts + 8 modules
var core = __webpack_require__(4260);
;// CONCATENATED MODULE: ./src/rollback/validate.ts



const DELIVERIES = ['pull-request', 'push', 'none'];
const CONTROL = /[\u0000-\u001f\u007f]/;
/**
 * Checks every field of a rollback request and returns it normalised. The one place where
 * input is validated: errors quote the bad value and say what was expected, naming each setting
 * the way the caller's edge spells it (`names`).
 */
async function validateRequest(raw, names = settingNames) {
    const n = names.name;
    const restorePaths = raw.restorePaths.map(p => validatePath(p, n('restorePaths')));
    const commits = raw.commits.map(c => validateRevisionSpec(c, n('commits')));
    const mode = restorePaths.length > 0 || raw.restoreTo ? 'restore' : 'revert';
    if (mode === 'restore') {
        if (commits.length > 0) {
            throw new core/* UserError */.yo(`Both ${n('commits')} (${quoteList(raw.commits)}) and ${n('restorePaths')} (${quoteList(raw.restorePaths)}) were given. ` +
                `Expected either commits to revert, or ${n('restorePaths')} with ${n('restoreTo')}, not both.`);
        }
        if (restorePaths.length === 0)
            throw new core/* UserError */.yo(`${n('restoreTo')} '${(0,core/* printable */.g$)(raw.restoreTo ?? '')}' was given without ${n('restorePaths')}. Expected one or more paths to restore.`);
        if (!raw.restoreTo?.trim())
            throw new core/* UserError */.yo(`${n('restorePaths')} (${quoteList(raw.restorePaths)}) were given without ${n('restoreTo')}. Expected the revision to restore them to, such as 'abc1234^'.`);
    }
    else if (commits.length === 0) {
        throw new core/* UserError */.yo(`No commits to revert. Expected one or more commit shas or ranges A..B in ${n('commits')} (or ${n('restorePaths')} with ${n('restoreTo')}).`);
    }
    const remote = raw.remote?.trim() || 'origin';
    if (!/^[A-Za-z0-9._-]+$/.test(remote) || remote.startsWith('-')) {
        throw new core/* UserError */.yo(`Invalid ${n('remote')} '${remote}'. Expected a remote name such as 'origin'.`);
    }
    // Before the audit fields: a CLI actor may be the committer's name, and the committer's error says more.
    const committer = parseCommitter(raw.committer, n('committer'));
    const request = {
        mode,
        commits: unique(commits),
        mainline: parseMainline(raw.mainline, n('mainline')),
        squash: raw.squash ?? false,
        restorePaths: unique(restorePaths),
        restoreTo: raw.restoreTo ? validateRevision(raw.restoreTo.trim(), n('restoreTo')) : undefined,
        audit: {
            incident: singleLine(raw.incident, n('incident'), 128),
            reason: validateReason(raw.reason, n('reason')),
            actor: singleLine(raw.actor, n('actor'), 128),
            runUrl: singleLine(raw.runUrl, 'run URL', 512),
            ...(raw.trailers?.length ? { trailers: raw.trailers.map(validateTrailer) } : {}),
            ...(raw.pullRequests?.length ? { pullRequests: raw.pullRequests.map(validatePullRequestReference) } : {})
        },
        targetBranch: raw.targetBranch?.trim() ? validateBranch(branchName(raw.targetBranch), n('targetBranch')) : undefined,
        branch: raw.branch?.trim() ? validateBranch(branchName(raw.branch), n('branch')) : undefined,
        deliver: parseDelivery(raw.deliver, n('deliver')),
        dryRun: raw.dryRun ?? false,
        allowUnsafe: raw.allowUnsafe ?? false,
        fallbackToPullRequest: raw.fallbackToPullRequest ?? true,
        signCommits: raw.signCommits ?? false,
        committer,
        remote,
        pullRequest: {
            title: singleLine(raw.title, n('title'), 256),
            body: validateText(raw.body, n('body'), 16000),
            assignees: unique(singleLines(raw.assignees, n('assignees')).map(login => validateLogin(login, n('assignees')))),
            deleteBranch: raw.deleteBranch ?? false,
            labels: listOf(raw.labels, n('labels'), LABEL),
            reviewers: listOf(raw.reviewers, n('reviewers'), LOGIN),
            teamReviewers: listOf(raw.teamReviewers, n('teamReviewers'), TEAM),
            draft: raw.draft ?? false
        },
        names
    };
    if (request.signCommits && request.deliver === 'none') {
        throw new core/* UserError */.yo(`${n('signCommits')} was given with ${names.set({ deliver: 'none' })}, which delivers nothing. Expected ${names.set({ deliver: 'push' })} or ${names.set({ deliver: 'pull-request' })}: signed commits are made on the remote when the rollback is delivered.`);
    }
    if (request.branch && request.branch === request.targetBranch) {
        throw new core/* UserError */.yo(`${n('branch')} '${(0,core/* printable */.g$)(request.branch)}' is the target branch. Expected a separate branch for the pull request.`);
    }
    return request;
}
/** One `Key: value` trailer line. */
function validateTrailer(value) {
    if (!/^[A-Za-z][A-Za-z0-9-]*: \S/.test(value) || CONTROL.test(value) || value.length > 512) {
        throw new core/* UserError */.yo(`Invalid trailer '${(0,core/* printable */.g$)(value)}'. Expected one line 'Key: value', such as 'Drill-time-to-detect: 41.8s'.`);
    }
    return value;
}
/** A revision or an `A..B` range; option-looking and multi-line values are refused. */
function validateRevisionSpec(value, field) {
    const spec = value.trim();
    if (spec.includes('...')) {
        throw new core/* UserError */.yo(`Invalid ${field} value '${(0,core/* printable */.g$)(spec)}'. Expected a revision or a range A..B; symmetric ranges A...B are ambiguous for a rollback.`);
    }
    const parts = spec.split('..');
    if (parts.length > 2 || (parts.length === 2 && (!parts[0] || !parts[1]))) {
        throw new core/* UserError */.yo(`Invalid range '${(0,core/* printable */.g$)(spec)}' in ${field}. Expected A..B with both ends given (commits after A up to B).`);
    }
    parts.forEach(p => validateRevision(p, field));
    return spec;
}
/** One revision expression such as `abc1234`, `main~2` or `v1.2^`. */
function validateRevision(value, field) {
    if (!value || value.startsWith('-') || value.startsWith('^') || /\s/.test(value) || CONTROL.test(value) || value.length > 256) {
        throw new core/* UserError */.yo(`Invalid ${field} value '${(0,core/* printable */.g$)(value)}'. Expected a commit sha, branch, tag or expression such as 'abc1234^' (no spaces, not starting with '-').`);
    }
    return value;
}
/** A repository-relative path that stays inside the work tree and out of `.git`. */
function validatePath(value, field = 'restore-paths') {
    const raw = value.trim();
    const problem = !raw
        ? 'it is empty'
        : CONTROL.test(raw)
            ? 'it contains control characters'
            : raw.startsWith('/') || /^[A-Za-z]:[\\/]/.test(raw)
                ? 'it is absolute'
                : raw.startsWith('-')
                    ? 'it looks like an option'
                    : raw.startsWith(':')
                        ? "it starts with ':', which git reads as pathspec magic such as ':(top)' or ':!x'"
                        : raw.length > 4096
                            ? 'it is too long'
                            : undefined;
    if (problem)
        throw new core/* UserError */.yo(`Invalid path '${(0,core/* printable */.g$)(raw)}' in ${field}: ${problem}. Expected a path relative to the repository root, such as 'apps/podinfo'.`);
    const normal = external_node_path_.posix.normalize(raw.replace(/\\/g, '/')).replace(/\/+$/, '') || '.';
    if (normal === '..' || normal.startsWith('../')) {
        throw new core/* UserError */.yo(`Invalid path '${(0,core/* printable */.g$)(raw)}' in ${field}: it escapes the repository. Expected a path inside the repository.`);
    }
    if (normal.split('/')[0].toLowerCase() === '.git') {
        throw new core/* UserError */.yo(`Invalid path '${(0,core/* printable */.g$)(raw)}' in ${field}: it points into .git. Expected a path to tracked files.`);
    }
    return normal;
}
/**
 * A branch name a rollback may use, by git's check-ref-format rules and what a rollback must not
 * use besides (see branchNameProblem); refused with the reason, the value shown escaped and cut.
 */
function validateBranch(name, field) {
    const problem = (0,core/* branchNameProblem */.hq)(name);
    if (problem) {
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(name)}': ${problem}. Expected a valid git branch name such as 'main' or 'rollback/inc-42'.`);
    }
    return name;
}
function parseMainline(value, field) {
    if (value === undefined || value.trim() === '')
        return undefined;
    if (!/^[1-9][0-9]?$/.test(value.trim())) {
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(value)}'. Expected the parent number of the merge commit, such as 1.`);
    }
    return Number(value.trim());
}
function parseDelivery(value, field) {
    const d = (value?.trim() || 'pull-request');
    if (!DELIVERIES.includes(d))
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(value ?? '')}'. Expected one of: ${DELIVERIES.join(', ')}.`);
    return d;
}
function parseCommitter(value, field) {
    if (!value?.trim())
        throw new core/* UserError */.yo(`No ${field} for the rollback commits. Expected 'Name <email@example.com>'.`);
    return parseIdentity(value.trim(), field);
}
/** Parses `Name <email>`, the form git uses. */
function parseIdentity(value, field = 'committer') {
    if (core/* UNSAFE_CHARACTERS */.Mv.test(value))
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(value)}': it contains control or text-direction characters. Expected 'Name <email@example.com>'.`);
    const m = value.length <= 512 ? value.match(/^([^<>\n]+?)\s*<([^<>\s]+@[^<>\s]+)>$/) : null;
    if (!m)
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(value)}'. Expected 'Name <email@example.com>'.`);
    return { name: m[1].trim(), email: m[2] };
}
function singleLine(value, field, max) {
    const v = value?.trim();
    if (!v)
        return undefined;
    if (/[\r\n]/.test(v))
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(v)}': it spans several lines, which would forge commit trailers. Expected a single line.`);
    if (core/* UNSAFE_CHARACTERS */.Mv.test(v))
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(v)}': it contains control or text-direction characters. Expected plain text.`);
    if (v.length > max)
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(v, 40)}': ${v.length} characters. Expected at most ${max}.`);
    return v;
}
function validateReason(value, field) {
    return validateText(value, field, 4000);
}
/** Free text of several lines: no control characters but line breaks, at most `max` characters. */
function validateText(value, field, max) {
    const v = value?.replace(/\r\n?/g, '\n').trim();
    if (!v)
        return undefined;
    if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(v))
        throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(v)}': it contains control characters. Expected plain text.`);
    if (v.length > max)
        throw new core/* UserError */.yo(`Invalid ${field}: ${v.length} characters. Expected at most ${max}.`);
    return v;
}
/** A GitHub user name, with or without a leading `@`. */
function validateLogin(value, field) {
    const login = value.trim().replace(/^@/, '');
    if (!LOGIN.pattern.test(login))
        throw new core/* UserError */.yo(`Invalid ${field} entry '${(0,core/* printable */.g$)(value)}'. Expected GitHub user names such as 'octocat' (letters, digits and single hyphens, at most 39 characters).`);
    return login;
}
/**
 * A branch as people write it, without a leading `refs/heads/` (a workflow's `github.ref`), so
 * that `refs/heads/main` and `main` name the same branch.
 */
function branchName(value) {
    return value.trim().replace(/^refs\/heads\//, '');
}
/**
 * Pull request numbers as people write them: `12`, `#12`, several comma-, space- or
 * line-separated. Each must be a positive whole number; the list keeps the first of repeats.
 */
function parsePullRequestNumbers(values, field) {
    const numbers = values
        .flatMap(v => v.split(/[\s,]+/))
        .filter(Boolean)
        .map(v => {
        if (!/^#?[1-9][0-9]{0,9}$/.test(v) || Number(v.replace('#', '')) > Number.MAX_SAFE_INTEGER)
            throw new core/* UserError */.yo(`Invalid ${field} '${(0,core/* printable */.g$)(v)}'. Expected pull request numbers such as '12' or '12, 15'.`);
        return Number(v.replace('#', ''));
    });
    return unique(numbers);
}
function validatePullRequestReference(ref) {
    if (!Number.isSafeInteger(ref.number) || ref.number < 1)
        throw new Error(`Invalid pull request number ${ref.number}.`);
    if (!/^https?:\/\/[^\s()<>]+$/.test(ref.url))
        throw new Error(`Invalid pull request URL '${(0,core/* printable */.g$)(ref.url)}'.`);
    return { number: ref.number, title: oneLine(ref.title, 256), url: ref.url };
}
/** Untrusted text as one line: control characters and runs of white space become one space, capped at `max`. */
function oneLine(text, max) {
    const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
/** GitHub label names: at most 50 characters (GitHub answers 422 otherwise), one line, no commas (they separate labels). */
const LABEL = { pattern: /^[^,]{1,50}$/, expected: 'a label name of at most 50 characters, such as rollback' };
/** GitHub logins: letters, digits and single hyphens between them, at most 39 characters. */
const LOGIN = {
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/,
    expected: 'a GitHub login such as octocat (no @)'
};
/** GitHub team slugs (the team's name in its URL), optionally after the organisation: `sre` or `acme/sre`. */
const TEAM = {
    pattern: /^(?:[A-Za-z0-9][A-Za-z0-9-]{0,38}\/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/,
    expected: 'a team slug such as sre'
};
/** A list of names checked before any API call, so one bad name fails the run up front instead of dropping the rest. */
function listOf(values, field, rule) {
    const names = singleLines(values, field);
    for (const name of names) {
        if (!rule.pattern.test(name))
            throw new core/* UserError */.yo(`Invalid ${field} entry '${(0,core/* printable */.g$)(name)}'. Expected ${rule.expected}.`);
    }
    return unique(names.map(name => (rule === TEAM ? name.replace(/^.*\//, '') : name)));
}
/** The non-empty entries of a list input, each one line. */
function singleLines(values, field) {
    return (values ?? []).map(v => singleLine(v, field, 256)).filter((v) => Boolean(v));
}
function unique(values) {
    return [...new Set(values)];
}
function quoteList(values) {
    const shown = values.slice(0, 5).map(v => `'${(0,core/* printable */.g$)(v, 100)}'`);
    return values.length > 5 ? `${shown.join(', ')} and ${values.length - 5} more` : shown.join(', ');
}


/***/ })

};
