import { printable, UserError } from '../core/index.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a duration as typed in a workflow: plain seconds (`600`), or amounts with units
 * (`90s`, `10m`, `1h`, `1m30s`, `500ms`). Returns milliseconds.
 */
export function parseDuration(value: string, field: string): number {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h)/g)];
  const covered = parts.map(p => p[0]).join('');
  if (!text || covered !== text) {
    throw new UserError(
      `Invalid ${field} '${printable(value)}'. Expected seconds such as '600', or a duration such as '90s', '10m' or '1m30s'.`
    );
  }
  return parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * UNIT_MS[unit], 0);
}
