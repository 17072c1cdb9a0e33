import { UserError } from '../core/index.js';
import { type MarkdownOptions, markdownReport } from './markdown.js';
import { openMetricsReport } from './openmetrics.js';
import type { RollbackReport } from './types.js';

export const REPORT_FORMATS = ['markdown', 'json', 'openmetrics'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Checks a format name. */
export function parseReportFormat(value: string | undefined, field: string): ReportFormat {
  const format = (value?.trim() || 'markdown') as ReportFormat;
  if (!REPORT_FORMATS.includes(format))
    throw new UserError(`Invalid ${field} '${JSON.stringify(value).slice(1, -1)}'. Expected one of: ${REPORT_FORMATS.join(', ')}.`);
  return format;
}

/** The report in one of its formats. */
export function formatReport(report: RollbackReport, format: ReportFormat, options: MarkdownOptions = {}): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'openmetrics') return openMetricsReport(report);
  return markdownReport(report, options);
}
