/**
 * Event payloads shaped like the ones GitHub writes to GITHUB_EVENT_PATH ("Webhook events and
 * payloads"): only fields GitHub sends, with GitHub's types, trimmed to what a reader could use.
 */

const REPOSITORY = {
  id: 1,
  name: 'fleet',
  full_name: 'acme/fleet',
  private: false,
  default_branch: 'main',
  owner: user('acme', 'Organization')
};

export function user(login: string, type: 'User' | 'Bot' | 'Organization' = login.endsWith('[bot]') ? 'Bot' : 'User') {
  return { login, id: hash(login), node_id: `U_${login}`, type, site_admin: false, html_url: `https://github.com/${login}` };
}

export interface CommentEventSeed {
  /** The issue or pull request number. */
  number: number;
  commentId: number;
  body: string;
  login: string;
  action?: 'created' | 'edited' | 'deleted';
  /** False for a comment on an issue (no `issue.pull_request`). */
  onPullRequest?: boolean;
  /** `issue.pull_request.merged_at`; null for an unmerged pull request. */
  mergedAt?: string | null;
  /** What GitHub says of the commenter; never proof of permission. */
  authorAssociation?: string;
  userType?: 'User' | 'Bot';
}

/** An `issue_comment` event. */
export function issueCommentEvent(seed: CommentEventSeed) {
  const html = `https://github.com/acme/fleet/${seed.onPullRequest === false ? 'issues' : 'pull'}/${seed.number}`;
  const commenter = user(seed.login, seed.userType);
  return {
    action: seed.action ?? 'created',
    ...(seed.action === 'edited' ? { changes: { body: { from: 'earlier text' } } } : {}),
    issue: {
      url: `https://api.github.com/repos/acme/fleet/issues/${seed.number}`,
      html_url: html,
      id: 5000 + seed.number,
      number: seed.number,
      title: `Change ${seed.number}`,
      user: user('author'),
      labels: [],
      state: seed.mergedAt === null ? 'open' : 'closed',
      locked: false,
      comments: 1,
      author_association: 'MEMBER',
      body: null,
      ...(seed.onPullRequest === false
        ? {}
        : {
            pull_request: {
              url: `https://api.github.com/repos/acme/fleet/pulls/${seed.number}`,
              html_url: html,
              diff_url: `${html}.diff`,
              patch_url: `${html}.patch`,
              merged_at: seed.mergedAt === undefined ? '2024-01-01T00:00:00Z' : seed.mergedAt
            }
          })
    },
    comment: {
      url: `https://api.github.com/repos/acme/fleet/issues/comments/${seed.commentId}`,
      html_url: `${html}#issuecomment-${seed.commentId}`,
      issue_url: `https://api.github.com/repos/acme/fleet/issues/${seed.number}`,
      id: seed.commentId,
      node_id: `IC_${seed.commentId}`,
      user: commenter,
      created_at: '2024-01-02T00:00:00Z',
      updated_at: '2024-01-02T00:00:00Z',
      author_association: seed.authorAssociation ?? 'CONTRIBUTOR',
      body: seed.body
    },
    repository: REPOSITORY,
    sender: commenter
  };
}

export interface PullRequestEventSeed {
  number: number;
  action: 'closed' | 'labeled' | 'opened' | 'synchronize' | 'unlabeled';
  merged: boolean;
  state?: 'open' | 'closed';
  labels: string[];
  /** The label just applied, for `labeled`. */
  label?: string;
  /** Who applied the label, merged or closed. */
  sender: string;
  base?: string;
  mergeCommitSha?: string | null;
}

/** A `pull_request` (or `pull_request_target`) event. */
export function pullRequestEvent(seed: PullRequestEventSeed) {
  const label = (name: string) => ({ id: hash(name), node_id: `LA_${name}`, name, color: 'ededed', default: false, description: null });
  const html = `https://github.com/acme/fleet/pull/${seed.number}`;
  return {
    action: seed.action,
    number: seed.number,
    ...(seed.label ? { label: label(seed.label) } : {}),
    pull_request: {
      url: `https://api.github.com/repos/acme/fleet/pulls/${seed.number}`,
      id: 100000 + seed.number,
      html_url: html,
      number: seed.number,
      state: seed.state ?? (seed.merged || seed.action === 'closed' ? 'closed' : 'open'),
      locked: false,
      title: `Change ${seed.number}`,
      user: user('author'),
      body: null,
      labels: seed.labels.map(label),
      merged: seed.merged,
      merged_at: seed.merged ? '2024-01-01T00:00:00Z' : null,
      merge_commit_sha: seed.mergeCommitSha ?? null,
      merged_by: seed.merged ? user(seed.sender) : null,
      head: { label: `acme:change-${seed.number}`, ref: `change-${seed.number}`, sha: 'c'.repeat(40), repo: REPOSITORY },
      base: { label: `acme:${seed.base ?? 'main'}`, ref: seed.base ?? 'main', sha: 'b'.repeat(40), repo: REPOSITORY },
      author_association: 'MEMBER'
    },
    repository: REPOSITORY,
    sender: user(seed.sender)
  };
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}
