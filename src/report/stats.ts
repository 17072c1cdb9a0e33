import type { DetectedRollback } from './detect.js';
import type { ComponentStats, Distribution, Rollback, RepeatOffender } from './types.js';

/** Median, 90th percentile (nearest rank) and maximum of `values`. */
export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0) return { count: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
  return { count: sorted.length, median: rank(0.5), p90: rank(0.9), max: sorted[sorted.length - 1] };
}

/** Rollbacks per component, most first (a rollback counts once for each component it touched). */
export function componentStats(rollbacks: readonly Rollback[]): ComponentStats[] {
  const by = new Map<string, { rollbacks: Rollback[]; kustomizations: Set<string> }>();
  for (const r of rollbacks) {
    for (const component of r.components) {
      const entry = by.get(component) ?? { rollbacks: [], kustomizations: new Set<string>() };
      entry.rollbacks.push(r);
      for (const k of r.kustomizations) entry.kustomizations.add(k);
      by.set(component, entry);
    }
  }
  return [...by.entries()]
    .map(([component, e]) => ({
      component,
      rollbacks: e.rollbacks.length,
      lastAt: Math.max(...e.rollbacks.map(r => r.landedAt)),
      kustomizations: [...e.kustomizations].sort(),
      medianTimeToRevert: distribution(e.rollbacks.flatMap(r => (r.timeToRevert === undefined ? [] : [r.timeToRevert]))).median
    }))
    .sort((a, b) => b.rollbacks - a.rollbacks || b.lastAt - a.lastAt || a.component.localeCompare(b.component));
}

/**
 * Changes rolled back more than once in the history read (rolled back, brought back by a revert
 * of the rollback, rolled back again), when at least one of those rollbacks is in `inWindow`.
 */
export function repeatOffenders(all: readonly DetectedRollback[], inWindow: ReadonlySet<string>): RepeatOffender[] {
  const by = new Map<string, DetectedRollback[]>();
  for (const r of all) {
    if (r.drill) continue;
    for (const root of r.roots) by.set(root, [...(by.get(root) ?? []), r]);
  }
  return [...by.entries()]
    .filter(([, rs]) => rs.length > 1 && rs.some(r => inWindow.has(r.sha)))
    .map(([root, rs]) => {
      const change = rs[0].reverted.find(t => t.sha === root || `#${t.pullRequest}` === root || `title:${t.subject}` === root);
      return {
        change: root.startsWith('title:') ? root.slice('title:'.length) : root,
        ...(change?.subject !== undefined ? { subject: change.subject } : {}),
        rollbacks: rs.map(r => r.sha)
      };
    })
    .sort((a, b) => b.rollbacks.length - a.rollbacks.length);
}

export type BucketUnit = 'week' | 'month' | 'year';

export interface Bucket {
  label: string;
  /** Seconds since the epoch, inclusive. */
  start: number;
  /** Seconds since the epoch, exclusive. */
  end: number;
  rollbacks: number;
  /** Median time to revert of the bucket's rollbacks with a known time, in seconds. */
  medianTimeToRevert?: number;
}

const WEEK = 7 * 86_400;

/**
 * Calendar buckets (UTC) from `start` to `until`: weeks from Monday for up to 26 weeks, months
 * for up to 36 months, years beyond, so a chart stays readable.
 */
export function buckets(rollbacks: readonly Rollback[], start: number, until: number): { unit: BucketUnit; buckets: Bucket[] } {
  const span = Math.max(0, until - start);
  const unit: BucketUnit = span <= 26 * WEEK ? 'week' : span <= 36 * 31 * 86_400 ? 'month' : 'year';
  const list: Bucket[] = [];
  for (let from = floorTo(unit, start); from <= until; from = next(unit, from)) {
    const end = next(unit, from);
    const inside = rollbacks.filter(r => r.landedAt >= from && r.landedAt < end);
    const times = inside.flatMap(r => (r.timeToRevert === undefined ? [] : [r.timeToRevert]));
    list.push({ label: label(unit, from), start: from, end, rollbacks: inside.length, medianTimeToRevert: distribution(times).median });
  }
  return { unit, buckets: list };
}

function floorTo(unit: BucketUnit, seconds: number): number {
  const d = new Date(seconds * 1000);
  if (unit === 'year') return Date.UTC(d.getUTCFullYear(), 0, 1) / 1000;
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 1000;
  return day - ((d.getUTCDay() + 6) % 7) * 86_400;
}

function next(unit: BucketUnit, from: number): number {
  const d = new Date(from * 1000);
  if (unit === 'year') return Date.UTC(d.getUTCFullYear() + 1, 0, 1) / 1000;
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
  return from + WEEK;
}

function label(unit: BucketUnit, from: number): string {
  const iso = new Date(from * 1000).toISOString();
  return unit === 'year' ? iso.slice(0, 4) : unit === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
}
