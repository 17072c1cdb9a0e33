import type { Git } from '../git/git.js';
import { fetchTargetBranch } from '../rollback/history.js';
import { pushRef } from '../rollback/push.js';
import type { RollbackResult } from '../rollback/run.js';
import { type Identity } from '../rollback/types.js';
import { type BadChange, describeChange, makeDrillCommit } from './bad-change.js';
import type { WaitOutcome, Waiter } from './waiters.js';
import { isFullSha, type Logger, shortSha, UserError } from '../core/index.js';

export interface DrillOptions {
  git: Git;
  log: Logger;
  remote: string;
  /** The staging branch the drill runs on (the one a staging Flux watches). */
  branch: string;
  badChange: BadChange;
  /** Met when the bad change is reported failing (Flux status failure, or health failing). */
  waitFailure: Waiter;
  /** Met when the rollback commit is reported reconciled (Flux status success). */
  waitSuccess: Waiter;
  /** Optionally met when the service answers healthy again; timed as time-to-healthy. */
  waitHealthy?: Waiter;
  /** The budget from pushing the bad change to full recovery. */
  maxRecoveryMs: number;
  /**
   * Reverts `revertSha` on `branch` and pushes it: the caller wires in the real engine (deliver: push).
   * `trailers` go into the rollback commit: the drill's time to detect, for reports from history.
   */
  rollback: (revertSha: string, trailers: string[]) => Promise<RollbackResult>;
  /** Author and committer of the drill commit (the rollback's own come with its request). */
  committer: Identity;
  runUrl?: string;
  now?: () => number;
}

export type DrillPhaseName = 'detect' | 'rollback' | 'reconcile' | 'healthy';

/** One timed phase of the drill. */
export interface DrillPhase {
  name: DrillPhaseName;
  ok: boolean;
  ms: number;
  detail: string;
}

export type DrillVerdict =
  /** Detected, rolled back, reconciled (and healthy) within the budget, tree restored. */
  | 'recovered'
  /** Recovered, but slower than maxRecoveryMs. */
  | 'too-slow'
  /** The failure was never reported; the drill commit was rolled back anyway. */
  | 'not-detected'
  /** The rollback, the reconcile or the health check did not complete, or the tree differs. */
  | 'not-recovered';

export interface DrillResult {
  verdict: DrillVerdict;
  /** True only for `recovered`. */
  withinBudget: boolean;
  maxRecoveryMs: number;
  /** From pushing the bad change to the end of the last recovery phase; set when recovered. */
  recoveryMs?: number;
  branch: string;
  /** The branch tip before the drill. */
  baseSha: string;
  drillSha: string;
  rollbackSha?: string;
  phases: DrillPhase[];
  tree: { before: string; after?: string; restored: boolean; detail: string };
  /** Set when the drill could not run to the end: whether the drill commit was rolled back anyway. */
  cleanup?: { rolledBack: boolean; detail: string };
  /** A few lines for the log and the job summary. */
  summary: string[];
}

/**
 * Runs a rollback drill on a staging branch: push a known-bad change, wait until it is reported
 * failing, roll it back with the engine, wait until the rollback is reconciled (and healthy), and
 * check the branch tree is what it was. Every phase is timed. Once the bad change is pushed, the
 * drill always tries to roll it back, even when detection times out or something fails.
 * Errors before anything is pushed are thrown.
 */
export async function runDrill(options: DrillOptions): Promise<DrillResult> {
  const { git, log, branch, remote } = options;
  const now = options.now ?? Date.now;
  const prepared = await log.group(`Preparing the drill on '${branch}' (${describeChange(options.badChange)})`, () => prepare(options));
  const { base, baseTree, drillSha } = prepared;
  const result: DrillResult = {
    verdict: 'not-recovered',
    withinBudget: false,
    maxRecoveryMs: options.maxRecoveryMs,
    branch,
    baseSha: base,
    drillSha,
    phases: [],
    tree: { before: baseTree, restored: false, detail: 'not checked' },
    summary: []
  };
  const pushed = await log.group(`Pushing the drill commit ${shortSha(drillSha)} to '${branch}'`, () =>
    pushRef(git, remote, drillSha, `refs/heads/${branch}`)
  );
  if (pushed.status !== 'pushed') {
    throw new UserError(
      `The drill could not push to '${branch}' (${pushed.status}: ${pushed.detail}). Nothing was pushed; the drill needs push access to a branch that is not moving.`,
      'refused'
    );
  }
  const start = now();
  const timed = async (name: DrillPhaseName, run: () => Promise<WaitOutcome>): Promise<DrillPhase> => {
    const began = now();
    const outcome = await log.group(`Drill phase: ${name}`, () => run().catch(e => ({ reached: false, detail: errorText(e) })));
    const phase = { name, ok: outcome.reached, ms: now() - began, detail: outcome.detail };
    result.phases.push(phase);
    log.info(`${name}: ${phase.ok ? 'done' : 'NOT done'} in ${seconds(phase.ms)}. ${phase.detail}`);
    return phase;
  };
  // Phases never throw (a failing waiter or rollback is a phase not reached), so once the bad
  // change is pushed the drill always gets to roll it back.
  const detect = await timed('detect', () => options.waitFailure(drillSha, { previousSha: base }));
  const rolled = await timed('rollback', () => rollBack(options, drillSha, result, [detectTrailer(detect)]));
  const byHand = `The drill commit ${shortSha(drillSha)} is still on '${branch}': revert it by hand (git revert ${drillSha}) and push.`;
  if (!detect.ok) {
    result.verdict = 'not-detected';
    result.cleanup = {
      rolledBack: rolled.ok,
      detail: `The failure was never reported, so the drill commit was rolled back without waiting: ${rolled.detail}${rolled.ok ? '' : ` ${byHand}`}`
    };
  } else if (!rolled.ok) {
    result.cleanup = { rolledBack: false, detail: byHand };
  } else {
    const reconcile = await timed('reconcile', () => options.waitSuccess(result.rollbackSha!, { previousSha: drillSha }));
    const healthy =
      options.waitHealthy && reconcile.ok
        ? await timed('healthy', () => options.waitHealthy!(result.rollbackSha!, { previousSha: drillSha }))
        : undefined;
    if (reconcile.ok && (healthy?.ok ?? true)) {
      result.recoveryMs = now() - start;
      result.verdict = result.recoveryMs <= options.maxRecoveryMs ? 'recovered' : 'too-slow';
    }
  }
  result.tree = await log.group(`Checking the tree of '${branch}'`, () =>
    checkTree(options, base, baseTree).catch(e => ({
      before: baseTree,
      restored: false,
      detail: `The tree could not be checked: ${errorText(e)}`
    }))
  );
  if (!result.tree.restored && result.verdict !== 'not-detected') result.verdict = 'not-recovered';
  result.withinBudget = result.verdict === 'recovered';
  result.summary = summarise(result);
  return result;
}

