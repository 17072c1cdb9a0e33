import type { PullRequestPort } from '../rollback/run.js';
import type { GitHubClient, RepoRef } from './client.js';
import { openOrUpdatePullRequest } from './pull-request.js';

/** Backs the rollback engine's pull-request delivery with the GitHub API. */
export function rollbackPullRequests(client: GitHubClient, repo: RepoRef, serverUrl: string): PullRequestPort {
  return {
    openOrUpdate: request => openOrUpdatePullRequest(client, { ...request, repo }),
    commitUrl: sha => `${serverUrl.replace(/\/+$/, '')}/${repo.owner}/${repo.repo}/commit/${sha}`
  };
}
