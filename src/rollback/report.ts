import type { Finding } from '../hazards/types.js';
import type { AuditContext, RollbackResult } from './types.js';
import { codeSpan, COMMENT_MAX_CHARS, fitMarkdown, fitRows, moreNotShown, shortSha, tableCell } from '../core/index.js';

type CommitUrl = ((sha: string) => string) | undefined;

/** Characters the rows of each table may take: in a pull-request body (65,536 at most), and in a job summary (1 MiB). */
const BODY_TABLE_CHARS = 20_000;
const SUMMARY_TABLE_CHARS = 300_000;

/** A pull-request body a reviewer can act on: why, what is undone, how big, who asked. */
export function pullRequestBody(result: RollbackResult, audit: AuditContext, commitUrl: CommitUrl): string {
  const body = [
    '## Rollback',
    contextLines(result, audit).join('\n'),
    whatSection(result, commitUrl, BODY_TABLE_CHARS),
    findingsSection(result.findings, BODY_TABLE_CHARS),
    diffSection(result),
    '_Merging this pull request rolls the change back. Flux applies it on its next reconciliation._'
  ]
    .filter(Boolean)
    .join('\n\n');
  return fitMarkdown(body, COMMENT_MAX_CHARS - 100, 'the job summary of the run shows more');
}

/** The job summary: what was rolled back, why, by whom, and where it went. */
export function rollbackSummary(result: RollbackResult, audit: AuditContext, commitUrl: CommitUrl): string {
  const where = deliveredTo(result);
  return [
    `## Rollback: ${result.operation}`,
    where,
    contextLines(result, audit).join('\n'),
    whatSection(result, commitUrl, SUMMARY_TABLE_CHARS),
    skippedSection(result),
    findingsSection(result.findings, SUMMARY_TABLE_CHARS),
    diffSection(result)
  ]
    .filter(Boolean)
    .join('\n\n');
}

function deliveredTo(result: RollbackResult): string {
  const sha = result.commitSha ? `\`${shortSha(result.commitSha)}\`` : '';
  switch (result.operation) {
    case 'pushed':
      return `Pushed ${sha} to \`${result.targetBranch}\`.`;
    case 'created':
    case 'updated':
      return `Pull request [#${result.pullRequest!.number}](${result.pullRequest!.url}) ${result.operation} from \`${result.branch}\` into \`${result.targetBranch}\`${result.fellBackToPullRequest ? ' (the branch is protected, so the push became a pull request)' : ''}.`;
    case 'committed':
      return `Committed ${sha} on the local branch \`${result.targetBranch}\`; nothing was pushed.`;
    case 'branch-pushed':
      return `Pushed ${sha} to the branch \`${result.branch}\`; the pull request into \`${result.targetBranch}\` was not created.`;
    case 'dry-run':
      return `Dry run: the rollback was computed on \`${result.targetBranch}\` but nothing was pushed.`;
    default:
      return `Nothing to roll back on \`${result.targetBranch}\`.${staleBranchLine(result)}`;
  }
}

/** With delete-branch: what became of the rollback branch an earlier run left. */
function staleBranchLine(result: RollbackResult): string {
  const stale = result.staleBranch;
  if (!stale) return '';
  const pr = stale.closedPullRequest;
  const closed = pr ? `the stale rollback pull request [#${pr.number}](${pr.url})` : '';
  if (stale.deleted) {
    return closed
      ? ` Closed ${closed} and deleted its branch \`${stale.branch}\`.`
      : ` Deleted the stale rollback branch \`${stale.branch}\`.`;
  }
  return `${closed ? ` Closed ${closed}.` : ''} Kept the rollback branch \`${stale.branch}\`: ${tableCell(stale.why ?? '')}.`;
}

