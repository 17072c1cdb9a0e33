import { isFullSha, printable, UserError } from '../core/index.js';
import { callGitHub, explainApiError, isRequestError } from './api-error.js';
import type { GitHubClient } from './client.js';
import { repoName, type RepoRef } from './repository.js';

/** How GitHub put a pull request's changes on its base branch. */
export type MergeMethod = 'merge' | 'squash' | 'rebase' | 'fast-forward';

/** A merged pull request and the commits it put on its base branch. */
export interface MergedPullRequest {
  readonly number: number;
  /** The title as GitHub has it: untrusted free text, escape it before logging (core printable). */
  readonly title: string;
  /** The pull request's web page, as GitHub gives it. */
  readonly url: string;
  /** The branch it was merged into. */
  readonly baseRef: string;
  /** When it was merged (ISO 8601). */
  readonly mergedAt: string;
  readonly method: MergeMethod;
  /** The commit GitHub recorded as the merge (`merge_commit_sha`). */
  readonly mergeCommitSha: string;
  /** The commits it put on `baseRef`, newest first: the merge commit, the squash commit, or the rebased commits. */
  readonly commits: readonly string[];
  /** 1 when `commits` is its merge commit, reverted against the base branch's side. */
  readonly mainline?: 1;
}

/** GitHub lists at most this many commits of a pull request. */
const LISTED_COMMITS = 250;
const PULLS_READ = 'pull-requests: read';

/**
 * Resolves merged pull request `number` of `repo` to the commits it put on its base branch, the
 * way GitHub's own Revert button reads it:
 *
 * - `merge_commit_sha` with two parents whose second is the pull request's head: a merge commit,
 *   reverted with mainline 1;
 * - one parent, and the last commits of the base branch down from it carry the pull request's
 *   commits' messages and authors (name, email, date), one for one: a rebase merge, all of them;
 * - one parent, no such match, and no replay of the commit before its last right below it: a
 *   squash merge, that one commit;
 * - `merge_commit_sha` equal to the head: the branch was fast-forwarded, the pull request's commits.
 *
 * Anything else (an open or closed-unmerged pull request, one merged into another branch than
 * `targetBranch` when given, a merge commit of an unexpected shape, a rebase that only partly
 * matches, a merge commit among fast-forwarded commits) throws a UserError naming the number:
 * nothing is guessed. Whether the commits are on the target branch is the rollback engine's check.
 * API failures throw GitHubApiError, a missing pull request a UserError.
 */
