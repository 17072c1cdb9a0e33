import { shortSha, tableCell } from '../../core/index.js';
import type { DrillResult } from '../../drill/drill.js';
import { recoverySummary, type Recovery } from '../../flux/verify.js';
import type { Finding } from '../../hazards/types.js';
import { findingsSection, rollbackSummary } from '../../rollback/report.js';
import type { PushedBranch, RollbackResult } from '../../rollback/run.js';
import type { AuditContext } from '../../rollback/types.js';
import type { StepError, StepReport } from '../finish.js';
import { isDelivered } from './guard-status.js';

/**
 * How a run of the revert action ended. Every path returns one: a rollback, a Flux event not acted
 * on, a drill, a wait, a refusal or a failure. A failure keeps what the run had done before it, so
 * the outputs and the summary say what was delivered.
 */
export interface RevertOutcome {
  /** For a Flux event: what was decided, and about which revision. */
  readonly flux?: { readonly decision: 'revert' | 'ignored' | 'none' | 'notice'; readonly failingRevision?: string; readonly why: string };
  /** For a `/revert` comment or the trigger label: who asked, what was decided, and the reply. */
  readonly trigger?: TriggerOutcome;
  /** The branch a Flux event or a pull-request request not acted on was about. */
  readonly targetBranch?: string;
  readonly rollback?: RollbackDone;
  /** What the wait for recovery saw, and how long it was allowed to take. */
  readonly recovery?: { readonly seen: Recovery; readonly timeoutMs: number };
  readonly drill?: DrillResult;
  /** Why the run stopped early; the fields above keep what was done before. */
  readonly error?: StepError & { readonly refusedFindings?: readonly Finding[] };
  /** Branches that held the rollback when the run stopped, for a failure before `rollback` was known. */
  readonly pushed?: readonly PushedBranch[];
}

/** What a `/revert` comment or the trigger label led to. */
export interface TriggerOutcome {
  /** revert: the rollback ran (see the rest of the outcome); refused: answered, nothing done; ignored: not a request. */
  readonly decision: 'revert' | 'refused' | 'ignored';
  readonly why?: string;
  readonly via?: 'comment' | 'label';
  /** The pull request asked to be rolled back. */
  readonly number?: number;
  readonly requester?: string;
  /** Web address of the reply on the pull request. */
  readonly replyUrl?: string;
  /** Reactions or the reply that could not be posted: the rollback stands either way. */
  readonly warnings?: readonly string[];
}

/** A rollback the engine made, with what its summary needs. */
export interface RollbackDone {
  readonly result: RollbackResult;
  readonly audit: AuditContext;
  readonly commitUrl?: (sha: string) => string;
  /** Set when the guard's commit status could not be posted. */
  readonly statusWarning?: string;
  /** Comments that could not be posted on the reverted pull requests. */
  readonly commentWarnings?: readonly string[];
}

/** Everything the runner is told at the end of a run. */
export function revertReport(outcome: RevertOutcome): StepReport {
  return {
    outputs: revertOutputs(outcome),
    summary: revertSummary(outcome),
    failure: revertFailure(outcome),
    stack: outcome.error?.stack,
    spill: { findings: 'findings-file' }
  };
}

/**
 * Every output revert-action/action.yml declares, always, with '' where one does not apply: the
 * outputs map of the action, and the only place that decides an output's value.
 */
export function revertOutputs(outcome: RevertOutcome): Record<string, string> {
  const { rollback, drill, flux, trigger } = outcome;
  const result = rollback?.result;
  const recovery = outcome.recovery?.seen;
  // A Flux event or a pull-request event not acted on is a run that rolled back nothing.
  const nothing = (flux !== undefined && flux.decision !== 'revert') || (trigger !== undefined && trigger.decision !== 'revert');
  // A branch that holds the rollback although the run failed before the engine said what it did.
  const pushed = result ? undefined : outcome.pushed?.at(-1);
  const findings = result?.findings ?? outcome.error?.refusedFindings ?? (nothing ? [] : undefined);
  return {
    // A branch pushed without its pull request is a failed run: no operation, but branch and commit-sha say where it is.
    operation: result?.pullRequestFailure
      ? ''
      : (result?.operation ?? (drill ? (drill.rollbackSha ? 'pushed' : 'none') : nothing ? 'none' : '')),
    'commit-sha': result?.commitSha ?? drill?.rollbackSha ?? pushed?.commitSha ?? '',
    'reverted-commits': result ? JSON.stringify(result.revertedCommits) : nothing ? '[]' : '',
    'pull-request-number': result?.pullRequest ? String(result.pullRequest.number) : '',
    'pull-request-url': result?.pullRequest?.url ?? '',
    branch: result?.branch ?? pushed?.branch ?? '',
    'target-branch': result?.targetBranch ?? drill?.branch ?? outcome.targetBranch ?? '',
    'deleted-branch': result?.staleBranch?.deleted ? result.staleBranch.branch : '',
    findings: findings ? JSON.stringify(findings) : '',
    // Set by finishStep, which writes the file.
    'findings-file': '',
    reconciled: drill
      ? String(drillPhase(drill, 'reconcile')?.ok ?? false)
      : recovery?.reconciled === undefined
        ? ''
        : String(recovery.reconciled),
    'time-to-reconcile': drill ? drillSeconds(drill, 'reconcile') : String(recovery?.timeToReconcile ?? ''),
    'flux-contexts': recovery?.fluxContexts ? JSON.stringify(recovery.fluxContexts) : '',
    'time-to-healthy': drill ? drillSeconds(drill, 'healthy') : String(recovery?.timeToHealthy ?? ''),
    'flux-decision': flux?.decision ?? '',
    'failing-revision': flux?.failingRevision ?? '',
    'drill-verdict': drill?.verdict ?? '',
    'drill-phases': drill ? JSON.stringify(drill.phases) : '',
    'time-to-detect': drill ? drillSeconds(drill, 'detect') : '',
    'time-to-rollback': drill ? drillSeconds(drill, 'rollback') : '',
    'trigger-decision': trigger?.decision ?? '',
    'requested-by': trigger?.requester ?? ''
  };
}

