import { posix } from 'node:path';
import { type OptionNames, settingNames } from './option-names.js';
import { type Delivery, type Identity, type PullRequestReference, type RollbackRequest } from './types.js';
import { branchNameProblem, printable, UNSAFE_CHARACTERS, UserError } from '../core/index.js';

/** A rollback request as typed by a person: strings and lists, nothing checked yet. */
export interface RawRequest {
  commits: string[];
  mainline?: string;
  squash?: boolean;
  restorePaths: string[];
  restoreTo?: string;
  incident?: string;
  reason?: string;
  actor?: string;
  runUrl?: string;
  targetBranch?: string;
  branch?: string;
  deliver?: string;
  dryRun?: boolean;
  allowUnsafe?: boolean;
  fallbackToPullRequest?: boolean;
  signCommits?: boolean;
  committer?: string;
  remote?: string;
  title?: string;
  labels?: string[];
  reviewers?: string[];
  teamReviewers?: string[];
  draft?: boolean;
  /** More `Key: value` trailers for the rollback commits. */
  trailers?: string[];
  /** Text put before the generated pull-request body. */
  body?: string;
  assignees?: string[];
  deleteBranch?: boolean;
  /** The merged pull requests being reverted (see `revertPullRequests`), newest first. */
  pullRequests?: PullRequestReference[];
}

const DELIVERIES: readonly Delivery[] = ['pull-request', 'push', 'none'];
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Checks every field of a rollback request and returns it normalised. The one place where
 * input is validated: errors quote the bad value and say what was expected, naming each setting
 * the way the caller's edge spells it (`names`).
 */
export async function validateRequest(raw: RawRequest, names: OptionNames = settingNames): Promise<RollbackRequest> {
  const n = names.name;
  const restorePaths = raw.restorePaths.map(p => validatePath(p, n('restorePaths')));
  const commits = raw.commits.map(c => validateRevisionSpec(c, n('commits')));
  const mode = restorePaths.length > 0 || raw.restoreTo ? 'restore' : 'revert';
  if (mode === 'restore') {
    if (commits.length > 0) {
      throw new UserError(
        `Both ${n('commits')} (${quoteList(raw.commits)}) and ${n('restorePaths')} (${quoteList(raw.restorePaths)}) were given. ` +
          `Expected either commits to revert, or ${n('restorePaths')} with ${n('restoreTo')}, not both.`
      );
    }
    if (restorePaths.length === 0)
      throw new UserError(
        `${n('restoreTo')} '${printable(raw.restoreTo ?? '')}' was given without ${n('restorePaths')}. Expected one or more paths to restore.`
      );
    if (!raw.restoreTo?.trim())
      throw new UserError(
        `${n('restorePaths')} (${quoteList(raw.restorePaths)}) were given without ${n('restoreTo')}. Expected the revision to restore them to, such as 'abc1234^'.`
      );
  } else if (commits.length === 0) {
    throw new UserError(
      `No commits to revert. Expected one or more commit shas or ranges A..B in ${n('commits')} (or ${n('restorePaths')} with ${n('restoreTo')}).`
    );
  }
  const remote = raw.remote?.trim() || 'origin';
  if (!/^[A-Za-z0-9._-]+$/.test(remote) || remote.startsWith('-')) {
    throw new UserError(`Invalid ${n('remote')} '${remote}'. Expected a remote name such as 'origin'.`);
  }
  // Before the audit fields: a CLI actor may be the committer's name, and the committer's error says more.
  const committer = parseCommitter(raw.committer, n('committer'));
  const request: RollbackRequest = {
    mode,
    commits: unique(commits),
    mainline: parseMainline(raw.mainline, n('mainline')),
    squash: raw.squash ?? false,
    restorePaths: unique(restorePaths),
    restoreTo: raw.restoreTo ? validateRevision(raw.restoreTo.trim(), n('restoreTo')) : undefined,
    audit: {
      incident: singleLine(raw.incident, n('incident'), 128),
      reason: validateReason(raw.reason, n('reason')),
      actor: singleLine(raw.actor, n('actor'), 128),
      runUrl: singleLine(raw.runUrl, 'run URL', 512),
      ...(raw.trailers?.length ? { trailers: raw.trailers.map(validateTrailer) } : {}),
      ...(raw.pullRequests?.length ? { pullRequests: raw.pullRequests.map(validatePullRequestReference) } : {})
    },
    targetBranch: raw.targetBranch?.trim() ? validateBranch(branchName(raw.targetBranch), n('targetBranch')) : undefined,
    branch: raw.branch?.trim() ? validateBranch(branchName(raw.branch), n('branch')) : undefined,
    deliver: parseDelivery(raw.deliver, n('deliver')),
    dryRun: raw.dryRun ?? false,
    allowUnsafe: raw.allowUnsafe ?? false,
    fallbackToPullRequest: raw.fallbackToPullRequest ?? true,
    signCommits: raw.signCommits ?? false,
    committer,
    remote,
    pullRequest: {
      title: singleLine(raw.title, n('title'), 256),
      body: validateText(raw.body, n('body'), 16000),
      assignees: unique(singleLines(raw.assignees, n('assignees')).map(login => validateLogin(login, n('assignees')))),
      deleteBranch: raw.deleteBranch ?? false,
      labels: listOf(raw.labels, n('labels'), LABEL),
      reviewers: listOf(raw.reviewers, n('reviewers'), LOGIN),
      teamReviewers: listOf(raw.teamReviewers, n('teamReviewers'), TEAM),
      draft: raw.draft ?? false
    },
    names
  };
  if (request.signCommits && request.deliver === 'none') {
    throw new UserError(
      `${n('signCommits')} was given with ${names.set({ deliver: 'none' })}, which delivers nothing. Expected ${names.set({ deliver: 'push' })} or ${names.set({ deliver: 'pull-request' })}: signed commits are made on the remote when the rollback is delivered.`
    );
  }
  if (request.branch && request.branch === request.targetBranch) {
    throw new UserError(
      `${n('branch')} '${printable(request.branch)}' is the target branch. Expected a separate branch for the pull request.`
    );
  }
  return request;
}

