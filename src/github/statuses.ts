import { callGitHub } from './api-error.js';
import type { GitHubClient } from './client.js';
import { repoName, type RepoRef } from './repository.js';
import { shortSha } from '../core/index.js';

/** One commit status as reported by e.g. Flux's notification controller. */
export interface CommitStatus {
  context: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string | null;
  target_url: string | null;
  created_at: string;
}

/**
 * All statuses reported for `ref` (a sha, branch or tag), newest first. A context can appear
 * several times; the first occurrence is its current state.
 */
export async function listCommitStatuses(client: GitHubClient, repo: RepoRef, ref: string): Promise<CommitStatus[]> {
  const statuses = await callGitHub(`read commit statuses of '${ref}' in ${repoName(repo)}`, 'statuses: read', () =>
    client.paginate(client.rest.repos.listCommitStatusesForRef, { ...repo, ref, per_page: 100 })
  );
  const slim = statuses.map(({ context, state, description, target_url, created_at }) => ({
    context,
    state: state as CommitStatus['state'],
    description,
    target_url,
    created_at
  }));
  // GitHub already answers newest first; sorting makes that a guarantee (sort is stable for ties).
  return slim.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
}

/** A commit status to post: what GitHub shows beside the commit and checks for required contexts. */
export interface NewCommitStatus {
  state: 'failure' | 'success';
  context: string;
  /** At most 140 characters (GitHub refuses longer ones). */
  description: string;
  target_url?: string;
}

/** Posts a commit status on `sha` (needs `statuses: write`). */
export async function createCommitStatus(client: GitHubClient, repo: RepoRef, sha: string, status: NewCommitStatus): Promise<void> {
  await callGitHub(`post the commit status '${status.context}' on ${shortSha(sha)} in ${repoName(repo)}`, 'statuses: write', () =>
    client.rest.repos.createCommitStatus({ ...repo, sha, ...status })
  );
}
