import { resolve } from 'node:path';
import type { DrillResult } from '../../drill/drill.js';
import { recoverySummary, verifyRecovery, type Recovery } from '../../flux/verify.js';
import type { FluxReference } from '../../flux/wait.js';
import { connectGitHub, pullRequestPort, type GitHubConnection } from '../../github/connection.js';
import { Git } from '../../git/git.js';
import { gitHttpAuth } from '../../git/http-auth.js';
import { UnsafeRollbackError } from '../../rollback/guard.js';
import { findingsSection, rollbackSummary } from '../../rollback/report.js';
import { runRollback, type RollbackResult } from '../../rollback/run.js';
import { UserError } from '../../rollback/types.js';
import { validateRequest } from '../../rollback/validate.js';
import { coreLogger, readRunContext, type RunContext } from '../runner.js';
import * as core from '../toolkit.js';
import { drillMode } from './drill-mode.js';
import { fluxTrigger } from './flux-trigger.js';
import { guardStatus, isDelivered, postGuardStatus } from './guard-status.js';
import { readRevertInputs, type RevertInputs } from './inputs.js';

/**
 * The revert action: reads its inputs, runs the rollback engine (from a workflow_dispatch, a Flux
 * failure event, or as a drill), waits for recovery when asked, and reports. The only place that
 * sets its outputs and fails the step.
 */
export async function run(): Promise<void> {
  const context = readRunContext();
  const summary: string[] = [];
  try {
    const inputs = readRevertInputs(context);
    core.info(`gitops-rollback ${describeRun(inputs, context)}`);
    const cwd = resolve(inputs.workingDirectory);
    process.chdir(cwd);
    // The token pushes too, so a checkout without a persisted credential works and a PAT or an
    // App token (whose pushes start workflows) is what the rollback arrives with.
    const git = await Git.create(cwd, {}, gitHttpAuth(inputs.token, context.serverUrl, 'the token input'));
    const github = connectGitHub({ token: inputs.token, repository: context.repository, apiUrl: context.apiUrl, log: { info: core.info, warning: m => core.warning(m) } });
    // Checked before anything is pushed, so a push is never followed by a wait that cannot run.
    if (inputs.wait.forFlux && !github) throw new UserError('wait-for: flux-status reads commit statuses through the GitHub API: it needs a token and GITHUB_REPOSITORY.');
    if (inputs.statusContext && !github) throw new UserError('status-context posts a commit status through the GitHub API: it needs a token and GITHUB_REPOSITORY.');
    if (inputs.wait.watchCommit && !inputs.wait.forFlux && !inputs.wait.healthUrl) {
      throw new UserError(`watch-commit '${inputs.wait.watchCommit}' was given with nothing to wait for. Expected wait-for: flux-status or health-url.`);
    }
    if (inputs.drill) {
      await reportDrill(await drillMode(inputs, git, github, coreLogger), summary);
      return;
    }
    let failingRevision: string | undefined;
    if (context.eventName === 'repository_dispatch') {
      const trigger = await fluxTrigger(inputs, context, git, github, coreLogger);
      core.setOutput('flux-decision', trigger.act ? 'revert' : trigger.decision);
      core.setOutput('failing-revision', trigger.failingRevision ?? '');
      if (!trigger.act) {
        core.notice(trigger.why);
        setNoneOutputs(inputs.raw.targetBranch);
        summary.push(`## Rollback: none\n\n${trigger.why}`);
        return;
      }
      core.info(trigger.why);
      failingRevision = trigger.failingRevision;
    }
    const watchOnly = inputs.wait.watchCommit && inputs.raw.commits.length === 0 && inputs.raw.restorePaths.length === 0;
    const result = watchOnly ? undefined : await rollback(inputs, git, github, context, summary);
    const watched = inputs.wait.watchCommit ?? (result?.operation === 'pushed' ? result.commitSha : undefined);
    if (inputs.wait.forFlux || inputs.wait.healthUrl) await verify(inputs, github, watched, result, await fluxReferences(inputs, git, failingRevision, result), summary);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UnsafeRollbackError) {
      core.setOutput('findings', JSON.stringify(error.findings));
      summary.push(`## Rollback refused\n\n${message}\n\n${findingsSection(error.findings)}`);
    } else {
      summary.push(`## Rollback failed\n\n${message}\n\nNothing was pushed.`);
    }
    if (error instanceof Error && error.name !== 'UserError' && error.name !== 'UnsafeRollbackError' && error.stack) core.debug(error.stack);
    core.setFailed(message);
  } finally {
    if (summary.length) core.appendSummary(summary.join('\n\n'));
  }
}

async function rollback(
  inputs: RevertInputs,
  git: Git,
  github: GitHubConnection | undefined,
  context: RunContext,
  summary: string[]
): Promise<RollbackResult> {
  if (!inputs.raw.targetBranch && github) {
    const { getDefaultBranch } = await import('../../github/pull-request.js');
    inputs.raw.targetBranch = await getDefaultBranch(await github.client(), github.repo);
  }
  const request = await validateRequest(inputs.raw);
  const pullRequests = github && pullRequestPort(github, context.serverUrl);
  const result = await runRollback(request, { git, log: coreLogger, pullRequests });
  setOutputs(result);
  summary.push(rollbackSummary(result, request.audit, pullRequests?.commitUrl));
  if (inputs.statusContext && github && isDelivered(result)) {
    const status = guardStatus(result, inputs.statusContext, context.runUrl);
    const failed = await postGuardStatus(github, result, status);
    if (failed) {
      core.warning(failed);
      summary.push(`> [!WARNING]\n> ${failed}`);
    } else {
      core.info(`Commit status '${status.context}' (${status.state}) posted on ${result.commitSha}.`);
    }
  }
  return result;
}

