import { UserError } from '../core/index.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const AGE = /^(\d+)([hdw])$/;
const AGE_SECONDS: Record<string, number> = { h: 3600, d: 86_400, w: 604_800 };

/**
 * Reads a `--since` or `--until` value as seconds since the epoch: a date (`2026-01-31`, midnight
 * UTC), a time with its zone (`2026-01-31T12:00:00Z`), or an age before `now` (`36h`, `90d`, `12w`).
 */
export function parseReportTime(value: string, field: string, now: number): number {
  const text = value.trim();
  const age = text.match(AGE);
  if (age) return now - Number(age[1]) * AGE_SECONDS[age[2]];
  if (field === 'until' && text === 'now') return now;
  const ms = DATE.test(text) ? Date.parse(`${text}T00:00:00Z`) : DATE_TIME.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) {
    const shown = JSON.stringify(value).slice(1, -1);
    throw new UserError(
      `Invalid ${field} '${shown}'. Expected a date such as '2026-01-31', a time with its zone such as '2026-01-31T12:00:00Z', or an age such as '36h', '90d' or '12w'.`
    );
  }
  return Math.floor(ms / 1000);
}

/** Checks that the window is not empty. */
export function checkWindow(since: number | undefined, until: number): void {
  if (since !== undefined && since > until) {
    throw new UserError(`The window is empty: since (${isoDate(since)}) is after until (${isoDate(until)}). Expected since before until.`);
  }
}

/** `2026-01-31T12:00:00Z` for seconds since the epoch. */
export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `2026-01-31` for seconds since the epoch. */
export function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