interface Prepared {
  base: string;
  baseTree: string;
  drillSha: string;
}

async function prepare(options: DrillOptions): Promise<Prepared> {
  const { git, log, remote, branch } = options;
  if ((await git.uncommittedFiles()).length > 0)
    throw new UserError('The work tree has uncommitted changes. Expected a clean checkout for the drill.');
  const target = await fetchTargetBranch(git, remote, branch, log);
  const base = target.tip;
  const baseTree = await git.treeOf(base);
  const original = (await git.currentBranch()) ?? (await git.resolveCommit('HEAD'));
  try {
    const drillSha = await makeDrillCommit(git, {
      remote,
      base,
      branch,
      change: options.badChange,
      committer: options.committer,
      runUrl: options.runUrl
    });
    return { base, baseTree, drillSha };
  } finally {
    const isSha = isFullSha(original);
    await git.tryCheckout(original, { detach: isSha });
  }
}

/** `Drill-time-to-detect: 41.8s`, or `none (...)` when the failure was never reported. */
export function detectTrailer(detect: DrillPhase): string {
  return `Drill-time-to-detect: ${detect.ok ? seconds(detect.ms).replace(' ', '') : `none (not reported within ${seconds(detect.ms)})`}`;
}

async function rollBack(options: DrillOptions, drillSha: string, result: DrillResult, trailers: string[]): Promise<WaitOutcome> {
  const rolled = await options.rollback(drillSha, trailers);
  if (rolled.operation !== 'pushed' || !rolled.commitSha) {
    const where = rolled.pullRequest
      ? ` as pull request #${rolled.pullRequest.number} (${rolled.pullRequest.url}); merge it to restore '${options.branch}'`
      : '';
    return { reached: false, detail: `The rollback was not pushed (operation: ${rolled.operation})${where}.` };
  }
  result.rollbackSha = rolled.commitSha;
  return { reached: true, detail: `Rollback ${shortSha(rolled.commitSha)} pushed to '${rolled.targetBranch}'.` };
}

async function checkTree(options: DrillOptions, base: string, before: string): Promise<DrillResult['tree']> {
  const { git, remote, branch, log } = options;
  const tip = (await fetchTargetBranch(git, remote, branch, log)).tip;
  const after = await git.treeOf(tip);
  if (after === before)
    return { before, after, restored: true, detail: `The tree of '${branch}' at ${shortSha(tip)} is the pre-drill tree.` };
  const stat = await git.diffStat(base, tip);
  return {
    before,
    after,
    restored: false,
    detail: `The tree of '${branch}' at ${shortSha(tip)} differs from before the drill (${shortSha(base)}):\n${stat}`
  };
}

function summarise(r: DrillResult): string[] {
  const head =
    r.verdict === 'recovered'
      ? `Drill on '${r.branch}' recovered in ${seconds(r.recoveryMs!)}, within ${seconds(r.maxRecoveryMs)}.`
      : r.verdict === 'too-slow'
        ? `Drill on '${r.branch}' recovered in ${seconds(r.recoveryMs!)}, slower than the budget of ${seconds(r.maxRecoveryMs)}.`
        : r.verdict === 'not-detected'
          ? `Drill on '${r.branch}': the known-bad change was never reported failing.`
          : `Drill on '${r.branch}' did not recover.`;
  return [
    head,
    ...r.phases.map(p => `- ${p.name}: ${p.ok ? 'ok' : 'not reached'} after ${seconds(p.ms)}. ${p.detail}`),
    ...(r.cleanup ? [`- cleanup: ${r.cleanup.detail}`] : []),
    `- tree: ${r.tree.detail.split('\n')[0]}`
  ];
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
