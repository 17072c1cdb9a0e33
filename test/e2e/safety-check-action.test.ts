import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionsCheckout, runAction } from '../support/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { claim, createFleetRepo } from '../support/fleet.js';
import type { TestRepo } from '../support/repo.js';

const BUNDLE = 'dist/safety-check/index.js';

describe('bundled safety-check action under Node 24 on a pull_request event', () => {
  let repo: TestRepo;
  let github: FakeGitHub;
  afterEach(async () => {
    repo?.cleanup();
    await github?.close();
  });

  async function setup() {
    repo = createFleetRepo();
    repo.commit({ 'infrastructure/redis/pvc.yaml': claim('redis-data', '8Gi') }, 'Add the redis claim');
    repo.push();
    const base = repo.git('rev-parse', 'HEAD');
    repo.git('checkout', '-q', '-b', 'grow');
    repo.commit({ 'infrastructure/redis/pvc.yaml': claim('redis-data', '16Gi') }, 'Grow redis');
    const head = repo.git('rev-parse', 'HEAD');
    repo.git('push', '-q', 'origin', 'grow');
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet' });
    const pull = github.addPull({ head: 'grow', base: 'main', title: 'Grow redis', headSha: head, baseSha: base });
    // GitHub's test merge, which actions/checkout checks out for a pull_request event.
    repo.git('checkout', '-q', '--detach', base);
    repo.git('merge', '-q', '--no-ff', '-m', `Merge ${head} into ${base}`, head);
    repo.git('push', '-q', 'origin', `HEAD:refs/pull/${pull.number}/merge`);
    repo.git('checkout', '-q', 'grow');
    const event = {
      action: 'synchronize',
      number: pull.number,
      pull_request: { number: pull.number, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'grow' }, labels: [] }
    };
    return { base, head, pull, event };
  }

  const run = (cwd: string, event: object, inputs: Record<string, string> = {}) =>
    runAction(BUNDLE, {
      cwd,
      event,
      eventName: 'pull_request',
      inputs: { token: 'tok', 'fail-on': 'error', ...inputs },
      env: { GITHUB_API_URL: github.url }
    });

  it('fails with an annotation, outputs, summary and one sticky comment; the acknowledge label turns it green', async () => {
    const { event, pull } = await setup();
    const checkout = actionsCheckout(repo, 'checkout', { pullRequest: pull.number });
    const first = await run(checkout, event);
    expect(first.exitCode).toBe(1);
    expect(first.stdout).toContain(
      '::error title=error%3A pvc-expand (reverting later),file=infrastructure/redis/pvc.yaml,line=1::PersistentVolumeClaim redis/redis-data: This change grows the storage'
    );
    expect(first.outputs.unsafe).toBe('true');
    expect(first.outputs.count).toBe('1');
    expect(JSON.parse(first.outputs.findings)[0]).toMatchObject({
      rule: 'pvc-expand',
      direction: 'rollback',
      file: 'infrastructure/redis/pvc.yaml',
      line: 1
    });
    expect(first.summary).toContain('## Rollback safety');
    expect(first.summary).toContain('| `pvc-expand` | reverting later | PersistentVolumeClaim redis/redis-data |');
    expect(github.state.comments).toHaveLength(1);
    expect(github.state.comments[0].body).toContain('<!-- gitops-rollback:safety-check -->');

    github.setLabels(pull.number, ['rollback-safety-acknowledged']);
    const second = await run(checkout, event);
    expect(second.exitCode).toBe(0);
    expect(second.outputs.unsafe).toBe('true');
    expect(second.stdout).toContain('::warning title=error%3A pvc-expand (reverting later),file=infrastructure/redis/pvc.yaml,line=1::');
    expect(second.summary).toContain('acknowledged by label: the check passes');
    expect(github.state.comments).toHaveLength(1);
    expect(github.state.comments[0].body).toContain('acknowledged by label');
  });

  it('turns the comment into an all-clear when the hazard goes away, and posts none for a clean PR', async () => {
    const { event, pull } = await setup();
    const checkout = actionsCheckout(repo, 'checkout', { pullRequest: pull.number });
    await run(checkout, event);
    expect(github.state.comments).toHaveLength(1);
    const clean = { ...event, pull_request: { ...event.pull_request, head: { sha: event.pull_request.base.sha, ref: 'grow' } } };
    const fixed = await run(checkout, clean);
    expect(fixed.exitCode).toBe(0);
    expect(fixed.outputs.unsafe).toBe('false');
    expect(github.state.comments).toHaveLength(1);
    expect(github.state.comments[0].body).toContain('✅ No rollback hazards');
  });

  it('reads the pull request through the API when there is no checkout', async () => {
    const { event, pull, base, head } = await setup();
    github.setPullFiles(pull.number, [{ filename: 'infrastructure/redis/pvc.yaml', status: 'modified', additions: 1, deletions: 1 }]);
    github.setFile(base, 'infrastructure/redis/pvc.yaml', claim('redis-data', '8Gi'));
    github.setFile(head, 'infrastructure/redis/pvc.yaml', claim('redis-data', '16Gi'));
    const empty = mkdtempSync(join(tmpdir(), 'no-checkout-'));
    const result = await run(empty, event, { comment: 'false' });
    expect(result.stdout).toContain('No checkout found: reading the pull request through the GitHub API.');
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.outputs.findings).map((f: { rule: string }) => f.rule)).toEqual(['pvc-expand']);
    expect(github.state.comments).toHaveLength(0);
  });

  it('asks the API for labels only when a failing check could be acknowledged, so an API outage costs a clean PR nothing', async () => {
    const { event, pull, base } = await setup();
    const checkout = actionsCheckout(repo, 'checkout', { pullRequest: pull.number });
    github.hangNext('GET', /\/pulls\//, 10);
    const clean = { ...event, pull_request: { ...event.pull_request, head: { sha: base, ref: 'grow' } } };
    const passed = await run(checkout, clean, { comment: 'false' });
    expect(passed.exitCode).toBe(0);
    expect(github.requestsTo('GET', /\/pulls\//)).toHaveLength(0);

    const labelled = { ...event, pull_request: { ...event.pull_request, labels: [{ name: 'rollback-safety-acknowledged' }] } };
    const acknowledged = await run(checkout, labelled, { comment: 'false' });
    expect(acknowledged.exitCode).toBe(0);
    expect(acknowledged.summary).toContain('acknowledged by label: the check passes');
    expect(github.requestsTo('GET', /\/pulls\//)).toHaveLength(0);
  });

  it('says clearly when fail-on is invalid', async () => {
    const { event } = await setup();
    const result = await run(repo.work, event, { 'fail-on': 'sometimes' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain("::error::Invalid fail-on 'sometimes'. Expected one of: critical, error, warning, notice, never.");
  });

  it('checks the pushed range on a push event, and has nothing to check for a new branch', async () => {
    const { base, head } = await setup();
    const checkout = actionsCheckout(repo, 'checkout-push', { branch: 'grow' });
    const push = { before: base, after: head, ref: 'refs/heads/grow', repository: { full_name: 'acme/fleet' } };
    const pushed = await runAction(BUNDLE, {
      cwd: checkout,
      event: push,
      eventName: 'push',
      inputs: { token: 'tok' },
      env: { GITHUB_API_URL: github.url }
    });
    expect(pushed.exitCode).toBe(1);
    expect(JSON.parse(pushed.outputs.findings).map((f: { rule: string }) => f.rule)).toEqual(['pvc-expand']);
    expect(github.state.comments).toHaveLength(0);

    const created = { ...push, before: '0000000000000000000000000000000000000000' };
    const fresh = await runAction(BUNDLE, {
      cwd: checkout,
      event: created,
      eventName: 'push',
      inputs: { token: 'tok' },
      env: { GITHUB_API_URL: github.url }
    });
    expect(fresh.exitCode).toBe(0);
    expect(fresh.stdout).toContain("::notice::Nothing to check: no base and head revisions (event 'push').");
    expect(fresh.outputs).toMatchObject({ unsafe: 'false', count: '0' });
  });
});
