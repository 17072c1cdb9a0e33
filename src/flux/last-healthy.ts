import type { Git } from '../git/git.js';
import type { GitHubClient, RepoRef } from '../github/client.js';
import { listCommitStatuses } from '../github/statuses.js';
import { DEFAULT_STATUS_CONTEXT, summariseFluxStatuses } from './commit-status.js';

/** A commit Flux reported healthy, and the status context that said so. */
export interface HealthyRevision {
  sha: string;
  context: string;
}

/** How many first-parent ancestors are looked at before giving up (one API call each). */
export const LAST_HEALTHY_SEARCH_DEPTH = 50;

/**
 * Walks the first-parent ancestors of `failingSha` (newest first, at most `maxCommits`) and
 * returns the newest one whose Flux statuses matching `contextGlob` say success (at least one
 * success, no failure). Undefined when none does within the fetched history.
 */
export async function lastHealthyRevision(
  client: GitHubClient,
  repo: RepoRef,
  git: Git,
  failingSha: string,
  contextGlob = DEFAULT_STATUS_CONTEXT,
  maxCommits = LAST_HEALTHY_SEARCH_DEPTH
): Promise<HealthyRevision | undefined> {
  const ancestors = (await git.revList(['--first-parent', `--max-count=${maxCommits + 1}`, failingSha, '--'])).slice(1);
  for (const sha of ancestors) {
    const summary = summariseFluxStatuses(await listCommitStatuses(client, repo, sha), contextGlob);
    if (summary.state === 'success' && summary.decisive) return { sha, context: summary.decisive.context };
  }
  return undefined;
}