/** Why the step fails, or undefined when it succeeds. */
export function revertFailure(outcome: RevertOutcome): string | undefined {
  if (outcome.error) return outcome.error.message;
  const { drill, recovery } = outcome;
  if (drill && drill.verdict !== 'recovered') return `Rollback drill ${drill.verdict}: ${drill.summary[0] ?? ''}`;
  if (recovery?.seen.failure) return `Recovery not confirmed within ${recovery.timeoutMs / 1000} s: ${recovery.seen.failure}`;
  return undefined;
}

/** The job summary: what was done, what was seen after it, and what failed. */
export function revertSummary(outcome: RevertOutcome): string {
  const { flux, rollback, recovery, drill, error, trigger } = outcome;
  const sections: string[] = [];
  if (drill) sections.push(drillSummary(drill));
  if (flux && flux.decision !== 'revert') sections.push(`## Rollback: none\n\n${flux.why}`);
  if (trigger && trigger.decision !== 'revert') sections.push(`## Rollback: none (${trigger.decision})\n\n${trigger.why ?? ''}`);
  if (rollback) {
    sections.push(rollbackSummary(rollback.result, rollback.audit, rollback.commitUrl));
    if (rollback.statusWarning) sections.push(`> [!WARNING]\n> ${rollback.statusWarning}`);
    for (const warning of rollback.commentWarnings ?? []) sections.push(`> [!WARNING]\n> ${warning}`);
  }
  if (recovery) sections.push(recoverySummary(recovery.seen));
  if (error?.refusedFindings) sections.push(`## Rollback refused\n\n${error.message}\n\n${findingsSection(error.refusedFindings)}`);
  else if (error) sections.push(failureSummary(outcome, error.message));
  if (trigger) sections.push(triggerSummary(trigger));
  return sections.join('\n\n');
}

/** Who asked for the rollback and where the answer is. */
function triggerSummary(trigger: TriggerOutcome): string {
  const lines: string[] = [];
  if (trigger.number !== undefined && trigger.requester) {
    const how = trigger.via === 'comment' ? 'a /revert comment' : 'the trigger label';
    lines.push(
      `Asked for by ${trigger.requester} with ${how} on #${trigger.number}.${trigger.replyUrl ? ` [Reply](${trigger.replyUrl}).` : ''}`
    );
  }
  for (const warning of trigger.warnings ?? []) lines.push(`> [!WARNING]\n> ${tableCell(warning)}`);
  return lines.join('\n\n');
}

/** A failure, and what was already on the remote when it happened. */
function failureSummary(outcome: RevertOutcome, message: string): string {
  const result = outcome.rollback?.result;
  if (result && isDelivered(result)) return `## Failed after the rollback was delivered\n\n${message}\n\n${deliveredBefore(result)}`;
  const pushed =
    result?.operation === 'branch-pushed'
      ? [{ branch: result.branch!, commitSha: result.commitSha! }]
      : result
        ? []
        : (outcome.pushed ?? []);
  if (pushed.length === 0) return `## Rollback failed\n\n${message}\n\nNothing was pushed.`;
  const branches = pushed.map(p => `\`${p.branch}\` at \`${shortSha(p.commitSha)}\``).join(', ');
  return `## Rollback failed\n\n${message}\n\nThe rollback was pushed before this failure, to ${branches}, and is still there; no pull request was opened for it.`;
}

function deliveredBefore(result: RollbackResult): string {
  const sha = `\`${shortSha(result.commitSha!)}\``;
  if (result.operation === 'pushed')
    return `The rollback ${sha} was pushed to \`${result.targetBranch}\` before this failure and stays there.`;
  return `The rollback ${sha} is in pull request [#${result.pullRequest!.number}](${result.pullRequest!.url}) (${result.operation} before this failure).`;
}

function drillSummary(drill: DrillResult): string {
  const table = [
    '| phase | ok | seconds | detail |',
    '| --- | --- | --- | --- |',
    ...drill.phases.map(p => `| ${p.name} | ${p.ok ? 'yes' : 'no'} | ${(p.ms / 1000).toFixed(1)} | ${p.detail.replace(/\|/g, '\\|')} |`)
  ];
  return [`## Rollback drill: ${drill.verdict}`, '', ...drill.summary.map(l => `- ${l}`), '', ...table].join('\n');
}

function drillPhase(drill: DrillResult, name: string) {
  return drill.phases.find(p => p.name === name);
}

function drillSeconds(drill: DrillResult, name: string): string {
  const phase = drillPhase(drill, name);
  return phase?.ok ? String(Math.round(phase.ms / 100) / 10) : '';
}
