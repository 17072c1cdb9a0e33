import { callGitHub, githubMessage, isRequestError, explainApiError } from './api-error.js';
import type { GitHubClient } from './client.js';
import { repoName, type RepoRef } from './repository.js';

/** GitHub lists at most this many files of a pull request. */
export const PULL_REQUEST_FILES_LIMIT = 3000;

/** One changed file of a pull request. */
export interface PullRequestFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
  additions: number;
  deletions: number;
  /** Absent for binary files and very large diffs. */
  patch?: string;
}

export interface PullRequestFiles {
  files: PullRequestFile[];
  /** True when GitHub's 3,000-file cap was reached, so files may be missing. */
  truncated: boolean;
}

/** What the safety check needs to know about a pull request. */
export interface PullRequestInfo {
  number: number;
  state: string;
  title: string;
  draft: boolean;
  url: string;
  labels: string[];
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
}

/** The files a pull request changes, all pages; `truncated` says when GitHub's cap hid some. */
export async function listPullRequestFiles(client: GitHubClient, repo: RepoRef, number: number): Promise<PullRequestFiles> {
  const attempted = `list the files of pull request #${number} in ${repoName(repo)}`;
  const data = await callGitHub(attempted, 'pull-requests: read', () =>
    client.paginate(client.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: 100 })
  );
  const files = data.map(({ filename, status, previous_filename, additions, deletions, patch }) => ({
    filename,
    status,
    ...(previous_filename !== undefined && { previous_filename }),
    additions,
    deletions,
    ...(patch !== undefined && { patch })
  }));
  return { files, truncated: files.length >= PULL_REQUEST_FILES_LIMIT };
}

/** Labels, branches and head/base commits of a pull request. */
export async function getPullRequest(client: GitHubClient, repo: RepoRef, number: number): Promise<PullRequestInfo> {
  const { data } = await callGitHub(`read pull request #${number} in ${repoName(repo)}`, 'pull-requests: read', () =>
    client.rest.pulls.get({ ...repo, pull_number: number })
  );
  return {
    number: data.number,
    state: data.state,
    title: data.title,
    draft: data.draft ?? false,
    url: data.html_url,
    labels: data.labels.map(label => label.name),
    base: { ref: data.base.ref, sha: data.base.sha },
    head: { ref: data.head.ref, sha: data.head.sha }
  };
}

/**
 * The text of the file at `path` in commit/branch `ref`, or undefined when the file does not
 * exist there. A `ref` GitHub does not know is an error, not a missing file.
 */
export async function getFileContent(client: GitHubClient, repo: RepoRef, path: string, ref: string): Promise<string | undefined> {
  const attempted = `read '${path}' at '${ref}' in ${repoName(repo)}`;
  let data;
  try {
    ({ data } = await client.rest.repos.getContent({ ...repo, path, ref }));
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw explainApiError(error, attempted, 'contents: read');
  }
  if (Array.isArray(data) || data.type !== 'file') {
    throw new Error(`Could not ${attempted}: it is a ${Array.isArray(data) ? 'directory' : data.type}, not a file.`);
  }
  // Above 1 MB the contents API leaves `content` empty; the raw media type still returns it.
  if (data.encoding === 'none' || (data.content === '' && data.size > 0)) {
    return getRawContent(client, { ...repo, path, ref }, attempted);
  }
  return Buffer.from(data.content ?? '', 'base64').toString('utf8');
}

// GitHub answers 404 both for a missing path and for an unknown ref; only the first is "no file".
function isMissingFile(error: unknown): boolean {
  return isRequestError(error) && error.status === 404 && !/no commit found/i.test(githubMessage(error));
}

async function getRawContent(client: GitHubClient, file: RepoRef & { path: string; ref: string }, attempted: string) {
  const { data } = await callGitHub(attempted, 'contents: read', () =>
    client.rest.repos.getContent({ ...file, mediaType: { format: 'raw' } })
  );
  // Octokit hands back text or bytes depending on the content type GitHub labels it with.
  const raw: unknown = data;
  return raw instanceof ArrayBuffer ? Buffer.from(raw).toString('utf8') : String(raw);
}
