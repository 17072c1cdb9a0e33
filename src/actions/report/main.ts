import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../../core/index.js';
import { Git } from '../../git/git.js';
import { gitHttpAuth } from '../../git/http-auth.js';
import { connectGitHub } from '../../github/connection.js';
import { commitStatusPort } from '../../github/status-port.js';
import { buildRollbackReport } from '../../report/build.js';
import { formatReport } from '../../report/format.js';
import { headline } from '../../report/markdown.js';
import type { RollbackReport } from '../../report/types.js';
import { validateBranch } from '../../rollback/validate.js';
import { finishStep, stepError } from '../finish.js';
import { coreLogger, readRunContext, type RunContext } from '../runner.js';
import { readReportInputs, type ReportInputs } from './inputs.js';
import { type ReportOutcome, reportStep } from './outcome.js';

/** The report action: builds the report, then reports the outcome in one place. */
export async function run(): Promise<void> {
  await finishStep(reportStep(await rollbackReport(readRunContext())));
}

/** Runs the report to its outcome. Never throws: a failure is an outcome too. */
async function rollbackReport(context: RunContext): Promise<ReportOutcome> {
  try {
    const inputs = readReportInputs(context);
    const report = await buildReport(inputs, context);
    const repoUrl = context.repository ? `${context.serverUrl.replace(/\/+$/, '')}/${context.repository}` : undefined;
    const summary = formatReport(
      report,
      'markdown',
      repoUrl ? { commitUrl: sha => `${repoUrl}/commit/${sha}`, pullUrl: n => `${repoUrl}/pull/${n}` } : {}
    );
    const files = { markdown: resolve(inputs.markdownFile), json: resolve(inputs.jsonFile), openMetrics: resolve(inputs.openMetricsFile) };
    writeReport(files.markdown, summary);
    writeReport(files.json, formatReport(report, 'json'));
    writeReport(files.openMetrics, formatReport(report, 'openmetrics'));
    core.info(headline(report).replace(/\*\*/g, ''));
    return { report, summary, files };
  } catch (error) {
    return { error: stepError(error) };
  }
}

async function buildReport(inputs: ReportInputs, context: RunContext): Promise<RollbackReport> {
  if (!inputs.branch) throw new UserError('No branch to report on. Expected target-branch, or an event that names the default branch.');
  const github = connectGitHub({
    token: inputs.token,
    repository: context.repository,
    apiUrl: context.apiUrl,
    log: { info: core.info, warning: m => core.warning(m) }
  });
  if (inputs.recovery && !github)
    core.notice('No token or repository: the report has no time to recover (it reads Flux commit statuses through the GitHub API).');
  // The token fetches the history too, as the other actions fetch with it.
  const git = await Git.create(resolve(inputs.workingDirectory), {}, gitHttpAuth(inputs.token, context.serverUrl, 'the token input'));
  return buildRollbackReport(
    {
      branch: validateBranch(inputs.branch, 'target-branch'),
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
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new UserError(`Could not write the report to '${path}': ${(error as Error).message}. Expected a writable path.`);
  }
}
