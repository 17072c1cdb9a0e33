import * as core from '@actions/core';
import { resolve } from 'node:path';
import { printable } from '../../core/index.js';
import { verifyRecovery } from '../../flux/verify.js';
import type { FluxReference } from '../../flux/wait.js';
import { connectGitHub, pullRequestPort, type GitHubConnection } from '../../github/connection.js';
import { Git } from '../../git/git.js';
import { gitHttpAuth } from '../../git/http-auth.js';
import { UnsafeRollbackError } from '../../rollback/guard.js';
import { runRollback, type PushedBranch, type RollbackResult } from '../../rollback/run.js';
import { validateRequest, type RawRequest } from '../../rollback/validate.js';
import { finishStep, stepError } from '../finish.js';
import { coreLogger, readRunContext, type RunContext } from '../runner.js';
import { drillMode } from './drill-mode.js';
import { fluxTrigger } from './flux-trigger.js';
import { guardStatus, isDelivered, postGuardStatus } from './guard-status.js';
import { readRevertInputs, type RevertInputs } from './inputs.js';
import { revertReport, type RevertOutcome, type RollbackDone } from './outcome.js';

/**
 * The revert action: reads its inputs, runs the rollback engine (from a workflow_dispatch, a Flux
 * failure event, or as a drill), waits for recovery when asked, and reports the outcome in one
 * place.
 */
export async function run(): Promise<void> {
  await finishStep(revertReport(await revert(readRunContext())));
}

/** Runs the action to its outcome. Never throws: a failure is an outcome that keeps what was done. */
async function revert(context: RunContext): Promise<RevertOutcome> {
  let outcome: RevertOutcome = {};
  const pushed: PushedBranch[] = [];
  try {
    const inputs = readRevertInputs(context);
    core.info(`gitops-rollback ${describeRun(inputs, context)}`);
    const cwd = resolve(inputs.workingDirectory);
    process.chdir(cwd);
    // The token pushes too, so a checkout without a persisted credential works and a PAT or an
    // App token (whose pushes start workflows) is what the rollback arrives with.
    const git = await Git.create(cwd, {}, gitHttpAuth(inputs.token, context.serverUrl, 'the token input'));
    const github = connectGitHub({
      token: inputs.token,
      repository: context.repository,
      apiUrl: context.apiUrl,
      log: { info: core.info, warning: m => core.warning(m) }
    });
    if (inputs.drill) {
      const drill = await drillMode(inputs, git, github, coreLogger);
      for (const line of drill.summary) core.info(line);
      return { drill };
    }
    let request = inputs.raw;
    if (context.eventName === 'repository_dispatch') {
      const trigger = await fluxTrigger(inputs, context, git, github, coreLogger);
      const { failingRevision, why } = trigger;
      if (!trigger.act) {
        core.notice(why);
        return { flux: { decision: trigger.decision, failingRevision, why }, targetBranch: inputs.raw.targetBranch };
      }
      core.info(why);
      outcome = { flux: { decision: 'revert', failingRevision, why } };
      request = trigger.request;
    }
    const watchOnly = inputs.wait.watchCommit && request.commits.length === 0 && request.restorePaths.length === 0;
    const rollback = watchOnly ? undefined : await makeRollback(inputs, request, git, github, context, pushed);
    outcome = { ...outcome, rollback };
    const unfinished = rollback?.result.pullRequestFailure;
    if (unfinished) {
      const { branch, commitSha } = rollback.result;
      const message = `The rollback branch '${branch}' was pushed (${commitSha}), but the pull request was not created: ${unfinished.why} ${unfinished.howToFinish}`;
      return { ...outcome, error: { message } };
    }
    if (inputs.wait.forFlux || inputs.wait.healthUrl) {
      const references = await fluxReferences(inputs, git, outcome.flux?.failingRevision, rollback?.result);
      const seen = await verify(inputs, github, rollback?.result, references);
      if (seen) outcome = { ...outcome, recovery: { seen, timeoutMs: inputs.wait.timeoutMs } };
    }
    return outcome;
  } catch (error) {
    const refusedFindings = error instanceof UnsafeRollbackError ? error.findings : undefined;
    return { ...outcome, error: { ...stepError(error), refusedFindings }, pushed };
  }
}

