import { FULL_SHA, printable } from '../core/index.js';
import type { GitDataPort, RefUpdate, RemoteCommit } from '../rollback/signed.js';
import { callGitHub, explainApiError, githubMessage, isRequestError } from './api-error.js';
import type { GitHubClient } from './client.js';
import { repoName, type RepoRef } from './repository.js';

// GitHub's Git Data API (blobs, trees, commits, refs). Commits made here without an author or a
// committer get the token's identity and GitHub's signature: with GITHUB_TOKEN or a GitHub App
// token they show as verified, and branches that require signed commits take them.

const CONTENTS_WRITE = 'contents: write';

/** GitHub's answer to a ref update that would drop commits (`force: false`). */
const NOT_FAST_FORWARD = /not a fast[- ]forward/i;
/**
 * GitHub's words when branch protection or a ruleset refuses a ref update: a pull request is
 * required, signatures or status checks are missing, the token may not push there.
 */
const PROTECTED =
  /protected branch|rule violation|GH006|GH013|through a pull request|verified signature|status check|not authorized to push|Reference update failed|approving review/i;

/** The rollback engine's {@link GitDataPort}, backed by `client`. */
export function gitDataApi(client: GitHubClient, repo: RepoRef): GitDataPort {
  const where = repoName(repo);
  return {
    async createBlob(content) {
      const { data } = await callGitHub(`write a blob of ${content.length} bytes to ${where}`, CONTENTS_WRITE, () =>
        client.rest.git.createBlob({ ...repo, content: content.toString('base64'), encoding: 'base64' })
      );
      return sha(data.sha, 'blob');
    },

    async createTree(baseTree, entries) {
      const { data } = await callGitHub(`write a tree to ${where}`, CONTENTS_WRITE, () =>
        client.rest.git.createTree({ ...repo, base_tree: baseTree, tree: entries.map(e => ({ ...e })) })
      );
      return sha(data.sha, 'tree');
    },

    async createCommit(commit): Promise<RemoteCommit> {
      // No author and no committer: GitHub then signs the commit as the token's identity.
      const { data } = await callGitHub(`write a commit to ${where}`, CONTENTS_WRITE, () =>
        client.rest.git.createCommit({ ...repo, message: commit.message, tree: commit.tree, parents: commit.parents })
      );
      const reason = typeof data.verification?.reason === 'string' ? printable(data.verification.reason, 60) : undefined;
      return { sha: sha(data.sha, 'commit'), tree: sha(data.tree?.sha, 'tree'), verified: data.verification?.verified === true, reason };
    },

    async branchSha(branch) {
      try {
        const { data } = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
        // GitHub answers a prefix lookup with the refs that start with it (an array).
        if (Array.isArray(data) || data.ref !== `refs/heads/${branch}`) return undefined;
        return sha(data.object.sha, 'commit');
      } catch (error) {
        if (isRequestError(error) && error.status === 404) return undefined;
        throw explainApiError(error, `read the branch '${branch}' of ${where}`, 'contents: read');
      }
    },

    async updateBranch(branch, target, options = {}): Promise<RefUpdate> {
      try {
        await client.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: target, force: options.force ?? false });
        return { status: 'updated' };
      } catch (error) {
        return refused(error) ?? throwExplained(error, `move the branch '${branch}' of ${where} to ${target}`);
      }
    },

    async createBranch(branch, target) {
      try {
        await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: target });
        return { status: 'updated' };
      } catch (error) {
        if (isRequestError(error) && error.status === 422 && /already exists/i.test(githubMessage(error))) return { status: 'exists' };
        return refused(error) ?? throwExplained(error, `create the branch '${branch}' in ${where}`);
      }
    }
  };
}

/** A refused ref update GitHub explains: a branch that moved, or one that protection guards. */
function refused(error: unknown): RefUpdate | undefined {
  if (!isRequestError(error) || !error.response) return undefined;
  const said = printable(githubMessage(error), 500);
  if (error.status === 422 && NOT_FAST_FORWARD.test(said)) return { status: 'stale', detail: said };
  if ((error.status === 422 || error.status === 409 || error.status === 403) && PROTECTED.test(said)) {
    return { status: 'protected', detail: said };
  }
  return undefined;
}

function throwExplained(error: unknown, attempted: string): never {
  throw explainApiError(error, attempted, CONTENTS_WRITE);
}

/** A sha from GitHub's answer, checked: anything else is refused rather than used. */
function sha(value: unknown, what: string): string {
  if (typeof value === 'string' && FULL_SHA.test(value)) return value;
  throw new Error(`GitHub answered with an invalid ${what} sha '${printable(String(value), 60)}'. Expected 40 hexadecimal digits.`);
}
