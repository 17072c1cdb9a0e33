import { spawn } from 'node:child_process';
// Synchronous fs for a tiny file: node:fs/promises would add to the start-up time.
import { readFileSync, statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { FULL_SHA, UserError } from '../core/index.js';
import { readObjects, type BatchObject } from './batch-reader.js';
import { GitError } from './git-error.js';
import {
  authConfigEnv,
  authFailure,
  authFailureMessage,
  type GitHttpAuth,
  NETWORK_COMMANDS,
  redactToken,
  remoteUrlsOnServer
} from './http-auth.js';
import {
  parseGrepFiles,
  parseRawDiff,
  parseTree,
  parseTreeChanges,
  type DiffEntry,
  type GrepMatch,
  type TreeChange,
  type TreeEntry
} from './listings.js';
import { GitHistory } from './history.js';
import { TemporaryIndex } from './temporary-index.js';

export type { BatchObject } from './batch-reader.js';
export { GitError } from './git-error.js';
export type { DiffEntry, GrepMatch, TreeChange, TreeEntry } from './listings.js';

/** What one git invocation produced. */
export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ExecOptions {
  /** Bytes or text written to git's standard input. */
  input?: string | Buffer;
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
  /** Extra environment for this call only. */
  env?: Record<string, string>;
}

/** A fetch, push or ls-remote the server refused for want of a (valid) credential. */
export class GitAuthError extends GitError {
  constructor(args: readonly string[], exitCode: number, stderr: string, message: string) {
    super(args, exitCode, stderr);
    this.message = message;
    this.name = 'GitAuthError';
  }
}

/** A parsed commit header as read by `git log`. */
export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  subject: string;
  body: string;
}

/** Who committed a commit, and the trailers git parses from its message (keys lower-cased). */
export interface CommitTrailers {
  committer: string;
  trailers: Map<string, string[]>;
}

/** merge-tree --write-tree (2.38) makes rollback commits without touching the work tree. */
const MIN_GIT = [2, 38];
/** The same git binary serves the whole process: its version is checked once. */
let versionCheck: Promise<void> | undefined;
/**
 * How far a shallow clone is deepened, step by step, before all history is fetched: most
 * rollbacks and pull requests need only recent commits.
 */
export const DEEPEN_STEPS: readonly number[] = [50, 500, 5000];

/** The `git fetch` depth argument for the given deepening step (`--unshallow` after the last). */
export function deepenArgument(step: number): string {
  return depthArgument(deepenDepth(step));
}

/**
 * How much history a fetch brings: commits from each tip (`--depth`, which can also shorten a
 * deeper clone), commits beyond the clone's current edge (`--deepen`, never shorter), commits
 * since a time (`--shallow-since`, seconds since 1970), or all that a shallow clone lacks.
 */
export type FetchDepth = number | 'unshallow' | { deepen: number } | { since: number };

/** The depth of the given deepening step of a shallow clone (`unshallow` after the last). */
export function deepenDepth(step: number): FetchDepth {
  return step < DEEPEN_STEPS.length ? DEEPEN_STEPS[step] : 'unshallow';
}

function depthArgument(depth: FetchDepth): string {
  if (depth === 'unshallow') return '--unshallow';
  if (typeof depth === 'number') return `--depth=${depth}`;
  return 'deepen' in depth ? `--deepen=${depth.deepen}` : `--shallow-since=@${depth.since}`;
}

export interface FetchOptions {
  /** Limits the history fetched (a shallow clone stays shallow), or `unshallow` to fetch all. */
  depth?: FetchDepth;
}

/** What `git push --porcelain` reported. */
export interface PushReport {
  pushed: boolean;
  /** The porcelain lines, one per ref. */
  stdout: string;
  /** git's messages, the remote's (`remote: ...`) among them. */
  stderr: string;
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/**
 * The one way this project runs git: arguments as an array (never a shell string), no terminal
 * prompts, C locale so messages can be recognised.
 */
export class Git {
  private shallowPath?: Promise<string>;
  /** Commits this wrapper wrote or already resolved: a full sha of one needs no second rev-parse. */
  private readonly knownCommits = new Set<string>();
  /** The remote URLs on the auth's server, read before the first network command. */
  private authUrls?: Promise<string[]>;

  private constructor(
    readonly cwd: string,
    private readonly baseEnv: Record<string, string>,
    private readonly auth?: GitHttpAuth
  ) {}

