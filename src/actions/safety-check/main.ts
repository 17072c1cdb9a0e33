import * as core from '@actions/core';
import { resolve } from 'node:path';
import { Git } from '../../git/git.js';
import { gitHttpAuth } from '../../git/http-auth.js';
import { connectGitHub, type GitHubConnection } from '../../github/connection.js';
import { COMMENT_MAX_CHARS, fitMarkdown, UserError } from '../../core/index.js';
import { checkWithApi, checkWithGit, type SafetyCheckResult } from '../../safety-check/check.js';
import { acknowledge } from '../../safety-check/policy.js';
import { headline, markdownReport } from '../../safety-check/report.js';
import { finishStep, stepError } from '../finish.js';
import { coreLogger, readRunContext, type RunContext } from '../runner.js';
import { readSafetyCheckInputs, type SafetyCheckInputs } from './inputs.js';
import { safetyCheckReport, type SafetyCheckOutcome } from './outcome.js';

const MARKER = 'gitops-rollback:safety-check';

/** Table rows of the job summary: well under GitHub's 1 MiB, which finishStep enforces too. */
const SUMMARY_LIMIT = { maxChars: 600_000, fullList: 'the file the `findings-file` output names lists every finding' };
/** Table rows of the pull-request comment, whose body GitHub caps at 65,536 characters. */
const COMMENT_LIMIT = { maxChars: 50_000, fullList: "the check's job summary shows more, and its `findings-file` output lists them all" };

/** The safety-check action: checks the change, then reports the outcome in one place. */
export async function run(): Promise<void> {
  await finishStep(safetyCheckReport(await safetyCheck(readRunContext())));
}

/** Runs the check to its outcome. Never throws: a failure is an outcome too. */
async function safetyCheck(context: RunContext): Promise<SafetyCheckOutcome> {
  try {
    const inputs = readSafetyCheckInputs(context);
    if (!inputs.base || !inputs.head) {
      const why = `Nothing to check: no base and head revisions (event '${context.eventName ?? 'unknown'}'). Set the base and head inputs, or run on pull_request or push.`;
      core.notice(why);
      return { skipped: why };
    }
    const github = connectGitHub({
      token: inputs.token,
      repository: context.repository,
      apiUrl: context.apiUrl,
      log: { info: core.info, warning: m => core.warning(m) }
    });
    const options = {
      base: inputs.base,
      head: inputs.head,
      paths: inputs.paths,
      exclude: inputs.exclude,
      failOn: inputs.failOn,
      acknowledged: inputs.acknowledgeLabel !== '' && inputs.eventLabels.includes(inputs.acknowledgeLabel),
      configPath: inputs.configPath,
      repository: context.repository ? `${context.serverUrl}/${context.repository}` : undefined
    };
    const checked = await core.group('Checking the change for rollback hazards', () =>
      runCheck(inputs, options, github, context.serverUrl)
    );
    const result = await acknowledgedSinceEvent(checked, inputs, github);
    const report = markdownReport(result, inputs.failOn, SUMMARY_LIMIT);
    annotate(result);
    if (inputs.comment && github && inputs.pullNumber) {
      const body = fitMarkdown(markdownReport(result, inputs.failOn, COMMENT_LIMIT), COMMENT_MAX_CHARS - 100, COMMENT_LIMIT.fullList);
      await comment(github, inputs.pullNumber, result, body);
    }
    if (!result.verdict.fails) core.info(headline(result, inputs.failOn));
    return { check: { result, failOn: inputs.failOn, report } };
  } catch (error) {
    return { error: stepError(error) };
  }
}

async function runCheck(
  inputs: SafetyCheckInputs,
  options: Parameters<typeof checkWithGit>[2],
  github: GitHubConnection | undefined,
  serverUrl: string
): Promise<SafetyCheckResult> {
  const cwd = resolve(inputs.workingDirectory);
  // Revisions the checkout lacks are fetched with the token, so persist-credentials: false works.
  const git = await Git.create(cwd, {}, gitHttpAuth(inputs.token, serverUrl, 'the token input'));
  if ((await git.workTreeState()) === 'work-tree') return checkWithGit(git, 'origin', options, coreLogger);
  if (!github || !inputs.pullNumber) {
    throw new UserError(
      `No git checkout at '${cwd}' and no pull request to read through the API. Expected actions/checkout before this step, or a pull_request event with a token.`
    );
  }
  core.info('No checkout found: reading the pull request through the GitHub API.');
  return checkWithApi(await github.client(), github.repo, inputs.pullNumber, options, coreLogger);
}

/**
 * A failing check the event's labels do not acknowledge may have been acknowledged since (a label
 * added before a re-run): only then are the pull request's labels read, so a check that passes,
 * or that the event already acknowledges, makes no API call and an API outage cannot slow it.
 */
async function acknowledgedSinceEvent(
  result: SafetyCheckResult,
  inputs: SafetyCheckInputs,
  github: GitHubConnection | undefined
): Promise<SafetyCheckResult> {
  if (!result.verdict.fails || !inputs.acknowledgeLabel || !github || !inputs.pullNumber) return result;
  try {
    const { getPullRequest } = await import('../../github/pull-files.js');
    const { labels } = await getPullRequest(await github.client(), github.repo, inputs.pullNumber);
    return labels.includes(inputs.acknowledgeLabel) ? { ...result, verdict: acknowledge(result.verdict) } : result;
  } catch (error) {
    core.warning(`Could not read the pull request's labels (${(error as Error).message}); using the event's.`);
    return result;
  }
}

/**
 * GitHub shows 10 annotations of each kind (error, warning, notice) per step and drops the rest,
 * so the most severe findings (they come sorted) are annotated and the rest counted in one line.
 */
export const ANNOTATIONS_PER_KIND = 10;

function annotate(result: SafetyCheckResult): void {
  const left = { error: ANNOTATIONS_PER_KIND, warning: ANNOTATIONS_PER_KIND, notice: ANNOTATIONS_PER_KIND };
  let skipped = 0;
  const emit = (kind: keyof typeof left, text: string, props?: core.AnnotationProperties) => {
    if (left[kind] === 0) return void skipped++;
    left[kind]--;
    core[kind](text, props);
  };
  for (const f of result.verdict.findings) {
    const props = {
      file: f.file,
      startLine: f.line,
      title: `${f.severity}: ${f.rule} (${f.direction === 'forward' ? 'merging' : 'reverting later'})`
    };
    const text = `${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}: ${f.message}`;
    emit(result.verdict.acknowledged || f.severity === 'warning' ? 'warning' : f.severity === 'notice' ? 'notice' : 'error', text, props);
  }
  for (const n of result.notices) emit('notice', n);
  if (skipped > 0) {
    core.info(
      `${skipped} more findings and notices are not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} of each kind per step): the job summary and the findings-file output list them.`
    );
  }
}

async function comment(github: GitHubConnection, pullNumber: number, result: SafetyCheckResult, report: string): Promise<void> {
  try {
    const { updateStickyComment, upsertStickyComment } = await import('../../github/comments.js');
    const client = await github.client();
    const written =
      result.verdict.findings.length > 0
        ? await upsertStickyComment(client, github.repo, pullNumber, MARKER, report)
        : await updateStickyComment(client, github.repo, pullNumber, MARKER, report);
    if (written) core.info(`Pull-request comment ${written.operation}.`);
  } catch (error) {
    core.warning(`Could not write the pull-request comment: ${(error as Error).message}`);
  }
}
