import { shortSha } from '../core/index.js';
import { durationText } from './duration-text.js';
import { markdownText } from './escape.js';
import { rollbacksChart, timeToRevertChart } from './mermaid.js';
import { buckets } from './stats.js';
import { ROLLBACK_KINDS, type Rollback, type RollbackReport, type RevertedChange } from './types.js';
import { isoDate } from './window.js';

export interface MarkdownOptions {
  /** Web link to a commit, when the repository is known. */
  commitUrl?: (sha: string) => string;
  /** Web link to a pull request. */
  pullUrl?: (number: number) => string;
}

/** Rows in the list of every rollback; the JSON format has them all. */
const MAX_LISTED = 200;
const TOP = 10;

/**
 * The report as Markdown for a job summary or a file: headline numbers, Mermaid charts of
 * rollbacks and time to revert over time, the most rolled-back components, repeat offenders,
 * the slowest recoveries, drills, and every rollback in a folded list.
 */
export function markdownReport(report: RollbackReport, options: MarkdownOptions = {}): string {
  const link = links(options);
  const parts = [`## Rollbacks on ${markdownText(report.branch)}: ${windowTitle(report)}`, '', headline(report)];
  const start = report.since ?? Math.min(report.until, ...report.rollbacks.map(r => r.landedAt));
  if (report.rollbacks.length > 0) {
    const { unit, buckets: list } = buckets(report.rollbacks, start, report.until);
    parts.push('', rollbacksChart(unit, list));
    const times = timeToRevertChart(unit, list);
    if (times) parts.push('', times);
  } else parts.push('', 'No rollback landed on the branch in this window.');
  if (report.components.length > 0) {
    parts.push(
      '',
      '### Most rolled-back components',
      '',
      '| Component | Rollbacks | Last | Median time to revert | Flux Kustomizations |',
      '| --- | ---: | --- | ---: | --- |'
    );
    for (const c of report.components.slice(0, TOP)) {
      parts.push(
        `| ${markdownText(c.component)} | ${c.rollbacks} | ${isoDate(c.lastAt)} | ${durationText(c.medianTimeToRevert)} | ${c.kustomizations.map(k => markdownText(k)).join(', ') || '–'} |`
      );
    }
  }
  if (report.repeatOffenders.length > 0) {
    parts.push(
      '',
      '### Repeat offenders',
      '',
      'Changes rolled back, brought back, and rolled back again.',
      '',
      '| Change | Times rolled back | Rollbacks |',
      '| --- | ---: | --- |'
    );
    for (const o of report.repeatOffenders.slice(0, TOP)) {
      const change = /^[0-9a-f]{40,64}$/.test(o.change) ? link.commit(o.change) : markdownText(o.change);
      parts.push(
        `| ${change}${o.subject ? ` ${markdownText(o.subject)}` : ''} | ${o.rollbacks.length} | ${o.rollbacks.map(link.commit).join(', ')} |`
      );
    }
  }
  parts.push(...slowest(report, link));
  if (report.drills.length > 0) {
    parts.push(
      '',
      '### Drills',
      '',
      '| Drill rollback | Landed | Detected after | Time to revert | Time to recover |',
      '| --- | --- | ---: | ---: | ---: |'
    );
    for (const d of report.drills) {
      const detected = d.detected === false ? 'not detected' : durationText(d.timeToDetect);
      parts.push(
        `| ${link.commit(d.sha)} | ${isoDate(d.landedAt)} | ${detected} | ${durationText(d.timeToRevert)} | ${recoveryText(d.recovery)} |`
      );
    }
  }
  if (report.rollbacks.length > 0) {
    const listed = [...report.rollbacks].reverse().slice(0, MAX_LISTED);
    parts.push('', `<details><summary>All ${report.rollbacks.length} rollbacks, newest first</summary>`, '');
    parts.push(
      '| Landed | Rollback | Kind | Undid | Time to revert | Who | Incident | Components |',
      '| --- | --- | --- | --- | ---: | --- | --- | --- |'
    );
    for (const r of listed) {
      parts.push(
        `| ${isoDate(r.landedAt)} | ${link.commit(r.sha)}${r.pullRequest !== undefined ? ` (${link.pull(r.pullRequest)})` : ''} ${markdownText(r.subject, 80)} | ${r.kind} | ${undid(r.reverted, link)} | ${durationText(r.timeToRevert)} | ${markdownText(r.who ?? '–', 40)} | ${markdownText(r.incident ?? '–', 40)} | ${r.components.map(c => markdownText(c)).join(', ') || '–'} |`
      );
    }
    if (report.rollbacks.length > listed.length)
      parts.push('', `…and ${report.rollbacks.length - listed.length} older ones (the JSON format lists them all).`);
    parts.push('', '</details>');
  }
  parts.push('', historyLine(report));
  return `${parts.join('\n')}\n`;
}

