import { Git } from '../git/git.js';
import { UserError } from '../core/index.js';

/** How a push ended when it did not simply fail. */
export type PushOutcome =
  | { status: 'pushed' }
  /** The branch moved since it was fetched. */
  | { status: 'stale'; detail: string }
  /** Branch protection or a ruleset refused the update. */
  | { status: 'protected'; detail: string };

/** GitHub's words when branch protection (GH006) or a ruleset (GH013) refuses a push. */
const PROTECTED = /GH006|GH013|protected branch|repository rule violations/i;
const STALE = /\[rejected\].*\((fetch first|non-fast-forward|stale info)\)/;
/** git's words when another push holds the ref's lock on the remote at the same moment. */
const LOCKED = /cannot lock ref|failed to lock/i;

/**
 * Pushes `source` to `ref` on `remote`, never forcing. `lease` guards a branch this tool owns:
 * its expected current sha, or '' when it must not exist yet.
 */
export async function pushRef(git: Git, remote: string, source: string, ref: string, lease?: string): Promise<PushOutcome> {
  const r = await git.push(remote, source, ref, { lease });
  if (r.pushed) return { status: 'pushed' };
  const output = `${r.stdout}\n${r.stderr}`;
  const remoteLines = r.stderr
    .split('\n')
    .filter(l => l.startsWith('remote:'))
    .map(l => l.replace(/^remote:\s?/, '').trim())
    .filter(Boolean)
    .join(' ');
  if (PROTECTED.test(output)) return { status: 'protected', detail: remoteLines || r.stderr.trim() };
  if (STALE.test(output)) return { status: 'stale', detail: r.stdout.trim() };
  if (LOCKED.test(output)) {
    const branch = ref.replace(/^refs\/heads\//, '');
    throw new UserError(
      `Could not update '${branch}' on '${remote}': another push holds it right now (git: cannot lock ref), so another rollback for this incident is running. ` +
        'Nothing was pushed by this run. Wait for the other run to finish, then run again if it did not deliver the rollback.',
      'refused'
    );
  }
  throw new UserError(`The push of ${ref} to '${remote}' was refused: ${remoteLines || r.stderr.trim() || r.stdout.trim()}`, 'refused');
}
