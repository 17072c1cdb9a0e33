import { codeSpan, printable, UserError } from '../../core/index.js';

/** The events a merged pull request can be rolled back from: a `/revert` comment, or a label. */
export const PULL_REQUEST_EVENTS = ['issue_comment', 'pull_request', 'pull_request_target'] as const;

export function isPullRequestEvent(eventName: string | undefined): boolean {
  return (PULL_REQUEST_EVENTS as readonly string[]).includes(eventName ?? '');
}

/** A rollback of a pull request somebody asked for; who asked still has to be checked. */
export interface PullRequestAsk {
  readonly act: true;
  readonly via: 'comment' | 'label';
  /** The pull request to roll back: from the event, never from free text. */
  readonly number: number;
  /** Who asked: the commenter, or whoever applied the label or merged the labelled pull request. */
  readonly requester: string;
  /** The free text after `/revert`; it only ever becomes the rollback's reason. */
  readonly reason?: string;
  /** The `/revert` comment, which is reacted to. */
  readonly commentId?: number;
}

/** An event that asks for nothing; `quiet` ones (any other comment, any other label) log no notice. */
export interface NotAsked {
  readonly act: false;
  readonly why: string;
  readonly quiet?: boolean;
}

export type PullRequestTrigger = PullRequestAsk | NotAsked;

/** Longest reason taken from a comment; the rest is cut (the comment itself stays on the pull request). */
const MAX_REASON = 2000;

/**
 * The `/revert` command at the very start of a comment: `/revert`, or `/revert <reason>` where the
 * reason is the rest of the comment. Anything else is not a command: text before it, a leading
 * blank, `/reverted`, `/Revert`. Returns undefined for a comment that is not a command.
 */
export function parseRevertCommand(body: string): { reason?: string } | undefined {
  const match = /^\/revert(?=$|[ \t\r\n])([\s\S]*)$/.exec(body);
  if (!match) return undefined;
  // Tabs and other control characters become spaces: the reason is plain text, lines kept.
  const reason = match[1]
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .split('\n')
    .map(line => line.trimEnd())
    .join('\n')
    .trim();
  if (!reason) return {};
  return { reason: reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON)}…` : reason };
}

/**
 * What an `issue_comment`, `pull_request` or `pull_request_target` event asks the revert action
 * for. Only a new `/revert` comment on a pull request, or the trigger label on a merged pull
 * request, asks for a rollback; anything else is `act: false` with the reason. Whether the pull
 * request is merged is checked again through the API, and whether the requester may write.
 */
export function readPullRequestTrigger(
  eventName: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an event payload; every field used is checked
  payload: Record<string, any>,
  triggerLabel: string
): PullRequestTrigger {
  return eventName === 'issue_comment' ? commentTrigger(payload) : labelTrigger(payload, triggerLabel);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see readPullRequestTrigger
function commentTrigger(payload: Record<string, any>): PullRequestTrigger {
  const body = typeof payload.comment?.body === 'string' ? payload.comment.body : '';
  const command = parseRevertCommand(body);
  if (!command) return { act: false, why: 'The comment is not a /revert command.', quiet: true };
  const action = String(payload.action ?? '');
  // Editing or deleting a comment must not run its command again (or for the first time).
  if (action !== 'created')
    return {
      act: false,
      why: `The /revert comment was ${printable(action, 40) || 'changed'}, not created: only new comments are commands.`
    };
  const number = positiveInteger(payload.issue?.number, 'issue.number');
  if (!payload.issue?.pull_request)
    return { act: false, why: `#${number} is an issue, not a pull request: /revert rolls back pull requests.` };
  const requester = login(payload.comment?.user?.login, 'comment.user.login');
  // Bots (this action's own replies among them) never give commands.
  if (payload.comment?.user?.type === 'Bot' || requester.endsWith('[bot]'))
    return { act: false, why: `The /revert comment is by the bot '${requester}': bots cannot ask for a rollback.` };
  const commentId = positiveInteger(payload.comment?.id, 'comment.id');
  return { act: true, via: 'comment', number, requester, commentId, ...(command.reason ? { reason: command.reason } : {}) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see readPullRequestTrigger
function labelTrigger(payload: Record<string, any>, triggerLabel: string): PullRequestTrigger {
  const action = String(payload.action ?? '');
  const pull = payload.pull_request;
  const number = positiveInteger(pull?.number ?? payload.number, 'pull_request.number');
  const label = triggerLabel.toLowerCase();
  if (action === 'labeled') {
    const name = typeof payload.label?.name === 'string' ? payload.label.name : '';
    if (name.toLowerCase() !== label) return { act: false, why: `The label ${codeSpan(name, 60)} is not the trigger label.`, quiet: true };
  } else if (action === 'closed') {
    const names: string[] = Array.isArray(pull?.labels) ? pull.labels.map((l: { name?: unknown }) => String(l?.name ?? '')) : [];
    if (pull?.merged !== true) return { act: false, why: `#${number} was closed without being merged.`, quiet: true };
    if (!names.some(n => n.toLowerCase() === label))
      return { act: false, why: `#${number} was merged without the label '${triggerLabel}'.`, quiet: true };
  } else {
    return { act: false, why: `A pull_request '${printable(action, 40)}' event asks for no rollback.`, quiet: true };
  }
  if (pull?.merged !== true) {
    const why =
      pull?.state === 'open'
        ? `#${number} is labelled '${triggerLabel}' but not merged yet: it is rolled back when it is merged with the label on.`
        : `#${number} is labelled '${triggerLabel}' but was closed without being merged: there is nothing to roll back.`;
    return { act: false, why };
  }
  return { act: true, via: 'label', number, requester: login(payload.sender?.login, 'sender.login') };
}

function positiveInteger(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  throw new UserError(`The event payload's ${field} is ${printable(JSON.stringify(value) ?? 'missing', 60)}. Expected a positive number.`);
}

// GitHub logins: letters, digits and hyphens, up to 39; apps add `[bot]`.
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/;

/** A GitHub login from the payload, checked so it is safe in a log line, an API path and an @-mention. */
export function login(value: unknown, field: string): string {
  if (typeof value === 'string' && LOGIN.test(value)) return value;
  throw new UserError(`The event payload's ${field} is ${printable(JSON.stringify(value) ?? 'missing', 60)}. Expected a GitHub login.`);
}
