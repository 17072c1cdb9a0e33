import type { PullRequestPort } from '../rollback/run.js';
import type { GitDataPort } from '../rollback/signed.js';
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
    closePullRequest: async request => {
      const { closePullRequest } = await import('./pull-request.js');
      return closePullRequest(await github.client(), { ...request, repo: github.repo });
    },
    commitUrl: sha => `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/commit/${sha}`,
    compareUrl: (base, head) => `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/compare/${urlPath(base)}...${urlPath(head)}?expand=1`
  };
}

/** A branch name as a URL path: each character that needs it escaped, `/` kept. */
function urlPath(branch: string): string {
  return encodeURIComponent(branch).replace(/%2F/g, '/');
}

/**
 * The rollback engine's Git Data API (`sign-commits`): blobs, trees, commits and branch updates
 * made by GitHub, which signs the commits. Its code loads on first use.
 */
export function gitDataPort(github: GitHubConnection): GitDataPort {
  let api: Promise<GitDataPort> | undefined;
  const load = () =>
    (api ??= Promise.all([import('./git-data.js'), github.client()]).then(([m, client]) => m.gitDataApi(client, github.repo)));
  return {
    createBlob: async content => (await load()).createBlob(content),
    createTree: async (base, entries) => (await load()).createTree(base, entries),
    createCommit: async commit => (await load()).createCommit(commit),
    branchSha: async branch => (await load()).branchSha(branch),
    updateBranch: async (branch, sha, options) => (await load()).updateBranch(branch, sha, options),
    createBranch: async (branch, sha) => (await load()).createBranch(branch, sha)
  };
}
