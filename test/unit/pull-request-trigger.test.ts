import { describe, expect, it } from '@jest/globals';
import { replyBody, type Conversation } from '../../src/actions/revert/chatops.js';
import { parseRevertCommand, readPullRequestTrigger } from '../../src/actions/revert/pull-request-trigger.js';
import { codeBlock, codeSpan } from '../../src/core/index.js';
import type { RollbackResult } from '../../src/rollback/run.js';
import { issueCommentEvent, pullRequestEvent } from '../support/events.js';

describe('the /revert command', () => {
  it.each([
    ['/revert', {}],
    ['/revert\n', {}],
    ['/revert   ', {}],
    ['/revert podinfo 6.8 crash-loops', { reason: 'podinfo 6.8 crash-loops' }],
    ['/revert\tbad image', { reason: 'bad image' }],
    ['/revert first line\r\nsecond line\n\n', { reason: 'first line\nsecond line' }],
    ['/revert\nreason on the next line', { reason: 'reason on the next line' }]
  ])('%j is a command', (body, expected) => {
    expect(parseRevertCommand(body)).toEqual(expected);
  });

  it.each([
    ['/reverted'],
    ['/reverts'],
    ['/Revert'],
    ['/REVERT'],
    [' /revert'],
    ['\n/revert'],
    ['please /revert'],
    ['> /revert'],
    ['`/revert`'],
    ['/revert-this'],
    ['/revert\u00a0reason'],
    ['revert'],
    ['']
  ])('%j is not', body => {
    expect(parseRevertCommand(body)).toBeUndefined();
  });

  it('keeps the reason plain: control characters become spaces, a long one is cut', () => {
    expect(parseRevertCommand('/revert a\u0000b\u001b[31mc')).toEqual({ reason: 'a b [31mc' });
    const long = parseRevertCommand(`/revert ${'x'.repeat(5000)}`);
    expect(long?.reason).toHaveLength(2001);
    expect(long?.reason?.endsWith('…')).toBe(true);
  });
});

describe('what a pull-request event asks for', () => {
  const comment = (over: Partial<Parameters<typeof issueCommentEvent>[0]> = {}) =>
    issueCommentEvent({ number: 12, commentId: 77, body: '/revert crash loop', login: 'alice', ...over });

  it('a new /revert comment on a pull request asks to roll it back, the reason only as text', () => {
    expect(readPullRequestTrigger('issue_comment', comment(), 'revert')).toEqual({
      act: true,
      via: 'comment',
      number: 12,
      requester: 'alice',
      commentId: 77,
      reason: 'crash loop'
    });
    // The pull request is the one commented on, whatever the text names.
    const other = readPullRequestTrigger('issue_comment', comment({ body: '/revert #99 abc1234' }), 'revert');
    expect(other).toMatchObject({ act: true, number: 12, reason: '#99 abc1234' });
  });

  it('ignores other comments quietly, and edited ones, issues and bots with a reason', () => {
    expect(readPullRequestTrigger('issue_comment', comment({ body: 'LGTM' }), 'revert')).toMatchObject({ act: false, quiet: true });
    expect(readPullRequestTrigger('issue_comment', comment({ action: 'edited' }), 'revert')).toMatchObject({
      act: false,
      why: expect.stringContaining('edited, not created')
    });
    expect(readPullRequestTrigger('issue_comment', comment({ action: 'deleted' }), 'revert')).toMatchObject({ act: false });
    expect(readPullRequestTrigger('issue_comment', comment({ onPullRequest: false }), 'revert')).toMatchObject({
      act: false,
      why: '#12 is an issue, not a pull request: /revert rolls back pull requests.'
    });
    expect(readPullRequestTrigger('issue_comment', comment({ login: 'github-actions[bot]' }), 'revert')).toMatchObject({
      act: false,
      why: expect.stringContaining('bot')
    });
    expect(readPullRequestTrigger('issue_comment', comment({ login: 'deploy-app', userType: 'Bot' }), 'revert')).toMatchObject({
      act: false
    });
  });

  it('refuses a payload whose login or numbers are not what GitHub sends', () => {
    const forged = comment();
    forged.comment.user.login = 'alice\n::set-output name=x::y';
    expect(() => readPullRequestTrigger('issue_comment', forged, 'revert')).toThrow(/comment\.user\.login .*Expected a GitHub login/);
    const noNumber = comment() as any;
    noNumber.issue.number = '12; rm -rf /';
    expect(() => readPullRequestTrigger('issue_comment', noNumber, 'revert')).toThrow(/issue\.number .*Expected a positive number/);
  });

  const labelled = (over: Partial<Parameters<typeof pullRequestEvent>[0]> = {}) =>
    pullRequestEvent({ number: 15, action: 'labeled', merged: true, labels: ['revert'], label: 'revert', sender: 'bob', ...over });

  it('the trigger label on a merged pull request asks to roll it back, for whoever applied it', () => {
    expect(readPullRequestTrigger('pull_request', labelled(), 'revert')).toEqual({ act: true, via: 'label', number: 15, requester: 'bob' });
    // GitHub label names are case-insensitive.
    expect(readPullRequestTrigger('pull_request_target', labelled({ label: 'Revert', labels: ['Revert'] }), 'revert')).toMatchObject({
      act: true
    });
  });

  it('so does merging a pull request that carries it, for whoever merged it', () => {
    const merged = labelled({ action: 'closed', label: undefined, labels: ['area/apps', 'revert'], sender: 'carol' });
    expect(readPullRequestTrigger('pull_request', merged, 'revert')).toEqual({ act: true, via: 'label', number: 15, requester: 'carol' });
  });

  it('other labels, unlabelled merges and other actions ask for nothing, quietly', () => {
    expect(readPullRequestTrigger('pull_request', labelled({ label: 'area/apps' }), 'revert')).toMatchObject({ act: false, quiet: true });
    const plain = labelled({ action: 'closed', label: undefined, labels: ['area/apps'] });
    expect(readPullRequestTrigger('pull_request', plain, 'revert')).toMatchObject({ act: false, quiet: true });
    const closed = labelled({ action: 'closed', label: undefined, merged: false });
    expect(readPullRequestTrigger('pull_request', closed, 'revert')).toMatchObject({ act: false, quiet: true });
    expect(readPullRequestTrigger('pull_request', labelled({ action: 'synchronize' }), 'revert')).toMatchObject({
      act: false,
      quiet: true
    });
  });

  it('the label on an open or closed-unmerged pull request is a notice: nothing to roll back (yet)', () => {
    expect(readPullRequestTrigger('pull_request', labelled({ merged: false, state: 'open' }), 'revert')).toEqual({
      act: false,
      why: "#15 is labelled 'revert' but not merged yet: it is rolled back when it is merged with the label on."
    });
    expect(readPullRequestTrigger('pull_request', labelled({ merged: false, state: 'closed' }), 'revert')).toMatchObject({
      act: false,
      why: expect.stringContaining('closed without being merged')
    });
  });
});

