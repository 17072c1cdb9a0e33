import { markdownText } from '../../report/escape.js';
import type { RollbackReport } from '../../report/types.js';
import type { StepError, StepReport } from '../finish.js';

/** How a run of the report action ended. */
export type ReportOutcome =
  { report: RollbackReport; summary: string; files: { markdown: string; json: string; openMetrics: string } } | { error: StepError };

/** Every output report-action/action.yml declares, '' where one does not apply. */
export function reportOutputs(outcome: ReportOutcome): Record<string, string> {
  if ('error' in outcome)
    return { rollbacks: '', 'median-time-to-revert': '', 'markdown-file': '', 'json-file': '', 'openmetrics-file': '' };
  const { report, files } = outcome;
  return {
    rollbacks: String(report.summary.rollbacks),
    'median-time-to-revert': report.summary.timeToRevert.median === undefined ? '' : String(report.summary.timeToRevert.median),
    'markdown-file': files.markdown,
    'json-file': files.json,
    'openmetrics-file': files.openMetrics
  };
}

/** The outputs, summary and failure of an outcome. */
export function reportStep(outcome: ReportOutcome): StepReport {
  if ('error' in outcome) {
    return {
      outputs: reportOutputs(outcome),
      summary: `## Rollback report: it could not run\n\n${markdownText(outcome.error.message, 2000)}`,
      failure: outcome.error.message,
      stack: outcome.error.stack
    };
  }
  return { outputs: reportOutputs(outcome), summary: outcome.summary };
}
