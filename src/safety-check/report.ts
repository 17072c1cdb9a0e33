import { SEVERITIES, type Finding } from '../hazards/types.js';
import type { SafetyCheckResult } from './check.js';
import type { FailOn } from './policy.js';
import { escapeControls, fitRows, moreNotShown, shortSha, tableCell } from '../core/index.js';

const ICON: Record<string, string> = { critical: '🛑', error: '❌', warning: '⚠️', notice: 'ℹ️' };
const DIRECTION: Record<string, string> = { forward: 'merging', rollback: 'reverting later' };

/** One line saying what the check decided. */
export function headline(result: SafetyCheckResult, failOn: FailOn): string {
  const { verdict } = result;
  const count = verdict.findings.length;
  if (count === 0) return `✅ No rollback hazards in ${result.filesChecked} changed manifest file${result.filesChecked === 1 ? '' : 's'}.`;
  const worst = verdict.findings[0].severity;
  if (verdict.acknowledged)
    return `☑️ ${count} rollback hazard${count === 1 ? '' : 's'} (worst: ${worst}), acknowledged by label: the check passes.`;
  if (verdict.fails)
    return `${ICON[worst]} ${verdict.failing.length} rollback hazard${verdict.failing.length === 1 ? '' : 's'} at or above '${failOn}': this change could not be rolled back safely.`;
  return `${ICON[worst]} ${count} rollback hazard${count === 1 ? '' : 's'} below '${failOn}': reported, not failing.`;
}

/** How long a Markdown report may be, and where the rows that do not fit can be read. */
export interface ReportLimit {
  /** Characters the table rows may take in all; the most severe rows are kept. */
  maxChars: number;
  /** Where every finding is, for the line under a cut table. */
  fullList: string;
}

/**
 * The job summary and pull-request comment: findings grouped by severity, with the fix. With a
 * `limit`, tables are cut (most severe rows kept) and say how many rows are not shown.
 */
export function markdownReport(result: SafetyCheckResult, failOn: FailOn, limit?: ReportLimit): string {
  const parts = [`## Rollback safety`, headline(result, failOn)];
  let budget = limit?.maxChars ?? Infinity;
  const fitted = (findings: Finding[]) => {
    const { shown, omitted, used } = fitRows(findings.map(row), budget);
    budget = Math.max(0, budget - used);
    return tableOf(shown) + moreNotShown(omitted, limit?.fullList ?? '');
  };
  for (const severity of SEVERITIES) {
    const group = result.verdict.findings.filter(f => f.severity === severity);
    if (group.length === 0) continue;
    parts.push(`### ${ICON[severity]} ${severity} (${group.length})`, fitted(group));
  }
  if (result.verdict.allowed.length) {
    parts.push(
      `<details><summary>${result.verdict.allowed.length} allowed by the configuration</summary>\n\n${fitted(result.verdict.allowed)}\n</details>`
    );
  }
  if (result.notices.length) parts.push(result.notices.map(n => `> ${n}`).join('\n>\n'));
  parts.push(
    `<sub>Compared ${shortSha(result.from)}...${shortSha(result.to)}: ${result.filesChecked} changed manifest files. "merging" is what this change does; "reverting later" is what a revert of it would do.</sub>`
  );
  return parts.join('\n\n');
}

function row(f: Finding): string {
  return `| \`${f.rule}\` | ${DIRECTION[f.direction]} | ${tableCell(`${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}`)} | \`${tableCell(f.file)}:${f.line}\` | ${tableCell(f.message)} |`;
}

function tableOf(rows: string[]): string {
  return ['| rule | when | object | where | what happens and how to make it safe |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** Plain text for the command line: one finding a line, then the verdict. */
export function textReport(result: SafetyCheckResult, failOn: FailOn): string {
  // File and object names come from the change: each is shown escaped, so none can start a line.
  const e = escapeControls;
  const lines = result.verdict.findings.map(
    f =>
      `${e(f.file)}:${f.line}: ${f.severity} [${f.rule}] (${f.direction}) ${e(f.kind)} ${f.namespace ? `${e(f.namespace)}/` : ''}${e(f.name)}: ${e(f.message)}`
  );
  return [...lines, ...result.notices.map(n => `notice: ${e(n)}`), headline(result, failOn)].join('\n');
}
