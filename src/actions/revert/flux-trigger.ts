import { decideFluxRollback, fluxAudit } from '../../flux/auto-rollback.js';
import { parseFluxDispatch } from '../../flux/dispatch.js';
import type { GitHubConnection } from '../../github/connection.js';
import { Git } from '../../git/git.js';
import { type Logger, printable } from '../../core/index.js';
import { parseIdentity, type RawRequest } from '../../rollback/validate.js';
import type { RunContext } from '../runner.js';
import type { RevertInputs } from './inputs.js';

/** What a `repository_dispatch` from Flux asks for: commits to roll back, or why not. */
export type FluxTrigger =
  | { act: true; request: RawRequest; failingRevision: string; lastHealthy?: string; why: string }
  | { act: false; decision: 'ignored' | 'none' | 'notice'; failingRevision?: string; why: string };

/**
 * Turns a Flux failure event into the rollback to make: the inputs' request with the event's
 * commits, target branch, delivery and audit. Anything that is not a Flux failure this workflow
 * acts on is `act: false`: a notice, never an error that pages someone.
 */
export async function fluxTrigger(
  inputs: RevertInputs,
  context: RunContext,
  git: Git,
  github: GitHubConnection | undefined,
  log: Logger
): Promise<FluxTrigger> {
  if (inputs.flux.onFailure === 'ignore') {
    return {
      act: false,
      decision: 'ignored',
      why: 'A repository_dispatch arrived, but on-flux-failure is ignore. Set it to pull-request or push to roll back Flux failures.'
    };
  }
  const dispatch = parseFluxDispatch(context.eventName ?? '', context.payload, {
    reasons: inputs.flux.reasons,
    objects: inputs.flux.objects
  });
  if (dispatch.kind === 'ignored') return { act: false, decision: 'ignored', why: dispatch.why };
  const { event } = dispatch;
  log.info(
    `Flux reported ${event.reason} for ${event.kind} ${event.namespace}/${event.name} at ${event.revision.sha}: ${printable(event.message, 1000)}`
  );
  const statuses =
    github && !inputs.flux.lastHealthy
      ? { client: await github.client(), repo: github.repo, contextGlob: inputs.flux.statusContext }
      : undefined;
  const { targetBranch, decision, lastHealthy } = await decideFluxRollback({
    git,
    log,
    remote: 'origin',
    event,
    fallbackBranch: inputs.raw.targetBranch,
    lastHealthy: inputs.flux.lastHealthy,
    statuses,
    // Only commits this identity wrote, with our trailers, can be our own rollbacks (the loop guard).
    committer: parseIdentity(inputs.raw.committer ?? '')
  });
  if (decision.action !== 'revert')
    return { act: false, decision: decision.action, failingRevision: event.revision.sha, why: decision.why };
  const audit = fluxAudit(event, { incident: inputs.raw.incident || undefined, reason: inputs.raw.reason || undefined });
  const request: RawRequest = {
    ...inputs.raw,
    commits: decision.commits,
    restorePaths: [],
    targetBranch,
    deliver: inputs.flux.onFailure,
    incident: audit.incident,
    reason: audit.reason
  };
  return { act: true, request, failingRevision: event.revision.sha, lastHealthy, why: decision.why };
}
