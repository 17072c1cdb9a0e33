import { type FetchDepth, Git, GitAuthError, GitError } from '../git/git.js';
import { type Logger, UserError } from '../core/index.js';

/** The target branch as fetched: its tip and how to read more history when needed. */
export interface TargetBranch {
  name: string;
  /** Full sha of the branch tip the rollback starts from. */
  tip: string;
  /** `remote/branch`, or the local branch name when working offline. */
  ref: string;
  /** Fetches more history; false once the repository is complete (nothing more to fetch). */
  deepen(): Promise<boolean>;
}

/** Work that can run alongside the first fetch of the target branch. */
export interface FetchHooks {
  /** Runs once git has started fetching. */
  whileFetching?(): void;
  /** Runs once the fetch is done, alongside reading the branch tip. */
  afterFetch?(): Promise<unknown>;
}

/**
 * How many commits of the target branch a shallow clone (the default of actions/checkout) fetches
 * first: a rollback of one of the last few commits needs no second fetch.
 */
export const FIRST_DEPTH = 10;

/**
 * How far the history already fetched is deepened, step by step, when a check needs more of it,
 * before all history is fetched.
 */
export const DEEPEN_BY: readonly number[] = [25, 250, 2500];

/** What more history is fetched with. */
interface HistorySource {
  git: Git;
  remote: string;
  branch: string;
  /** `+refs/heads/<branch>:<ref>` */
  refspec: string;
  log: Logger;
  /** Full shas the request names: fetched by sha, and the branch back to their parents' date. */
  wanted: readonly string[];
  /** Fetches the branch with the given depth; false when git could not. */
  fetch(depth: FetchDepth): Promise<boolean>;
}

/**
 * Fetches the target branch from `remote`. A shallow clone gets only the branch tip and a few
 * commits ({@link FIRST_DEPTH}); {@link TargetBranch.deepen} fetches more on demand: the
 * commits in `wanted` (full shas) by sha, then the branch back to their parents' date, then ever
 * more history, then all of it.
 */
export async function fetchTargetBranch(
  git: Git,
  remote: string,
  branch: string,
  log: Logger,
  hooks: FetchHooks = {},
  wanted: readonly string[] = []
): Promise<TargetBranch> {
  const ref = `refs/remotes/${remote}/${branch}`;
  const refspec = `+refs/heads/${branch}:${ref}`;
  const shallow = await git.isShallow();
  const fetch = (depth?: FetchDepth): Promise<void> =>
    git.fetch(remote, [refspec], { depth }).catch(error => {
      // A refused credential already says what to do about the token.
      if (!(error instanceof GitError) || error instanceof GitAuthError) throw error;
      const missing = /couldn't find remote ref/i.test(error.stderr);
      throw new UserError(
        missing
          ? `Target branch '${branch}' does not exist on remote '${remote}'. Expected an existing branch such as the one Flux watches.`
          : `Could not fetch '${branch}' from '${remote}': ${error.stderr.trim()}`
      );
    });
  const fetching = fetch(shallow ? FIRST_DEPTH : undefined);
  hooks.whileFetching?.();
  await fetching;
  const [tip] = await Promise.all([git.resolveCommit(ref), hooks.afterFetch?.()]);
  const deepen = deepener({ git, remote, branch, refspec, log, wanted, fetch: depth => fetch(depth).then(() => true) });
  return { name: branch, ref: `${remote}/${branch}`, tip, deepen };
}

/**
 * Uses a local branch as it is, without fetching it (`deliver: none`). A shallow clone is still
 * deepened from `remote` when a check needs more history, as far as the remote has it.
 */
export async function localTargetBranch(
  git: Git,
  branch: string,
  remote?: string,
  log?: Logger,
  wanted: readonly string[] = []
): Promise<TargetBranch> {
  const tip = await git.tryResolveCommit(`refs/heads/${branch}`);
  if (!tip) throw new UserError(`Target branch '${branch}' does not exist in this repository. Expected a local branch name.`);
  const refspec = `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`;
  const deepen =
    remote && log
      ? deepener({ git, remote, branch, refspec, log, wanted, fetch: depth => git.tryFetch(remote, [refspec], { depth }) })
      : async () => false;
  return { name: branch, ref: branch, tip, deepen };
}

/** The steps of {@link TargetBranch.deepen}; each call takes the next (false once complete). */
function deepener(source: HistorySource): () => Promise<boolean> {
  const { git, branch, log } = source;
  let byDate = source.wanted.length > 0;
  let step = 0;
  return async function deepen(): Promise<boolean> {
    if (!(await git.isShallow())) return false;
    if (byDate) {
      byDate = false;
      const since = await wantedSince(source);
      if (since !== undefined) {
        log.info(`Fetching the history of '${branch}' since ${new Date(since * 1000).toISOString()}, where the requested commits start.`);
        // A server that refuses (no commit that recent on the branch) leaves it to the steps below.
        if (await source.fetch({ since }).catch(() => false)) return true;
      }
    }
    const depth: FetchDepth = step < DEEPEN_BY.length ? { deepen: DEEPEN_BY[step] } : 'unshallow';
    step++;
    log.info(
      depth === 'unshallow' ? `Fetching the full history of '${branch}'.` : `Fetching ${depth.deepen} more commits of '${branch}' history.`
    );
    if (!(await source.fetch(depth))) return false;
    return true;
  };
}

/**
 * The committer date of the oldest parent of the wanted commits, fetching those commits and their
 * parents by sha first when the clone lacks them (servers such as GitHub allow wants of commits
 * reachable from a ref). Undefined when they cannot be had that way.
 */
async function wantedSince(source: HistorySource): Promise<number | undefined> {
  const { git, remote, wanted } = source;
  const shallow = await git.shallowCommits();
  const present = await Promise.all(wanted.map(sha => git.tryResolveCommit(sha)));
  const missing = wanted.filter((sha, i) => !present[i] || shallow.has(sha));
  if (missing.length > 0 && !(await git.tryFetch(remote, missing, { depth: 2 }))) return undefined;
  const known = (await Promise.all(wanted.map(sha => git.tryResolveCommit(sha)))).filter((sha): sha is string => Boolean(sha));
  if (known.length === 0) return undefined;
  // A commit at the edge of the clone shows no parents: its own date stands in for theirs.
  const parents = (await git.commitInfo(known)).flatMap(c => c.parents);
  const presentParents = (await Promise.all(parents.map(sha => git.tryResolveCommit(sha)))).filter((sha): sha is string => Boolean(sha));
  const dates = await git.commitDates([...new Set([...known, ...presentParents])]);
  return Math.min(...dates.values());
}

/**
 * Runs `attempt` until it succeeds, deepening the clone whenever it reports that history is
 * missing. An error marked `final` holds whatever more history is fetched and is thrown at once;
 * any other is thrown once the clone is complete.
 */
export async function withHistory<T>(
  target: TargetBranch,
  attempt: () => Promise<{ ok: true; value: T } | { ok: false; error: UserError; final?: boolean }>
): Promise<T> {
  for (;;) {
    const result = await attempt();
    if (result.ok) return result.value;
    if (result.final || !(await target.deepen())) throw result.error;
  }
}
