import { parseDuration } from '../../flux/duration.js';
import type { RawRequest } from '../../rollback/validate.js';
import { UserError } from '../../rollback/types.js';
import { validateRevision } from '../../rollback/validate.js';
import { booleanInput, listInput, type RunContext } from '../runner.js';
import * as core from '../toolkit.js';

/** How a Flux failure event is acted on. */
export type OnFluxFailure = 'ignore' | 'pull-request' | 'push';

/** Everything the revert action was asked to do, read from its inputs in one place. */
export interface RevertInputs {
  raw: RawRequest;
  token: string;
  workingDirectory: string;
  /** Commit status context the guard result is posted as on a delivered rollback. */
  statusContext?: string;
  flux: { onFailure: OnFluxFailure; reasons: string[]; objects: string[]; lastHealthy?: string; statusContext: string; statusContexts: string[] };
  wait: { forFlux: boolean; timeoutMs: number; intervalMs: number; healthUrl?: string; expectStatus: number; watchCommit?: string };
  drill?: { patchFile?: string; cherryPick?: string; maxRecoveryMs: number };
}

/** The identity GitHub shows for commits made by workflows. */
export const DEFAULT_COMMITTER = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

/** Reads the revert action's inputs; `validateRequest` checks the rollback part. */
export function readRevertInputs(context: RunContext): RevertInputs {
  const token = core.getInput('token');
  if (token) core.setSecret(token);
  return {
    token,
    workingDirectory: core.getInput('working-directory') || '.',
    statusContext: guardStatusContext(core.getInput('status-context')),
    raw: {
      commits: listInput('commits', true),
      mainline: core.getInput('mainline'),
      squash: booleanInput('squash', false),
      restorePaths: listInput('restore-paths'),
      restoreTo: core.getInput('restore-to'),
      incident: core.getInput('incident'),
      reason: core.getInput('reason'),
      actor: context.actor,
      runUrl: context.runUrl,
      targetBranch: core.getInput('target-branch') || context.payload.repository?.default_branch,
      branch: core.getInput('branch'),
      deliver: core.getInput('deliver') || 'pull-request',
      dryRun: booleanInput('dry-run', false),
      allowUnsafe: booleanInput('allow-unsafe', false),
      fallbackToPullRequest: booleanInput('fallback-to-pull-request', true),
      committer: core.getInput('committer') || DEFAULT_COMMITTER,
      title: core.getInput('title'),
      labels: listInput('labels'),
      reviewers: listInput('reviewers'),
      teamReviewers: listInput('team-reviewers'),
      draft: booleanInput('draft', false)
    },
    flux: {
      onFailure: oneOf('on-flux-failure', ['ignore', 'pull-request', 'push'] as const, 'ignore'),
      reasons: listInput('flux-reasons'),
      objects: listInput('flux-objects'),
      lastHealthy: optionalRevision('last-healthy'),
      statusContext: statusContextGlob(core.getInput('flux-status-context') || 'kustomization/*'),
      statusContexts: statusContexts(listInput('flux-status-contexts'))
    },
    wait: {
      forFlux: oneOf('wait-for', ['none', 'flux-status'] as const, 'none') === 'flux-status',
      timeoutMs: parseDuration(core.getInput('wait-timeout') || '10m', 'wait-timeout'),
      intervalMs: parseDuration(core.getInput('wait-interval') || '10s', 'wait-interval'),
      healthUrl: core.getInput('health-url') || undefined,
      expectStatus: httpStatus(core.getInput('health-expect-status') || '200'),
      watchCommit: optionalRevision('watch-commit')
    },
    drill: booleanInput('drill', false)
      ? {
          patchFile: core.getInput('drill-patch') || undefined,
          cherryPick: optionalRevision('drill-cherry-pick'),
          maxRecoveryMs: parseDuration(core.getInput('drill-max-recovery') || '15m', 'drill-max-recovery')
        }
      : undefined
  };
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = (core.getInput(name) || fallback) as T;
  if (!allowed.includes(value)) throw new UserError(`Invalid ${name} '${value}'. Expected one of: ${allowed.join(', ')}.`);
  return value;
}

function optionalRevision(name: string): string | undefined {
  const value = core.getInput(name);
  return value ? validateRevision(value, name) : undefined;
}

function guardStatusContext(value: string): string | undefined {
  const context = value.trim();
  if (!context) return undefined;
  // Quotes would break the command a failed post suggests; control characters do not belong in a name.
  if (/[\u0000-\u001f\u007f']/.test(context)) {
    throw new UserError(`Invalid status-context ${JSON.stringify(context)}. Expected one line without quotes, the name of a required check such as 'rollback-safety'.`);
  }
  return context;
}

// Flux's github provider names contexts <kind>/<name>/<id>; globs use * and ?.
const STATUS_CONTEXT = /^[A-Za-z0-9*?][A-Za-z0-9._*?-]*(\/[A-Za-z0-9._*?-]+)+$/;

function statusContextGlob(value: string): string {
  if (value.includes(',')) throw new UserError(`Invalid flux-status-context '${JSON.stringify(value).slice(1, -1)}'. Expected one glob such as 'kustomization/*'; list several contexts in flux-status-contexts.`);
  return value;
}

function statusContexts(values: string[]): string[] {
  for (const value of values) {
    if (!STATUS_CONTEXT.test(value) || value.length > 255) {
      throw new UserError(`Invalid flux-status-contexts entry '${JSON.stringify(value).slice(1, -1)}'. Expected Flux commit-status contexts as kind/name, comma-separated, globs allowed: 'kustomization/apps, kustomization/infra*'.`);
    }
  }
  return values;
}

function httpStatus(value: string): number {
  if (!/^[1-5][0-9]{2}$/.test(value)) throw new UserError(`Invalid health-expect-status '${value}'. Expected an HTTP status code such as 200.`);
  return Number(value);
}