/** After a push, waits for Flux and the health URL; a timeout fails the step with what was last seen. */
async function verify(
  inputs: RevertInputs,
  github: GitHubConnection | undefined,
  sha: string | undefined,
  result: RollbackResult | undefined,
  references: FluxReference[],
  summary: string[]
): Promise<void> {
  if (!sha) {
    core.notice(`Not waiting for recovery: the rollback was ${result?.operation ?? 'not made'}, not pushed. Merge it, then watch the merge commit with watch-commit.`);
    return;
  }
  const flux = inputs.wait.forFlux && github ? { client: await github.client(), repo: github.repo, contextGlob: inputs.flux.statusContext, contexts: inputs.flux.statusContexts, references } : undefined;
  const recovery: Recovery = await verifyRecovery({
    log: coreLogger,
    sha,
    flux,
    health: inputs.wait.healthUrl ? { url: inputs.wait.healthUrl, expectStatus: inputs.wait.expectStatus } : undefined,
    timeoutMs: inputs.wait.timeoutMs,
    intervalMs: inputs.wait.intervalMs
  });
  core.setOutput('reconciled', recovery.reconciled === undefined ? '' : String(recovery.reconciled));
  core.setOutput('time-to-reconcile', recovery.timeToReconcile ?? '');
  core.setOutput('time-to-healthy', recovery.timeToHealthy ?? '');
  core.setOutput('flux-contexts', recovery.fluxContexts ? JSON.stringify(recovery.fluxContexts) : '');
  summary.push(recoverySummary(recovery));
  if (recovery.failure) core.setFailed(`Recovery not confirmed within ${inputs.wait.timeoutMs / 1000} s: ${recovery.failure}`);
  else core.info(recovery.timeline.join('\n'));
}

/**
 * The revisions whose Flux contexts must all report success on the watched commit, tried in turn:
 * the failing revision of a Flux event, then the commit before the rollback (or before the
 * watched merge, when the clone has it).
 */
async function fluxReferences(inputs: RevertInputs, git: Git, failingRevision: string | undefined, result: RollbackResult | undefined): Promise<FluxReference[]> {
  const references: FluxReference[] = [];
  if (failingRevision) references.push({ sha: failingRevision, label: 'the failing revision' });
  if (inputs.wait.watchCommit) {
    const parent = await git.tryResolveCommit(`${inputs.wait.watchCommit}^1`);
    if (parent) references.push({ sha: parent, label: 'the parent of the watched commit' });
  } else if (result?.base) {
    references.push({ sha: result.base, label: 'the commit before the rollback' });
  }
  return references;
}

async function reportDrill(drill: DrillResult, summary: string[]): Promise<void> {
  const phase = (name: string) => drill.phases.find(p => p.name === name);
  const seconds = (name: string) => {
    const p = phase(name);
    return p?.ok ? String(Math.round(p.ms / 100) / 10) : '';
  };
  core.setOutput('operation', drill.rollbackSha ? 'pushed' : 'none');
  core.setOutput('commit-sha', drill.rollbackSha ?? '');
  core.setOutput('target-branch', drill.branch);
  core.setOutput('drill-verdict', drill.verdict);
  core.setOutput('drill-phases', JSON.stringify(drill.phases));
  core.setOutput('time-to-detect', seconds('detect'));
  core.setOutput('time-to-rollback', seconds('rollback'));
  core.setOutput('time-to-reconcile', seconds('reconcile'));
  core.setOutput('time-to-healthy', seconds('healthy'));
  core.setOutput('reconciled', String(phase('reconcile')?.ok ?? false));
  const table = ['| phase | ok | seconds | detail |', '| --- | --- | --- | --- |', ...drill.phases.map(p => `| ${p.name} | ${p.ok ? 'yes' : 'no'} | ${(p.ms / 1000).toFixed(1)} | ${p.detail.replace(/\|/g, '\\|')} |`)];
  summary.push([`## Rollback drill: ${drill.verdict}`, '', ...drill.summary.map(l => `- ${l}`), '', ...table].join('\n'));
  for (const line of drill.summary) core.info(line);
  if (drill.verdict !== 'recovered') core.setFailed(`Rollback drill ${drill.verdict}: ${drill.summary[0] ?? ''}`);
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

function setNoneOutputs(targetBranch: string | undefined): void {
  core.setOutput('operation', 'none');
  core.setOutput('reverted-commits', '[]');
  core.setOutput('findings', '[]');
  core.setOutput('target-branch', targetBranch ?? '');
}

/** The first log line: what this run is about to do, before any git or network call. */
function describeRun(inputs: RevertInputs, context: RunContext): string {
  if (inputs.drill) return `drill on '${inputs.raw.targetBranch ?? '?'}'`;
  if (context.eventName === 'repository_dispatch') return `Flux failure event (on-flux-failure: ${inputs.flux.onFailure})`;
  const what = inputs.raw.restorePaths.length ? `restore ${inputs.raw.restorePaths.join(', ')} to ${inputs.raw.restoreTo}` : `revert ${inputs.raw.commits.join(' ')}`;
  return `${what} on '${inputs.raw.targetBranch ?? 'the default branch'}' (deliver: ${inputs.raw.deliver}${inputs.raw.dryRun ? ', dry run' : ''})`;
}
