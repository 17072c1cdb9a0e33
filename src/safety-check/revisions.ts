import { deepenArgument, deepenDepth, Git } from '../git/git.js';
import { isFullSha, type Logger, shortSha, UserError } from '../core/index.js';

/**
 * Makes `base` and `head` available in a checkout that may be a depth-1 clone, and returns the
 * commit the change is measured from: their merge base, as in a pull request's "Files changed".
 */
export async function comparisonBase(
  git: Git,
  remote: string,
  base: string,
  head: string,
  log: Logger
): Promise<{ from: string; to: string }> {
  // Both are looked up at once; a missing one is fetched afterwards, one fetch at a time.
  const [localBase, localHead] = await git.tryResolveCommits([base, head]);
  const baseSha = localBase ?? (await fetchCommit(git, remote, base, 'base'));
  const headSha = localHead ?? (await fetchCommit(git, remote, head, 'head'));
  for (let step = 0; ; step++) {
    const from = await git.tryMergeBase([baseSha, headSha]);
    if (from !== undefined) return { from, to: headSha };
    if (!(await git.isShallow())) {
      throw new UserError(`base ${base} and head ${head} share no history. Expected head to be a change on top of base.`);
    }
    log.info(`Fetching more history (${deepenArgument(step)}) to find where ${shortSha(head)} branched from ${shortSha(base)}.`);
    await git.fetch(remote, [baseSha, headSha], { depth: deepenDepth(step) });
  }
}

/** Fetches `rev`, which this clone lacks, from `remote` (by sha, or as a branch) and resolves it. */
async function fetchCommit(git: Git, remote: string, rev: string, field: string): Promise<string> {
  const refspec = isFullSha(rev) ? rev : `+refs/heads/${rev}:refs/remotes/${remote}/${rev}`;
  const fetched = await git.tryFetch(remote, [refspec], { depth: 1 });
  const sha = fetched ? await git.tryResolveCommit(isFullSha(rev) ? rev : `refs/remotes/${remote}/${rev}`) : undefined;
  if (!sha)
    throw new UserError(
      `Unknown ${field} revision '${rev}': not in this repository and not fetchable from '${remote}'. Expected a commit sha or branch name.`
    );
  return sha;
}
