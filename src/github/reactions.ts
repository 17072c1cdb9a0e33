import { callGitHub } from './api-error.js';
import type { GitHubClient } from './client.js';
import { repoName, type RepoRef } from './repository.js';

/** The reactions this project leaves on a comment: seen, done, refused or failed. */
export type Reaction = 'eyes' | 'rocket' | 'confused';

/**
 * Reacts to an issue or pull-request comment. GitHub answers 200 instead of 201 when the token's
 * user already left that reaction, so a re-run adds nothing.
 */
export async function reactToComment(client: GitHubClient, repo: RepoRef, commentId: number, content: Reaction): Promise<void> {
  await callGitHub(`react with ${content} to comment ${commentId} in ${repoName(repo)}`, 'pull-requests: write (or issues: write)', () =>
    client.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content })
  );
}