/** One `Key: value` trailer line. */
function validateTrailer(value: string): string {
  if (!/^[A-Za-z][A-Za-z0-9-]*: \S/.test(value) || CONTROL.test(value) || value.length > 512) {
    throw new UserError(`Invalid trailer '${printable(value)}'. Expected one line 'Key: value', such as 'Drill-time-to-detect: 41.8s'.`);
  }
  return value;
}

/** A revision or an `A..B` range; option-looking and multi-line values are refused. */
export function validateRevisionSpec(value: string, field: string): string {
  const spec = value.trim();
  if (spec.includes('...')) {
    throw new UserError(
      `Invalid ${field} value '${printable(spec)}'. Expected a revision or a range A..B; symmetric ranges A...B are ambiguous for a rollback.`
    );
  }
  const parts = spec.split('..');
  if (parts.length > 2 || (parts.length === 2 && (!parts[0] || !parts[1]))) {
    throw new UserError(`Invalid range '${printable(spec)}' in ${field}. Expected A..B with both ends given (commits after A up to B).`);
  }
  parts.forEach(p => validateRevision(p, field));
  return spec;
}

/** One revision expression such as `abc1234`, `main~2` or `v1.2^`. */
export function validateRevision(value: string, field: string): string {
  if (!value || value.startsWith('-') || value.startsWith('^') || /\s/.test(value) || CONTROL.test(value) || value.length > 256) {
    throw new UserError(
      `Invalid ${field} value '${printable(value)}'. Expected a commit sha, branch, tag or expression such as 'abc1234^' (no spaces, not starting with '-').`
    );
  }
  return value;
}

