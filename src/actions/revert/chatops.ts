import { codeBlock, codeSpan, printable, shortSha, UserError, type Logger } from '../../core/index.js';
import type { GitHubConnection } from '../../github/connection.js';
import type { Reaction } from '../../github/reactions.js';
import type { RunContext } from '../runner.js';
import type { RevertOutcome, TriggerOutcome } from './outcome.js';
import type { PullRequestAsk } from './pull-request-trigger.js';

/** How the request is answered once the run knows its outcome. */
export interface Conversation {
  readonly github: GitHubConnection;
  readonly ask: PullRequestAsk;
  readonly runUrl?: string;
  /** Where the repository's web pages are (GITHUB_SERVER_URL). */
  readonly serverUrl: string;
}

/** What the checks decided: a rollback to run on `targetBranch`, or a refusal. */
export interface CheckedAsk {
  readonly trigger: TriggerOutcome;
  /** The branch the pull request was merged into: the rollback's target. */
  readonly targetBranch?: string;
}

/**
 * Starts the conversation about a `/revert` comment or a trigger label; it needs the API to
 * check who asked and to answer.
 */
export function openConversation(
  ask: PullRequestAsk,
  github: GitHubConnection | undefined,
  context: RunContext,
  label: string
): Conversation {
  if (!github) {
    throw new UserError(
      `A rollback asked for by ${describeAsk(ask, label)} needs the GitHub API to check who asked and to answer: it needs a token and GITHUB_REPOSITORY.`
    );
  }
  return { github, ask, runUrl: context.runUrl, serverUrl: context.serverUrl };
}

export function describeAsk(ask: PullRequestAsk, label: string): string {
  return ask.via === 'comment'
    ? `/revert from ${ask.requester} on #${ask.number}`
    : `the label '${printable(label, 50)}' on #${ask.number} (${ask.requester})`;
}

/** What is known of a request before it is checked: it asks for a rollback. */
export function askedTrigger(ask: PullRequestAsk): TriggerOutcome {
  return { decision: 'revert', via: ask.via, number: ask.number, requester: ask.requester };
}

/**
 * Checks a `/revert` comment or a trigger label after acknowledging a comment with 👀: through
 * the API, that the requester may push (admin, maintain or write; the payload's
 * author_association is not trusted for this), and that the pull request is merged, into
 * `targetBranchInput` when the workflow names one. A request that fails a check is `refused`, and
 * answered at the end like any other.
 */
export async function checkAsk(conversation: Conversation, targetBranchInput: string | undefined, log: Logger): Promise<CheckedAsk> {
  const { github, ask } = conversation;
  const warnings: string[] = [];
  const base = { ...askedTrigger(ask), warnings };
  if (ask.commentId) {
    const warning = await react(conversation, 'eyes');
    if (warning) warnings.push(warning);
  }
  const client = await github.client();
  const { getUserPermission, canWrite } = await import('../../github/collaborators.js');
  const permission = await getUserPermission(client, github.repo, ask.requester);
  if (!canWrite(permission)) {
    const has = permission
      ? `has the ${codeSpan(permission.roleName, 60)} role (${codeSpan(permission.permission, 20)} access)`
      : 'is not a collaborator';
    const why = `${ask.requester} ${has} in ${github.repo.owner}/${github.repo.repo}: rolling back a pull request needs write, maintain or admin.`;
    return { trigger: { ...base, decision: 'refused', why } };
  }
  const { getPullRequestState } = await import('../../github/pull-state.js');
  const pull = await getPullRequestState(client, github.repo, ask.number);
  if (pull.state === 'open')
    return { trigger: { ...base, decision: 'refused', why: `#${ask.number} is open, not merged: there is nothing to roll back yet.` } };
  if (!pull.merged)
    return {
      trigger: { ...base, decision: 'refused', why: `#${ask.number} was closed without being merged: there is nothing to roll back.` }
    };
  if (targetBranchInput && targetBranchInput !== pull.baseRef) {
    const why = `#${ask.number} was merged into ${codeSpan(pull.baseRef)}, and this workflow rolls back ${codeSpan(targetBranchInput)} only (target-branch).`;
    return { trigger: { ...base, decision: 'refused', why }, targetBranch: pull.baseRef };
  }
  log.info(
    `${ask.requester} may push (${printable(permission!.roleName, 40)}); #${ask.number} was merged into '${printable(pull.baseRef)}'.`
  );
  return { trigger: base, targetBranch: pull.baseRef };
}

/**
 * Answers the request on the pull request once the run is over: 🚀 on the comment and a reply
 * with the rollback for a rollback that went through, 😕 and a reply saying why for a refusal or
 * a failure. Failing to answer is a warning in the outcome; it never changes what was done.
 */
