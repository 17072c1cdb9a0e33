import type { Git } from '../git/git.js';
import { readRevisionContexts } from '../manifests/flux-context.js';
import { ownerLookup } from '../manifests/revision-context.js';
import { type Logger, shortSha, UserError } from '../core/index.js';
import { type ComponentPattern, componentsOf } from './components.js';
import { type Candidate, classify, type DetectedRollback, findCandidates, missingShas } from './detect.js';
import { logSafe } from './escape.js';
import { TRAILER_KEYS } from './evidence.js';
import { HistoryIndex } from './history-index.js';
import { type CommitStatusPort, recoveryOf } from './recovery.js';
import { componentStats, distribution, repeatOffenders } from './stats.js';
import { type DrillRun, type Rollback, ROLLBACK_KINDS, type RollbackKind, type RollbackReport } from './types.js';
import { isoDate, isoTime } from './window.js';

export interface ReportOptions {
  branch: string;
  remote: string;
  /** Fetch the branch (and the history the window needs) from `remote`; false reads the local branch. */
  fetch: boolean;
  /** The window, seconds since the epoch; `since` undefined means the whole history. */
  since?: number;
  until: number;
  components: readonly ComponentPattern[];
  /** Commit-status contexts that are Flux's (default `kustomization/*`). */
  statusContext: string;
}

export interface ReportDeps {
  git: Git;
  log: Logger;
  /** Reads commit statuses for the time to recover; without it, recovery is not reported. */
  statuses?: CommitStatusPort;
}

/**
 * How far before the window the history is fetched, so the changes that rollbacks in the window
 * undid are there too. Older ones are fetched one by one when their sha is known.
 */
export const LOOKBACK_SECONDS = 90 * 86_400;
/** Commit statuses are read for at most this many rollbacks (the newest), one API call each. */
const MAX_STATUS_READS = 200;
const STATUS_READS_AT_ONCE = 8;
/** git processes run side by side for the restores' path histories. */
const GIT_CALLS_AT_ONCE = 4;
/** Reverted commits fetched one by one when fetching them together failed. */
const MAX_SINGLE_FETCHES = 20;

/**
 * Reads the branch history and reports its rollbacks in the window: what each undid and when
 * that had landed, who, the incident, the paths and the components and Flux Kustomizations they
 * belong to, and (with a status port) when Flux reported the rollback healthy.
 */
export async function buildRollbackReport(options: ReportOptions, deps: ReportDeps): Promise<RollbackReport> {
  const { git, log } = deps;
  const { ref, fetched } = await log.group(`Fetching the history of '${options.branch}'`, () => openBranch(options, deps));
  const tip = await git.resolveCommit(ref);
  const within = (at: number) => (options.since === undefined || at >= options.since) && at <= options.until;
  let { commits, index, candidates, shallow } = await readBranch(deps, options.branch, tip);
  // Rollbacks at the edge of a shallow clone need their parents to tell which paths they changed.
  if (
    shallow &&
    options.fetch &&
    (await atEdge(
      git,
      candidates.filter(c => within(index.get(c.landing)!.committedAt))
    ))
  ) {
    const ok = await git.history().deepenByOne(options.remote, options.branch);
    log.info(
      ok
        ? 'Fetched the parents of the rollbacks at the edge of the fetched history (--deepen=1).'
        : 'Could not fetch the parents of the rollbacks at the edge of the fetched history; their paths are left out.'
    );
    if (ok) ({ commits, index, candidates, shallow } = await readBranch(deps, options.branch, tip));
  }
  const oldest = index.landed[0]?.committedAt;
  await fillRestores(git, index, candidates);
  await fetchMissing(deps, options, shallow, index, missingShas(candidates, index));
  const detection = classify(candidates, index);
  const chosen = detection.rollbacks.filter(r => within(r.landedAt));
  // A commit still at the edge of a shallow clone has no parent to compare with: no paths.
  const edge = shallow ? await git.shallowCommits() : new Set<string>();
  const paths = await git.history().changedPaths(chosen.flatMap(r => r.commits).filter(sha => !edge.has(sha)));
  const owners = await kustomizationOwners(git, tip, chosen.length > 0, log);
  const describe = (r: DetectedRollback) => describeRollback(r, paths, owners, options.components);
  const rollbacks = chosen.filter(r => !r.drill).map(describe);
  const drills = chosen.filter(r => r.drill).map(r => toDrill(r, describe(r)));
  if (deps.statuses) await readRecoveries(deps.statuses, options.statusContext, [...rollbacks, ...drills], log);
  const reapplies = detection.reapplies.filter(a => within(a.landedAt));
  const summary = summarise(rollbacks, drills);
  const kinds = ROLLBACK_KINDS.filter(k => summary.byKind[k]).map(k => `${summary.byKind[k]} ${k}`);
  log.info(
    `Found ${count(rollbacks.length, 'rollback')} (${kinds.join(', ') || 'none'}), ${count(drills.length, 'drill')} and ${count(reapplies.length, 'revert')} of rollbacks ${windowText(options)}.`
  );
  return {
    branch: options.branch,
    tip,
    ...(options.since !== undefined ? { since: options.since } : {}),
    until: options.until,
    history: { commits: commits.length, ...(oldest !== undefined ? { oldest } : {}), shallow, ...(fetched ? { fetched } : {}) },
    summary,
    rollbacks,
    drills,
    reapplies,
    components: componentStats(rollbacks),
    repeatOffenders: repeatOffenders(detection.rollbacks, new Set(rollbacks.map(r => r.sha)))
  };
}

