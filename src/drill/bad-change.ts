import { type Git, GitError } from '../git/git.js';
import { identityEnv } from '../rollback/undo.js';
import { type Identity } from '../rollback/types.js';
import { FULL_SHA, shortSha, UserError } from '../core/index.js';

/** The known-bad change a drill puts on the branch: a patch file from the repository, or a commit. */
export type BadChange = { patchFile: string } | { cherryPick: string };

export interface DrillCommitOptions {
  /** The branch tip the change is made on. */
  base: string;
  branch: string;
  change: BadChange;
  /** Author and committer of the drill commit, whatever git is configured with. */
  committer: Identity;
  runUrl?: string;
  /** Where a commit to cherry-pick that a shallow clone lacks is fetched from (by sha). */
  remote?: string;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Makes the drill commit on a detached HEAD at `base` and returns its sha. The patch file is read
 * from `base` itself, so the drill applies exactly what the branch carries. The caller restores
 * the checkout afterwards.
 */
export async function makeDrillCommit(git: Git, options: DrillCommitOptions): Promise<string> {
  const { base, change } = options;
  await git.checkout(base, { detach: true });
  let description: string[];
  try {
    description =
      'patchFile' in change ? await applyPatch(git, options, change.patchFile) : await pickCommit(git, options, change.cherryPick);
  } catch (error) {
    await git.tryQuitCherryPick();
    await git.tryResetHard(base);
    throw error;
  }
  if (!(await git.hasStagedChanges())) {
    await git.resetHard(base);
    throw new UserError(
      `The drill change (${describeChange(change)}) changes nothing on '${options.branch}'. Expected a change Flux will fail on.`
    );
  }
  const [subject, ...body] = description;
  const message =
    [`Rollback drill: ${subject}`, ...body, options.runUrl ? `Drill-run: ${options.runUrl}` : ''].filter(Boolean).join('\n\n') + '\n';
  await git.commit(message, identityEnv(options.committer));
  return git.resolveCommit('HEAD');
}

/**
 * Fetches a full sha to cherry-pick, with its parent, when a shallow clone lacks it or has it at
 * its edge (servers such as GitHub allow wants of commits reachable from a ref). Anything else is
 * left to the lookup, which names what it could not find.
 */
async function fetchToPick(git: Git, remote: string, spec: string): Promise<void> {
  if (!FULL_SHA.test(spec)) return;
  if ((await git.tryResolveCommit(spec)) && !(await git.shallowCommits()).has(spec)) return;
  await git.tryFetch(remote, [spec], { depth: 2 });
}

/** `patch drills/bad-image.patch` or `cherry-pick abc123`, for messages. */
export function describeChange(change: BadChange): string {
  return 'patchFile' in change ? `patch ${change.patchFile}` : `cherry-pick ${change.cherryPick}`;
}

async function applyPatch(git: Git, options: DrillCommitOptions, file: string): Promise<string[]> {
  const path = file.trim().replace(/^(\.\/)+/, '');
  if (!path || CONTROL.test(path) || path.startsWith('/')) {
    throw new UserError(
      `Invalid drill-patch '${JSON.stringify(file).slice(1, -1)}'. Expected a path relative to the repository root, such as 'drills/bad-image.patch'.`
    );
  }
  const patch = await git.tryReadBlob(options.base, path);
  if (!patch) {
    throw new UserError(
      `drill-patch '${path}' does not exist on '${options.branch}' at ${shortSha(options.base)}. Expected a patch file committed to the branch.`
    );
  }
  await git.apply(patch).catch(error => {
    if (!(error instanceof GitError)) throw error;
    throw new UserError(
      `drill-patch '${path}' does not apply to '${options.branch}' at ${shortSha(options.base)}: ${error.stderr.trim()}. Expected a patch made against the branch (git diff > ${path}). Nothing was pushed.`
    );
  });
  return [`apply ${path}`, `Known-bad change from ${path}, applied on purpose by a rollback drill; the drill reverts it.`];
}

async function pickCommit(git: Git, options: DrillCommitOptions, spec: string): Promise<string[]> {
  if (options.remote) await fetchToPick(git, options.remote, spec.trim());
  const sha = spec.trim().startsWith('-') ? undefined : await git.tryResolveCommit(spec.trim());
  if (!sha) {
    throw new UserError(
      `Unknown drill-cherry-pick revision '${spec}'. Expected a commit sha in the repository (a shallow clone may need fetch-depth: 0).`
    );
  }
  if ((await git.shallowCommits()).has(sha)) {
    // Its parents are missing: the pick would be the commit's whole tree, not its change.
    throw new UserError(
      `drill-cherry-pick ${shortSha(sha)} is at the edge of this shallow clone and its parent could not be fetched. Expected a commit reachable from a branch or tag of the remote, or a clone with fetch-depth: 0.`
    );
  }
  const [info] = await git.commitInfo([sha]);
  if (info.parents.length > 1)
    throw new UserError(`drill-cherry-pick ${shortSha(sha)} is a merge commit. Expected a single, non-merge commit.`);
  await git.cherryPickNoCommit(sha).catch(error => {
    if (!(error instanceof GitError)) throw error;
    throw new UserError(
      `drill-cherry-pick ${shortSha(sha)} does not apply to '${options.branch}' at ${shortSha(options.base)}: ${error.stderr.trim()}. Nothing was pushed.`
    );
  });
  return [
    `cherry-pick "${info.subject}"`,
    `Known-bad change cherry-picked from commit ${sha}, on purpose, by a rollback drill; the drill reverts it.`
  ];
}