/** A repository-relative path that stays inside the work tree and out of `.git`. */
export function validatePath(value: string, field = 'restore-paths'): string {
  const raw = value.trim();
  const problem = !raw
    ? 'it is empty'
    : CONTROL.test(raw)
      ? 'it contains control characters'
      : raw.startsWith('/') || /^[A-Za-z]:[\\/]/.test(raw)
        ? 'it is absolute'
        : raw.startsWith('-')
          ? 'it looks like an option'
          : raw.startsWith(':')
            ? "it starts with ':', which git reads as pathspec magic such as ':(top)' or ':!x'"
            : raw.length > 4096
              ? 'it is too long'
              : undefined;
  if (problem)
    throw new UserError(
      `Invalid path '${printable(raw)}' in ${field}: ${problem}. Expected a path relative to the repository root, such as 'apps/podinfo'.`
    );
  const normal = posix.normalize(raw.replace(/\\/g, '/')).replace(/\/+$/, '') || '.';
  if (normal === '..' || normal.startsWith('../')) {
    throw new UserError(`Invalid path '${printable(raw)}' in ${field}: it escapes the repository. Expected a path inside the repository.`);
  }
  if (normal.split('/')[0].toLowerCase() === '.git') {
    throw new UserError(`Invalid path '${printable(raw)}' in ${field}: it points into .git. Expected a path to tracked files.`);
  }
  return normal;
}

/**
 * A branch name a rollback may use, by git's check-ref-format rules and what a rollback must not
 * use besides (see branchNameProblem); refused with the reason, the value shown escaped and cut.
 */
export function validateBranch(name: string, field: string): string {
  const problem = branchNameProblem(name);
  if (problem) {
    throw new UserError(
      `Invalid ${field} '${printable(name)}': ${problem}. Expected a valid git branch name such as 'main' or 'rollback/inc-42'.`
    );
  }
  return name;
}

function parseMainline(value: string | undefined, field: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^[1-9][0-9]?$/.test(value.trim())) {
    throw new UserError(`Invalid ${field} '${printable(value)}'. Expected the parent number of the merge commit, such as 1.`);
  }
  return Number(value.trim());
}

function parseDelivery(value: string | undefined, field: string): Delivery {
  const d = (value?.trim() || 'pull-request') as Delivery;
  if (!DELIVERIES.includes(d))
    throw new UserError(`Invalid ${field} '${printable(value ?? '')}'. Expected one of: ${DELIVERIES.join(', ')}.`);
  return d;
}

function parseCommitter(value: string | undefined, field: string): Identity {
  if (!value?.trim()) throw new UserError(`No ${field} for the rollback commits. Expected 'Name <email@example.com>'.`);
  return parseIdentity(value.trim(), field);
}

/** Parses `Name <email>`, the form git uses. */
export function parseIdentity(value: string, field = 'committer'): Identity {
  if (UNSAFE_CHARACTERS.test(value))
    throw new UserError(
      `Invalid ${field} '${printable(value)}': it contains control or text-direction characters. Expected 'Name <email@example.com>'.`
    );
  const m = value.length <= 512 ? value.match(/^([^<>\n]+?)\s*<([^<>\s]+@[^<>\s]+)>$/) : null;
  if (!m) throw new UserError(`Invalid ${field} '${printable(value)}'. Expected 'Name <email@example.com>'.`);
  return { name: m[1].trim(), email: m[2] };
}

function singleLine(value: string | undefined, field: string, max: number): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/[\r\n]/.test(v))
    throw new UserError(
      `Invalid ${field} '${printable(v)}': it spans several lines, which would forge commit trailers. Expected a single line.`
    );
  if (UNSAFE_CHARACTERS.test(v))
    throw new UserError(`Invalid ${field} '${printable(v)}': it contains control or text-direction characters. Expected plain text.`);
  if (v.length > max) throw new UserError(`Invalid ${field} '${printable(v, 40)}': ${v.length} characters. Expected at most ${max}.`);
  return v;
}

function validateReason(value: string | undefined, field: string): string | undefined {
  return validateText(value, field, 4000);
}

/** Free text of several lines: no control characters but line breaks, at most `max` characters. */
function validateText(value: string | undefined, field: string, max: number): string | undefined {
  const v = value?.replace(/\r\n?/g, '\n').trim();
  if (!v) return undefined;
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(v))
    throw new UserError(`Invalid ${field} '${printable(v)}': it contains control characters. Expected plain text.`);
  if (v.length > max) throw new UserError(`Invalid ${field}: ${v.length} characters. Expected at most ${max}.`);
  return v;
}

