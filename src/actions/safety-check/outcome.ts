import type { SafetyCheckResult } from '../../safety-check/check.js';
import type { FailOn } from '../../safety-check/policy.js';
import { headline } from '../../safety-check/report.js';
import type { StepError, StepReport } from '../finish.js';

/** How a run of the safety check ended: checked, nothing to check, or failed. */
export interface SafetyCheckOutcome {
  readonly check?: {
    readonly result: SafetyCheckResult;
    readonly failOn: FailOn;
    /** The Markdown report, for the job summary and the pull-request comment. */
    readonly report: string;
  };
  /** Set when there were no revisions to compare: why. */
  readonly skipped?: string;
  readonly error?: StepError;
}

/** Everything the runner is told at the end of a run. */
export function safetyCheckReport(outcome: SafetyCheckOutcome): StepReport {
  return {
    outputs: safetyCheckOutputs(outcome),
    summary: safetyCheckSummary(outcome),
    failure: safetyCheckFailure(outcome),
    stack: outcome.error?.stack,
    spill: { findings: 'findings-file' }
  };
}

/** Every output safety-check-action/action.yml declares, always, with '' when the check could not run. */
export function safetyCheckOutputs(outcome: SafetyCheckOutcome): Record<string, string> {
  const verdict = outcome.check?.result.verdict ?? (outcome.skipped !== undefined ? { findings: [], unsafe: false } : undefined);
  return {
    findings: verdict ? JSON.stringify(verdict.findings) : '',
    // Set by finishStep, which writes the file.
    'findings-file': '',
    unsafe: verdict ? String(verdict.unsafe) : '',
    count: verdict ? String(verdict.findings.length) : ''
  };
}

/** Why the step fails, or undefined when it passes. */
export function safetyCheckFailure(outcome: SafetyCheckOutcome): string | undefined {
  if (outcome.error) return outcome.error.message;
  const { check } = outcome;
  return check?.result.verdict.fails ? headline(check.result, check.failOn) : undefined;
}

function safetyCheckSummary(outcome: SafetyCheckOutcome): string {
  if (outcome.error) return `## Rollback safety: the check could not run\n\n${outcome.error.message}`;
  return outcome.check?.report ?? '';
}
