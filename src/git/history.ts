import { UserError } from '../core/index.js';

/**
 * What {@link GitHistory} needs of the wrapper: its own exec (auth, environment and errors as it
 * sets them), and what it knows of the shallow clone and of revisions. Made by `Git.history()`.
 */
export interface HistoryGit {
  exec(args: string[], options?: { input?: string; allowFailure?: boolean }): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  shallowCommits(): Promise<Set<string>>;
  isShallow(): Promise<boolean>;
  tryResolveCommits(revs: readonly string[]): Promise<(string | undefined)[]>;
}

/** One commit of a branch history as `git log` reads it, with the trailers git parsed. */
export interface HistoryCommit {
  sha: string;
  parents: string[];
  /** Committer date, seconds since the epoch. */
  committedAt: number;
  authorName: string;
  committerEmail: string;
  /** The title paragraph on one line (as `%s` prints it). */
  subject: string;
  /** The whole message (`%B`). */
  message: string;
  /** `Key: value` trailers of the keys asked for, as git's trailer parsing found them. */
  trailers: { key: string; value: string }[];
}

/** What {@link fetchBranchHistory} fetched, for the log. */
export interface FetchedHistory {
  /** The ref the history is read from (`refs/remotes/<remote>/<branch>`). */
  ref: string;
  /** How the history was completed: `full history`, `history since <date>`, or `nothing more`. */
  fetched: string;
}

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
async function fetchBranchHistory(git: HistoryGit, remote: string, branch: string, since?: Date): Promise<FetchedHistory> {
  const ref = `refs/remotes/${remote}/${branch}`;
  const refspec = `+refs/heads/${branch}:${ref}`;
  const fetch = (extra: string[]) => git.exec(['fetch', '--quiet', '--no-tags', ...extra, remote, refspec], { allowFailure: true });
  let fetched = 'new commits only (the clone is complete)';
  let r;
  if (!(await git.isShallow())) r = await fetch([]);
  else if (!since) {
    fetched = 'the full history (--unshallow, without file contents)';
    r = await fetch(['--unshallow', NO_BLOBS]);
  } else if (await shallowSince(git, since)) {
    fetched = `new commits only (the clone already reaches ${since.toISOString().slice(0, 10)})`;
    r = await fetch([]);
  } else {
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
    throw new UserError(
      missing
        ? `Branch '${branch}' does not exist on remote '${remote}'. Expected an existing branch, such as the one Flux watches.`
        : `Could not fetch '${branch}' from '${remote}': ${r.stderr.trim() || `git fetch exited with ${r.exitCode}`}`
    );
  }
  return { ref, fetched };
}

/** True when every commit at the edge of the shallow clone is older than `since`. */
async function shallowSince(git: HistoryGit, since: Date): Promise<boolean> {
  const edge = [...(await git.shallowCommits())];
  if (edge.length === 0) return true;
  const { stdout } = await git.exec(['log', '--no-walk=unsorted', '--format=%ct', ...edge], { allowFailure: true });
  const times = stdout.split('\n').filter(Boolean).map(Number);
  return times.length === edge.length && times.every(t => t * 1000 < since.getTime());
}

/**
 * Fetches one more commit below each edge of a shallow clone (`--deepen=1`), so that the
 * commits at the edge get their parents and can be compared with them.
 */
async function deepenByOne(git: HistoryGit, remote: string, branch: string): Promise<boolean> {
  const r = await git.exec(
    ['fetch', '--quiet', '--no-tags', '--deepen=1', NO_BLOBS, remote, `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`],
    { allowFailure: true }
  );
  return r.exitCode === 0;
}

/**
 * Fetches single commits by sha, one deep (for reverted commits older than the fetched history).
 * False when the remote refused or does not have them.
 */
async function fetchCommitsBySha(git: HistoryGit, remote: string, shas: readonly string[]): Promise<boolean> {
  const wanted = shas.filter(sha => FULL_SHA.test(sha));
  if (wanted.length === 0) return false;
  const r = await git.exec(['fetch', '--quiet', '--no-tags', '--depth=1', NO_BLOBS, remote, ...wanted], { allowFailure: true });
  return r.exitCode === 0;
}

/**
 * Every commit reachable from `tip` with its message and the trailers named in `trailerKeys`,
 * newest first, read by one `git log`. Fields are NUL-separated (`-z`), the only byte no field
 * can hold, so no text in a message can pass for another field or commit.
 */
async function readHistory(git: HistoryGit, tip: string, trailerKeys: readonly string[]): Promise<HistoryCommit[]> {
  const { stdout } = await git.exec(['log', '-z', `--format=${logFormat(trailerKeys)}`, '--end-of-options', tip, '--']);
  return parseHistory(stdout);
}

