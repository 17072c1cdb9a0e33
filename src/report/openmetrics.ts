import { labelValue } from './escape.js';
import { ROLLBACK_KINDS, type RollbackReport } from './types.js';

/** Upper bounds (seconds) of the time-to-revert histogram: a minute to a week. */
export const TIME_TO_REVERT_BUCKETS = [60, 300, 900, 1800, 3600, 7200, 14_400, 43_200, 86_400, 259_200, 604_800];
/** Upper bounds (seconds) of the time-to-recover and drill time-to-detect histograms. */
export const TIME_TO_RECOVER_BUCKETS = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

type Labels = Record<string, string>;

/**
 * The report in the OpenMetrics text format, for a Prometheus textfile collector or a
 * Pushgateway: rollbacks per component and per kind (counters over the window: without
 * `--since` they only grow), histograms of time to revert and to recover, drills, and when each
 * component was last rolled back. Every sample carries the branch.
 */
export function openMetricsReport(report: RollbackReport): string {
  const branch = { branch: report.branch };
  const out: string[] = [];
  family(
    out,
    'gitops_rollbacks',
    'counter',
    'Rollbacks found in the branch history, by component (a rollback counts once for each component it touched).'
  );
  for (const c of [...report.components].sort((a, b) => a.component.localeCompare(b.component))) {
    out.push(sample('gitops_rollbacks_total', { ...branch, component: c.component }, c.rollbacks));
  }
  family(out, 'gitops_rollbacks_by_kind', 'counter', 'Rollbacks found in the branch history, each once, by how they were made.');
  for (const kind of ROLLBACK_KINDS) out.push(sample('gitops_rollbacks_by_kind_total', { ...branch, kind }, report.summary.byKind[kind]));
  histogram(
    out,
    'gitops_time_to_revert_seconds',
    'From the reverted change landing on the branch to the rollback landing.',
    branch,
    TIME_TO_REVERT_BUCKETS,
    report.rollbacks.flatMap(r => (r.timeToRevert === undefined ? [] : [r.timeToRevert]))
  );
  histogram(
    out,
    'gitops_time_to_recover_seconds',
    'From the rollback landing to Flux reporting it healthy (commit statuses).',
    branch,
    TIME_TO_RECOVER_BUCKETS,
    report.rollbacks.flatMap(r => (r.recovery?.seconds === undefined ? [] : [r.recovery.seconds]))
  );
  family(out, 'gitops_rollback_drills', 'counter', 'Rollback drills found in the branch history, by whether the failure was detected.');
  for (const detected of ['true', 'false'])
    out.push(
      sample(
        'gitops_rollback_drills_total',
        { ...branch, detected },
        report.drills.filter(d => String(d.detected !== false) === detected).length
      )
    );
  histogram(
    out,
    'gitops_drill_time_to_detect_seconds',
    'From a drill pushing its known-bad change to the failure being reported.',
    branch,
    TIME_TO_RECOVER_BUCKETS,
    report.drills.flatMap(d => (d.timeToDetect === undefined ? [] : [d.timeToDetect]))
  );
  family(
    out,
    'gitops_last_rollback_timestamp_seconds',
    'gauge',
    'When a component was last rolled back (committer date of the rollback on the branch).'
  );
  for (const c of [...report.components].sort((a, b) => a.component.localeCompare(b.component))) {
    out.push(sample('gitops_last_rollback_timestamp_seconds', { ...branch, component: c.component }, c.lastAt));
  }
  out.push('# EOF');
  return `${out.join('\n')}\n`;
}

function family(out: string[], name: string, type: 'counter' | 'gauge' | 'histogram', help: string): void {
  out.push(`# TYPE ${name} ${type}`, `# HELP ${name} ${help}`);
}

function histogram(out: string[], name: string, help: string, labels: Labels, bounds: readonly number[], values: readonly number[]): void {
  family(out, name, 'histogram', help);
  for (const le of bounds) out.push(sample(`${name}_bucket`, { ...labels, le: floatText(le) }, values.filter(v => v <= le).length));
  out.push(sample(`${name}_bucket`, { ...labels, le: '+Inf' }, values.length));
  out.push(
    sample(
      `${name}_sum`,
      labels,
      values.reduce((a, b) => a + b, 0)
    )
  );
  out.push(sample(`${name}_count`, labels, values.length));
}

function sample(name: string, labels: Labels, value: number): string {
  const text = Object.entries(labels)
    .map(([k, v]) => `${k}="${labelValue(v)}"`)
    .join(',');
  return `${name}{${text}} ${value}`;
}

/** `300.0`: bucket bounds as OpenMetrics writes floats. */
function floatText(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}
