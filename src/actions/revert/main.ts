import * as core from '@actions/core';
import { resolve } from 'node:path';
import { printable, shortSha } from '../../core/index.js';
import { verifyRecovery } from '../../flux/verify.js';
import type { FluxReference } from '../../flux/wait.js';
import { connectGitHub, gitDataPort, pullRequestPort, type GitHubConnection } from '../../github/connection.js';
import { Git } from '../../git/git.js';
import { gitHttpAuth } from '../../git/http-auth.js';
import { UnsafeRollbackError } from '../../rollback/guard.js';
import { runRollback, type PushedBranch, type RollbackResult } from '../../rollback/run.js';
import { revertPullRequests } from '../../rollback/pull-requests.js';
import { rolledBackComment } from '../../rollback/report.js';
import { branchName, validateRequest, type RawRequest } from '../../rollback/validate.js';
import { finishStep, stepError } from '../finish.js';
import { coreLogger, readRunContext, type RunContext } from '../runner.js';
import { drillMode } from './drill-mode.js';
import { fluxTrigger } from './flux-trigger.js';
import { guardStatus, isDelivered, postGuardStatus } from './guard-status.js';
import { answer, askedTrigger, checkAsk, openConversation, type Conversation } from './chatops.js';
import { readRevertInputs, type RevertInputs } from './inputs.js';
import { revertReport, type RevertOutcome, type RollbackDone } from './outcome.js';
import { isPullRequestEvent, readPullRequestTrigger, type PullRequestAsk } from './pull-request-trigger.js';

/**
 * The revert action: reads its inputs, runs the rollback engine (from a workflow_dispatch, a Flux
 * failure event, or as a drill), waits for recovery when asked, and reports the outcome in one
 * place.
 */
export async function run(): Promise<void> {
  const talk: { conversation?: Conversation } = {};
  let outcome = await revert(readRunContext(), talk);
  // A /revert comment or a trigger label is answered whatever happened, failures included.
  if (talk.conversation) {
    outcome = await answer(talk.conversation, outcome);
    for (const warning of outcome.trigger?.warnings ?? []) core.warning(printable(warning, 1000));
  }
  await finishStep(revertReport(outcome));
}

/**
 * Runs the action to its outcome. Never throws: a failure is an outcome that keeps what was done.
 * A request made on a pull request leaves in `talk` the conversation to answer it in.
 */
async function revert(context: RunContext, talk: { conversation?: Conversation }): Promise<RevertOutcome> {
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
    } else if (isPullRequestEvent(context.eventName) && asksNothing(inputs)) {
      const asked = readPullRequestTrigger(context.eventName!, context.payload, inputs.trigger.label);
      if (!asked.act) {
        if (asked.quiet) core.info(printable(asked.why, 500));
        else core.notice(printable(asked.why, 500));
        return { trigger: { decision: 'ignored', why: asked.why } };
      }
      talk.conversation = openConversation(asked, github, context, inputs.trigger.label);
      outcome = { trigger: askedTrigger(asked) };
      const checked = await checkAsk(talk.conversation, inputs.targetBranchInput, coreLogger);
      outcome = { trigger: checked.trigger, targetBranch: checked.targetBranch };
      if (checked.trigger.decision !== 'revert') {
        core.notice(printable(checked.trigger.why ?? '', 500));
        return outcome;
      }
      request = await withPullRequests([asked.number], pullRequestRequest(inputs.raw, asked, checked.targetBranch!), github!);
    } else if (inputs.pullRequests.length > 0) {
      request = await withPullRequests(inputs.pullRequests, request, github!);
    }
    const watchOnly = inputs.wait.watchCommit && request.commits.length === 0 && request.restorePaths.length === 0;
    // A /revert comment or the trigger label is answered on that pull request with the link instead.
    const tellReverted = !talk.conversation;
    const rollback = watchOnly ? undefined : await makeRollback(inputs, request, git, github, context, pushed, tellReverted);
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

/** True when the inputs name nothing to roll back: then a pull-request event may. */
function asksNothing(inputs: RevertInputs): boolean {
  const { raw } = inputs;
  return raw.commits.length === 0 && raw.restorePaths.length === 0 && !raw.restoreTo && inputs.pullRequests.length === 0;
}

/**
 * The rollback a `/revert` comment or the trigger label asks for: the pull request from the event,
 * on the branch it was merged into, recorded as rolled back by whoever asked. The comment's text
 * is only ever the reason.
 */
