import * as core from '@actions/core';
import { UserError } from '../core/index.js';

/** How a run of an action ends, as the runner is told: outputs, job summary, failure. */
export interface StepReport {
  /** Every output the action declares, with '' where one does not apply, so `if:` conditions see a value. */
  readonly outputs: Readonly<Record<string, string>>;
  /** Markdown for the job summary; nothing is written when it is empty. */
  readonly summary: string;
  /** Set when the step fails: the message of its error annotation. */
  readonly failure?: string;
  /** The stack of an unexpected error, for the debug log. */
  readonly stack?: string;
}

/** A thrown error, kept as data in an outcome. */
export interface StepError {
  readonly message: string;
  /** Set for errors that are not a {@link UserError}: a stack helps whoever reports the bug. */
  readonly stack?: string;
}

/** Turns whatever was thrown into a {@link StepError}. */
export function stepError(error: unknown): StepError {
  if (!(error instanceof Error)) return { message: String(error) };
  return error instanceof UserError || !error.stack ? { message: error.message } : { message: error.message, stack: error.stack };
}

/**
 * The one place an action tells the runner how it ended: it writes every output, fails the step
 * when the report says so, and appends the job summary (when the runner provides one).
 */
export async function finishStep(report: StepReport): Promise<void> {
  for (const [name, value] of Object.entries(report.outputs)) core.setOutput(name, value);
  if (report.stack) core.debug(report.stack);
  if (report.failure !== undefined) core.setFailed(report.failure);
  if (!report.summary || !process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(report.summary, true).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
}
