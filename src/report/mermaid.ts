import type { Bucket, BucketUnit } from './stats.js';

/**
 * Mermaid `xychart-beta` blocks, which GitHub renders in Markdown. Every label is made here
 * (dates, counts): no text from commits goes into a chart.
 */

/** A bar chart of rollbacks per bucket, empty buckets included. */
export function rollbacksChart(unit: BucketUnit, buckets: readonly Bucket[]): string {
  const max = Math.max(1, ...buckets.map(b => b.rollbacks));
  return chart(
    `Rollbacks per ${unit}`,
    buckets.map(b => b.label),
    'Rollbacks',
    max,
    'bar',
    buckets.map(b => b.rollbacks)
  );
}

/**
 * A line of the median time to revert per bucket, over the buckets that have rollbacks with a
 * known time (a bucket without one has no time to show); undefined when there are none.
 */
export function timeToRevertChart(unit: BucketUnit, buckets: readonly Bucket[]): string | undefined {
  const timed = buckets.filter(b => b.medianTimeToRevert !== undefined);
  if (timed.length === 0) return undefined;
  const seconds = timed.map(b => b.medianTimeToRevert!);
  const inHours = Math.max(...seconds) >= 2 * 3600;
  const values = seconds.map(s => round(inHours ? s / 3600 : s / 60));
  const axis = inHours ? 'Hours' : 'Minutes';
  return chart(
    `Median time to revert per ${unit} (${axis.toLowerCase()})`,
    timed.map(b => b.label),
    axis,
    Math.max(...values, 1),
    'line',
    values
  );
}

function chart(
  title: string,
  labels: readonly string[],
  axis: string,
  max: number,
  kind: 'bar' | 'line',
  values: readonly number[]
): string {
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis [${labels.map(l => `"${l}"`).join(', ')}]`,
    `  y-axis "${axis}" 0 --> ${Math.ceil(max)}`,
    `  ${kind} [${values.join(', ')}]`,
    '```'
  ].join('\n');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
