import { createHash } from 'node:crypto';
import { Git } from '../git/git.js';
import { type Applied, applyPlan } from './apply.js';
import { type GuardVerdict, guardRollback, preloadGuard, UnsafeRollbackError } from './guard.js';
import { type FetchHooks, fetchTargetBranch, localTargetBranch, type TargetBranch } from './history.js';
import { rollbackTitle } from './message.js';
import { planRollback, resolveAhead } from './plan.js';
import { type PushOutcome, pushRef } from './push.js';
import { pullRequestBody } from './report.js';
import { type GitDataPort, replayCommits } from './signed.js';
import type { Plan, PullRequestOptions, RevertedCommit, RollbackRequest, RollbackResult, StaleBranch } from './types.js';
import { validateBranch } from './validate.js';
import { FULL_SHA, type Logger, shortSha, UserError } from '../core/index.js';

export type { RollbackResult } from './types.js';

/** Opens or updates pull requests; the action backs it with the GitHub API. */
export interface PullRequestPort {
  openOrUpdate(
    request: { head: string; base: string; title: string; body: string } & Omit<PullRequestOptions, 'title'>
  ): Promise<{ number: number; url: string; operation: 'created' | 'updated' }>;
  /** A web link to a commit, for tables in pull requests and summaries. */
  commitUrl?(sha: string): string;
  /**
   * Closes the open pull request from `head` into `base`, after leaving `comment` on it; resolves
   * to it, or to undefined when none is open.
   */
  closePullRequest?(request: { head: string; base: string; comment: string }): Promise<{ number: number; url: string } | undefined>;
  /** The web page that opens a pull request from `head` into `base`. */
  compareUrl?(base: string, head: string): string;
}

export interface RollbackDeps {
  git: Git;
  log: Logger;
  pullRequests?: PullRequestPort;
  /** The host's Git Data API, for `signCommits`: the commits are made, and signed, there. */
  gitData?: GitDataPort;
  /**
   * Told of each remote branch that holds the rollback, as soon as it does, so that an edge can
   * say what was delivered when a later step (opening the pull request) fails.
   */
  onPushed?(pushed: PushedBranch): void;
}

/** A remote branch and the rollback commit it now points at. */
export interface PushedBranch {
  branch: string;
  commitSha: string;
}

/** Hazards logged one by one as warnings; GitHub shows 10 warning annotations per step. */
const WARNINGS_SHOWN = 8;

/** How often a push to a branch that moved meanwhile is redone on the new tip. */
const PUSH_ATTEMPTS = 3;

/**
 * Runs a validated rollback: plan it against the target branch, write the commits, and deliver
 * them. The commits are made as objects only (the work tree and index are never touched, except
 * to fast-forward a checked-out branch with `deliver: none`), so nothing half-done can be pushed.
 */
export async function runRollback(request: RollbackRequest, deps: RollbackDeps): Promise<RollbackResult> {
  const { git, log } = deps;
  const { names } = request;
  const targetName = request.targetBranch;
  if (!targetName) throw new UserError(`No target branch. Expected ${names.name('targetBranch')}, or a checked-out branch to roll back.`);
  if (request.deliver === 'pull-request' && !deps.pullRequests && !request.dryRun) {
    throw new UserError(
      `Pull-request delivery needs access to the GitHub API (a token and a repository). Expected ${names.set({ deliver: 'push' })} or ${names.set({ deliver: 'none' })} otherwise.`
    );
  }
  if (request.signCommits && !deps.gitData && !request.dryRun) {
    throw new UserError(
      `${names.name('signCommits')} makes the commits through the GitHub API: it needs a token and a repository. Expected them, or no ${names.name('signCommits')}.`
    );
  }
  let clean: Promise<void> | undefined;
  let target = await openTarget(git, request, log, {
    // While git fetches: check the work tree, and load the hazard rules the guard needs later.
    whileFetching() {
      clean = assertClean(git);
      clean.catch(() => undefined); // awaited below, once the fetch has succeeded
      preloadGuard();
    },
    afterFetch: () => resolveAhead(git, request)
  });
  await clean;
  for (let attempt = 1; ; attempt++) {
    const outcome = await rollOnce(request, deps, target);
    if (outcome.kind === 'done') return outcome.result;
    if (attempt >= PUSH_ATTEMPTS) {
      throw new UserError(
        `'${target.name}' kept moving while the rollback was pushed (${attempt} attempts). Nothing was pushed; run it again.`,
        'refused'
      );
    }
    log.info(`'${target.name}' moved while the rollback was being pushed; redoing it on the new tip (attempt ${attempt + 1}).`);
    target = await fetchTargetBranch(git, request.remote, target.name, log, {}, wantedShas(request));
  }
}