  /**
   * Creates a wrapper for the work tree at `cwd`. With `auth`, fetch, push and ls-remote send its
   * token to its server instead of any credential in git's configuration.
   */
  static async create(cwd: string, env: Record<string, string> = {}, auth?: GitHttpAuth): Promise<Git> {
    return new Git(cwd, env, auth);
  }

  /**
   * Fails with a clear message when git is older than rollbacks need (`merge-tree --write-tree`).
   * Asked only when a command failed in a way an old git would: a working git costs no call.
   */
  assertSupported(): Promise<void> {
    versionCheck ??= this.checkVersion();
    return versionCheck;
  }

  private async checkVersion(): Promise<void> {
    const { stdout } = await this.exec(['--version']);
    const match = /(\d+)\.(\d+)/.exec(stdout);
    if (!match) throw new Error(`Could not read the git version from '${stdout.trim()}'.`);
    const [major, minor] = [Number(match[1]), Number(match[2])];
    if (major < MIN_GIT[0] || (major === MIN_GIT[0] && minor < MIN_GIT[1])) {
      throw new UserError(`git ${major}.${minor} is too old. Expected git ${MIN_GIT.join('.')} or newer.`);
    }
  }

  /** Runs git with `args` in the work tree and returns its output. */
  private exec(args: string[], options: ExecOptions = {}): Promise<GitResult> {
    return this.execRaw(args, options).then(r => ({
      stdout: r.stdout.toString('utf8'),
      stderr: r.stderr,
      exitCode: r.exitCode
    }));
  }

  /** Like {@link exec} but keeps standard output as bytes (blob contents). */
  private execRaw(args: string[], options: ExecOptions = {}): Promise<{ stdout: Buffer; stderr: string; exitCode: number }> {
    const out: Buffer[] = [];
    return this.run(args, options, b => out.push(b)).then(r => ({ ...r, stdout: Buffer.concat(out) }));
  }

  /**
   * Reads objects by name (`<sha>`, `<rev>:<path>`) with one `git cat-file --batch`, handing each to
   * `onObject` as it arrives, in the order asked; see {@link readObjects}.
   */
  catFileBatch(names: readonly string[], onObject: (object: BatchObject) => void, options: { maxBytes?: number } = {}): Promise<void> {
    const start = (args: readonly string[], stdout: number) =>
      spawn('git', [...args], { cwd: this.cwd, env: this.env(), stdio: ['pipe', stdout, 'pipe'] });
    return readObjects(start, names, onObject, options);
  }

  /**
   * Hands a blob's contents to `onChunk` piece by piece as git prints them (`git cat-file blob`),
   * so a blob of any size can be scanned without being held whole.
   */
  async streamBlob(sha: string, onChunk: (chunk: Buffer) => void): Promise<void> {
    await this.run(['cat-file', 'blob', sha], {}, onChunk);
  }

  /** The environment git runs in: no prompts, C locale, and the wrapper's own variables. */
  private env(): NodeJS.ProcessEnv {
    return { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_EDITOR: 'true', ...this.baseEnv };
  }

  // Not @actions/exec: it always pipes stdout (no file for cat-file --batch), cannot stop git when
  // a streaming consumer gives up, and the CLI shares this class, which must not need the toolkit.
  /**
   * Runs git, handing standard output to `onStdout` chunk by chunk. Commands that talk to a remote
   * get the auth's token, and fail with a {@link GitAuthError} when the server refuses them a
   * credential, whether or not other failures are allowed.
   */
  private async run(
    args: string[],
    options: ExecOptions,
    onStdout: (chunk: Buffer) => void
  ): Promise<{ stderr: string; exitCode: number }> {
    if (!NETWORK_COMMANDS.has(args[0])) return this.spawnGit(args, options, onStdout);
    const auth = this.auth
      ? authConfigEnv(this.auth, await (this.authUrls ??= this.remoteUrlsOnServer()), { ...this.env(), ...options.env })
      : {};
    const r = await this.spawnGit(args, { ...options, env: { ...options.env, ...auth }, allowFailure: true }, onStdout);
    if (r.exitCode === 0) return r;
    const said = authFailure(r.stderr);
    if (said) throw new GitAuthError(args, r.exitCode, r.stderr, authFailureMessage(args[0], said, this.auth));
    if (!options.allowFailure) throw new GitError(args, r.exitCode, r.stderr);
    return r;
  }

