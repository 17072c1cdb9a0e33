import { callGitHub } from './api-error.js';
import type { GitHubClient } from './client.js';
import { repoName, type RepoRef } from './repository.js';

/** The merge base of `base` and `head`: what a pull request's changes are measured from. */
export async function getMergeBase(client: GitHubClient, repo: RepoRef, base: string, head: string): Promise<string> {
  const { data } = await callGitHub(`compare ${base}...${head} in ${repoName(repo)}`, 'contents: read', () =>
    client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 1 })
  );
  return data.merge_base_commit.sha;
}