type Outcome = { kind: 'done'; result: RollbackResult } | { kind: 'stale' };

async function rollOnce(request: RollbackRequest, deps: RollbackDeps, target: TargetBranch): Promise<Outcome> {
  const { git, log } = deps;
  const plan = await log.group(`Planning the rollback on '${target.name}' at ${shortSha(target.tip)}`, () =>
    planRollback(git, target, request)
  );
  const result = emptyResult(target, plan);
  if (plan.kind === 'revert') {
    for (const s of plan.skipped) log.notice(`Skipping ${shortSha(s.sha)} ("${s.subject}"): it is already reverted on '${target.name}'.`);
    if (plan.steps.length === 0) {
      log.notice('Nothing to roll back: every requested commit is already reverted.');
      return { kind: 'done', result: await withStaleBranch(request, deps, target, result, plan.skipped[0]?.sha) };
    }
  }
  // The guard checks the rollback's tree while its commit is written.
  let guarding: Promise<GuardVerdict> | undefined;
  const startGuard = (tree: string): Promise<GuardVerdict> => {
    guarding = log.group('Checking the rollback for hazards', () => guardRollback(git, target.tip, tree));
    guarding.catch(() => undefined); // awaited below unless the rollback turns out empty
    return guarding;
  };
  const applied = await applyPlan(git, plan, target.tip, {
    audit: request.audit,
    squash: request.squash,
    committer: request.committer,
    names: request.names,
    onTree: startGuard
  });
  for (const e of applied.empty)
    log.notice(`Reverting ${shortSha(e.sha)} ("${e.subject}") changes nothing: its changes are already undone.`);
  result.revertedCommits = reverted(plan, applied);
  if (!applied.changed) {
    log.notice(`The rollback changes nothing on '${target.name}'; nothing to deliver.`);
    const newest = plan.kind === 'revert' ? plan.steps[0]?.sha : undefined;
    return { kind: 'done', result: await withStaleBranch(request, deps, target, { ...result, revertedCommits: [] }, newest) };
  }
  result.commitSha = applied.head;
  const guard = await (guarding ?? startGuard(applied.tree));
  result.findings = guard.findings;
  // A runner shows 10 warnings per step: the most severe are logged as warnings, the rest counted.
  for (const f of guard.findings.slice(0, WARNINGS_SHOWN))
    log.warning(`${f.severity} ${f.rule}: ${f.kind} ${f.name} (${f.file}:${f.line}): ${f.message}`);
  if (guard.findings.length > WARNINGS_SHOWN)
    log.info(`${guard.findings.length - WARNINGS_SHOWN} more hazards of this rollback are not logged one by one: the report lists them.`);
  const allowUnsafe = request.names.set({ allowUnsafe: true });
  if (guard.blocking.length > 0 && request.allowUnsafe)
    log.warning(`Delivering a rollback with critical hazards because of ${allowUnsafe}.`);
  if (request.dryRun) {
    if (guard.blocking.length > 0 && !request.allowUnsafe)
      log.warning(`This rollback would be refused for the hazards above without ${allowUnsafe}.`);
    return { kind: 'done', result: { ...result, diffStat: await git.diffStat(target.tip, applied.head), operation: 'dry-run' } };
  }
  if (guard.blocking.length > 0 && !request.allowUnsafe) {
    throw new UnsafeRollbackError(guard.findings, guard.blocking, allowUnsafe);
  }
  return deliver(request, deps, target, plan, result);
}