/** A rollback as reported: with the paths it touched, their components and Flux Kustomizations. */
function describeRollback(
  r: DetectedRollback,
  paths: Map<string, string[]>,
  owners: (path: string) => string | undefined,
  patterns: readonly ComponentPattern[]
): Rollback {
  const touched = [...new Set(r.commits.flatMap(sha => paths.get(sha) ?? []))].sort();
  return {
    sha: r.sha,
    commits: r.commits,
    kind: r.kind,
    subject: r.subject,
    landedAt: r.landedAt,
    ...(r.pullRequest !== undefined ? { pullRequest: r.pullRequest } : {}),
    reverted: r.reverted,
    ...(r.timeToRevert !== undefined ? { timeToRevert: r.timeToRevert } : {}),
    ...(r.who !== undefined ? { who: r.who } : {}),
    ...(r.incident !== undefined ? { incident: r.incident } : {}),
    ...(r.runUrl !== undefined ? { runUrl: r.runUrl } : {}),
    paths: touched,
    components: componentsOf(touched, patterns),
    kustomizations: [...new Set(touched.flatMap(p => owners(p) ?? []))].sort(),
    ...(r.reappliedBy !== undefined ? { reappliedBy: r.reappliedBy } : {})
  };
}

function summarise(rollbacks: readonly Rollback[], drills: readonly DrillRun[]): RollbackReport['summary'] {
  return {
    rollbacks: rollbacks.length,
    byKind: Object.fromEntries(ROLLBACK_KINDS.map(k => [k, rollbacks.filter(r => r.kind === k).length])) as Record<RollbackKind, number>,
    timeToRevert: distribution(rollbacks.flatMap(r => (r.timeToRevert === undefined ? [] : [r.timeToRevert]))),
    timeToRecover: distribution(rollbacks.flatMap(r => (r.recovery?.seconds === undefined ? [] : [r.recovery.seconds]))),
    drills: drills.length,
    reapplied: rollbacks.filter(r => r.reappliedBy).length
  };
}

async function openBranch(options: ReportOptions, deps: ReportDeps): Promise<{ ref: string; fetched?: string }> {
  const { git, log } = deps;
  if (!options.fetch) {
    const ref = `refs/heads/${options.branch}`;
    if (!(await git.tryResolveCommit(ref)))
      throw new UserError(`Branch '${options.branch}' does not exist in this repository. Expected a local branch (or leave fetching on).`);
    log.info(`Reading the local branch '${options.branch}' as it is (nothing fetched).`);
    return { ref };
  }
  const since = options.since === undefined ? undefined : new Date((options.since - LOOKBACK_SECONDS) * 1000);
  const { ref, fetched } = await git.history().fetchBranch(options.remote, options.branch, since);
  log.info(`Fetched ${fetched} of '${options.branch}' from '${options.remote}'.`);
  return { ref, fetched };
}

/** A restore undid the changes to the paths it touched since the commit it restored them to. */
async function fillRestores(git: Git, index: HistoryIndex, candidates: ReturnType<typeof findCandidates>): Promise<void> {
  const restores = candidates.filter(c => c.evidence.some(e => e.restoredTo));
  if (restores.length === 0) return;
  const paths = await git.history().changedPaths(restores.map(c => c.landing));
  const undo = async (c: Candidate) => {
    const source = c.evidence.find(e => e.restoredTo)!.restoredTo!;
    const landing = index.get(c.landing)!;
    if (!index.get(source) || landing.parents.length === 0) return;
    c.restoreUndone = (await git.history().commitsTouching(source, landing.parents[0], paths.get(c.landing) ?? [])).filter(sha =>
      index.get(sha)
    );
  };
  for (let i = 0; i < restores.length; i += GIT_CALLS_AT_ONCE) await Promise.all(restores.slice(i, i + GIT_CALLS_AT_ONCE).map(undo));
}

/** Reads the branch history from `tip` with one `git log`, and finds the commits that say they roll back. */
async function readBranch(deps: ReportDeps, branch: string, tip: string) {
  const started = performance.now();
  const commits = await deps.git.history().read(tip, TRAILER_KEYS);
  const index = new HistoryIndex(commits, tip);
  const shallow = await deps.git.isShallow();
  const oldest = index.landed[0]?.committedAt;
  deps.log.info(
    `Read ${commits.length} commits of '${branch}' (${oldest === undefined ? 'none' : `since ${isoDate(oldest)}`}${shallow ? ', shallow' : ''}) in ${Math.round(performance.now() - started)} ms.`
  );
  return { commits, index, candidates: findCandidates(index, commits), shallow };
}

