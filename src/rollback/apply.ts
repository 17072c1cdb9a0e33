import { Git } from '../git/git.js';
import { restoreMessage, revertMessage } from './message.js';
import type { Plan, RestorePlan, RevertPlan, RevertStep } from './plan.js';
import { type AuditContext, type Identity, type Logger, UserError } from './types.js';

/** The commits a plan produced on top of the target tip. */
export interface Applied {
  /** The last rollback commit; equals `base` when nothing changed. */
  head: string;
  base: string;
  /** Reverts that turned out empty (their changes were already undone by hand). */
  empty: RevertStep[];
}

export interface ApplyOptions {
  audit: AuditContext;
  squash: boolean;
  committer?: Identity;
  log: Logger;
}

/**
 * Writes the plan's commits on a detached HEAD at `base`. On any failure the work tree is reset
 * to `base`, so nothing half-done is left behind to be pushed.
 */
export async function applyPlan(git: Git, plan: Plan, base: string, options: ApplyOptions): Promise<Applied> {
  await git.exec(['checkout', '--quiet', '--detach', base]);
  try {
    return plan.kind === 'revert'
      ? await applyRevert(git, plan, base, options)
      : await applyRestore(git, plan, base, options);
  } catch (error) {
    await resetTo(git, base);
    throw error;
  }
}

async function applyRevert(git: Git, plan: RevertPlan, base: string, options: ApplyOptions): Promise<Applied> {
  const empty: RevertStep[] = [];
  const applied: RevertStep[] = [];
  for (const step of plan.steps) {
    const mainline = step.mainline ? ['--mainline', String(step.mainline)] : [];
    const r = await git.exec(['revert', '--no-commit', '--no-edit', ...mainline, step.sha], { allowFailure: true });
    if (r.exitCode !== 0) await failOnConflict(git, step, r.stderr);
    if (options.squash) {
      applied.push(step);
      continue;
    }
    if (await hasStagedChanges(git)) await commit(git, revertMessage([step], options.audit), options.committer);
    else empty.push(step);
  }
  if (options.squash && (await hasStagedChanges(git))) {
    await commit(git, revertMessage(applied, options.audit), options.committer);
  } else if (options.squash) {
    empty.push(...applied);
  }
  await git.exec(['revert', '--quit'], { allowFailure: true });
  return { head: await git.resolveCommit('HEAD'), base, empty };
}

async function applyRestore(git: Git, plan: RestorePlan, base: string, options: ApplyOptions): Promise<Applied> {
  // `git restore --source` also removes files added after the source, unlike `git checkout <rev> -- <path>`.
  await git.exec(['restore', `--source=${plan.source}`, '--staged', '--worktree', '--', ...plan.paths], {
    env: { GIT_LITERAL_PATHSPECS: '1' }
  });
  if (await hasStagedChanges(git)) await commit(git, restoreMessage(plan, options.audit), options.committer);
  return { head: await git.resolveCommit('HEAD'), base, empty: [] };
}

async function failOnConflict(git: Git, step: RevertStep, stderr: string): Promise<never> {
  const { stdout } = await git.exec(['diff', '--name-only', '--diff-filter=U', '-z'], { allowFailure: true });
  const files = stdout.split('\0').filter(Boolean);
  if (files.length === 0) {
    throw new UserError(`Reverting ${step.sha.slice(0, 12)} ("${step.subject}") failed: ${stderr.trim()}`, 'refused');
  }
  throw new UserError(
    `Reverting ${step.sha.slice(0, 12)} ("${step.subject}") conflicts with later changes in: ${files.join(', ')}. ` +
      'Nothing was pushed and the work tree was left clean. ' +
      `To put those paths back to how they were before that commit, restore them instead: restore-paths: ${files.join(',')} with restore-to: ${step.sha.slice(0, 12)}^ ` +
      '(this also drops later changes to those paths).',
    'refused'
  );
}

async function hasStagedChanges(git: Git): Promise<boolean> {
  const r = await git.exec(['diff', '--cached', '--quiet'], { allowFailure: true });
  return r.exitCode === 1;
}

async function commit(git: Git, message: string, committer: Identity | undefined): Promise<void> {
  const env: Record<string, string> = committer
    ? {
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
        GIT_AUTHOR_NAME: committer.name,
        GIT_AUTHOR_EMAIL: committer.email
      }
    : {};
  await git.exec(['commit', '--quiet', '--no-verify', '--cleanup=verbatim', '--file=-'], { input: message, env });
}

/** Drops every trace of an unfinished revert and puts the work tree back at `base`. */
export async function resetTo(git: Git, base: string): Promise<void> {
  await git.exec(['revert', '--abort'], { allowFailure: true });
  await git.exec(['revert', '--quit'], { allowFailure: true });
  await git.exec(['reset', '--quiet', '--hard', base]);
}