/** Delivers the rollback; its diff stat, for reports, is computed meanwhile, not before. */
async function deliver(
  request: RollbackRequest,
  deps: RollbackDeps,
  target: TargetBranch,
  plan: Plan,
  result: RollbackResult
): Promise<Outcome> {
  const { git, log } = deps;
  if (request.deliver === 'none') {
    await advanceLocalBranch(git, target.name, result.commitSha!, target.tip);
    return { kind: 'done', result: { ...result, diffStat: await git.diffStat(target.tip, result.commitSha!), operation: 'committed' } };
  }
  const signed = request.signCommits ? signedCommits(deps, target, plan, result.commitSha!) : undefined;
  if (request.deliver === 'push') {
    const [pushed, stat] = await log.group(`${signed ? 'Updating' : 'Pushing to'} '${target.name}'`, () => {
      const pushing = signed
        ? updateTargetSigned(deps, request.remote, target.name, signed)
        : pushRef(git, request.remote, result.commitSha!, `refs/heads/${target.name}`).then(outcome => ({
            outcome,
            head: result.commitSha!
          }));
      return Promise.all([pushing, git.diffStat(target.tip, result.commitSha!)]);
    });
    result.diffStat = stat;
    if (pushed.outcome.status === 'pushed') {
      deps.onPushed?.({ branch: target.name, commitSha: pushed.head });
      return { kind: 'done', result: { ...result, commitSha: pushed.head, operation: 'pushed' } };
    }
    if (pushed.outcome.status === 'stale') return { kind: 'stale' };
    if (!request.fallbackToPullRequest || !deps.pullRequests) {
      const { names } = request;
      const instead = !request.fallbackToPullRequest
        ? `Use ${names.set({ deliver: 'pull-request' })}, or let a refused push open a pull request (${names.set({ fallbackToPullRequest: true })}).`
        : `Use ${names.set({ deliver: 'pull-request' })}; a pull request could not be opened instead without access to the GitHub API (a token and a repository).`;
      throw new UserError(
        `'${target.name}' is protected and refused the ${signed ? 'update' : 'push'}: ${pushed.outcome.detail.replace(/\.+$/, '')}. Nothing was pushed. ${instead}`,
        'refused'
      );
    }
    log.warning(
      `'${target.name}' is protected and refused the ${signed ? 'update' : 'push'} (${pushed.outcome.detail}); opening a pull request instead.`
    );
    const viaPr = await deliverByPullRequest(request, deps, target, plan, result, signed);
    return { kind: 'done', result: { ...viaPr, fellBackToPullRequest: true } };
  }
  return { kind: 'done', result: await deliverByPullRequest(request, deps, target, plan, result, signed) };
}

/** Pushes the rollback to its own branch and opens (or updates) the pull request for it. */
async function deliverByPullRequest(
  request: RollbackRequest,
  deps: RollbackDeps,
  target: TargetBranch,
  plan: Plan,
  result: RollbackResult,
  signed?: SignedCommits
): Promise<RollbackResult> {
  const { git, log } = deps;
  const branch =
    request.branch ??
    validateBranch(defaultBranchName(request, result.revertedCommits[0]?.sha, result.restoredTo), 'branch derived from the incident');
  if (branch === target.name) throw new UserError(`The pull-request branch '${branch}' is the target branch. Expected a separate branch.`);
  const [head, stat] = await Promise.all([
    log.group(`${signed ? 'Updating' : 'Pushing'} branch '${branch}'`, () =>
      pushRollbackBranch(deps, request, branch, result, target.tip, signed)
    ),
    result.diffStat || git.diffStat(target.tip, result.commitSha!)
  ]);
  result.diffStat = stat;
  deps.onPushed?.({ branch, commitSha: head });
  const { pullRequest: options } = request;
  const title = options.title ?? rollbackTitle(result.revertedCommits, request.audit, plan.kind === 'restore' ? plan : undefined);
  const generated = pullRequestBody(
    { ...result, commitSha: head, branch },
    request.audit,
    deps.pullRequests?.commitUrl?.bind(deps.pullRequests)
  );
  const body = options.body ? `${options.body}\n\n${generated}` : generated;
  let pr: Awaited<ReturnType<PullRequestPort['openOrUpdate']>>;
  try {
    pr = await deps.pullRequests!.openOrUpdate({ ...options, head: branch, base: target.name, title, body });
  } catch (error) {
    // The branch is on the remote: the result says so, and how to finish, rather than an error that hides it.
    const why = error instanceof Error ? error.message : String(error);
    const howToFinish = finishByHand(branch, target.name, deps.pullRequests?.compareUrl?.(target.name, branch));
    return { ...result, commitSha: head, branch, operation: 'branch-pushed', pullRequestFailure: { why, howToFinish } };
  }
  log.info(`Pull request #${pr.number} ${pr.operation}: ${pr.url}`);
  return { ...result, commitSha: head, branch, operation: pr.operation, pullRequest: { number: pr.number, url: pr.url } };
}

