import type { AuditContext, RestorePlan, RevertedCommit, RevertStep } from './types.js';
import { shortSha } from '../core/index.js';

/**
 * The message of a revert commit. It keeps git's searchable `This reverts commit <sha>.` line for
 * every reverted commit, then the reason and the audit trailers.
 */
export function revertMessage(steps: RevertStep[], audit: AuditContext): string {
  const subject =
    steps.length === 1 ? `Revert "${steps[0].subject}"` : `Revert ${steps.length} commits${audit.incident ? ` for ${audit.incident}` : ''}`;
  const lines = steps.map(s => `This reverts commit ${s.sha}.`);
  const merges = steps
    .filter(s => s.mainline)
    .map(s => `Merge ${shortSha(s.sha)} reverted against parent ${s.mainline} (${s.parents[s.mainline! - 1]}).`);
  const list = steps.length > 1 ? ['Reverted commits:', ...steps.map(s => `- ${shortSha(s.sha)} ${s.subject}`)] : [];
  return compose(subject, [lines.join('\n'), merges.join('\n'), list.join('\n')], audit);
}

/** The message of a path restore: what was restored to which commit, and what that undoes. */
export function restoreMessage(plan: RestorePlan, audit: AuditContext): string {
  const where = plan.paths.length === 1 ? plan.paths[0] : `${plan.paths.length} paths`;
  const subject = `Restore ${where} to ${shortSha(plan.source)}`;
  const paths = ['Restored paths:', ...plan.paths.map(p => `- ${p}`)].join('\n');
  const source = `Restored to commit ${plan.source}.`;
  const undone = plan.undone.length
    ? ['Undoes changes to these paths from:', ...plan.undone.map(c => `- ${shortSha(c.sha)} ${c.subject}`)].join('\n')
    : '';
  return compose(subject, [source, paths, undone], audit, [`Restored-to: ${plan.source}`]);
}

function compose(subject: string, paragraphs: string[], audit: AuditContext, own: string[] = []): string {
  const trailers = [
    ...own,
    audit.incident && `Incident: ${audit.incident}`,
    audit.actor && `Rolled-back-by: ${audit.actor}`,
    audit.runUrl && `Workflow-run: ${audit.runUrl}`,
    ...(audit.trailers ?? [])
  ].filter(Boolean);
  const reason = audit.reason ? reasonParagraph(audit.reason) : '';
  return [subject, ...paragraphs, reason, trailers.join('\n')].filter(p => p.trim() !== '').join('\n\n') + '\n';
}

/**
 * The reason as free text that cannot pass for git's revert line or a trailer: a one-line reason
 * follows `Reason: `, a longer one is quoted line by line under `Reason:`.
 */
function reasonParagraph(reason: string): string {
  const lines = reason.split(/\r?\n/);
  if (lines.length === 1) return `Reason: ${reason}`;
  return ['Reason:', ...lines.map(l => (l.trim() === '' ? '>' : `> ${l}`))].join('\n');
}

/** The default pull-request title for a rollback. */
export function rollbackTitle(reverted: RevertedCommit[], audit: AuditContext, restore?: RestorePlan): string {
  const prefix = audit.incident ? `Rollback ${audit.incident}: ` : 'Rollback: ';
  if (restore) return `${prefix}restore ${restore.paths.join(', ')} to ${restore.source.slice(0, 7)}`;
  if (reverted.length === 1) return `${prefix}revert "${reverted[0].subject}"`;
  return `${prefix}revert ${reverted.length} commits`;
}