export async function answer(conversation: Conversation, outcome: RevertOutcome): Promise<RevertOutcome> {
  const trigger = outcome.trigger ?? askedTrigger(conversation.ask);
  const warnings = [...(trigger.warnings ?? [])];
  const success = trigger.decision === 'revert' && !outcome.error && !outcome.recovery?.seen.failure;
  if (conversation.ask.commentId) {
    const warning = await react(conversation, success ? 'rocket' : 'confused');
    if (warning) warnings.push(warning);
  }
  let replyUrl: string | undefined;
  try {
    const { postComment, upsertStickyComment } = await import('../../github/comments.js');
    const { github, ask } = conversation;
    const client = await github.client();
    const body = replyBody(conversation, outcome);
    // A re-run of the workflow for the same comment edits its reply instead of adding one.
    if (ask.commentId) {
      const { id } = await upsertStickyComment(client, github.repo, ask.number, `gitops-rollback-revert-${ask.commentId}`, body);
      replyUrl = `${conversation.serverUrl.replace(/\/+$/, '')}/${github.repo.owner}/${github.repo.repo}/pull/${ask.number}#issuecomment-${id}`;
    } else {
      replyUrl = await postComment(client, github.repo, ask.number, body);
    }
  } catch (error) {
    warnings.push(`Could not answer on #${conversation.ask.number}: ${(error as Error).message}`);
  }
  return { ...outcome, trigger: { ...trigger, replyUrl, warnings } };
}

async function react(conversation: Conversation, content: Reaction): Promise<string | undefined> {
  const { github, ask } = conversation;
  try {
    const { reactToComment } = await import('../../github/reactions.js');
    await reactToComment(await github.client(), github.repo, ask.commentId!, content);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The reply: who asked (the requester's login is checked, so the mention pings that person only),
 * then what happened. Free text (error messages, which quote names from the repository) is shown
 * in a code block, where nothing renders or mentions anyone.
 */
export function replyBody(conversation: Conversation, outcome: RevertOutcome): string {
  const { ask, runUrl } = conversation;
  const trigger = outcome.trigger ?? askedTrigger(ask);
  const run = runUrl ? ` ([workflow run](${runUrl}))` : '';
  const asked =
    ask.via === 'comment'
      ? `@${ask.requester} asked to roll back #${ask.number}.`
      : `@${ask.requester} labelled #${ask.number} for a rollback.`;
  if (trigger.decision !== 'revert') return `${asked} Refused${run}:\n\n${trigger.why}`;
  if (outcome.error) {
    const delivered = deliveredLine(outcome);
    return [`${asked} The rollback failed${run}:`, codeBlock(outcome.error.message), delivered].filter(Boolean).join('\n\n');
  }
  const result = outcome.rollback?.result;
  const lines = [`${asked} ${done(outcome)}${run}`];
  if (outcome.recovery?.seen.failure) lines.push(`Recovery was not confirmed:\n\n${codeBlock(outcome.recovery.seen.failure)}`);
  if (result && result.skipped.length > 0)
    lines.push(`${result.skipped.length} of its commits were already reverted on the branch and are skipped.`);
  return lines.join('\n\n');
}

function done(outcome: RevertOutcome): string {
  const result = outcome.rollback?.result;
  if (!result) return 'Nothing was rolled back.';
  const branch = codeSpan(result.targetBranch);
  const sha = result.commitSha ? `\`${shortSha(result.commitSha)}\`` : '';
  switch (result.operation) {
    case 'created':
      return `Rollback pull request opened: #${result.pullRequest!.number} ${result.pullRequest!.url}`;
    case 'updated':
      return `Rollback pull request updated: #${result.pullRequest!.number} ${result.pullRequest!.url}`;
    case 'pushed':
      return `Rolled back: ${sha} pushed to ${branch}.`;
    case 'committed':
      return `Rollback ${sha} committed in the workflow's checkout only (deliver: none).`;
    case 'dry-run':
      return `Dry run: the rollback was computed on ${branch}; nothing was pushed.`;
    case 'none':
      return `Nothing to roll back on ${branch}: its changes are already reverted there.`;
    case 'branch-pushed':
      return `The rollback branch ${codeSpan(result.branch ?? '')} was pushed, but its pull request could not be opened: ${result.pullRequestFailure?.howToFinish ?? 'open it by hand.'}`;
  }
}

/** For a failure after something reached the remote: where it is. */
function deliveredLine(outcome: RevertOutcome): string {
  const result = outcome.rollback?.result;
  if (result?.pullRequest) return `The rollback is in #${result.pullRequest.number} ${result.pullRequest.url}.`;
  if (result?.operation === 'pushed' && result.commitSha)
    return `The rollback \`${shortSha(result.commitSha)}\` was pushed to ${codeSpan(result.targetBranch)}.`;
  const pushed = outcome.pushed?.at(-1);
  if (pushed) return `The rollback was pushed to ${codeSpan(pushed.branch)} before the failure; no pull request was opened for it.`;
  return 'Nothing was pushed.';
}