function contextLines(result: RollbackResult, audit: AuditContext): string[] {
  return [
    ...(audit.pullRequests ?? []).map(p => `- **Reverts:** [#${p.number}](${p.url}) ${tableCell(p.title)}`),
    // Free text from whoever asked: shown verbatim, so no mention, link or HTML of theirs renders.
    audit.incident && `- **Incident:** ${codeSpan(audit.incident)}`,
    audit.reason && `- **Reason:** ${codeSpan(audit.reason, 1000)}`,
    audit.actor && `- **Triggered by:** @${audit.actor}`,
    audit.runUrl && `- **Workflow run:** ${audit.runUrl}`,
    `- **Target branch:** \`${result.targetBranch}\`${result.base ? ` at \`${shortSha(result.base)}\`` : ''}`
  ].filter((l): l is string => Boolean(l));
}

function whatSection(result: RollbackResult, commitUrl: CommitUrl, maxChars: number): string {
  if (result.restoredTo) {
    const paths = (result.restoredPaths ?? []).map(p => `\`${p}\``).join(', ');
    const head = `Restores ${paths} to ${link(result.restoredTo, commitUrl)}.`;
    if (result.revertedCommits.length === 0) return head;
    return `${head} This undoes these commits' changes to those paths:\n\n${commitTable(result.revertedCommits, commitUrl, maxChars)}`;
  }
  if (result.revertedCommits.length === 0) return '';
  return `### Reverted commits\n\n${commitTable(result.revertedCommits, commitUrl, maxChars)}`;
}

function skippedSection(result: RollbackResult): string {
  if (result.skipped.length === 0) return '';
  return `Already reverted, skipped: ${result.skipped.map(s => `\`${shortSha(s.sha)}\` ${tableCell(s.subject)}`).join('; ')}`;
}

/** The rollback's own hazards, most severe first, so whoever merges or reviews it sees them. */
export function findingsSection(findings: readonly Finding[], maxChars = SUMMARY_TABLE_CHARS): string {
  if (findings.length === 0) return '';
  const rows = findings.map(
    f =>
      `| ${f.severity} | \`${f.rule}\` | ${tableCell(`${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}`)} | \`${tableCell(f.file)}:${f.line}\` | ${tableCell(f.message)} |`
  );
  const { shown, omitted } = fitRows(rows, maxChars);
  return (
    [
      '### Hazards of this rollback',
      '',
      '| severity | rule | object | where | what happens |',
      '| --- | --- | --- | --- | --- |',
      ...shown
    ].join('\n') + moreNotShown(omitted, 'the findings-file output of the revert action lists them all')
  );
}

function diffSection(result: RollbackResult): string {
  return result.diffStat ? `### Diff stat\n\n\`\`\`\n${result.diffStat}\n\`\`\`` : '';
}

function commitTable(commits: { sha: string; subject: string }[], commitUrl: CommitUrl, maxChars: number): string {
  const rows = commits.map(c => `| ${link(c.sha, commitUrl)} | ${tableCell(c.subject)} |`);
  const { shown, omitted } = fitRows(rows, maxChars);
  return (
    ['| Commit | Subject |', '| --- | --- |', ...shown].join('\n') + moreNotShown(omitted, 'the reverted-commits output lists them all')
  );
}

function link(sha: string, commitUrl: CommitUrl): string {
  const short = `\`${shortSha(sha)}\``;
  return commitUrl ? `[${short}](${commitUrl(sha)})` : short;
}

/**
 * The comment left on a pull request that a delivered rollback reverts: where the rollback is,
 * and who asked for it.
 */
export function rolledBackComment(result: RollbackResult, audit: AuditContext, commitUrl: CommitUrl): string {
  const where =
    result.operation === 'pushed'
      ? `This pull request was rolled back: ${link(result.commitSha!, commitUrl)} on \`${result.targetBranch}\` reverts it.`
      : `This pull request is being rolled back: pull request [#${result.pullRequest!.number}](${result.pullRequest!.url}) into \`${result.targetBranch}\` reverts it.`;
  return [
    where,
    contextLines(result, audit)
      .filter(l => !l.startsWith('- **Reverts:**'))
      .join('\n')
  ].join('\n\n');
}
