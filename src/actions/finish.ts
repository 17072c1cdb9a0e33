import * as core from '@actions/core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitMarkdown, SUMMARY_MAX_BYTES, UserError } from '../core/index.js';

/**
 * The longest value one output is given, in UTF-16 code units (GitHub counts outputs that way and
 * keeps at most 1 MB of them per job): about 200 KB, so other steps' outputs fit too.
 */
export const OUTPUT_MAX_CHARS = 100_000;

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
  /**
   * Outputs holding a JSON array that may outgrow {@link OUTPUT_MAX_CHARS}, each with the output
   * that is given the path of a file (in RUNNER_TEMP) holding the whole array. The output itself
   * keeps as many leading entries (the most important) as fit.
   */
  readonly spill?: Readonly<Record<string, string>>;
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
  const outputs = { ...report.outputs };
  for (const [name, fileOutput] of Object.entries(report.spill ?? {})) Object.assign(outputs, spill(name, fileOutput, outputs[name]));
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  if (report.stack) core.debug(report.stack);
  if (report.failure !== undefined) core.setFailed(report.failure);
  if (!report.summary || !process.env.GITHUB_STEP_SUMMARY) return;
  try {
    const files = Object.values(report.spill ?? {}).map(output => `\`${output}\``);
    const where = files.length ? `the whole list is in the file the ${files.join(' and ')} output names` : '';
    const summary = fitMarkdown(report.summary, SUMMARY_MAX_BYTES, where);
    await core.summary.addRaw(summary, true).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
}

/**
 * Writes a JSON-array output whole to a file in RUNNER_TEMP, and cuts the output to the entries
 * that fit: the output stays a valid JSON array a workflow can parse.
 */
function spill(name: string, fileOutput: string, value: string | undefined): Record<string, string> {
  if (!value || value === '[]') return { [fileOutput]: '' };
  const file = writeRunnerTemp(name, value);
  if (value.length <= OUTPUT_MAX_CHARS) return { [fileOutput]: file ?? '' };
  const entries = JSON.parse(value) as unknown[];
  const kept: string[] = [];
  let length = 2;
  for (const entry of entries) {
    const text = JSON.stringify(entry);
    if (length + text.length + 1 > OUTPUT_MAX_CHARS) break;
    kept.push(text);
    length += text.length + 1;
  }
  const where = file ? `all ${entries.length} are in ${file} (the ${fileOutput} output)` : 'all are in the job summary';
  core.notice(
    `The ${name} output holds the first ${kept.length} of ${entries.length} entries, to stay within GitHub's 1 MB of outputs per job; ${where}.`
  );
  return { [name]: `[${kept.join(',')}]`, [fileOutput]: file ?? '' };
}

/** A new file in RUNNER_TEMP holding `value`; undefined when there is no RUNNER_TEMP or it cannot be written. */
function writeRunnerTemp(name: string, value: string): string | undefined {
  const temp = process.env.RUNNER_TEMP;
  if (!temp) return undefined;
  try {
    const file = join(mkdtempSync(join(temp, 'gitops-rollback-')), `${name}.json`);
    writeFileSync(file, value);
    return file;
  } catch (error) {
    core.warning(`Could not write the ${name} output to a file in RUNNER_TEMP: ${(error as Error).message}`);
    return undefined;
  }
}
