import * as core from '../toolkit.js';
import { resolve } from 'node:path';
import { Git } from '../../git/git.js';
import { gitHttpAuth } from '../../git/http-auth.js';
import { connectGitHub, type GitHubConnection } from '../../github/connection.js';
import type { Finding } from '../../hazards/types.js';
import { UserError } from '../../rollback/types.js';
import { checkWithApi, checkWithGit, type SafetyCheckResult } from '../../safety-check/check.js';
import { headline, markdownReport } from '../../safety-check/report.js';
import { coreLogger, readRunContext } from '../runner.js';
import { readSafetyCheckInputs, type SafetyCheckInputs } from './inputs.js';

const MARKER = 'gitops-rollback:safety-check';

/** The safety-check action: the one place that sets its outputs and fails the step. */
export async function run(): Promise<void> {
  const context = readRunContext();
  let report = '';
  try {
    const inputs = readSafetyCheckInputs(context);
    if (!inputs.base || !inputs.head) {
      core.notice(`Nothing to check: no base and head revisions (event '${context.eventName ?? 'unknown'}'). Set the base and head inputs, or run on pull_request or push.`);
      setOutputs([], false);
      return;
    }
    const github = connectGitHub({ token: inputs.token, repository: context.repository, apiUrl: context.apiUrl, log: { info: core.info, warning: m => core.warning(m) } });
    const labels = await pullRequestLabels(inputs, github);
    const options = {
      base: inputs.base,
      head: inputs.head,
      paths: inputs.paths,
      exclude: inputs.exclude,
      failOn: inputs.failOn,
      acknowledged: inputs.acknowledgeLabel !== '' && labels.includes(inputs.acknowledgeLabel),
      configPath: inputs.configPath
    };
    const result = await core.group('Checking the change for rollback hazards', () => runCheck(inputs, options, github, context.serverUrl));
    report = markdownReport(result, inputs.failOn);
    annotate(result);
    setOutputs(result.verdict.findings, result.verdict.unsafe);
    if (inputs.comment && github && inputs.pullNumber) await comment(github, inputs.pullNumber, result, report);
    const summaryLine = headline(result, inputs.failOn);
    if (result.verdict.fails) core.setFailed(summaryLine);
    else core.info(summaryLine);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    report = `## Rollback safety: the check could not run\n\n${message}`;
    core.setFailed(message);
  } finally {
    if (report) core.appendSummary(report);
  }
}

async function runCheck(inputs: SafetyCheckInputs, options: Parameters<typeof checkWithGit>[2], github: GitHubConnection | undefined, serverUrl: string): Promise<SafetyCheckResult> {
  const cwd = resolve(inputs.workingDirectory);
  // Revisions the checkout lacks are fetched with the token, so persist-credentials: false works.
  const git = await Git.create(cwd, {}, gitHttpAuth(inputs.token, serverUrl, 'the token input'));
  if ((await git.workTreeState()) === 'work-tree') return checkWithGit(git, 'origin', options, coreLogger);
  if (!github || !inputs.pullNumber) {
    throw new UserError(`No git checkout at '${cwd}' and no pull request to read through the API. Expected actions/checkout before this step, or a pull_request event with a token.`);
  }
  core.info('No checkout found: reading the pull request through the GitHub API.');
  return checkWithApi(await github.client(), github.repo, inputs.pullNumber, options, coreLogger);
}

/** Labels as they are now (a label added after the event counts on a re-run), else the event's. */
async function pullRequestLabels(inputs: SafetyCheckInputs, github: GitHubConnection | undefined): Promise<string[]> {
  if (!github || !inputs.pullNumber) return inputs.eventLabels;
  try {
    const { getPullRequest } = await import('../../github/pull-files.js');
    return (await getPullRequest(await github.client(), github.repo, inputs.pullNumber)).labels;
  } catch (error) {
    core.warning(`Could not read the pull request's labels (${(error as Error).message}); using the event's.`);
    return inputs.eventLabels;
  }
}

function annotate(result: SafetyCheckResult): void {
  for (const f of result.verdict.findings) {
    const props = { file: f.file, startLine: f.line, title: `${f.severity}: ${f.rule} (${f.direction === 'forward' ? 'merging' : 'reverting later'})` };
    const text = `${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}: ${f.message}`;
    if (result.verdict.acknowledged || f.severity === 'warning') core.warning(text, props);
    else if (f.severity === 'notice') core.notice(text, props);
    else core.error(text, props);
  }
  for (const n of result.notices) core.notice(n);
}

function setOutputs(findings: Finding[], unsafe: boolean): void {
  core.setOutput('findings', JSON.stringify(findings));
  core.setOutput('unsafe', String(unsafe));
  core.setOutput('count', String(findings.length));
}

async function comment(github: GitHubConnection, pullNumber: number, result: SafetyCheckResult, report: string): Promise<void> {
  try {
    const { updateStickyComment, upsertStickyComment } = await import('../../github/comments.js');
    const client = await github.client();
    const written = result.verdict.findings.length > 0
      ? await upsertStickyComment(client, github.repo, pullNumber, MARKER, report)
      : await updateStickyComment(client, github.repo, pullNumber, MARKER, report);
    if (written) core.info(`Pull-request comment ${written.operation}.`);
  } catch (error) {
    core.warning(`Could not write the pull-request comment: ${(error as Error).message}`);
  }
}
