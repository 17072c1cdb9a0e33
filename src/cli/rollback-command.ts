import { parseArgs } from 'node:util';
import type { Git } from '../git/git.js';
import { gitHttpAuth } from '../git/http-auth.js';
import { connectGitHub, gitDataPort, type GitHubConnection, pullRequestPort } from '../github/connection.js';
import { assertOnlyPullRequests, revertPullRequests } from '../rollback/pull-requests.js';
import { rolledBackComment } from '../rollback/report.js';
import { type PullRequestPort, runRollback, type RollbackResult } from '../rollback/run.js';
import type { AuditContext } from '../rollback/types.js';
import { branchName, parsePullRequestNumbers, type RawRequest, validateRequest } from '../rollback/validate.js';
import { flagNames } from './flag-names.js';
import { stderrLogger, terminalText, type Output, usageError } from './output.js';
import { commandUsage } from './usage.js';
import { openWorkTree } from './work-tree.js';
import { escapeControls, type Logger, printable, shortSha } from '../core/index.js';

const OPTIONS = {
  to: { type: 'string' },
  mainline: { type: 'string' },
  squash: { type: 'boolean' },
  incident: { type: 'string' },
  reason: { type: 'string' },
  actor: { type: 'string' },
  deliver: { type: 'string' },
  'target-branch': { type: 'string' },
  branch: { type: 'string' },
  remote: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'allow-unsafe': { type: 'boolean' },
  'no-fallback': { type: 'boolean' },
  'sign-commits': { type: 'boolean' },
  committer: { type: 'string' },
  title: { type: 'string' },
  label: { type: 'string', multiple: true },
  reviewer: { type: 'string', multiple: true },
  'team-reviewer': { type: 'string', multiple: true },
  draft: { type: 'boolean' },
  pr: { type: 'string', multiple: true },
  body: { type: 'string' },
  assignee: { type: 'string', multiple: true },
  'delete-branch': { type: 'boolean' },
  repo: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const;

/**
 * `gitops-rollback revert <rev|A..B>...` and `gitops-rollback restore <path>... --to <rev>`:
 * the same engine as the action, run in the current work tree.
 */
export async function rollbackCommand(mode: 'revert' | 'restore', argv: string[], out: Output): Promise<number> {
  const { values, positionals } = parseOrUsage(mode, argv);
  if (values.help) {
    out.stdout(commandUsage(mode));
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw usageError(`Invalid --format '${format}'. Expected text or json.`);
  const pullRequests = parsePullRequestNumbers(values.pr ?? [], '--pr');
  if (mode === 'restore' && values.pr)
    throw usageError('restore does not take --pr: revert a pull request with gitops-rollback revert --pr <number>.');
  if (positionals.length === 0 && pullRequests.length === 0) {
    throw usageError(
      mode === 'revert'
        ? 'revert needs the commits to revert: gitops-rollback revert <rev|A..B>... (or a merged pull request: --pr <number>)'
        : 'restore needs the paths to restore: gitops-rollback restore <path>... --to <rev>'
    );
  }
  const deliver = values.deliver ?? 'none';
  const git = await openWorkTree(process.cwd(), deliver === 'none' ? undefined : tokenForGit());
  const committer = values.committer ?? (await gitIdentity(git));
  let raw: RawRequest = {
    commits: mode === 'revert' ? positionals : [],
    restorePaths: mode === 'restore' ? positionals : [],
    restoreTo: values.to,
    mainline: values.mainline,
    squash: values.squash,
    incident: values.incident,
    reason: values.reason,
    // Who rolled back: named, else the workflow's actor, else the user, else the committer's name.
    actor: values.actor ?? process.env.GITHUB_ACTOR ?? (await git.tryConfig('user.name')) ?? committer.replace(/\s*<[^>]*>\s*$/, ''),
    deliver,
    targetBranch: values['target-branch'] ?? (await git.currentBranch()),
    branch: values.branch,
    remote: values.remote,
    dryRun: values['dry-run'],
    allowUnsafe: values['allow-unsafe'],
    fallbackToPullRequest: !values['no-fallback'],
    signCommits: values['sign-commits'],
    committer,
    title: values.title,
    labels: values.label,
    reviewers: values.reviewer,
    teamReviewers: values['team-reviewer'],
    draft: values.draft,
    body: values.body,
    assignees: values.assignee,
    deleteBranch: values['delete-branch']
  };
  if (mode === 'restore' && !values.to) throw usageError('restore needs --to <rev>: the known-good revision to restore the paths to.');
  const log = stderrLogger(out);
  const github = githubFromEnvironment(values.repo);
  if (pullRequests.length > 0) {
    assertOnlyPullRequests(raw, (values.pr ?? []).join(', '), flagNames);
    if (!github) throw usageError(`--pr needs the GitHub API to find the pull request's commits: ${NEEDS_API}`);
    raw = await withPullRequests(raw, pullRequests, github, log);
  }
  const request = await validateRequest(raw, flagNames);
  const port = deliver === 'none' || !github ? undefined : pullRequestPort(github, serverUrl());
  if (deliver === 'pull-request' && !port && !request.dryRun) throw usageError(`--deliver pull-request needs the GitHub API: ${NEEDS_API}`);
  if (request.signCommits && !github && !request.dryRun)
    throw usageError(`--sign-commits makes the commits through the GitHub API: ${NEEDS_API}`);
  const gitData = request.signCommits && github ? gitDataPort(github) : undefined;
  const result = await runRollback(request, { git, log, pullRequests: port, gitData });
  if (github && port) await commentOnReverted(github, result, request.audit, port, log);
  out.stdout(format === 'json' ? JSON.stringify(result, null, 2) : terminalText(describe(result)));
  if (result.pullRequestFailure) {
    const { why, howToFinish } = result.pullRequestFailure;
    out.stderr(
      terminalText(`error: the rollback branch '${result.branch}' was pushed, but the pull request was not created: ${why} ${howToFinish}`)
    );
    return 1;
  }
  return 0;
}

const NEEDS_API = 'set GITHUB_TOKEN, and name the repository with --repo owner/name (or GITHUB_REPOSITORY).';

/** The request for merged pull requests `numbers` of the repository: their commits, found through the API, on the target branch. */
async function withPullRequests(raw: RawRequest, numbers: number[], github: GitHubConnection, log: Logger): Promise<RawRequest> {
  const target = raw.targetBranch ? branchName(raw.targetBranch) : undefined;
  if (!target) throw usageError('--pr needs the branch the pull requests were merged into: check it out, or pass --target-branch.');
  const { resolvePullRequests } = await import('../github/pull-commits.js');
  const pulls = await resolvePullRequests(await github.client(), github.repo, numbers, target);
  for (const p of pulls) {
    log.info(
      `Pull request #${p.number} ("${printable(p.title, 120)}"), merged into '${printable(target)}' by ${p.method}: reverting ${p.commits.map(shortSha).join(', ')}.`
    );
  }
  return revertPullRequests({ ...raw, targetBranch: target }, pulls);
}

/** After a push or a pull request, tells the reverted pull requests where the rollback is; failures are warnings. */
async function commentOnReverted(
  github: GitHubConnection,
  result: RollbackResult,
  audit: AuditContext,
  port: PullRequestPort,
  log: Logger
): Promise<void> {
  const numbers = (audit.pullRequests ?? []).map(p => p.number);
  const delivered = result.commitSha && ['pushed', 'created', 'updated'].includes(result.operation);
  if (numbers.length === 0 || !delivered) return;
  const { commentRolledBack } = await import('../github/pull-commits.js');
  const warnings = await commentRolledBack(await github.client(), github.repo, numbers, rolledBackComment(result, audit, port.commitUrl));
  for (const w of warnings) log.warning(w);
  if (warnings.length === 0) log.info(`Commented on ${numbers.map(n => `#${n}`).join(', ')} with the rollback's link.`);
}

/**
 * The identity git would give a commit of the user's (user.name and user.email, or GIT_COMMITTER_*),
 * resolved once so that every commit the engine writes carries it explicitly. Without one, the
 * CLI stops before fetching anything and says what to set.
 */
async function gitIdentity(git: Git): Promise<string> {
  const identity = await git.tryCommitterIdentity();
  if (!identity) {
    throw usageError(
      'No git identity to write the rollback commits with. Set one with git config user.name "Your Name" and ' +
        'git config user.email you@example.com (add --global for every repository), or pass --committer "Name <email>".'
    );
  }
  return identity;
}

function parseOrUsage(mode: 'revert' | 'restore', argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(`${(error as Error).message}\nRun 'gitops-rollback ${mode} --help' for its options.`);
  }
}

/**
 * The GitHub API for the CLI: GITHUB_TOKEN (or GH_TOKEN), the repository named by --repo or
 * GITHUB_REPOSITORY, and GITHUB_API_URL when set; undefined without a token or a repository.
 */
function githubFromEnvironment(repoOption: string | undefined): GitHubConnection | undefined {
  return connectGitHub({
    token: process.env.GITHUB_TOKEN || process.env.GH_TOKEN,
    repository: repoOption || process.env.GITHUB_REPOSITORY,
    apiUrl: process.env.GITHUB_API_URL
  });
}

function serverUrl(): string {
  return process.env.GITHUB_SERVER_URL || 'https://github.com';
}

/** When delivering, GITHUB_TOKEN (or GH_TOKEN) authenticates git on GITHUB_SERVER_URL as it does the API. */
function tokenForGit() {
  const name = process.env.GITHUB_TOKEN ? 'GITHUB_TOKEN' : 'GH_TOKEN';
  return gitHttpAuth(process.env[name], process.env.GITHUB_SERVER_URL || 'https://github.com', name);
}

/** The result as text; names and subjects come from the repository, so each is shown escaped. */
function describe(result: RollbackResult): string {
  const e = escapeControls;
  const lines = [`operation: ${result.operation}`, `target-branch: ${e(result.targetBranch)}`];
  if (result.commitSha) lines.push(`commit: ${result.commitSha}`);
  if (result.pullRequest) lines.push(`pull-request: #${result.pullRequest.number} ${e(result.pullRequest.url)}`);
  if (result.restoredTo) lines.push(`restored-to: ${result.restoredTo} (${result.restoredPaths?.map(e).join(', ')})`);
  for (const c of result.revertedCommits) lines.push(`reverted: ${shortSha(c.sha)} ${e(c.subject)}`);
  for (const c of result.skipped) lines.push(`skipped (already reverted): ${shortSha(c.sha)} ${e(c.subject)}`);
  const stale = result.staleBranch;
  if (stale?.deleted)
    lines.push(
      `deleted-branch: ${e(stale.branch)}${stale.closedPullRequest ? ` (closed #${stale.closedPullRequest.number} ${e(stale.closedPullRequest.url)})` : ''}`
    );
  else if (stale) lines.push(`kept-branch: ${e(stale.branch)}: ${e(stale.why ?? '')}`);
  if (result.diffStat) lines.push('', result.diffStat);
  return lines.join('\n');
}