function pullRequestRequest(raw: Readonly<RawRequest>, ask: PullRequestAsk, targetBranch: string): RawRequest {
  return { ...raw, targetBranch, actor: ask.requester, reason: ask.reason ?? raw.reason };
}

/**
 * Makes and delivers the rollback, telling `pushed` of every branch it reaches, then comments on the
 * reverted pull requests (when `tellReverted`) and posts the guard status.
 */
async function makeRollback(
  inputs: RevertInputs,
  raw: Readonly<RawRequest>,
  git: Git,
  github: GitHubConnection | undefined,
  context: RunContext,
  pushed: PushedBranch[],
  tellReverted: boolean
): Promise<RollbackDone> {
  const request = await validateRequest(await withTargetBranch(raw, github));
  const pullRequests = github && pullRequestPort(github, context.serverUrl);
  const gitData = request.signCommits && github ? gitDataPort(github) : undefined;
  const result = await runRollback(request, { git, log: coreLogger, pullRequests, gitData, onPushed: p => pushed.push(p) });
  core.info(`Rollback ${result.operation}${result.commitSha ? `: ${result.commitSha}` : ''}`);
  const done: RollbackDone = { result, audit: request.audit, commitUrl: pullRequests?.commitUrl };
  const commentWarnings = tellReverted ? await commentOnReverted(done, github) : [];
  if (!inputs.statusContext || !github || !isDelivered(result)) return { ...done, commentWarnings };
  const status = guardStatus(result, inputs.statusContext, context.runUrl);
  const statusWarning = await postGuardStatus(github, result, status);
  if (statusWarning) core.warning(statusWarning);
  else core.info(`Commit status '${status.context}' (${status.state}) posted on ${result.commitSha}.`);
  return { ...done, commentWarnings, statusWarning };
}

/**
 * The request with the commits of the pull requests asked for by number, found through the API,
 * on the target branch (the default branch unless given). Each is logged with how it was merged.
 */
async function withPullRequests(numbers: readonly number[], raw: Readonly<RawRequest>, github: GitHubConnection): Promise<RawRequest> {
  const withTarget = await withTargetBranch(raw, github);
  const target = branchName(withTarget.targetBranch!);
  const { resolvePullRequests } = await import('../../github/pull-commits.js');
  const pulls = await resolvePullRequests(await github.client(), github.repo, numbers, target);
  for (const p of pulls) {
    const commits = p.commits.map(shortSha).join(', ');
    core.info(
      `Pull request #${p.number} ("${printable(p.title, 120)}"), merged into '${printable(target)}' by ${p.method}: reverting ${commits}.`
    );
  }
  return revertPullRequests({ ...withTarget, targetBranch: target }, pulls);
}

/** After delivery, tells the reverted pull requests where their rollback is; failures are warnings. */
async function commentOnReverted(done: RollbackDone, github: GitHubConnection | undefined): Promise<string[]> {
  const numbers = (done.audit.pullRequests ?? []).map(p => p.number);
  if (!github || numbers.length === 0 || !isDelivered(done.result)) return [];
  const { commentRolledBack } = await import('../../github/pull-commits.js');
  const body = rolledBackComment(done.result, done.audit, done.commitUrl);
  const warnings = await commentRolledBack(await github.client(), github.repo, numbers, body);
  for (const w of warnings) core.warning(w);
  if (warnings.length === 0) core.info(`Commented on ${numbers.map(n => `#${n}`).join(', ')} with the rollback's link.`);
  return warnings;
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
  if (isPullRequestEvent(context.eventName) && asksNothing(inputs))
    return `${context.eventName} event: a /revert comment or the label '${printable(inputs.trigger.label, 50)}' on a merged pull request`;
  // Logged before the engine validates them: every value is shown escaped, so none can form a workflow command.
  const { raw } = inputs;
  const shown = (value: string | undefined) => printable(value ?? '', 200);
  const what = inputs.pullRequests.length
    ? `revert pull request ${inputs.pullRequests.map(n => `#${n}`).join(', ')}`
    : raw.restorePaths.length
      ? `restore ${raw.restorePaths.map(shown).join(', ')} to ${shown(raw.restoreTo)}`
      : `revert ${raw.commits.map(shown).join(' ')}`;
  return `${what} on '${raw.targetBranch === undefined ? 'the default branch' : shown(raw.targetBranch)}' (deliver: ${shown(raw.deliver)}${raw.signCommits ? ', signed commits' : ''}${raw.dryRun ? ', dry run' : ''})`;
}
