import type { PullRequestPort } from '../rollback/run.js';
import type { GitHubClient, GitHubLog } from './client.js';
import { parseRepository, type RepoRef } from './repository.js';

/** A repository with an API client that is made, and its code loaded, on first use. */
export interface GitHubConnection {
  repo: RepoRef;
  client(): Promise<GitHubClient>;
}

/**
 * Connects when there is a token and a repository. Nothing of the HTTP stack loads until a call
 * needs it, so runs that never talk to GitHub (a push rollback) start fast.
 */
export function connectGitHub(options: {
  token?: string;
  repository?: string;
  apiUrl?: string;
  log?: GitHubLog;
}): GitHubConnection | undefined {
  if (!options.token || !options.repository) return undefined;
  const repo = parseRepository(options.repository);
  let client: Promise<GitHubClient> | undefined;
  return {
    repo,
    client: () =>
      (client ??= import('./client.js').then(m =>
        m.createGitHubClient({ token: options.token!, baseUrl: options.apiUrl, log: options.log })
      ))
  };
}

/** The rollback engine's pull-request delivery, backed by the GitHub API. */
export function pullRequestPort(github: GitHubConnection, serverUrl: string): PullRequestPort {
  const { owner, repo } = github.repo;
  return {
    openOrUpdate: async request => {
      const { openOrUpdatePullRequest } = await import('./pull-request.js');
      return openOrUpdatePullRequest(await github.client(), { ...request, repo: github.repo });
    },
    commitUrl: sha => `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/commit/${sha}`,
    compareUrl: (base, head) => `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/compare/${urlPath(base)}...${urlPath(head)}?expand=1`
  };
}

/** A branch name as a URL path: each character that needs it escaped, `/` kept. */
function urlPath(branch: string): string {
  return encodeURIComponent(branch).replace(/%2F/g, '/');
}