/** How to finish a rollback whose branch was pushed without its pull request. */
function finishByHand(branch: string, base: string, compareUrl: string | undefined): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = `gh pr create --head ${quote(branch)} --base ${quote(base)} --fill`;
  return `To finish, run the rollback again (it keeps the pushed branch and opens the pull request), or open it by hand${compareUrl ? ` at ${compareUrl}` : ''} or with: ${command}`;
}

/**
 * Puts the rollback on `branch`. An identical rollback already there (same tree, made on the
 * same target tip) is kept as it is, so running the same rollback twice changes nothing. A branch
 * that holds commits this tool did not make (someone pushed a fix for review) is never reset.
 */
async function pushRollbackBranch(
  deps: RollbackDeps,
  request: RollbackRequest,
  branch: string,
  result: RollbackResult,
  tip: string,
  signed?: SignedCommits
): Promise<string> {
  const { git } = deps;
  const { remote } = request;
  const ref = `refs/heads/${branch}`;
  const existing = await git.lsRemote(remote, ref);
  if (existing && (await sameRollback(git, remote, ref, existing, result.commitSha!, tip))) return existing;
  if (existing && (await git.tryResolveCommit(existing))) {
    const foreign = await firstForeignCommit(git, request, existing, tip);
    if (foreign) {
      throw new UserError(
        `The rollback branch '${branch}' on '${remote}' was changed by someone else: it holds commit ${foreign}, which this rollback did not make. ` +
          'It was left as it is and nothing was pushed. Finish the review on that branch, or delete the branch (or choose another branch name) and run the rollback again.',
        'refused'
      );
    }
  }
  if (signed) return updateRollbackBranchSigned(deps, remote, branch, existing, signed);
  const pushed = await pushRef(git, remote, result.commitSha!, ref, existing ?? '');
  if (pushed.status !== 'pushed') {
    throw new UserError(`Could not push the rollback branch '${branch}': ${pushed.detail}. Nothing was delivered.`, 'refused');
  }
  return result.commitSha!;
}

/**
 * The newest commit on the existing rollback branch, beyond the target tip, that this tool did
 * not make: committed by another identity, or without this incident's trailer (as git parses it).
 */
async function firstForeignCommit(git: Git, request: RollbackRequest, existing: string, tip: string): Promise<string | undefined> {
  const onBranch = await git.revList(['--max-count=200', existing, '--not', tip, '--']);
  const found = await git.commitTrailers(onBranch);
  const us = new Set([`${request.committer.name} <${request.committer.email}>`]);
  // Commits the host made through its API carry its own committer identity.
  if (request.signCommits) us.add(API_COMMITTER);
  const incident = request.audit.incident;
  return onBranch.find(sha => {
    const c = found.get(sha);
    return !c || !us.has(c.committer) || (incident !== undefined && !(c.trailers.get('incident') ?? []).includes(incident));
  });
}

