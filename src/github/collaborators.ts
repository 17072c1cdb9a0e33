import { explainApiError, isRequestError } from './api-error.js';
import type { GitHubClient } from './client.js';
import { repoName, type RepoRef } from './repository.js';

/** What GitHub says a user may do in a repository. */
export interface UserPermission {
  /** The legacy base role: admin, write, read or none (maintain counts as write, triage as read). */
  permission: string;
  /** The role itself: admin, maintain, write, triage, read, or the name of a custom role. */
  roleName: string;
}

/** The base roles that may push: a custom role built on write reports `write` here. */
const WRITE = new Set(['admin', 'write']);

/** True when the permission includes pushing to the repository (admin, maintain, write). */
export function canWrite(permission: UserPermission | undefined): boolean {
  return permission !== undefined && WRITE.has(permission.permission);
}

/**
 * The user's permission in the repository (`GET /repos/{owner}/{repo}/collaborators/{username}/permission`),
 * or undefined when GitHub answers 404: no such user, or one the token cannot see. A user who is
 * not a collaborator of a public repository gets `read`. The call needs push access: a read-only
 * token gets 403, which is an error.
 */
export async function getUserPermission(client: GitHubClient, repo: RepoRef, username: string): Promise<UserPermission | undefined> {
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    const roleName = typeof data.role_name === 'string' && data.role_name ? data.role_name : data.permission;
    return { permission: String(data.permission), roleName: String(roleName) };
  } catch (error) {
    if (isRequestError(error) && error.status === 404 && error.response) return undefined;
    throw explainApiError(error, `read the permission of '${username}' in ${repoName(repo)}`, 'contents: write (push access)');
  }
}