export async function resolvePullRequest(
  client: GitHubClient,
  repo: RepoRef,
  number: number,
  targetBranch?: string
): Promise<MergedPullRequest> {
  if (!Number.isSafeInteger(number) || number < 1)
    throw new UserError(`Invalid pull request number '${number}'. Expected a number such as 12.`);
  const pull = await getPull(client, repo, number);
  const shown = `Pull request #${number}`;
  if (pull.state === 'open') throw new UserError(`${shown} is open, not merged. Expected a merged pull request to roll back.`, 'refused');
  if (!pull.merged || !pull.merged_at) {
    throw new UserError(`${shown} was closed without being merged: nothing of it is on any branch to roll back.`, 'refused');
  }
  const baseRef = pull.base.ref;
  if (targetBranch !== undefined && baseRef !== targetBranch) {
    throw new UserError(
      `${shown} was merged into '${printable(baseRef)}', not into the target branch '${printable(targetBranch)}'. ` +
        `Expected target-branch '${printable(baseRef)}' to roll it back there.`,
      'refused'
    );
  }
  const mergeSha = pull.merge_commit_sha ?? '';
  const head = pull.head.sha;
  if (!isFullSha(mergeSha) || !isFullSha(head)) {
    throw new UserError(
      `${shown} is merged but GitHub gives no merge commit for it. Expected a merge_commit_sha; revert its commits by sha instead.`,
      'refused'
    );
  }
  const found = { number, title: pull.title, url: pull.html_url, baseRef, mergedAt: pull.merged_at, mergeCommitSha: mergeSha };
  const unsure = (why: string) =>
    new UserError(
      `Could not tell which commits ${shown.toLowerCase()} put on '${printable(baseRef)}': ${why}. Revert its commits by sha instead.`,
      'refused'
    );

  if (mergeSha === head) {
    const listed = await listCommits(client, repo, number, pull.commits, unsure);
    const merge = listed.find(c => c.parents.length !== 1);
    if (merge) throw unsure(`it was fast-forwarded and its commit ${merge.sha} is a merge`);
    return { ...found, method: 'fast-forward', commits: listed.map(c => c.sha).reverse() };
  }
  const merged = await getCommit(client, repo, mergeSha);
  if (merged.parents.length === 2) {
    if (merged.parents[1] !== head) throw unsure(`its merge commit ${mergeSha} does not merge its head ${head}`);
    return { ...found, method: 'merge', commits: [mergeSha], mainline: 1 };
  }
  if (merged.parents.length !== 1) throw unsure(`its merge commit ${mergeSha} has ${merged.parents.length} parents`);

  const listed = await listCommits(client, repo, number, pull.commits, unsure);
  const last = listed.at(-1);
  if (!last || !sameChange(merged, last)) {
    // A squash commit sits on the base branch's history; a replay of the commit before the last
    // below it means a rebase whose last commit changed, and reverting one commit would be half of it.
    const before = listed.at(-2);
    if (before && sameChange(await getCommit(client, repo, merged.parents[0]), before)) {
      throw unsure(`its merge commit ${mergeSha} sits on a replay of its commit ${before.sha} but does not replay its last commit`);
    }
    return { ...found, method: 'squash', commits: [mergeSha] };
  }
  // The merge commit is the last of the pull request's commits, replayed: a rebase merge. Every
  // other commit must sit right below it, in order, or nothing is reverted.
  const rebased = [merged];
  for (let i = listed.length - 2; i >= 0; i--) {
    const below = rebased.at(-1)!;
    if (below.parents.length !== 1) throw unsure(`rebased commit ${below.sha} has ${below.parents.length} parents`);
    const commit = await getCommit(client, repo, below.parents[0]);
    if (commit.parents.length !== 1 || !sameChange(commit, listed[i])) {
      throw unsure(`its merge commit ${mergeSha} replays its last commit, but ${commit.sha} below it is not a replay of ${listed[i].sha}`);
    }
    rebased.push(commit);
  }
  return { ...found, method: 'rebase', commits: rebased.map(c => c.sha) };
}

/**
 * Resolves several pull requests (see resolvePullRequest), each once, newest merge first (then
 * higher number first); the engine orders their commits by position on the branch.
 */
export async function resolvePullRequests(
  client: GitHubClient,
  repo: RepoRef,
  numbers: readonly number[],
  targetBranch?: string
): Promise<MergedPullRequest[]> {
  const resolved: MergedPullRequest[] = [];
  for (const number of [...new Set(numbers)]) resolved.push(await resolvePullRequest(client, repo, number, targetBranch));
  return resolved.sort((a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt) || b.number - a.number);
}

/** A commit as compared between the pull request and the base branch. */
interface CommitShape {
  sha: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
}

/** A rebase keeps message and author (name, email, date); the committer and the sha change. */
function sameChange(a: CommitShape, b: CommitShape): boolean {
  return (
    a.message.trimEnd() === b.message.trimEnd() &&
    a.author.name === b.author.name &&
    a.author.email === b.author.email &&
    Date.parse(a.author.date) === Date.parse(b.author.date) &&
    !Number.isNaN(Date.parse(a.author.date))
  );
}

interface PullShape {
  state: string;
  merged: boolean;
  merged_at: string | null;
  merge_commit_sha: string | null;
  title: string;
  html_url: string;
  commits: number;
  head: { sha: string };
  base: { ref: string };
}