async function sameRollback(git: Git, remote: string, ref: string, existing: string, head: string, tip: string): Promise<boolean> {
  // The rollback commits and the tip they were made on: a few commits.
  const depth = (await git.isShallow()) ? EXISTING_BRANCH_DEPTH : undefined;
  await git.tryFetch(remote, [`+${ref}:refs/rollback/existing`], { depth });
  if (!(await git.tryResolveCommit(existing))) return false;
  return (await git.sameContent(existing, head)) && (await git.isAncestor(tip, existing));
}

/**
 * With delete-branch, when a run finds nothing left to roll back: the rollback branch an earlier
 * run pushed (named as that run named it, from `newest`, the newest requested commit) is stale.
 * Its open pull request is closed with a comment and the branch deleted, only while the branch
 * holds nothing but this tool's rollback commits on top of the target's history, and only as it
 * was checked (the deletion is leased on its sha). Anything else keeps the branch and says why;
 * failures are warnings: there was nothing to roll back either way.
 */
async function withStaleBranch(
  request: RollbackRequest,
  deps: RollbackDeps,
  target: TargetBranch,
  result: RollbackResult,
  newest: string | undefined
): Promise<RollbackResult> {
  if (!request.pullRequest.deleteBranch || request.deliver === 'none' || request.dryRun) return result;
  const branch = request.branch ?? (newest || result.restoredTo ? defaultBranchName(request, newest, result.restoredTo) : undefined);
  if (!branch || branch === target.name) return result;
  const staleBranch = await closeStaleBranch(request, deps, target, branch);
  return staleBranch ? { ...result, staleBranch } : result;
}

async function closeStaleBranch(
  request: RollbackRequest,
  deps: RollbackDeps,
  target: TargetBranch,
  branch: string
): Promise<StaleBranch | undefined> {
  const { git, log } = deps;
  const { remote } = request;
  const ref = `refs/heads/${branch}`;
  const existing = await git.lsRemote(remote, ref);
  if (!existing) return undefined;
  const keep = (why: string, closedPullRequest?: StaleBranch['closedPullRequest']): StaleBranch => {
    log.warning(`Kept the rollback branch '${branch}': ${why}.`);
    return { branch, deleted: false, why, closedPullRequest };
  };
  const depth = (await git.isShallow()) ? EXISTING_BRANCH_DEPTH : undefined;
  await git.tryFetch(remote, [`+${ref}:refs/rollback/existing`], { depth });
  if (!(await git.tryResolveCommit(existing))) return keep(`its commit ${existing} could not be fetched to check who made it`);
  const foreign = await firstForeignCommit(git, request, existing, target.tip);
  if (foreign) return keep(`it holds commit ${foreign}, which this tool did not make`);
  let closedPullRequest: StaleBranch['closedPullRequest'];
  if (deps.pullRequests?.closePullRequest) {
    const comment =
      `Nothing is left to roll back on \`${target.name}\`: what this pull request reverts is already reverted there. ` +
      `Closed, and its branch \`${branch}\` deleted, by a re-run of the rollback with ${request.names.set({ deleteBranch: true })}.`;
    try {
      closedPullRequest = await deps.pullRequests.closePullRequest({ head: branch, base: target.name, comment });
    } catch (error) {
      return keep(`its pull request could not be closed: ${(error as Error).message}`);
    }
    if (closedPullRequest) log.info(`Closed the stale rollback pull request #${closedPullRequest.number}: ${closedPullRequest.url}`);
  }
  try {
    const deleted = await pushRef(git, remote, '', ref, existing);
    if (deleted.status !== 'pushed') return keep(`${remote} refused to delete it: ${deleted.detail}`, closedPullRequest);
  } catch (error) {
    return keep((error as Error).message, closedPullRequest);
  }
  log.notice(`Deleted the stale rollback branch '${branch}': nothing was left to roll back.`);
  return { branch, deleted: true, closedPullRequest };
}

