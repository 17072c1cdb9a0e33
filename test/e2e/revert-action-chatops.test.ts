import { afterEach, describe, expect, it } from '@jest/globals';
import { startFakeGitHub, type FakeGitHub, type FakePull } from '../support/fake-github.js';
import { actionsCheckout, runAction, type ActionRun } from '../support/action-runner.js';
import { issueCommentEvent, pullRequestEvent, type CommentEventSeed } from '../support/events.js';
import { createRepo, git, type TestRepo } from '../support/repo.js';

/**
 * The bundled revert action run by a `/revert` comment (issue_comment) and by the trigger label
 * (pull_request), as a hosted runner runs it: Node 24, no git identity, a depth-1 checkout of the
 * default branch, the event payload GitHub writes, and the local GitHub API.
 */

const BUNDLE = 'dist/revert/index.js';
const TOKEN = 'tok';

describe('rolling back a merged pull request from a comment or a label', () => {
  let repo: TestRepo;
  let github: FakeGitHub;
  afterEach(async () => {
    repo?.cleanup();
    await github?.close();
  });

  /**
   * A fleet where pull request #1 (branch bump-podinfo) was merged into main with a merge commit,
   * and an unrelated change landed after it; the origin holds it all.
   */
  async function mergedPullRequest(
    later: Record<string, string> = { 'apps/redis.yaml': 'image: redis:7.2\n' }
  ): Promise<{ pull: FakePull; refs: string }> {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: podinfo:6.0.0\n', 'apps/redis.yaml': 'image: redis:7.0\n' });
    repo.git('checkout', '--quiet', '-b', 'bump-podinfo');
    const change = repo.commit({ 'apps/podinfo.yaml': 'image: podinfo:6.8.0\n' }, 'Bump podinfo to 6.8.0');
    repo.git('checkout', '--quiet', 'main');
    repo.git('merge', '--quiet', '--no-ff', '-m', 'Merge pull request #1 from acme/bump-podinfo', 'bump-podinfo');
    const merge = repo.git('rev-parse', 'HEAD');
    repo.commit(later, 'A later change');
    repo.push();
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet', token: TOKEN, gitDir: repo.origin });
    const pull = github.addPull({
      head: 'bump-podinfo',
      title: 'Bump podinfo to 6.8.0',
      commits: [change],
      merged: { mergeCommitSha: merge }
    });
    return { pull, refs: git(repo.origin, 'for-each-ref', '--format=%(refname) %(objectname)') };
  }

  let checkouts = 0;
  /** Runs the bundle on a fresh actions/checkout-made clone of main, as every workflow run gets one. */
  function run(event: object, eventName: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
    return runAction(BUNDLE, {
      cwd: actionsCheckout(repo, `checkout-${++checkouts}`),
      event,
      eventName,
      inputs: { token: TOKEN, ...inputs },
      env: { GITHUB_API_URL: github.url }
    });
  }

  async function comment(pull: FakePull, login: string, body: string, seed: Partial<CommentEventSeed> = {}) {
    const posted = github.addComment(pull.number, body, login);
    const event = issueCommentEvent({ number: pull.number, commentId: posted.id, body, login, ...seed });
    return { posted, run: await run(event, 'issue_comment') };
  }

  const reactions = (commentId: number) => github.state.reactions.filter(r => r.comment_id === commentId).map(r => r.content);
  const replies = (pull: FakePull) => github.state.comments.filter(c => c.issue_number === pull.number && c.user === 'github-actions[bot]');
  const file = (ref: string, path: string) => git(repo.origin, 'show', `${ref}:${path}`);

  it('/revert from a user with write access rolls the pull request back, reacts eyes then rocket, and replies with the link', async () => {
    const { pull } = await mergedPullRequest();
    github.setRole('alice', 'maintain');
    const { posted, run: result } = await comment(pull, 'alice', '/revert podinfo 6.8 fails its readiness probe');
    expect(result.stdout).not.toContain('::error');
    expect(result.exitCode).toBe(0);
    expect(result.outputs['trigger-decision']).toBe('revert');
    expect(result.outputs['requested-by']).toBe('alice');
    expect(result.outputs.operation).toBe('created');
    const rollback = github.state.pulls.find(p => p.number === Number(result.outputs['pull-request-number']))!;
    expect(rollback.base.ref).toBe('main');
    // The podinfo change is undone, the later redis change kept.
    expect(file(rollback.head.ref, 'apps/podinfo.yaml')).toBe('image: podinfo:6.0.0');
    expect(file(rollback.head.ref, 'apps/redis.yaml')).toBe('image: redis:7.2');
    const message = git(repo.origin, 'log', '-1', '--format=%B', rollback.head.ref);
    expect(message).toContain('Reason: podinfo 6.8 fails its readiness probe');
    expect(message).toContain('Rolled-back-by: alice');
    expect(reactions(posted.id)).toEqual(['eyes', 'rocket']);
    // One answer on the pull request: the reply carries the link.
    expect(replies(pull)).toHaveLength(1);
    const reply = replies(pull)[0];
    expect(reply.body).toContain('@alice asked to roll back #1. Rollback pull request opened:');
    expect(reply.body).toContain(rollback.html_url);
    expect(reply.body).not.toContain('readiness');
    // The permission was read through the API, for the commenter.
    expect(github.requestsTo('GET', /\/collaborators\/alice\/permission$/)).toHaveLength(1);
  });

  it('a rollback that fails is answered with confused and the error in a code block, and fails the step', async () => {
    // A later change to the same line: reverting the merge conflicts.
    const { pull, refs } = await mergedPullRequest({ 'apps/podinfo.yaml': 'image: podinfo:6.9.0\n' });
    github.setRole('alice', 'write');
    const { posted, run: result } = await comment(pull, 'alice', '/revert');
    expect(result.exitCode).toBe(1);
    expect(result.outputs['trigger-decision']).toBe('revert');
    expect(reactions(posted.id)).toEqual(['eyes', 'confused']);
    const reply = replies(pull).at(-1)!.body;
    expect(reply).toContain('@alice asked to roll back #1. The rollback failed');
    expect(reply).toMatch(/```text\n[^`]*apps\/podinfo\.yaml[^`]*\n```/);
    expect(reply).toContain('Nothing was pushed.');
    expect(git(repo.origin, 'for-each-ref', '--format=%(refname) %(objectname)')).toBe(refs);
  });

  it('/revert from a user without write access is refused: confused, a reply saying why, nothing pushed', async () => {
    const { pull, refs } = await mergedPullRequest();
    github.setRole('mallory', 'triage');
    // author_association says MEMBER; the API says triage, and the API decides.
    const { posted, run: result } = await comment(pull, 'mallory', '/revert', { authorAssociation: 'MEMBER' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['trigger-decision']).toBe('refused');
    expect(result.outputs.operation).toBe('none');
    expect(result.stdout).toContain('::notice::mallory has the `triage` role');
    expect(reactions(posted.id)).toEqual(['eyes', 'confused']);
    const reply = replies(pull).at(-1)!;
    expect(reply.body).toContain('@mallory asked to roll back #1. Refused');
    expect(reply.body).toContain('needs write, maintain or admin');
    expect(git(repo.origin, 'for-each-ref', '--format=%(refname) %(objectname)')).toBe(refs);
    expect(github.state.pulls).toHaveLength(1);
    // Re-running the workflow for the same comment edits the reply and adds no reaction.
    const again = await run(
      issueCommentEvent({ number: pull.number, commentId: posted.id, body: '/revert', login: 'mallory' }),
      'issue_comment'
    );
    expect(again.outputs['trigger-decision']).toBe('refused');
    expect(replies(pull)).toHaveLength(1);
    expect(reactions(posted.id)).toEqual(['eyes', 'confused']);
  });

  it('a user GitHub does not know as a collaborator (404) is refused the same way', async () => {
    const { pull, refs } = await mergedPullRequest();
    const { posted, run: result } = await comment(pull, 'stranger', '/revert now');
    expect(result.exitCode).toBe(0);
    expect(result.outputs['trigger-decision']).toBe('refused');
    expect(reactions(posted.id)).toEqual(['eyes', 'confused']);
    expect(replies(pull).at(-1)!.body).toContain('stranger is not a collaborator');
    expect(git(repo.origin, 'for-each-ref', '--format=%(refname) %(objectname)')).toBe(refs);
  });

  it('a comment that is not a command does nothing: no API call, no reaction, no reply', async () => {
    const { pull, refs } = await mergedPullRequest();
    github.setRole('alice', 'admin');
    for (const body of ['LGTM, but /revert if it breaks', '/reverted already?', ' /revert']) {
      const { run: result } = await comment(pull, 'alice', body);
      expect(result.exitCode).toBe(0);
      expect(result.outputs['trigger-decision']).toBe('ignored');
      expect(result.outputs.operation).toBe('none');
    }
    // An edited /revert comment is not run again.
    const { run: edited } = await comment(pull, 'alice', '/revert', { action: 'edited' });
    expect(edited.outputs['trigger-decision']).toBe('ignored');
    expect(edited.stdout).toContain('only new comments are commands');
    expect(github.requests).toEqual([]);
    expect(git(repo.origin, 'for-each-ref', '--format=%(refname) %(objectname)')).toBe(refs);
  });

  it('/revert on an open pull request is refused with a reply', async () => {
    await mergedPullRequest();
    const open = github.addPull({ head: 'wip' });
    github.setRole('alice', 'write');
    const { posted, run: result } = await comment(open, 'alice', '/revert', { mergedAt: null });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['trigger-decision']).toBe('refused');
    expect(reactions(posted.id)).toEqual(['eyes', 'confused']);
    expect(replies(open).at(-1)!.body).toContain(`#${open.number} is open, not merged`);
  });

  it('the trigger label on a merged pull request, applied by a user with write access, rolls it back', async () => {
    const { pull } = await mergedPullRequest();
    github.setRole('bob', 'write');
    const event = pullRequestEvent({
      number: pull.number,
      action: 'labeled',
      merged: true,
      labels: ['revert'],
      label: 'revert',
      sender: 'bob'
    });
    const result = await run(event, 'pull_request_target', { labels: 'rollback' });
    expect(result.stdout).not.toContain('::error');
    expect(result.exitCode).toBe(0);
    expect(result.outputs['trigger-decision']).toBe('revert');
    expect(result.outputs['requested-by']).toBe('bob');
    expect(result.outputs.operation).toBe('created');
    const rollback = github.state.pulls.find(p => p.number === Number(result.outputs['pull-request-number']))!;
    expect(rollback.labels).toEqual(['rollback']);
    expect(file(rollback.head.ref, 'apps/podinfo.yaml')).toBe('image: podinfo:6.0.0');
    expect(git(repo.origin, 'log', '-1', '--format=%B', rollback.head.ref)).toContain('Rolled-back-by: bob');
    expect(replies(pull)).toHaveLength(1);
    expect(replies(pull)[0].body).toContain(
      `@bob labelled #1 for a rollback. Rollback pull request opened: #${rollback.number} ${rollback.html_url}`
    );
    expect(github.state.reactions).toEqual([]);
  });

  it('the trigger label applied by a triager is refused with a reply, nothing pushed', async () => {
    const { pull, refs } = await mergedPullRequest();
    github.setRole('tina', 'triage');
    const event = pullRequestEvent({
      number: pull.number,
      action: 'labeled',
      merged: true,
      labels: ['revert'],
      label: 'revert',
      sender: 'tina'
    });
    const result = await run(event, 'pull_request');
    expect(result.exitCode).toBe(0);
    expect(result.outputs['trigger-decision']).toBe('refused');
    expect(replies(pull).at(-1)!.body).toContain('@tina labelled #1 for a rollback. Refused');
    expect(git(repo.origin, 'for-each-ref', '--format=%(refname) %(objectname)')).toBe(refs);
  });

  it('the trigger label on an open pull request is a notice, and other labels are nothing', async () => {
    await mergedPullRequest();
    const open = github.addPull({ head: 'wip' });
    const labelled = pullRequestEvent({
      number: open.number,
      action: 'labeled',
      merged: false,
      labels: ['revert'],
      label: 'revert',
      sender: 'bob'
    });
    const result = await run(labelled, 'pull_request');
    expect(result.exitCode).toBe(0);
    expect(result.outputs['trigger-decision']).toBe('ignored');
    expect(result.stdout).toContain(`::notice::#${open.number} is labelled 'revert' but not merged yet`);
    const other = pullRequestEvent({
      number: 1,
      action: 'labeled',
      merged: true,
      labels: ['revert', 'area/apps'],
      label: 'area/apps',
      sender: 'bob'
    });
    expect((await run(other, 'pull_request')).outputs['trigger-decision']).toBe('ignored');
    expect(github.requests).toEqual([]);
  });

  it('refuses a trigger label that the rollback pull requests would carry', async () => {
    const { pull } = await mergedPullRequest();
    const event = pullRequestEvent({ number: pull.number, action: 'closed', merged: true, labels: ['rollback'], sender: 'bob' });
    const result = await run(event, 'pull_request', { 'trigger-label': 'rollback', labels: 'rollback' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain("::error::trigger-label 'rollback' is also in labels");
    expect(github.requests).toEqual([]);
  });
});
