import { UserError } from '../core/index.js';
import { explainApiError, isRequestError } from './api-error.js';
import type { GitHubClient } from './client.js';
import { repoName, type RepoRef } from './repository.js';

/** Where a pull request stands now, as the API says (an event payload may be older). */
export interface PullRequestState {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  /** The branch it targets, or was merged into. */
  baseRef: string;
  /** Its web page. */
  url: string;
}

/** Reads pull request `number`; a UserError when GitHub answers 404. */
export async function getPullRequestState(client: GitHubClient, repo: RepoRef, number: number): Promise<PullRequestState> {
  try {
    const { data } = await client.rest.pulls.get({ ...repo, pull_number: number });
    return {
      number,
      state: data.state === 'open' ? 'open' : 'closed',
      merged: data.merged === true || Boolean(data.merged_at),
      baseRef: data.base.ref,
      url: data.html_url
    };
  } catch (error) {
    if (isRequestError(error) && error.status === 404 && error.response)
      throw new UserError(
        `Pull request #${number} was not found in ${repoName(repo)} (GitHub also answers 404 when the token lacks \`permissions: pull-requests: read\`).`
      );
    throw explainApiError(error, `read pull request #${number} in ${repoName(repo)}`, 'pull-requests: read');
  }
}
