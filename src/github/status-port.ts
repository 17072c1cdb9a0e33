import type { CommitStatusPort } from '../report/recovery.js';
import type { GitHubConnection } from './connection.js';
import { listCommitStatuses } from './statuses.js';

/** The report's commit-status reads, backed by the GitHub API. */
export function commitStatusPort(github: GitHubConnection): CommitStatusPort {
  return { statuses: async sha => listCommitStatuses(await github.client(), github.repo, sha) };
}
