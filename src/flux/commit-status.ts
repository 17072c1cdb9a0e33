import type { CommitStatus } from '../github/statuses.js';
import { globToRegExp, printable } from '../core/index.js';

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
  const matching = currentStatuses(statuses, [contextGlob]);
  const failure = matching.find(isFailure);
  if (failure) return { state: 'failure', matching, decisive: failure };
  const success = matching.find(s => s.state === 'success');
  if (success) return { state: 'success', matching, decisive: success };
  return { state: matching.length ? 'pending' : 'none', matching };
}

/**
 * Which Flux contexts a wait watches and which must succeed. Patterns are globs; each also
 * matches with a `/<id>` suffix, so `kustomization/apps` matches `kustomization/apps/0c9c2e41`.
 */
export interface FluxContextSet {
  /** The contexts that are Flux's: a failure of any of them ends the wait. */
  watch: string[];
  /**
   * Each must be matched by at least one context, and every context it matches must succeed.
   * Empty when the set is not known: then at least one watched context, all of them successful.
   */
  require: string[];
  /** Where the set came from, for the log: "given in flux-status-contexts", "reported for …". */
  origin: string;
}

/** A context's state for outputs and summaries; `not-reported` for a required one not seen yet. */
export interface FluxContextState {
  context: string;
  state: CommitStatus['state'] | 'not-reported';
  description: string;
}

/** What the statuses of one commit say against a {@link FluxContextSet}. */
export interface FluxAssessment {
  /** failure as soon as a watched context fails; success once every required one succeeded. */
  state: 'success' | 'failure' | 'waiting';
  /** Every watched context seen, and every required pattern no context matched yet; by name. */
  contexts: FluxContextState[];
  /** The status that decided: the newest failure, or the newest success that completed the set. */
  decisive?: CommitStatus;
}

/** True when `context` matches the glob `pattern`, alone or followed by `/<anything>`. */
export function matchesContext(pattern: string, context: string): boolean {
  return globToRegExp(pattern).test(context) || globToRegExp(`${pattern}/**`).test(context);
}

/** Assesses statuses (newest first) of one commit: see {@link FluxAssessment}. */
export function assessFluxStatuses(statuses: CommitStatus[], set: FluxContextSet): FluxAssessment {
  const current = currentStatuses(statuses, set.watch);
  const missing = set.require.filter(p => !current.some(s => matchesContext(p, s.context)));
  const contexts: FluxContextState[] = [
    ...current.map(s => ({ context: s.context, state: s.state, description: s.description ?? '' })),
    ...missing.map(p => ({ context: p, state: 'not-reported' as const, description: '' }))
  ].sort((a, b) => (a.context < b.context ? -1 : a.context > b.context ? 1 : 0));
  const failure = current.find(isFailure);
  if (failure) return { state: 'failure', contexts, decisive: failure };
  const required = set.require.length ? current.filter(s => set.require.some(p => matchesContext(p, s.context))) : current;
  const done = missing.length === 0 && required.length > 0 && required.every(s => s.state === 'success');
  return done ? { state: 'success', contexts, decisive: required[0] } : { state: 'waiting', contexts };
}

/** The contexts of an assessment that have not succeeded yet. */
export function pendingContexts(contexts: FluxContextState[]): FluxContextState[] {
  return contexts.filter(c => c.state !== 'success');
}

/** `kustomization/apps/0c9c2e41: failure (health check failed)`, for logs and results; escaped. */
export function describeStatus(status: { context: string; state: string; description: string | null }): string {
  return `${printable(status.context)}: ${status.state}${status.description ? ` (${printable(status.description)})` : ''}`;
}

/** The current status of every context matching one of `patterns`, newest first. */
function currentStatuses(statuses: CommitStatus[], patterns: string[]): CommitStatus[] {
  const current = new Map<string, CommitStatus>();
  for (const s of statuses) if (!current.has(s.context) && patterns.some(p => matchesContext(p, s.context))) current.set(s.context, s);
  return [...current.values()];
}

function isFailure(status: CommitStatus): boolean {
  return status.state === 'failure' || status.state === 'error';
}
