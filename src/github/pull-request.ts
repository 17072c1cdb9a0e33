import { setTimeout as sleep } from 'node:timers/promises';
import { callGitHub, explainApiError, githubMessage, isRequestError } from './api-error.js';
import type { GitHubClient } from './client.js';
import { repoName, type RepoRef } from './repository.js';

/** What the pull request should look like. `head` and `base` are branch names in `repo`. */
export interface PullRequestSpec {
  repo: RepoRef;
  head: string;
  base: string;
  title: string;
  body: string;
  labels?: string[];
  reviewers?: string[];
  teamReviewers?: string[];
  /** GitHub users to assign; added on every run (assigning again changes nothing). */
  assignees?: string[];
  draft?: boolean;
}

export interface PullRequestResult {
  number: number;
  url: string;
  operation: 'created' | 'updated';
}

interface PullRef {
  number: number;
  html_url: string;
}

const PULLS_WRITE = 'pull-requests: write';

/** The repository's default branch, e.g. `main`. */
export async function getDefaultBranch(client: GitHubClient, repo: RepoRef): Promise<string> {
  const { data } = await callGitHub(`read the repository ${repoName(repo)}`, 'contents: read', () => client.rest.repos.get({ ...repo }));
  return data.default_branch;
}

/**
 * Opens a pull request from `head` into `base`, or updates the title and body of the one already
 * open. Labels are (re)applied either way; reviewers are requested only for a new pull request so
 * re-runs do not ping them again. Failing to label or request reviewers is a warning: the pull
 * request exists.
 */
export async function openOrUpdatePullRequest(client: GitHubClient, spec: PullRequestSpec): Promise<PullRequestResult> {
  const existing = await findOpenPullRequest(client, spec);
  if (existing) return updatePullRequest(client, spec, existing);
  const created = await createPullRequest(client, spec);
  if (!created) {
    // Another run opened it between our lookup and our create.
    const raced = await findOpenPullRequest(client, spec);
    if (!raced) {
      throw new Error(
        `GitHub says a pull request from '${spec.head}' already exists in ${repoName(spec.repo)}, ` +
          `but none is open into '${spec.base}'. Close or retarget it and run again.`
      );
    }
    return updatePullRequest(client, spec, raced);
  }
  await addLabels(client, spec, created.number);
  await addAssignees(client, spec, created.number);
  await requestReviewers(client, spec, created.number);
  return { number: created.number, url: created.html_url, operation: 'created' };
}

/**
 * Closes the open pull request from `head` into `base` in `repo`, after commenting `comment` on
 * it. Resolves to it, or to undefined when none is open.
 */
export async function closePullRequest(
  client: GitHubClient,
  spec: { repo: RepoRef; head: string; base: string; comment: string }
): Promise<{ number: number; url: string } | undefined> {
  const open = await findOpenPullRequest(client, spec);
  if (!open) return undefined;
  const where = `pull request #${open.number} in ${repoName(spec.repo)}`;
  await callGitHub(`comment on ${where}`, PULLS_WRITE, () =>
    client.rest.issues.createComment({ ...spec.repo, issue_number: open.number, body: spec.comment })
  );
  await callGitHub(`close ${where}`, PULLS_WRITE, () =>
    client.rest.pulls.update({ ...spec.repo, pull_number: open.number, state: 'closed' })
  );
  return { number: open.number, url: open.html_url };
}

async function findOpenPullRequest(
  client: GitHubClient,
  spec: { repo: RepoRef; head: string; base: string }
): Promise<PullRef | undefined> {
  const attempted = `look up open pull requests from '${spec.head}' in ${repoName(spec.repo)}`;
  const head = `${spec.repo.owner}:${spec.head}`;
  const { data } = await callGitHub(attempted, 'pull-requests: read', () =>
    client.rest.pulls.list({ ...spec.repo, head, base: spec.base, state: 'open' })
  );
  return data[0];
}

/** Creates the pull request; undefined when GitHub says one already exists for the branch. */
async function createPullRequest(client: GitHubClient, spec: PullRequestSpec): Promise<PullRef | undefined> {
  try {
    const { data } = await client.rest.pulls.create({
      ...spec.repo,
      head: spec.head,
      base: spec.base,
      title: spec.title,
      body: spec.body,
      draft: spec.draft ?? false
    });
    return data;
  } catch (error) {
    if (isDuplicatePullRequest(error)) return undefined;
    const attempted = `create a pull request from '${spec.head}' into '${spec.base}' in ${repoName(spec.repo)}`;
    throw explainApiError(error, attempted, PULLS_WRITE);
  }
}

