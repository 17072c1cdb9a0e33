import { deepenDepth, type FetchDepth, Git, GitAuthError, GitError } from '../git/git.js';
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
 * Fetches the target branch from `remote`. A shallow clone (the default of actions/checkout) gets
 * only the branch tip plus a modest depth; {@link TargetBranch.deepen} fetches more on demand.
 */
export async function fetchTargetBranch(
  git: Git,
  remote: string,
  branch: string,
  log: Logger,
  hooks: FetchHooks = {}
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
  const fetching = fetch(shallow ? deepenDepth(0) : undefined);
  hooks.whileFetching?.();
  await fetching;
  const [tip] = await Promise.all([git.resolveCommit(ref), hooks.afterFetch?.()]);
  let step = 1;
  const target: TargetBranch = {
    name: branch,
    ref: `${remote}/${branch}`,
    tip,
    async deepen() {
      if (!(await git.isShallow())) return false;
      const depth = deepenDepth(step++);
      log.info(depth === 'unshallow' ? `Fetching the full history of '${branch}'.` : `Fetching ${depth} commits of '${branch}' history.`);
      await fetch(depth);
      return true;
    }
  };
  return target;
}

/** Uses a local branch as it is, without fetching (the CLI's offline `--deliver none`). */
export async function localTargetBranch(git: Git, branch: string): Promise<TargetBranch> {
  const tip = await git.tryResolveCommit(`refs/heads/${branch}`);
  if (!tip) throw new UserError(`Target branch '${branch}' does not exist in this repository. Expected a local branch name.`);
  return { name: branch, ref: branch, tip, deepen: async () => false };
}

/**
 * Runs `attempt` until it succeeds, deepening the clone whenever it reports that history is
 * missing. The last failure is thrown once the clone is complete.
 */
export async function withHistory<T>(
  target: TargetBranch,
  attempt: () => Promise<{ ok: true; value: T } | { ok: false; error: UserError }>
): Promise<T> {
  for (;;) {
    const result = await attempt();
    if (result.ok) return result.value;
    if (!(await target.deepen())) throw result.error;
  }
}