/** {@link readHistory} for the given commits only (those missing here are left out). */
async function readCommits(git: HistoryGit, shas: readonly string[], trailerKeys: readonly string[]): Promise<HistoryCommit[]> {
  const present = (await git.tryResolveCommits(shas.filter(sha => FULL_SHA.test(sha)))).filter((s): s is string => !!s);
  if (present.length === 0) return [];
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

function logFormat(trailerKeys: readonly string[]): string {
  // `key=` implies `only`; `unfold` joins continuation lines, so each trailer is one line.
  const trailers = trailerKeys.length ? `%(trailers:${trailerKeys.map(k => `key=${k}`).join(',')},unfold)` : '';
  return ['%H', '%P', '%ct', '%an', '%ce', trailers, '%B'].join('%x00');
}

function parseHistory(stdout: string): HistoryCommit[] {
  if (stdout === '') return [];
  // `-z` ends each commit with NUL, so the fields of all commits form one NUL-separated list.
  const fields = stdout.split('\0');
  if (fields.at(-1) === '') fields.pop();
  const commits: HistoryCommit[] = [];
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
function subjectOf(message: string): string {
  const end = message.search(/\n[ \t]*\n/);
  return (end < 0 ? message : message.slice(0, end))
    .trim()
    .split(/\s*\n\s*/)
    .join(' ');
}

function parseTrailers(text: string): { key: string; value: string }[] {
  const trailers: { key: string; value: string }[] = [];
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers.push({ key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return trailers;
}

/**
 * The paths each commit changed, compared with its first parent (for a merge: what the merge
 * brought to the branch; for a root commit: every file), with one `git diff-tree --stdin`.
 * `commits` are full shas; the result is keyed by them.
 */
async function changedPaths(git: HistoryGit, commits: readonly string[]): Promise<Map<string, string[]>> {
  const paths = new Map<string, string[]>();
  const wanted = [...new Set(commits.filter(sha => FULL_SHA.test(sha)))];
  if (wanted.length === 0) return paths;
  const { stdout } = await git.exec(
    ['diff-tree', '--stdin', '-r', '-z', '--root', '--no-renames', '--name-only', '--diff-merges=first-parent'],
    {
      input: wanted.map(sha => `${sha}\n`).join('')
    }
  );
  // Output, in the order asked: each commit's sha, then the paths it changed, all NUL-terminated
  // (a commit that changed nothing prints nothing). A header is the next sha asked for.
  let next = 0;
  let current: string[] | undefined;
  for (const field of stdout.split('\0')) {
    if (field === '') continue;
    const at = FULL_SHA.test(field) ? wanted.indexOf(field, next) : -1;
    if (at >= 0) {
      next = at + 1;
      current = [];
      paths.set(field, current);
    } else if (FULL_SHA.test(field) && paths.has(field)) {
      current = undefined; // the same commit again (a diff against another parent): not wanted
    } else current?.push(field);
  }
  return paths;
}

/** Full shas of the commits in `from..to` that touch any of `paths`, newest first. */
async function commitsTouching(git: HistoryGit, from: string, to: string, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const { stdout } = await git.exec(['rev-list', '--end-of-options', to, `^${from}`, '--', ...paths.map(p => `:(literal)${p}`)], {
    allowFailure: true
  });
  return stdout.split('\n').filter(sha => FULL_SHA.test(sha));
}

/**
 * The branch history as the report reads it, on the wrapper's exec: made by `Git.history()`, so
 * git runs only through the wrapper.
 */
export class GitHistory {
  constructor(private readonly git: HistoryGit) {}

  /** See {@link fetchBranchHistory}. */
  fetchBranch(remote: string, branch: string, since?: Date): Promise<FetchedHistory> {
    return fetchBranchHistory(this.git, remote, branch, since);
  }

  /** See {@link deepenByOne}. */
  deepenByOne(remote: string, branch: string): Promise<boolean> {
    return deepenByOne(this.git, remote, branch);
  }

  /** See {@link fetchCommitsBySha}. */
  fetchCommits(remote: string, shas: readonly string[]): Promise<boolean> {
    return fetchCommitsBySha(this.git, remote, shas);
  }

  /** See {@link readHistory}. */
  read(tip: string, trailerKeys: readonly string[]): Promise<HistoryCommit[]> {
    return readHistory(this.git, tip, trailerKeys);
  }

  /** See {@link readCommits}. */
  readCommits(shas: readonly string[], trailerKeys: readonly string[]): Promise<HistoryCommit[]> {
    return readCommits(this.git, shas, trailerKeys);
  }

  /** See {@link changedPaths}. */
  changedPaths(commits: readonly string[]): Promise<Map<string, string[]>> {
    return changedPaths(this.git, commits);
  }

  /** See {@link commitsTouching}. */
  commitsTouching(from: string, to: string, paths: readonly string[]): Promise<string[]> {
    return commitsTouching(this.git, from, to, paths);
  }
}