/** The headline numbers on one line. */
export function headline(report: RollbackReport): string {
  const s = report.summary;
  const kinds = ROLLBACK_KINDS.filter(k => s.byKind[k] > 0).map(k => `${s.byKind[k]} ${k}`);
  const parts = [`**${s.rollbacks} rollback${s.rollbacks === 1 ? '' : 's'}**${kinds.length ? ` (${kinds.join(', ')})` : ''}`];
  if (s.timeToRevert.count > 0)
    parts.push(`median time to revert **${durationText(s.timeToRevert.median)}** (p90 ${durationText(s.timeToRevert.p90)})`);
  if (s.timeToRecover.count > 0) parts.push(`median time to recover **${durationText(s.timeToRecover.median)}**`);
  if (s.reapplied > 0) parts.push(`${s.reapplied} brought back later`);
  if (s.drills > 0) parts.push(`${s.drills} drill${s.drills === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

function slowest(report: RollbackReport, link: Links): string[] {
  const recovered = report.rollbacks.filter(r => r.recovery?.seconds !== undefined);
  const byRecovery = recovered.length > 0;
  const list = (byRecovery ? recovered : report.rollbacks.filter(r => r.timeToRevert !== undefined))
    .sort((a, b) => (byRecovery ? b.recovery!.seconds! - a.recovery!.seconds! : b.timeToRevert! - a.timeToRevert!))
    .slice(0, 5);
  if (list.length === 0) return [];
  return [
    '',
    byRecovery ? '### Slowest recoveries' : '### Slowest rollbacks',
    '',
    '| Rollback | Landed | Time to revert | Time to recover | Components |',
    '| --- | --- | ---: | ---: | --- |',
    ...list.map(
      r =>
        `| ${link.commit(r.sha)} ${markdownText(r.subject, 80)} | ${isoDate(r.landedAt)} | ${durationText(r.timeToRevert)} | ${recoveryText(r.recovery)} | ${r.components.map(c => markdownText(c)).join(', ') || '–'} |`
    )
  ];
}

function recoveryText(recovery: Rollback['recovery']): string {
  if (!recovery) return '–';
  if (recovery.state === 'recovered') return durationText(recovery.seconds);
  return recovery.state === 'failing' ? 'failing' : recovery.state === 'pending' ? 'pending' : 'no status';
}

function undid(reverted: readonly RevertedChange[], link: Links): string {
  if (reverted.length === 0) return '–';
  const shown = reverted.slice(0, 3).map(t => {
    const ref =
      t.found && t.sha
        ? link.commit(t.sha)
        : t.sha
          ? `\`${shortSha(t.sha)}\` (not in the history read)`
          : t.pullRequest !== undefined
            ? `${link.pull(t.pullRequest)}${t.found ? '' : ' (not found)'}`
            : '';
    const subject = t.subject ? markdownText(t.subject, 60) : '';
    return [ref, subject].filter(Boolean).join(' ');
  });
  return shown.join('; ') + (reverted.length > 3 ? `; and ${reverted.length - 3} more` : '');
}

interface Links {
  commit(sha: string): string;
  pull(number: number): string;
}

function links(options: MarkdownOptions): Links {
  return {
    commit: sha => (options.commitUrl ? `[\`${sha.slice(0, 7)}\`](${options.commitUrl(sha)})` : `\`${sha.slice(0, 7)}\``),
    pull: number => (options.pullUrl ? `[#${number}](${options.pullUrl(number)})` : `#${number}`)
  };
}

function windowTitle(report: RollbackReport): string {
  return report.since === undefined
    ? `the whole history to ${isoDate(report.until)}`
    : `${isoDate(report.since)} to ${isoDate(report.until)}`;
}

function historyLine(report: RollbackReport): string {
  const h = report.history;
  const from = h.oldest !== undefined ? `, from ${isoDate(h.oldest)}` : '';
  const fetched = h.fetched ? `; fetched ${h.fetched}` : '';
  return `<sub>Read ${h.commits} commits of ${markdownText(report.branch)} up to ${link7(report.tip)}${from}${h.shallow ? ' (shallow)' : ''}${fetched}.</sub>`;
}

function link7(sha: string): string {
  return `\`${sha.slice(0, 7)}\``;
}