async function getPull(client: GitHubClient, repo: RepoRef, number: number): Promise<PullShape> {
  try {
    const { data } = await client.rest.pulls.get({ ...repo, pull_number: number });
    return data as PullShape;
  } catch (error) {
    if (isRequestError(error) && error.status === 404 && error.response) {
      throw new UserError(
        `Pull request #${number} was not found in ${repoName(repo)}. Expected the number of a merged pull request of this repository ` +
          `(GitHub also answers 404 when the token lacks \`permissions: ${PULLS_READ}\`).`,
        'invalid'
      );
    }
    throw explainApiError(error, `read pull request #${number} in ${repoName(repo)}`, PULLS_READ);
  }
}

async function getCommit(client: GitHubClient, repo: RepoRef, sha: string): Promise<CommitShape> {
  const { data } = await callGitHub(`read commit ${sha} in ${repoName(repo)}`, 'contents: read', () =>
    client.rest.git.getCommit({ ...repo, commit_sha: sha })
  );
  const commit: CommitShape = {
    sha: data.sha,
    parents: data.parents.map(p => p.sha),
    message: data.message,
    author: { name: data.author.name, email: data.author.email, date: data.author.date }
  };
  assertShas(commit, sha);
  return commit;
}

/** The pull request's commits, oldest first, as GitHub lists them. */
async function listCommits(
  client: GitHubClient,
  repo: RepoRef,
  number: number,
  count: number,
  unsure: (why: string) => UserError
): Promise<CommitShape[]> {
  if (count > LISTED_COMMITS) throw unsure(`it has ${count} commits, more than the ${LISTED_COMMITS} GitHub lists`);
  const data = await callGitHub(`list the commits of pull request #${number} in ${repoName(repo)}`, PULLS_READ, () =>
    client.paginate(client.rest.pulls.listCommits, { ...repo, pull_number: number, per_page: 100 })
  );
  const commits = data.map(c => {
    const commit: CommitShape = {
      sha: c.sha,
      parents: c.parents.map(p => p.sha),
      message: c.commit.message,
      author: { name: c.commit.author?.name ?? '', email: c.commit.author?.email ?? '', date: c.commit.author?.date ?? '' }
    };
    assertShas(commit);
    return commit;
  });
  if (commits.length === 0 || commits.length !== count) throw unsure(`GitHub listed ${commits.length} of its ${count} commits`);
  return commits;
}

/** Shas from the API become git arguments: they must be full object names. */
function assertShas(commit: CommitShape, expected?: string): void {
  const bad = [commit.sha, ...commit.parents].find(s => !isFullSha(s)) ?? (expected && commit.sha !== expected ? commit.sha : undefined);
  if (bad !== undefined) throw new Error(`GitHub answered with an unexpected commit id '${printable(String(bad), 80)}'.`);
}

/** The hidden marker of the comment a rollback leaves on the pull request it reverts; a re-run edits it. */
export const ROLLED_BACK_MARKER = 'gitops-rollback-reverted';

/**
 * Tells each pull request in `numbers` that it was rolled back, with `body` (one comment per pull
 * request, edited by re-runs). Never throws: each failure comes back as a warning, because the
 * rollback it reports is already delivered.
 */
export async function commentRolledBack(client: GitHubClient, repo: RepoRef, numbers: readonly number[], body: string): Promise<string[]> {
  const { upsertStickyComment } = await import('./comments.js');
  const warnings: string[] = [];
  for (const number of numbers) {
    try {
      await upsertStickyComment(client, repo, number, ROLLED_BACK_MARKER, body);
    } catch (error) {
      const explained = explainApiError(error, `comment on pull request #${number} in ${repoName(repo)}`, 'pull-requests: write');
      warnings.push(`${explained.message} The rollback itself was delivered.`);
    }
  }
  return warnings;
}
