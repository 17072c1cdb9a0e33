import { Git } from '../git/git.js';
import type { GitHttpAuth } from '../git/http-auth.js';
import { usageError, type UsageError } from './output.js';

/**
 * The git wrapper for the work tree the command runs in, fetching and pushing with `auth` when
 * given. Outside one, a clear error instead of what git says about the first revision or branch
 * it is asked for.
 */
export async function openWorkTree(cwd: string, auth?: GitHttpAuth): Promise<Git> {
  const git = await Git.create(cwd, {}, auth);
  const state = await git.workTreeState();
  if (state === 'no-repository') throw notARepository(cwd);
  if (state === 'no-work-tree') {
    throw usageError(
      `not inside a work tree: ${cwd} (a bare repository or .git folder). Run gitops-rollback inside a clone with a work tree.`
    );
  }
  return git;
}

/** The error for a command run outside any git repository. */
export function notARepository(cwd: string): UsageError {
  return usageError(`not a git repository: ${cwd}. Run gitops-rollback inside a clone of the repository to roll back or check.`);
}
