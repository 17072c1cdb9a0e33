import type { CommitStatus } from '../github/statuses.js';
import { globToRegExp } from './glob.js';

/** The default context glob: Flux's `github` provider reports `kustomization/<name>/<provider-uid-prefix>`. */
export const DEFAULT_STATUS_CONTEXT = 'kustomization/*';

/** What the Flux commit statuses of one commit say, reduced to one state. */
export interface FluxStatusSummary {
  /** failure when any matching context fails; success when at least one succeeds and none fails. */
  state: 'success' | 'failure' | 'pending' | 'none';
  /** The current status of every matching context, newest first. */
  matching: CommitStatus[];
  /** The status that decided `state` (the first failure, else the first success). */
  decisive?: CommitStatus;
}

/**
 * Summarises statuses (newest first, as `listCommitStatuses` returns them) for contexts matching
 * `contextGlob`. A context's first occurrence is its current state; `error` counts as failure.
 * Flux's `github` provider posts only success and failure; pending comes from other tools.
 */
export function summariseFluxStatuses(statuses: CommitStatus[], contextGlob: string): FluxStatusSummary {
  const pattern = globToRegExp(contextGlob);
  const current = new Map<string, CommitStatus>();
  for (const s of statuses) if (pattern.test(s.context) && !current.has(s.context)) current.set(s.context, s);
  const matching = [...current.values()];
  const failure = matching.find(s => s.state === 'failure' || s.state === 'error');
  if (failure) return { state: 'failure', matching, decisive: failure };
  const success = matching.find(s => s.state === 'success');
  if (success) return { state: 'success', matching, decisive: success };
  return { state: matching.length ? 'pending' : 'none', matching };
}

/** `kustomization/apps/0c9c2e41: failure (health check failed)`, for logs and results. */
export function describeStatus(status: CommitStatus): string {
  return `${status.context}: ${status.state}${status.description ? ` (${status.description})` : ''}`;
}