describe('untrusted text in a reply', () => {
  it('a code block cannot be closed from inside, and nothing in it renders', () => {
    const text = 'bad ``` fence\n```\n@everyone [x](https://evil) <img src=x>';
    const block = codeBlock(text);
    expect(block.startsWith('````text\n')).toBe(true);
    expect(block.endsWith('\n````')).toBe(true);
    expect(block.slice(9, -5)).toBe(text);
  });

  it('a code span too', () => {
    expect(codeSpan('main')).toBe('`main`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan('a\nb')).toBe('`a b`');
  });

  const conversation: Conversation = {
    github: { repo: { owner: 'acme', repo: 'fleet' }, client: () => Promise.reject(new Error('unused')) },
    ask: { act: true, via: 'comment', number: 12, requester: 'alice', commentId: 77, reason: '@everyone **now**' },
    runUrl: 'https://github.com/acme/fleet/actions/runs/4242',
    serverUrl: 'https://github.com'
  };
  const result: RollbackResult = {
    operation: 'created',
    targetBranch: 'main',
    commitSha: 'a'.repeat(40),
    revertedCommits: [],
    skipped: [],
    diffStat: '',
    findings: [],
    fellBackToPullRequest: false,
    pullRequest: { number: 13, url: 'https://github.com/acme/fleet/pull/13' }
  };

  it('names the rollback pull request, mentions only the requester, never echoes the reason', () => {
    const body = replyBody(conversation, {
      trigger: { decision: 'revert', via: 'comment', number: 12, requester: 'alice' },
      rollback: { result, audit: {} }
    });
    expect(body).toBe(
      '@alice asked to roll back #12. Rollback pull request opened: #13 https://github.com/acme/fleet/pull/13 ([workflow run](https://github.com/acme/fleet/actions/runs/4242))'
    );
    expect(body).not.toContain('everyone');
  });

  it('shows a failure in a code block', () => {
    const body = replyBody(conversation, {
      trigger: { decision: 'revert', via: 'comment', number: 12, requester: 'alice' },
      error: { message: "Conflict in 'apps/@team/x.yaml' [link](https://evil)" }
    });
    expect(body).toContain("```text\nConflict in 'apps/@team/x.yaml' [link](https://evil)\n```");
    expect(body).toContain('Nothing was pushed.');
  });
});
