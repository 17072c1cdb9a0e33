/** A repository as `{owner}/{repo}`. Kept apart from the client so naming one loads no HTTP code. */
export interface RepoRef {
  owner: string;
  repo: string;
}

const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;

/** Parses `owner/name`; the error quotes the bad value and the expected form. */
export function parseRepository(value: string): RepoRef {
  const match = value.trim().match(REPOSITORY);
  if (!match || match[2] === '.' || match[2] === '..') {
    throw new Error(`Invalid repository '${value}'. Expected format {owner}/{repo}.`);
  }
  return { owner: match[1], repo: match[2] };
}

/** `owner/repo`, for messages. */
export function repoName(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`;
}
