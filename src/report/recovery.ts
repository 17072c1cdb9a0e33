import { matchesContext } from '../flux/commit-status.js';
import type { Recovery } from './types.js';

/** One commit status, as the GitHub API reports it (only the fields read here). */
export interface StatusRecord {
  context: string;
  state: string;
  created_at: string;
}

/** Reads commit statuses; the action backs it with the GitHub API. */
export interface CommitStatusPort {
  /** Every status reported for the commit, in any order. */
  statuses(sha: string): Promise<readonly StatusRecord[]>;
}

/**
 * When Flux reported a commit healthy: replaying its statuses oldest first, the first moment at
 * which every context matching `contextGlob` (as the Flux wait matches them) seen so far reports success. `error` counts as a
 * failure. `landedAt` (seconds) is when the commit landed on the branch.
 */
export function recoveryOf(statuses: readonly StatusRecord[], contextGlob: string, landedAt: number): Recovery {
  const matching = statuses
    .filter(s => matchesContext(contextGlob, s.context) && !Number.isNaN(Date.parse(s.created_at)))
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
  if (matching.length === 0) return { state: 'no-status' };
  const current = new Map<string, string>();
  for (const s of matching) {
    current.set(s.context, s.state);
    if ([...current.values()].every(state => state === 'success')) {
      const at = Math.floor(Date.parse(s.created_at) / 1000);
      return { state: 'recovered', at, seconds: Math.max(0, at - landedAt) };
    }
  }
  const states = [...current.values()];
  return { state: states.some(s => s === 'failure' || s === 'error') ? 'failing' : 'pending' };
}
