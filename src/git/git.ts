import { spawn } from 'node:child_process';

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

/** A git command that failed; `stderr` is git's own explanation. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number,
    readonly stderr: string
  ) {
    super(`git ${args[0] ?? ''} failed (exit ${exitCode}): ${stderr.trim() || 'no message'}`);
    this.name = 'GitError';
  }
}

/** A parsed commit header as read by `git log`. */
export interface CommitInfo {
  sha: string;
  parents: string[];
  subject: string;
  body: string;
}

const MIN_GIT = [2, 25];
const FIELD = '\x1f';
const RECORD = '\x1e';

/**
 * The one way this project runs git: arguments as an array (never a shell string), no terminal
 * prompts, C locale so messages can be recognised.
 */
export class Git {
  private constructor(
    readonly cwd: string,
    private readonly baseEnv: Record<string, string>
  ) {}

  /** Creates a wrapper for the work tree at `cwd` after checking that git is new enough. */
  static async create(cwd: string, env: Record<string, string> = {}): Promise<Git> {
    const git = new Git(cwd, env);
    const { stdout } = await git.exec(['--version']);
    const match = /(\d+)\.(\d+)/.exec(stdout);
    if (!match) throw new Error(`Could not read the git version from '${stdout.trim()}'.`);
    const [major, minor] = [Number(match[1]), Number(match[2])];
    if (major < MIN_GIT[0] || (major === MIN_GIT[0] && minor < MIN_GIT[1])) {
      throw new Error(`git ${major}.${minor} is too old. Expected git ${MIN_GIT.join('.')} or newer.`);
    }
    return git;
  }

  /** Runs git with `args` in the work tree and returns its output. */
  exec(args: string[], options: ExecOptions = {}): Promise<GitResult> {
    return this.execRaw(args, options).then(r => ({
      stdout: r.stdout.toString('utf8'),
      stderr: r.stderr,
      exitCode: r.exitCode
    }));
  }

  /** Like {@link exec} but keeps standard output as bytes (blob contents). */
  execRaw(
    args: string[],
    options: ExecOptions = {}
  ): Promise<{ stdout: Buffer; stderr: string; exitCode: number }> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', args, {
        cwd: this.cwd,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          LC_ALL: 'C',
          GIT_EDITOR: 'true',
          ...this.baseEnv,
          ...options.env
        },
        stdio: ['pipe', 'pipe', 'pipe']
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', e => reject(new Error(`Could not run git: ${e.message}. Is git installed and on PATH?`)));
      child.on('close', code => {
        const exitCode = code ?? 1;
        const stderr = Buffer.concat(err).toString('utf8');
        if (exitCode !== 0 && !options.allowFailure) {
          reject(new GitError(args, exitCode, stderr));
          return;
        }
        resolve({ stdout: Buffer.concat(out), stderr, exitCode });
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    });
  }

  /** Resolves `rev` to a full commit sha, throwing when it names no commit. */
  async resolveCommit(rev: string): Promise<string> {
    const sha = await this.tryResolveCommit(rev);
    if (!sha) throw new Error(`Unknown revision '${rev}'. Expected a commit sha, branch, tag or expression such as 'abc1234^'.`);
    return sha;
  }

  /** Resolves `rev` to a full commit sha, or undefined when it names no commit (here). */
  async tryResolveCommit(rev: string): Promise<string | undefined> {
    const r = await this.exec(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
      allowFailure: true
    });
    return r.exitCode === 0 ? r.stdout.trim() : undefined;
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
      `--format=%H${FIELD}%P${FIELD}%s${FIELD}%B${RECORD}`,
      '--end-of-options',
      ...shas
    ]);
    return parseLog(stdout);
  }

  /**
   * Commits named by `revs` (any `git log` revision arguments), newest first, with their messages.
   * `paths`, when given, limit the walk to commits touching them.
   */
  async log(revs: string[], options: { extra?: string[]; paths?: string[] } = {}): Promise<CommitInfo[]> {
    const { stdout } = await this.exec([
      'log',
      `--format=%H${FIELD}%P${FIELD}%s${FIELD}%B${RECORD}`,
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

  /** True when the work tree and index have no changes to tracked files. */
  async isClean(): Promise<boolean> {
    const { stdout } = await this.exec(['status', '--porcelain', '--untracked-files=no']);
    return stdout.trim() === '';
  }

  /** True when the repository is a shallow clone. */
  async isShallow(): Promise<boolean> {
    const { stdout } = await this.exec(['rev-parse', '--is-shallow-repository']);
    return stdout.trim() === 'true';
  }

  /** Reads one config value, or undefined. */
  async tryConfig(key: string): Promise<string | undefined> {
    const r = await this.exec(['config', '--get', key], { allowFailure: true });
    return r.exitCode === 0 ? r.stdout.trim() : undefined;
  }

  /** The top folder of the work tree that contains `cwd`. */
  async topLevel(): Promise<string> {
    const { stdout } = await this.exec(['rev-parse', '--show-toplevel']);
    return stdout.trim();
  }
}

function parseLog(stdout: string): CommitInfo[] {
  return stdout
    .split(RECORD)
    .map(r => r.replace(/^\n/, ''))
    .filter(r => r.length > 0)
    .map(record => {
      const [sha, parents, subject, body] = record.split(FIELD);
      return {
        sha,
        parents: parents ? parents.split(' ').filter(Boolean) : [],
        subject,
        body: body ?? ''
      };
    });
}
