import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Git } from '../../git/git.js';
import { gitHttpAuth } from '../../git/http-auth.js';
import { connectGitHub } from '../../github/connection.js';
import { commitStatusPort } from '../../github/status-port.js';
import { buildRollbackReport } from '../../report/build.js';
import { markdownText } from '../../report/escape.js';
import { formatReport } from '../../report/format.js';
import { headline } from '../../report/markdown.js';
import type { RollbackReport } from '../../report/types.js';
import { UserError } from '../../core/index.js';
import { validateBranch } from '../../rollback/validate.js';
import { coreLogger, readRunContext, type RunContext } from '../runner.js';
import * as core from '../toolkit.js';
import { readReportInputs, type ReportInputs } from './inputs.js';

/** The report action: the one place that sets its outputs, writes its summary and fails the step. */
export async function run(): Promise<void> {
  const context = readRunContext();
  let summary = '';
  try {
    const inputs = readReportInputs(context);
    const report = await buildReport(inputs, context);
    const repoUrl = context.repository ? `${context.serverUrl.replace(/\/+$/, '')}/${context.repository}` : undefined;
    summary = formatReport(report, 'markdown', repoUrl ? { commitUrl: sha => `${repoUrl}/commit/${sha}`, pullUrl: n => `${repoUrl}/pull/${n}` } : {});
    writeReport(inputs.markdownFile, summary);
    writeReport(inputs.jsonFile, formatReport(report, 'json'));
    writeReport(inputs.openMetricsFile, formatReport(report, 'openmetrics'));
    setOutputs(report, inputs);
    core.info(headline(report).replace(/\*\*/g, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    summary = `## Rollback report: it could not run\n\n${markdownText(message, 2000)}`;
    core.setFailed(message);
  } finally {
    if (summary) core.appendSummary(summary);
  }
}

async function buildReport(inputs: ReportInputs, context: RunContext): Promise<RollbackReport> {
  if (!inputs.branch) throw new UserError('No branch to report on. Expected target-branch, or an event that names the default branch.');
  const github = connectGitHub({ token: inputs.token, repository: context.repository, apiUrl: context.apiUrl, log: { info: core.info, warning: m => core.warning(m) } });
  if (inputs.recovery && !github) core.notice('No token or repository: the report has no time to recover (it reads Flux commit statuses through the GitHub API).');
  // The token fetches the history too, as the other actions fetch with it.
  const git = await Git.create(resolve(inputs.workingDirectory), {}, gitHttpAuth(inputs.token, context.serverUrl, 'the token input'));
  return buildRollbackReport(
    {
      branch: await validateBranch(inputs.branch, 'target-branch'),
      remote: 'origin',
      fetch: true,
      since: inputs.since,
      until: inputs.until,
      components: inputs.components,
      statusContext: inputs.statusContext
    },
    { git, log: coreLogger, statuses: inputs.recovery && github ? commitStatusPort(github) : undefined }
  );
}

function writeReport(path: string, text: string): void {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new UserError(`Could not write the report to '${path}': ${(error as Error).message}. Expected a writable path.`);
  }
}

function setOutputs(report: RollbackReport, inputs: ReportInputs): void {
  core.setOutput('rollbacks', report.summary.rollbacks);
  core.setOutput('median-time-to-revert', report.summary.timeToRevert.median ?? '');
  core.setOutput('markdown-file', resolve(inputs.markdownFile));
  core.setOutput('json-file', resolve(inputs.jsonFile));
  core.setOutput('openmetrics-file', resolve(inputs.openMetricsFile));
}