/**
 * The pull-request branch: `rollback/<incident>` as a slug. A slug that lost characters (`INC 42/db`
 * and `inc-42-db` would meet) ends in a short hash of the incident, so two incidents never share a
 * branch; a component git refuses (`x.lock`) is avoided.
 */
function defaultBranchName(request: RollbackRequest, newest: string | undefined, restoredTo: string | undefined): string {
  const incident = request.audit.incident ?? '';
  const slug = incident
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.\.+/g, '.')
    .replace(/\.lock$/, '-lock')
    .slice(0, 60)
    .replace(/^[-.]+|[-.]+$/g, '');
  if (slug)
    return slug === incident.toLowerCase()
      ? `rollback/${slug}`
      : `rollback/${slug}-${createHash('sha256').update(incident).digest('hex').slice(0, 8)}`;
  if (restoredTo) return `rollback/restore-${shortSha(restoredTo)}`;
  return `rollback/revert-${shortSha(newest!)}`;
}

/** How deep an existing rollback branch is fetched in a shallow clone, to compare it with a new rollback. */
const EXISTING_BRANCH_DEPTH = 50;

/**
 * The full shas the request names (commits, range ends, restore-to): a shallow clone fetches
 * them by sha, and the target branch back to their date, when its first fetch did not reach them.
 */
function wantedShas(request: RollbackRequest): string[] {
  const revisions = request.mode === 'revert' ? request.commits.flatMap(spec => spec.split('..')) : [request.restoreTo ?? ''];
  return [...new Set(revisions.filter(r => FULL_SHA.test(r)).map(r => r.toLowerCase()))].slice(0, 50);
}

async function openTarget(git: Git, request: RollbackRequest, log: Logger, hooks: Required<FetchHooks>): Promise<TargetBranch> {
  if (request.deliver === 'none') {
    hooks.whileFetching();
    // The local branch as it is; a shallow clone still fetches the history the checks need.
    return localTargetBranch(git, request.targetBranch!, request.remote, log, wantedShas(request));
  }
  return log.group(`Fetching '${request.targetBranch}' from '${request.remote}'`, () =>
    fetchTargetBranch(git, request.remote, request.targetBranch!, log, hooks, wantedShas(request))
  );
}

function emptyResult(target: TargetBranch, plan: Plan): RollbackResult {
  return {
    operation: 'none',
    targetBranch: target.name,
    base: target.tip,
    revertedCommits: [],
    skipped: plan.kind === 'revert' ? plan.skipped : [],
    restoredTo: plan.kind === 'restore' ? plan.source : undefined,
    restoredPaths: plan.kind === 'restore' ? plan.paths : undefined,
    diffStat: '',
    findings: [],
    fellBackToPullRequest: false
  };
}

function reverted(plan: Plan, applied: Applied): RevertedCommit[] {
  if (plan.kind === 'restore') return plan.undone;
  const empty = new Set(applied.empty.map(e => e.sha));
  return plan.steps.filter(s => !empty.has(s.sha)).map(s => ({ sha: s.sha, subject: s.subject }));
}

async function assertClean(git: Git): Promise<void> {
  const dirty = await git.uncommittedFiles();
  if (dirty.length > 0) {
    const files = dirty.slice(0, 10);
    throw new UserError(
      `The work tree has uncommitted changes (${files.join(', ')}). Expected a clean checkout: commit or stash them first.`
    );
  }
}

/** Moves the local branch to the rollback; a checked-out branch is fast-forwarded with its files. */
async function advanceLocalBranch(git: Git, branch: string, head: string, tip: string): Promise<void> {
  if ((await git.currentBranch()) === branch) await git.mergeFfOnly(head);
  else await git.updateRef(`refs/heads/${branch}`, head, tip);
}

/** The committer GitHub writes into the commits it makes, and signs, for API calls. */
const API_COMMITTER = 'GitHub <noreply@github.com>';

/** The rollback's commits made on the remote through its API: made once per attempt, on first use. */
interface SignedCommits {
  /** The last of them. */
  head(): Promise<string>;
}