/** Makes and delivers the rollback, telling `pushed` of every branch it reaches, then posts the guard status. */
async function makeRollback(
  inputs: RevertInputs,
  raw: Readonly<RawRequest>,
  git: Git,
  github: GitHubConnection | undefined,
  context: RunContext,
  pushed: PushedBranch[]
): Promise<RollbackDone> {
  const request = await validateRequest(await withTargetBranch(raw, github));
  const pullRequests = github && pullRequestPort(github, context.serverUrl);
  const result = await runRollback(request, { git, log: coreLogger, pullRequests, onPushed: p => pushed.push(p) });
  core.info(`Rollback ${result.operation}${result.commitSha ? `: ${result.commitSha}` : ''}`);
  const done = { result, audit: request.audit, commitUrl: pullRequests?.commitUrl };
  if (!inputs.statusContext || !github || !isDelivered(result)) return done;
  const status = guardStatus(result, inputs.statusContext, context.runUrl);
  const statusWarning = await postGuardStatus(github, result, status);
  if (statusWarning) core.warning(statusWarning);
  else core.info(`Commit status '${status.context}' (${status.state}) posted on ${result.commitSha}.`);
  return { ...done, statusWarning };
}

/** The request with its target branch: as given, else the repository's default branch from the API. */
async function withTargetBranch(raw: Readonly<RawRequest>, github: GitHubConnection | undefined): Promise<Readonly<RawRequest>> {
  if (raw.targetBranch || !github) return raw;
  const { getDefaultBranch } = await import('../../github/pull-request.js');
  return { ...raw, targetBranch: await getDefaultBranch(await github.client(), github.repo) };
}

/** After a push, waits for Flux and the health URL; what was seen decides whether the step fails. */
async function verify(
  inputs: RevertInputs,
  github: GitHubConnection | undefined,
  result: RollbackResult | undefined,
  references: FluxReference[]
) {
  const sha = inputs.wait.watchCommit ?? (result?.operation === 'pushed' ? result.commitSha : undefined);
  if (!sha) {
    core.notice(
      `Not waiting for recovery: the rollback was ${result?.operation ?? 'not made'}, not pushed. Merge it, then watch the merge commit with watch-commit.`
    );
    return undefined;
  }
  const flux =
    inputs.wait.forFlux && github
      ? {
          client: await github.client(),
          repo: github.repo,
          contextGlob: inputs.flux.statusContext,
          contexts: inputs.flux.statusContexts,
          references
        }
      : undefined;
  const recovery = await verifyRecovery({
    log: coreLogger,
    sha,
    flux,
    health: inputs.wait.healthUrl ? { url: inputs.wait.healthUrl, expectStatus: inputs.wait.expectStatus } : undefined,
    timeoutMs: inputs.wait.timeoutMs,
    intervalMs: inputs.wait.intervalMs
  });
  if (!recovery.failure) core.info(recovery.timeline.join('\n'));
  return recovery;
}

/**
 * The revisions whose Flux contexts must all report success on the watched commit, tried in turn:
 * the failing revision of a Flux event, then the commit before the rollback (or before the
 * watched merge, when the clone has it).
 */
async function fluxReferences(
  inputs: RevertInputs,
  git: Git,
  failingRevision: string | undefined,
  result: RollbackResult | undefined
): Promise<FluxReference[]> {
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

/** The first log line: what this run is about to do, before any git or network call. */
function describeRun(inputs: RevertInputs, context: RunContext): string {
  if (inputs.drill) return `drill on '${printable(inputs.drill.branch)}'`;
  if (context.eventName === 'repository_dispatch') return `Flux failure event (on-flux-failure: ${inputs.flux.onFailure})`;
  // Logged before the engine validates them: every value is shown escaped, so none can form a workflow command.
  const { raw } = inputs;
  const shown = (value: string | undefined) => printable(value ?? '', 200);
  const what = raw.restorePaths.length
    ? `restore ${raw.restorePaths.map(shown).join(', ')} to ${shown(raw.restoreTo)}`
    : `revert ${raw.commits.map(shown).join(' ')}`;
  return `${what} on '${raw.targetBranch === undefined ? 'the default branch' : shown(raw.targetBranch)}' (deliver: ${shown(raw.deliver)}${raw.dryRun ? ', dry run' : ''})`;
}
