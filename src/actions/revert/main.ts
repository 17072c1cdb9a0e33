import * as core from '@actions/core';
import { resolve } from 'node:path';
import { Git } from '../../git/git.js';
import { createGitHubClient, parseRepository, type GitHubClient, type RepoRef } from '../../github/client.js';
import { getDefaultBranch } from '../../github/pull-request.js';
import { rollbackPullRequests } from '../../github/rollback-pull-requests.js';
import { UnsafeRollbackError } from '../../rollback/guard.js';
import { findingsSection, rollbackSummary } from '../../rollback/report.js';
import { runRollback, type RollbackResult } from '../../rollback/run.js';
import { validateRequest } from '../../rollback/validate.js';
import { coreLogger, readRunContext } from '../runner.js';
import { readRevertInputs } from './inputs.js';

/**
 * The revert action: reads its inputs, runs the rollback engine, and reports. The only place
 * that sets outputs and fails the step.
 */
export async function run(): Promise<void> {
  const context = readRunContext();
  let result: RollbackResult | undefined;
  let audit = {};
  let commitUrl: ((sha: string) => string) | undefined;
  let failure: string | undefined;
  try {
    const inputs = readRevertInputs(context);
    const github = connect(inputs.token, context.repository, context.apiUrl);
    if (!inputs.raw.targetBranch && github) inputs.raw.targetBranch = await getDefaultBranch(github.client, github.repo);
    const cwd = resolve(inputs.workingDirectory);
    process.chdir(cwd);
    const request = await validateRequest(inputs.raw);
    audit = request.audit;
    const git = await Git.create(cwd);
    const pullRequests = github && rollbackPullRequests(github.client, github.repo, context.serverUrl);
    commitUrl = pullRequests?.commitUrl;
    result = await runRollback(request, { git, log: coreLogger, pullRequests });
    setOutputs(result);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    if (error instanceof UnsafeRollbackError) {
      core.setOutput('findings', JSON.stringify(error.findings));
      failure = `${failure}\n\n${findingsSection(error.findings)}`;
    }
    if (error instanceof Error && error.name !== 'UserError' && error.stack) core.debug(error.stack);
    core.setFailed(error instanceof Error ? error.message : failure);
  } finally {
    await writeSummary(result, audit, commitUrl, failure);
  }
}

function connect(token: string, repository: string | undefined, apiUrl: string): { client: GitHubClient; repo: RepoRef } | undefined {
  if (!token || !repository) return undefined;
  const repo = parseRepository(repository);
  return { repo, client: createGitHubClient({ token, baseUrl: apiUrl, log: { info: core.info, warning: core.warning } }) };
}

function setOutputs(result: RollbackResult): void {
  core.setOutput('operation', result.operation);
  core.setOutput('commit-sha', result.commitSha ?? '');
  core.setOutput('reverted-commits', JSON.stringify(result.revertedCommits));
  core.setOutput('pull-request-number', result.pullRequest?.number ?? '');
  core.setOutput('pull-request-url', result.pullRequest?.url ?? '');
  core.setOutput('branch', result.branch ?? '');
  core.setOutput('target-branch', result.targetBranch);
  core.setOutput('findings', JSON.stringify(result.findings));
  core.info(`Rollback ${result.operation}${result.commitSha ? `: ${result.commitSha}` : ''}`);
}

async function writeSummary(
  result: RollbackResult | undefined,
  audit: object,
  commitUrl: ((sha: string) => string) | undefined,
  failure: string | undefined
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    const text = result ? rollbackSummary(result, audit, commitUrl) : `## Rollback failed\n\n${failure ?? 'See the step log.'}\n\nNothing was pushed.`;
    await core.summary.addRaw(text, true).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
}
