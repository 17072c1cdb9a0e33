import { parseArgs } from 'node:util';
import type { Git } from '../git/git.js';
import { gitHttpAuth } from '../git/http-auth.js';
import { connectGitHub, pullRequestPort } from '../github/connection.js';
import { runRollback, type RollbackResult } from '../rollback/run.js';
import { type RawRequest, validateRequest } from '../rollback/validate.js';
import { flagNames } from './flag-names.js';
import { stderrLogger, terminalText, type Output, usageError } from './output.js';
import { commandUsage } from './usage.js';
import { openWorkTree } from './work-tree.js';
import { escapeControls, shortSha } from '../core/index.js';

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
  committer: { type: 'string' },
  title: { type: 'string' },
  label: { type: 'string', multiple: true },
  reviewer: { type: 'string', multiple: true },
  'team-reviewer': { type: 'string', multiple: true },
  draft: { type: 'boolean' },
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
  if (positionals.length === 0) {
    throw usageError(
      mode === 'revert'
        ? 'revert needs the commits to revert: gitops-rollback revert <rev|A..B>...'
        : 'restore needs the paths to restore: gitops-rollback restore <path>... --to <rev>'
    );
  }
  const deliver = values.deliver ?? 'none';
  const git = await openWorkTree(process.cwd(), deliver === 'none' ? undefined : tokenForGit());
  const raw: RawRequest = {
    commits: mode === 'revert' ? positionals : [],
    restorePaths: mode === 'restore' ? positionals : [],
    restoreTo: values.to,
    mainline: values.mainline,
    squash: values.squash,
    incident: values.incident,
    reason: values.reason,
    actor: values.actor ?? process.env.GITHUB_ACTOR ?? (await git.tryConfig('user.name')),
    deliver,
    targetBranch: values['target-branch'] ?? (await git.currentBranch()),
    branch: values.branch,
    remote: values.remote,
    dryRun: values['dry-run'],
    allowUnsafe: values['allow-unsafe'],
    fallbackToPullRequest: !values['no-fallback'],
    committer: values.committer ?? (await gitIdentity(git)),
    title: values.title,
    labels: values.label,
    reviewers: values.reviewer,
    teamReviewers: values['team-reviewer'],
    draft: values.draft
  };
  if (mode === 'restore' && !values.to) throw usageError('restore needs --to <rev>: the known-good revision to restore the paths to.');
  const request = await validateRequest(raw, flagNames);
  const log = stderrLogger(out);
  const pullRequests = deliver === 'none' ? undefined : githubFromEnvironment(values.repo);
  if (deliver === 'pull-request' && !pullRequests && !request.dryRun) {
    throw usageError(
      '--deliver pull-request needs the GitHub API: set GITHUB_TOKEN, and name the repository with --repo owner/name (or GITHUB_REPOSITORY).'
    );
  }
  const result = await runRollback(request, { git, log, pullRequests });
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

/** Pull requests from the CLI use GITHUB_TOKEN and the repository named by --repo or GITHUB_REPOSITORY. */
function githubFromEnvironment(repoOption: string | undefined) {
  const github = connectGitHub({
    token: process.env.GITHUB_TOKEN || process.env.GH_TOKEN,
    repository: repoOption || process.env.GITHUB_REPOSITORY,
    apiUrl: process.env.GITHUB_API_URL
  });
  return github && pullRequestPort(github, process.env.GITHUB_SERVER_URL ?? 'https://github.com');
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
  if (result.diffStat) lines.push('', result.diffStat);
  return lines.join('\n');
}