function isDuplicatePullRequest(error: unknown): boolean {
  return isRequestError(error) && error.status === 422 && /pull request already exists/i.test(githubMessage(error));
}

async function updatePullRequest(client: GitHubClient, spec: PullRequestSpec, pull: PullRef): Promise<PullRequestResult> {
  await callGitHub(`update pull request #${pull.number} in ${repoName(spec.repo)}`, PULLS_WRITE, () =>
    client.rest.pulls.update({ ...spec.repo, pull_number: pull.number, title: spec.title, body: spec.body })
  );
  await addLabels(client, spec, pull.number);
  await addAssignees(client, spec, pull.number);
  return { number: pull.number, url: pull.html_url, operation: 'updated' };
}

/**
 * Assigns `spec.assignees`. GitHub leaves out, without an error, users who cannot be assigned
 * (not collaborators): they are named in a warning.
 */
async function addAssignees(client: GitHubClient, spec: PullRequestSpec, number: number): Promise<void> {
  const assignees = spec.assignees ?? [];
  if (assignees.length === 0) return;
  let assigned: string[] | undefined;
  await followUp(client, `assign ${assignees.join(', ')} to pull request #${number}`, 'issues: write', async () => {
    const { data } = await client.rest.issues.addAssignees({ ...spec.repo, issue_number: number, assignees });
    assigned = (data.assignees ?? []).map(a => a.login.toLowerCase());
  });
  const left = assigned && assignees.filter(a => !assigned!.includes(a.toLowerCase()));
  if (left?.length) {
    client.log.warn(
      `GitHub did not assign ${left.join(', ')} to pull request #${number}: only users with access to the repository can be assigned. The pull request itself was opened.`
    );
  }
}

async function addLabels(client: GitHubClient, spec: PullRequestSpec, number: number): Promise<void> {
  const labels = spec.labels ?? [];
  if (labels.length === 0) return;
  await followUp(client, `add labels ${labels.join(', ')} to pull request #${number}`, 'issues: write', () =>
    client.rest.issues.addLabels({ ...spec.repo, issue_number: number, labels })
  );
}

async function requestReviewers(client: GitHubClient, spec: PullRequestSpec, number: number): Promise<void> {
  const reviewers = spec.reviewers ?? [];
  const teamReviewers = spec.teamReviewers ?? [];
  if (reviewers.length === 0 && teamReviewers.length === 0) return;
  const who = [...reviewers, ...teamReviewers.map(team => `team ${team}`)].join(', ');
  await followUp(client, `request reviews from ${who} on pull request #${number}`, PULLS_WRITE, () =>
    client.rest.pulls.requestReviewers({ ...spec.repo, pull_number: number, reviewers, team_reviewers: teamReviewers })
  );
}

/**
 * Runs a call that decorates a pull request. GitHub sometimes answers 422 for a pull request it
 * created a moment ago, so 422s are repeated; a final failure is logged as a warning.
 */
async function followUp(client: GitHubClient, attempted: string, permission: string, call: () => Promise<unknown>): Promise<void> {
  const { retries, retryDelayMs } = client.retryPolicy;
  for (let attempt = 0; ; attempt++) {
    try {
      await call();
      return;
    } catch (error) {
      if (attempt < retries && mayBeTransient(error)) {
        await sleep(retryDelayMs * (attempt + 1));
        continue;
      }
      client.log.warn(`${explainApiError(error, attempted, permission).message} The pull request itself was opened.`);
      return;
    }
  }
}

function mayBeTransient(error: unknown): boolean {
  // A reviewer who is not a collaborator stays one; asking again cannot help.
  if (!isRequestError(error) || error.status !== 422) return false;
  if (/only be requested from collaborators/i.test(githubMessage(error))) return false;
  // A field GitHub names as invalid (a label name too long) stays invalid: a permanent 422.
  const errors = (error.response?.data as { errors?: unknown } | undefined)?.errors;
  return !(Array.isArray(errors) && errors.some(e => ['invalid', 'missing_field'].includes((e as { code?: unknown })?.code as string)));
}