/** A GitHub user name, with or without a leading `@`. */
export function validateLogin(value: string, field: string): string {
  const login = value.trim().replace(/^@/, '');
  if (!LOGIN.pattern.test(login))
    throw new UserError(
      `Invalid ${field} entry '${printable(value)}'. Expected GitHub user names such as 'octocat' (letters, digits and single hyphens, at most 39 characters).`
    );
  return login;
}

/**
 * A branch as people write it, without a leading `refs/heads/` (a workflow's `github.ref`), so
 * that `refs/heads/main` and `main` name the same branch.
 */
export function branchName(value: string): string {
  return value.trim().replace(/^refs\/heads\//, '');
}

/**
 * Pull request numbers as people write them: `12`, `#12`, several comma-, space- or
 * line-separated. Each must be a positive whole number; the list keeps the first of repeats.
 */
export function parsePullRequestNumbers(values: readonly string[], field: string): number[] {
  const numbers = values
    .flatMap(v => v.split(/[\s,]+/))
    .filter(Boolean)
    .map(v => {
      if (!/^#?[1-9][0-9]{0,9}$/.test(v) || Number(v.replace('#', '')) > Number.MAX_SAFE_INTEGER)
        throw new UserError(`Invalid ${field} '${printable(v)}'. Expected pull request numbers such as '12' or '12, 15'.`);
      return Number(v.replace('#', ''));
    });
  return unique(numbers);
}

function validatePullRequestReference(ref: PullRequestReference): PullRequestReference {
  if (!Number.isSafeInteger(ref.number) || ref.number < 1) throw new Error(`Invalid pull request number ${ref.number}.`);
  if (!/^https?:\/\/[^\s()<>]+$/.test(ref.url)) throw new Error(`Invalid pull request URL '${printable(ref.url)}'.`);
  return { number: ref.number, title: oneLine(ref.title, 256), url: ref.url };
}

/** Untrusted text as one line: control characters and runs of white space become one space, capped at `max`. */
export function oneLine(text: string, max: number): string {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** A name GitHub accepts, and what it looks like, for an error that says so. */
interface NameRule {
  pattern: RegExp;
  expected: string;
}

/** GitHub label names: at most 50 characters (GitHub answers 422 otherwise), one line, no commas (they separate labels). */
const LABEL: NameRule = { pattern: /^[^,]{1,50}$/, expected: 'a label name of at most 50 characters, such as rollback' };
/** GitHub logins: letters, digits and single hyphens between them, at most 39 characters. */
const LOGIN: NameRule = {
  pattern: /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/,
  expected: 'a GitHub login such as octocat (no @)'
};
/** GitHub team slugs (the team's name in its URL), optionally after the organisation: `sre` or `acme/sre`. */
const TEAM: NameRule = {
  pattern: /^(?:[A-Za-z0-9][A-Za-z0-9-]{0,38}\/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/,
  expected: 'a team slug such as sre'
};

/** A list of names checked before any API call, so one bad name fails the run up front instead of dropping the rest. */
function listOf(values: string[] | undefined, field: string, rule: NameRule): string[] {
  const names = singleLines(values, field);
  for (const name of names) {
    if (!rule.pattern.test(name)) throw new UserError(`Invalid ${field} entry '${printable(name)}'. Expected ${rule.expected}.`);
  }
  return unique(names.map(name => (rule === TEAM ? name.replace(/^.*\//, '') : name)));
}

/** The non-empty entries of a list input, each one line. */
function singleLines(values: string[] | undefined, field: string): string[] {
  return (values ?? []).map(v => singleLine(v, field, 256)).filter((v): v is string => Boolean(v));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function quoteList(values: string[]): string {
  const shown = values.slice(0, 5).map(v => `'${printable(v, 100)}'`);
  return values.length > 5 ? `${shown.join(', ')} and ${values.length - 5} more` : shown.join(', ');
}