async function atEdge(git: Git, candidates: readonly Candidate[]): Promise<boolean> {
  const edge = await git.shallowCommits();
  return candidates.some(c => edge.has(c.landing) || c.evidence.some(e => edge.has(e.commit.sha)));
}

/**
 * Reverted commits the history read does not hold: in a shallow clone, fetched by sha (one call)
 * when the remote allows it; the rest are reported as not found.
 */
async function fetchMissing(
  deps: ReportDeps,
  options: ReportOptions,
  shallow: boolean,
  index: HistoryIndex,
  shas: string[]
): Promise<void> {
  if (shas.length === 0) return;
  const { git, log } = deps;
  if (!shallow || !options.fetch) {
    log.info(
      `${shas.length} reverted commit${shas.length === 1 ? ' is' : 's are'} not in the history of '${options.branch}' (made on another branch, or rewritten): reported as not found.`
    );
    return;
  }
  // One fetch for all; when the remote refuses one of them, each on its own (a few at most).
  if (!(await git.history().fetchCommits(options.remote, shas)) && shas.length > 1) {
    for (const sha of shas.slice(0, MAX_SINGLE_FETCHES)) await git.history().fetchCommits(options.remote, [sha]);
  }
  const read = await git.history().readCommits(shas, TRAILER_KEYS);
  index.addOutside(read);
  log.info(
    `Fetched ${read.length} of ${shas.length} reverted commits older than the fetched history by sha${read.length < shas.length ? '; the others are reported as not found' : ''}.`
  );
}

/** Who owns a path: the Flux Kustomizations at the branch tip, by the longest `spec.path`. */
async function kustomizationOwners(git: Git, tip: string, needed: boolean, log: Logger): Promise<(path: string) => string | undefined> {
  if (!needed) return () => undefined;
  try {
    const { after } = await readRevisionContexts(git, tip, tip);
    const lookup = ownerLookup(after.fluxKustomizations.filter(k => k.path !== ''));
    return path => {
      const k = lookup(path);
      return k ? `${k.namespace ? `${k.namespace}/` : ''}${k.name}` : undefined;
    };
  } catch (error) {
    log.warning(
      `Could not read the Flux Kustomizations at ${shortSha(tip)}: ${logSafe((error as Error).message)}. Components are named by folder only.`
    );
    return () => undefined;
  }
}

function toDrill(r: DetectedRollback, report: Rollback): DrillRun {
  const drillCommit = r.reverted.find(t => t.found && t.sha);
  return {
    sha: r.sha,
    landedAt: r.landedAt,
    ...(drillCommit?.sha ? { drillCommit: drillCommit.sha } : {}),
    ...(drillCommit?.landedAt !== undefined ? { drillLandedAt: drillCommit.landedAt } : {}),
    ...(typeof r.drillDetect === 'number' ? { timeToDetect: r.drillDetect } : {}),
    ...(r.drillDetect !== undefined ? { detected: r.drillDetect !== null } : {}),
    ...(r.timeToRevert !== undefined ? { timeToRevert: r.timeToRevert } : {}),
    ...(r.incident !== undefined ? { incident: r.incident } : {}),
    components: report.components
  };
}

async function readRecoveries(port: CommitStatusPort, contextGlob: string, items: (Rollback | DrillRun)[], log: Logger): Promise<void> {
  const newest = [...items].sort((a, b) => b.landedAt - a.landedAt).slice(0, MAX_STATUS_READS);
  if (items.length > newest.length)
    log.notice(
      `Commit statuses are read for the newest ${MAX_STATUS_READS} of ${items.length} rollbacks; the others show no time to recover.`
    );
  let failed: unknown;
  const read = async (item: Rollback | DrillRun) => {
    if (failed !== undefined) return;
    try {
      item.recovery = recoveryOf(await port.statuses(item.sha), contextGlob, item.landedAt);
    } catch (error) {
      failed ??= error;
    }
  };
  // A few requests at a time: the API client already retries and respects rate limits.
  for (let i = 0; i < newest.length; i += STATUS_READS_AT_ONCE) await Promise.all(newest.slice(i, i + STATUS_READS_AT_ONCE).map(read));
  if (failed !== undefined) {
    for (const item of newest) delete item.recovery;
    log.warning(
      `Could not read commit statuses (${logSafe(failed instanceof Error ? failed.message : String(failed), 600)}); the report has no time to recover.`
    );
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function windowText(options: ReportOptions): string {
  return options.since === undefined ? `up to ${isoTime(options.until)}` : `from ${isoTime(options.since)} to ${isoTime(options.until)}`;
}