  private async remoteUrlsOnServer(): Promise<string[]> {
    const remotes = await this.exec(['remote', '-v'], { allowFailure: true });
    return remoteUrlsOnServer(remotes.stdout, this.auth!);
  }

  private spawnGit(args: string[], options: ExecOptions, onStdout: (chunk: Buffer) => void): Promise<{ stderr: string; exitCode: number }> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', args, {
        cwd: this.cwd,
        env: { ...this.env(), ...options.env },
        stdio: ['pipe', 'pipe', 'pipe']
      });
      const err: Buffer[] = [];
      let failed: unknown;
      child.stdout.on('data', (b: Buffer) => {
        if (failed !== undefined) return;
        try {
          onStdout(b);
        } catch (e) {
          // The consumer gave up: stop git and report the consumer's error.
          failed = e;
          child.kill();
        }
      });
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', e => reject(this.notRun(e)));
      child.on('close', code => {
        if (failed !== undefined) {
          reject(failed);
          return;
        }
        const exitCode = code ?? 1;
        // git redacts credentials in its traces; this is for anything else that echoes them.
        const stderr = redactToken(Buffer.concat(err).toString('utf8'), this.auth);
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
  async resolveCommit(rev: string): Promise<string> {
    const sha = await this.tryResolveCommit(rev);
    if (!sha) throw new UserError(`Unknown revision '${rev}'. Expected a commit sha, branch, tag or expression such as 'abc1234^'.`);
    return sha;
  }

  /** Resolves `rev` to a full commit sha, or undefined when it names no commit (here). */
  async tryResolveCommit(rev: string): Promise<string | undefined> {
    if (this.knownCommits.has(rev)) return rev;
    const r = await this.exec(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
      allowFailure: true
    });
    if (r.exitCode !== 0) return undefined;
    const sha = r.stdout.trim();
    this.knownCommits.add(sha);
    return sha;
  }

  /**
   * {@link tryResolveCommit} for several revisions with one git call when all of them resolve (the
   * usual case); otherwise each is asked on its own, so a missing one is told apart.
   */
  async tryResolveCommits(revs: readonly string[]): Promise<(string | undefined)[]> {
    const unknown = revs.filter(rev => !this.knownCommits.has(rev));
    // Without --verify, rev-parse takes a leading '-' for an option (and git before 2.43 prints
    // --end-of-options back): such names are asked one by one.
    if (unknown.length > 1 && !unknown.some(rev => rev.startsWith('-'))) {
      const r = await this.exec(['rev-parse', ...unknown.map(rev => `${rev}^{commit}`)], { allowFailure: true });
      const shas = r.stdout.split('\n').filter(Boolean);
      if (r.exitCode === 0 && shas.length === unknown.length && shas.every(sha => FULL_SHA.test(sha))) {
        for (const sha of shas) this.knownCommits.add(sha);
        const resolved = new Map(unknown.map((rev, i) => [rev, shas[i]]));
        return revs.map(rev => resolved.get(rev) ?? rev);
      }
    }
    return Promise.all(revs.map(rev => this.tryResolveCommit(rev)));
  }

  /** Writes a commit object (no ref moves) with `git commit-tree` and returns its sha. */
  async commitTree(tree: string, parents: readonly string[], message: string, env: Record<string, string> = {}): Promise<string> {
    const { stdout } = await this.exec(['commit-tree', tree, ...parents.flatMap(p => ['-p', p]), '-F', '-'], { input: message, env });
    const sha = stdout.trim();
    this.knownCommits.add(sha);
    return sha;
  }

  /** True when `ancestor` is reachable from `descendant` (or equal to it). */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const r = await this.exec(['merge-base', '--is-ancestor', ancestor, descendant], { allowFailure: true });
    if (r.exitCode > 1) throw new GitError(['merge-base'], r.exitCode, r.stderr);
    return r.exitCode === 0;
  }

  /** Headers and messages of the given commits, in the order asked. */
  async commitInfo(shas: string[]): Promise<CommitInfo[]> {
    if (shas.length === 0) return [];
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
  async commitDates(shas: readonly string[]): Promise<Map<string, number>> {
    if (shas.length === 0) return new Map();
    const { stdout } = await this.exec(['log', '--no-walk=unsorted', '--format=%H %ct', '--end-of-options', ...shas]);
    return new Map(
      stdout
        .split('\n')
        .filter(Boolean)
        .map(line => line.split(' '))
        .map(([sha, date]) => [sha, Number(date)])
    );
  }

  /**
   * The committer (`Name <email>`) and the trailers of the given commits, as git itself parses
   * the trailer block (free text elsewhere in a message is never a trailer). One `git log` call.
   */
  async commitTrailers(shas: string[]): Promise<Map<string, CommitTrailers>> {
    if (shas.length === 0) return new Map();
    const { stdout } = await this.exec([
      'log',
      '--no-walk=unsorted',
      `--format=%H${FIELD}%cn <%ce>${FIELD}%(trailers:only,unfold)${RECORD}`,
      '--end-of-options',
      ...shas
    ]);
    const result = new Map<string, CommitTrailers>();
    for (const record of stdout
      .split(RECORD)
      .map(r => r.replace(/^\n/, ''))
      .filter(Boolean)) {
      const [sha, committer, block] = record.split(FIELD);
      const trailers = new Map<string, string[]>();
      for (const line of (block ?? '').split('\n')) {
        const m = line.match(/^([A-Za-z0-9-]+):\s*(.*)$/);
        if (m) trailers.set(m[1].toLowerCase(), [...(trailers.get(m[1].toLowerCase()) ?? []), m[2]]);
      }
      result.set(sha, { committer, trailers });
    }
    return result;
  }

  /**
   * Commits named by `revs` (any `git log` revision arguments), newest first, with their messages.
   * `paths`, when given, limit the walk to commits touching them.
   */
  async log(revs: string[], options: { extra?: string[]; paths?: string[] } = {}): Promise<CommitInfo[]> {
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
  async revList(args: string[]): Promise<string[]> {
    const { stdout } = await this.exec(['rev-list', ...args]);
    return stdout.split('\n').filter(Boolean);
  }

  /** The checked-out branch name, or undefined on a detached HEAD. */
  async currentBranch(): Promise<string | undefined> {
    const r = await this.exec(['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true });
    return r.exitCode === 0 ? r.stdout.trim() : undefined;
  }

  /** Tracked files with uncommitted changes in the work tree or index (none: a clean checkout). */
  async uncommittedFiles(): Promise<string[]> {
    const { stdout } = await this.exec(['status', '--porcelain', '--untracked-files=no']);
    return stdout
      .split('\n')
      .filter(Boolean)
      .map(line => line.slice(3));
  }

  /** True when the repository is a shallow clone. */
  async isShallow(): Promise<boolean> {
    return (await this.shallowCommits()).size > 0;
  }

  /**
   * Commits at the edge of a shallow clone (listed in `.git/shallow`): their parents are missing.
   * Read from the file, which changes with every fetch, so only its location is cached.
   */
  async shallowCommits(): Promise<Set<string>> {
    this.shallowPath ??= this.shallowFile();
    try {
      return new Set(
        readFileSync(await this.shallowPath, 'utf8')
          .split('\n')
          .filter(Boolean)
      );
    } catch {
      return new Set();
    }
  }

  private async shallowFile(): Promise<string> {
    // The top folder of a work tree with a `.git` folder (what actions/checkout leaves) needs no
    // git call; worktrees, submodules, subfolders and GIT_DIR ask git where the file is.
    if (process.env.GIT_DIR === undefined && this.baseEnv.GIT_DIR === undefined) {
      const dotGit = resolvePath(this.cwd, '.git');
      if (statSync(dotGit, { throwIfNoEntry: false })?.isDirectory()) return resolvePath(dotGit, 'shallow');
    }
    const { stdout } = await this.exec(['rev-parse', '--git-path', 'shallow']);
    return resolvePath(this.cwd, stdout.trim());
  }

  /**
   * Where the wrapper's folder stands: inside a work tree, inside a repository without one (a bare
   * repository or a `.git` folder), or outside any repository.
   */
  async workTreeState(): Promise<'work-tree' | 'no-work-tree' | 'no-repository'> {
    const r = await this.exec(['rev-parse', '--is-inside-work-tree'], { allowFailure: true }).catch(() => undefined);
    if (!r || r.exitCode !== 0) return 'no-repository';
    return r.stdout.trim() === 'true' ? 'work-tree' : 'no-work-tree';
  }

  /** Reads one config value, or undefined. */
  async tryConfig(key: string): Promise<string | undefined> {
    const r = await this.exec(['config', '--get', key], { allowFailure: true });
    return r.exitCode === 0 ? r.stdout.trim() : undefined;
  }

  /**
   * The `Name <email>` git gives commits made here (user.name and user.email, or GIT_COMMITTER_*),
   * or undefined when it has none.
   */
  async tryCommitterIdentity(): Promise<string | undefined> {
    const r = await this.exec(['var', 'GIT_COMMITTER_IDENT'], { allowFailure: true });
    // `Name <email> <timestamp> <zone>`
    const match = r.exitCode === 0 ? r.stdout.trim().match(/^(.*<[^<>\n]*>) \d+ [+-]\d{4}$/) : null;
    return match?.[1];
  }

  /** Fetches `refspecs` (refspecs or shas) from `remote`, without tags. */
  async fetch(remote: string, refspecs: readonly string[], options: FetchOptions = {}): Promise<void> {
    await this.exec(fetchArgs(remote, refspecs, options));
  }

  /** {@link fetch}, false instead of an error when git could not fetch. */
  async tryFetch(remote: string, refspecs: readonly string[], options: FetchOptions = {}): Promise<boolean> {
    return (await this.exec(fetchArgs(remote, refspecs, options), { allowFailure: true })).exitCode === 0;
  }

  /** The sha of `ref` on `remote`, or undefined when the remote has no such ref. */
  async lsRemote(remote: string, ref: string): Promise<string | undefined> {
    const { stdout } = await this.exec(['ls-remote', '--end-of-options', remote, ref]);
    const line = stdout.split('\n').find(l => l.endsWith(`\t${ref}`));
    return line?.split('\t')[0];
  }

  /**
   * Pushes `source` to `ref` on `remote` without running hooks, never forcing; with `lease` only
   * while `ref` is still at that sha ('' when it must not exist yet). A push the remote refuses is
   * reported, not thrown: the caller tells a protected branch from one that moved.
   */
  async push(remote: string, source: string, ref: string, options: { lease?: string } = {}): Promise<PushReport> {
    const lease = options.lease === undefined ? [] : [`--force-with-lease=${ref}:${options.lease}`];
    const r = await this.exec(['push', '--porcelain', '--no-verify', ...lease, remote, `${source}:${ref}`], { allowFailure: true });
    return { pushed: r.exitCode === 0, stdout: r.stdout, stderr: r.stderr };
  }

  /** The tree of `commit`. */
  async treeOf(commit: string): Promise<string> {
    return (await this.exec(['rev-parse', '--verify', '--end-of-options', `${commit}^{tree}`])).stdout.trim();
  }

  /** True when `path` (a file or folder) exists at `commit`. */
  async pathExists(commit: string, path: string): Promise<boolean> {
    const { stdout } = await this.exec(['ls-tree', '--name-only', commit, '--', path]);
    return stdout.trim() !== '';
  }

  /** The best common ancestor of `commits` (of all of them at once with `octopus`), or undefined when they share none. */
  async tryMergeBase(commits: readonly string[], options: { octopus?: boolean } = {}): Promise<string | undefined> {
    const r = await this.exec(['merge-base', ...(options.octopus ? ['--octopus'] : []), ...commits], { allowFailure: true });
    if (r.exitCode !== 0) return undefined;
    // A merge base is a commit: resolving it later needs no git call.
    const sha = r.stdout.trim();
    if (FULL_SHA.test(sha)) this.knownCommits.add(sha);
    return sha;
  }

  /** `git diff --stat` from `base` to `head`, 120 columns wide, for reports. */
  async diffStat(base: string, head: string): Promise<string> {
    return (await this.exec(['diff', '--stat=120', base, head])).stdout.trimEnd();
  }

  /** True when `a` and `b` have the same contents; false also when git cannot compare them. */
  async sameContent(a: string, b: string): Promise<boolean> {
    return (await this.exec(['diff', '--quiet', a, b], { allowFailure: true })).exitCode === 0;
  }

  /** True when the index differs from HEAD (or git cannot tell). */
  async hasStagedChanges(): Promise<boolean> {
    return (await this.exec(['diff', '--cached', '--quiet'], { allowFailure: true })).exitCode !== 0;
  }

  /**
   * The changes `commit` made to `parent` (for a root commit, without one: all its files) as a
   * binary patch `git apply` takes.
   */
  async binaryPatch(commit: string, parent: string | undefined): Promise<Buffer> {
    const options = ['--binary', '--full-index', '--no-ext-diff', '--no-textconv'];
    const args = parent ? ['diff', ...options, parent, commit, '--'] : ['show', ...options, '--format=', commit, '--'];
    return (await this.execRaw(args)).stdout;
  }

  /** The contents of the file `path` at `commit`, or undefined when there is none. */
  async tryReadBlob(commit: string, path: string): Promise<Buffer | undefined> {
    const r = await this.execRaw(['cat-file', 'blob', `${commit}:${path}`], { allowFailure: true });
    return r.exitCode === 0 ? r.stdout : undefined;
  }

  /** The blobs `base..head` (commits or trees) changes, by path; submodules left out. */
  async diffRaw(base: string, head: string): Promise<DiffEntry[]> {
    const { stdout } = await this.exec(['diff', '--raw', '-z', '--no-renames', '--no-abbrev', '--no-ext-diff', base, head, '--']);
    return parseRawDiff(stdout);
  }

  /**
   * Every entry `to` changes relative to `from` (commits or trees), recursively, submodules and
   * symbolic links included, renames as a deletion and an addition.
   */
  async treeChanges(from: string, to: string): Promise<TreeChange[]> {
    const { stdout } = await this.exec(['diff-tree', '-r', '--raw', '-z', '--no-renames', '--no-abbrev', '--no-ext-diff', from, to, '--']);
    return parseTreeChanges(stdout);
  }

  /** The message of `commit` exactly as stored, byte for byte (what `git commit-tree -F` was given). */
  async commitMessage(commit: string): Promise<string> {
    const { stdout } = await this.exec(['cat-file', 'commit', commit]);
    const body = stdout.indexOf('\n\n');
    return body < 0 ? '' : stdout.slice(body + 2);
  }

  /** The contents of the blob `sha`. */
  async readBlob(sha: string): Promise<Buffer> {
    return (await this.execRaw(['cat-file', 'blob', sha])).stdout;
  }

  /**
   * The objects (blobs, submodule commits) at `paths` in the trees of `commits`, recursively. A
   * commit this clone does not have adds nothing.
   */
  async objectsAt(commits: readonly string[], paths: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    if (paths.length === 0) return found;
    for (const commit of commits) {
      const args = ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit, '--', ...paths.map(literalPathspec)];
      const r = await this.exec(args, { allowFailure: true });
      if (r.exitCode === 0) for (const entry of parseTree(r.stdout)) found.add(entry.oid);
    }
    return found;
  }

  /** Every file of the tree of `rev`, recursively, with its size. */
  async lsTree(rev: string): Promise<TreeEntry[]> {
    const { stdout } = await this.exec(['ls-tree', '-r', '-l', '-z', '--full-tree', rev]);
    return parseTree(stdout);
  }

  /**
   * The text files (`-I`) of `revs` that match any of `patterns` (basic regular expressions), among
   * those `pathspecs` name, by revision in the order given, and by path within each.
   */
  async grepFiles(patterns: readonly string[], revs: readonly string[], pathspecs: readonly string[]): Promise<GrepMatch[]> {
    const args = ['grep', '-l', '-z', '-I', '--full-name', ...patterns.flatMap(p => ['-e', p]), ...revs, '--', ...pathspecs];
    const r = await this.exec(args, { allowFailure: true });
    // Exit 1: nothing found.
    if (r.exitCode > 1) throw new GitError(args, r.exitCode, r.stderr);
    return parseGrepFiles(r.stdout);
  }

  /**
   * Merges `theirs` into `ours` as objects only (`merge-tree --write-tree`): the merged tree, or
   * the paths in conflict. Any other failure throws, as a {@link UserError} when git is too old.
   */
  async mergeTree(ours: string, theirs: string): Promise<{ tree: string } | { conflicts: string[] }> {
    const merged = await this.exec(['merge-tree', '--write-tree', '--name-only', '-z', ours, theirs], { allowFailure: true });
    const [tree, ...rest] = merged.stdout.split('\0');
    if (merged.exitCode === 0) return { tree: tree.trim() };
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
  history(): GitHistory {
    return new GitHistory({
      exec: (args, options) => this.exec(args, options),
      shallowCommits: () => this.shallowCommits(),
      isShallow: () => this.isShallow(),
      tryResolveCommits: revs => this.tryResolveCommits(revs)
    });
  }

  withTemporaryIndex<T>(fn: (index: TemporaryIndex) => Promise<T>): Promise<T> {
    return TemporaryIndex.use((args, options) => this.exec(args, options), fn);
  }

  /** Checks out `ref` quietly; with `detach`, as a detached HEAD. */
  async checkout(ref: string, options: { detach?: boolean } = {}): Promise<void> {
    await this.exec(checkoutArgs(ref, options));
  }

  /** {@link checkout}, false instead of an error when git could not check `ref` out. */
  async tryCheckout(ref: string, options: { detach?: boolean } = {}): Promise<boolean> {
    return (await this.exec(checkoutArgs(ref, options), { allowFailure: true })).exitCode === 0;
  }

  /** Resets HEAD, the index and the work tree to `commit` (`git reset --hard`). */
  async resetHard(commit: string): Promise<void> {
    await this.exec(['reset', '--quiet', '--hard', commit]);
  }

  /** {@link resetHard}, false instead of an error when git could not reset. */
  async tryResetHard(commit: string): Promise<boolean> {
    return (await this.exec(['reset', '--quiet', '--hard', commit], { allowFailure: true })).exitCode === 0;
  }

  /** Applies the changes of `commit` to the index and work tree, without committing them. */
  async cherryPickNoCommit(commit: string): Promise<void> {
    await this.exec(['cherry-pick', '--no-commit', commit]);
  }

  /** Forgets a cherry-pick in progress, leaving the index and work tree as they are; false when git could not. */
  async tryQuitCherryPick(): Promise<boolean> {
    return (await this.exec(['cherry-pick', '--quit'], { allowFailure: true })).exitCode === 0;
  }

  /** Applies `patch` to the index and the work tree (`git apply --index`), without whitespace warnings. */
  async apply(patch: Buffer): Promise<void> {
    await this.exec(['apply', '--index', '--whitespace=nowarn', '-'], { input: patch });
  }

  /** Commits the index on HEAD with `message`, without hooks; `env` sets the identity. */
  async commit(message: string, env: Record<string, string> = {}): Promise<void> {
    await this.exec(['commit', '--quiet', '--no-verify', '--file=-'], { input: message, env });
  }

  /** Fast-forwards the checked-out branch, with its files, to `commit`. */
  async mergeFfOnly(commit: string): Promise<void> {
    await this.exec(['merge', '--ff-only', '--quiet', commit]);
  }

  /** Moves `ref` to `value`, only while it still points at `oldValue`. */
  async updateRef(ref: string, value: string, oldValue: string): Promise<void> {
    await this.exec(['update-ref', ref, value, oldValue]);
  }

  /** The error for a command that failed: one the user can act on when the folder is no repository. */
  private failure(args: readonly string[], exitCode: number, stderr: string): Error {
    if (/^fatal: not a git repository/m.test(stderr)) {
      return new UserError(
        `'${this.cwd}' is not in a git repository (${stderr.trim()}). Expected the work tree of a clone: run inside one, or check the repository out first.`
      );
    }
    const dubious = /detected dubious ownership in repository at '([^'\n]*)'/.exec(stderr);
    if (dubious) {
      const path = dubious[1] || this.cwd;
      return new UserError(
        `git refuses the repository at '${path}': it belongs to another user than the one running this step (a container job, or a checkout made by another user). ` +
          `Expected actions/checkout in the same job (it marks the folder safe), or run git config --global --add safe.directory '${path}' before this step.`
      );
    }
    return new GitError(args, exitCode, stderr);
  }

  /** The error for git that could not be started. */
  private notRun(error: Error): UserError {
    return new UserError(`Could not run git in '${this.cwd}': ${error.message}. Expected git ${MIN_GIT.join('.')} or newer on PATH.`);
  }
}

function fetchArgs(remote: string, refspecs: readonly string[], options: FetchOptions): string[] {
  const depth = options.depth === undefined ? [] : [depthArgument(options.depth)];
  return ['fetch', '--quiet', '--no-tags', ...depth, remote, ...refspecs];
}

/** A pathspec that matches `path` exactly, whatever characters it holds. */
function literalPathspec(path: string): string {
  return `:(literal)${path}`;
}

function checkoutArgs(ref: string, options: { detach?: boolean }): string[] {
  return ['checkout', '--quiet', ...(options.detach ? ['--detach'] : []), ref];
}

function parseLog(stdout: string): CommitInfo[] {
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
