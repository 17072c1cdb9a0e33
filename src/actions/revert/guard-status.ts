import type { GitHubConnection } from '../../github/connection.js';
import type { NewCommitStatus } from '../../github/statuses.js';
import { blocksRollback } from '../../rollback/guard.js';
import type { RollbackResult } from '../../rollback/run.js';

/** GitHub refuses a commit status description longer than this. */
const MAX_DESCRIPTION = 140;

/** What a delivered rollback reports as its guard result: success, or failure when allow-unsafe let hazards through. */
export function guardStatus(result: RollbackResult, context: string, runUrl: string | undefined): NewCommitStatus {
  const blocking = result.findings.filter(blocksRollback);
  const others = result.findings.length - blocking.length;
  const description = blocking.length
    ? `Delivered with allow-unsafe despite ${count(blocking.length, 'blocking hazard')}: ${[...new Set(blocking.map(f => f.rule))].join(', ')}`
    : `The rollback passed the safety check${others ? ` (${count(others, 'finding')}, none blocking)` : ''}`;
  return {
    state: blocking.length ? 'failure' : 'success',
    context,
    description: description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 1)}…` : description,
    ...(runUrl ? { target_url: runUrl } : {})
  };
}

/** Operations after which the rollback commit is on GitHub, pushed or on its pull-request branch. */
export function isDelivered(result: RollbackResult): boolean {
  return Boolean(result.commitSha) && (result.operation === 'pushed' || result.operation === 'created' || result.operation === 'updated');
}

/**
 * Posts the guard result on the delivered rollback commit. A failure does not undo the delivery:
 * it comes back as a warning that says how to get the status there.
 */
export async function postGuardStatus(
  github: GitHubConnection,
  result: RollbackResult,
  status: NewCommitStatus
): Promise<string | undefined> {
  const sha = result.commitSha!;
  try {
    const { createCommitStatus } = await import('../../github/statuses.js');
    await createCommitStatus(await github.client(), github.repo, sha, status);
    return undefined;
  } catch (error) {
    const { owner, repo } = github.repo;
    const post = `gh api repos/${owner}/${repo}/statuses/${sha} -f state=${status.state} -f context='${status.context}'`;
    const blocked = result.pullRequest
      ? `A branch that requires '${status.context}' will not merge pull request #${result.pullRequest.number} until the status is there: post it with \`${post}\`.`
      : `Post it by hand where it is needed: \`${post}\`.`;
    return `The rollback was delivered, but its commit status '${status.context}' was not posted: ${(error as Error).message} ${blocked}`;
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
