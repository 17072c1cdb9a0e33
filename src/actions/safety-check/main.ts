import * as core from '@actions/core';
import { resolve } from 'node:path';
import { Git } from '../../git/git.js';
import { createGitHubClient, parseRepository, type GitHubClient, type RepoRef } from '../../github/client.js';
import { updateStickyComment, upsertStickyComment } from '../../github/comments.js';
import { getPullRequest } from '../../github/pull-files.js';
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
    const github = connect(inputs.token, context.repository, context.apiUrl);
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
    const result = await core.group('Checking the change for rollback hazards', () => runCheck(inputs, options, github));
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
    if (process.env.GITHUB_STEP_SUMMARY && report) {
      await core.summary.addRaw(report, true).write().catch(e => core.warning(`Could not write the job summary: ${e.message}`));
    }
  }
}

async function runCheck(inputs: SafetyCheckInputs, options: Parameters<typeof checkWithGit>[2], github: Connection | undefined): Promise<SafetyCheckResult> {
  const cwd = resolve(inputs.workingDirectory);
  const git = await Git.create(cwd);
  const inside = await git.exec(['rev-parse', '--is-inside-work-tree'], { allowFailure: true }).catch(() => undefined);
  if (inside?.exitCode === 0) return checkWithGit(git, 'origin', options, coreLogger);
  if (!github || !inputs.pullNumber) {
    throw new UserError(`No git checkout at '${cwd}' and no pull request to read through the API. Expected actions/checkout before this step, or a pull_request event with a token.`);
  }
  core.info('No checkout found: reading the pull request through the GitHub API.');
  return checkWithApi(github.client, github.repo, inputs.pullNumber, options, coreLogger);
}

interface Connection {
  client: GitHubClient;
  repo: RepoRef;
}

function connect(token: string, repository: string | undefined, apiUrl: string): Connection | undefined {
  if (!token || !repository) return undefined;
  return { repo: parseRepository(repository), client: createGitHubClient({ token, baseUrl: apiUrl, log: { info: core.info, warning: core.warning } }) };
}

/** Labels as they are now (a label added after the event counts on a re-run), else the event's. */
async function pullRequestLabels(inputs: SafetyCheckInputs, github: Connection | undefined): Promise<string[]> {
  if (!github || !inputs.pullNumber) return inputs.eventLabels;
  try {
    return (await getPullRequest(github.client, github.repo, inputs.pullNumber)).labels;
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

async function comment(github: Connection, pullNumber: number, result: SafetyCheckResult, report: string): Promise<void> {
  try {
    const written = result.verdict.findings.length > 0
      ? await upsertStickyComment(github.client, github.repo, pullNumber, MARKER, report)
      : await updateStickyComment(github.client, github.repo, pullNumber, MARKER, report);
    if (written) core.info(`Pull-request comment ${written.operation}.`);
  } catch (error) {
    core.warning(`Could not write the pull-request comment: ${(error as Error).message}`);
  }
}