function signedCommits(deps: RollbackDeps, target: TargetBranch, plan: Plan, localHead: string): SignedCommits {
  let made: Promise<string> | undefined;
  const make = async (): Promise<string> => {
    const { git, log } = deps;
    const replayed = await log.group('Making the rollback commits through the GitHub API', async () =>
      replayCommits(git, deps.gitData!, target.tip, localHead, await commitsOnRemote(git, target, plan), log)
    );
    const unsigned = replayed.filter(r => !r.verified);
    if (unsigned.length > 0) {
      log.warning(
        `GitHub did not sign ${unsigned.map(r => shortSha(r.remote)).join(', ')} (${unsigned[0].reason ?? 'no reason given'}). ` +
          'GitHub signs commits made through its API with GITHUB_TOKEN or a GitHub App token; a personal access token gets unsigned commits, which a branch that requires signed commits refuses.'
      );
    }
    return replayed[replayed.length - 1].remote;
  };
  return { head: () => (made ??= make()) };
}

/**
 * Commits the remote certainly has, whose files need no upload: the target tip, and the reverted
 * commits with their parents (all in the target's history), or the restored revision when it is.
 */
async function commitsOnRemote(git: Git, target: TargetBranch, plan: Plan): Promise<string[]> {
  if (plan.kind === 'revert') return [...new Set([target.tip, ...plan.steps.flatMap(s => [s.sha, ...s.parents])])];
  return (await git.isAncestor(plan.source, target.tip)) ? [target.tip, plan.source] : [target.tip];
}

/**
 * Moves the target branch to the signed commits, never forcing: GitHub refuses an update that is
 * not a fast-forward (the branch moved), and the ref update is the last step, so a refusal or a
 * failure leaves the branch as it was.
 */
async function updateTargetSigned(
  deps: RollbackDeps,
  remote: string,
  branch: string,
  signed: SignedCommits
): Promise<{ outcome: PushOutcome; head: string }> {
  const head = await signed.head();
  const update = await deps.gitData!.updateBranch(branch, head);
  if (update.status !== 'updated') return { outcome: update, head };
  await fetchDelivered(deps, remote, branch, head);
  return { outcome: { status: 'pushed' }, head };
}

/**
 * Points the rollback branch at the signed commits: creates it, or moves the one this tool made
 * (checked by the caller) while it is still where it was read.
 */
async function updateRollbackBranchSigned(
  deps: RollbackDeps,
  remote: string,
  branch: string,
  existing: string | undefined,
  signed: SignedCommits
): Promise<string> {
  const api = deps.gitData!;
  const head = await signed.head();
  const refused = (why: string) =>
    new UserError(`Could not update the rollback branch '${branch}': ${why}. Nothing was delivered.`, 'refused');
  if (!existing) {
    const created = await api.createBranch(branch, head);
    if (created.status === 'exists') throw refused('another run created it meanwhile; run again to update it');
    if (created.status !== 'updated') throw refused(created.detail);
  } else {
    // The API has no compare-and-swap for refs: read the branch again just before moving it.
    const now = await api.branchSha(branch);
    if (now !== existing) throw refused(`it moved meanwhile (to ${now ?? 'nothing'}); run again`);
    const moved = await api.updateBranch(branch, head, { force: true });
    if (moved.status !== 'updated') throw refused(moved.detail);
  }
  await fetchDelivered(deps, remote, branch, head);
  return head;
}

/**
 * Fetches a branch the API moved, so the checkout has the signed commits (and its remote-tracking
 * branch agrees) for what runs after the rollback. The branch is delivered either way.
 */
async function fetchDelivered(deps: RollbackDeps, remote: string, branch: string, head: string): Promise<void> {
  const { git, log } = deps;
  const fetched = await git.tryFetch(remote, [`+refs/heads/${branch}:refs/remotes/${remote}/${branch}`]).catch(() => false);
  if (!fetched || !(await git.tryResolveCommit(head))) {
    log.warning(`'${branch}' now points at ${head}, but it could not be fetched into this checkout.`);
  }
}
