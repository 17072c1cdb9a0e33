import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { NODE24, runAction } from '../support/action-runner.js';
import { createRepo, git, type TestRepo } from '../support/repo.js';

const BUNDLE = 'dist/revert/index.js';
const dispatch = { repository: { full_name: 'acme/fleet', default_branch: 'main' }, inputs: {} };

describe('bundled revert action under Node 24, run as the runner runs it', () => {
  let repo: TestRepo;
  let github: FakeGitHub | undefined;
  afterEach(async () => {
    repo?.cleanup();
    await github?.close();
    github = undefined;
  });

  it('has the bundle and the Node 24 runtime', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    expect(git('.', 'version')).toMatch(/git version/);
    expect(existsSync(NODE24)).toBe(true);
  });

  it('pushes a revert from a depth-1 checkout and sets every output and the job summary', async () => {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: 6.0.0\n' });
    const bad = repo.commit({ 'apps/podinfo.yaml': 'image: 6.1.0\n' }, 'Bump podinfo');
    repo.push();
    const checkout = repo.clone('checkout', '--depth=1', '--branch=main');
    const run = await runAction(BUNDLE, {
      cwd: checkout,
      event: dispatch,
      inputs: { commits: bad.slice(0, 10), deliver: 'push', incident: 'INC-7', reason: 'crash loop', 'dry-run': 'false', token: '' }
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.operation).toBe('pushed');
    expect(run.outputs['commit-sha']).toBe(git(repo.origin, 'rev-parse', 'main'));
    expect(JSON.parse(run.outputs['reverted-commits'])).toEqual([{ sha: bad, subject: 'Bump podinfo' }]);
    expect(run.outputs['target-branch']).toBe('main');
    const message = git(repo.origin, 'log', '-1', '--format=%B%n%cn', 'main');
    expect(message).toContain(`This reverts commit ${bad}.`);
    expect(message).toContain('Rolled-back-by: octocat');
    expect(message).toContain('Workflow-run: https://github.com/acme/fleet/actions/runs/4242');
    expect(message).toMatch(/github-actions\[bot\]$/);
    expect(run.summary).toContain('## Rollback: pushed');
    expect(run.summary).toContain('- **Incident:** INC-7');
  });

  it('opens a pull request through the GitHub API and never prints the token', async () => {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: 6.0.0\n' });
    const bad = repo.commit({ 'apps/podinfo.yaml': 'image: 6.1.0\n' }, 'Bump podinfo');
    repo.push();
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet', token: 's3cret-token' });
    const checkout = repo.clone('checkout', '--depth=1', '--branch=main');
    const run = await runAction(BUNDLE, {
      cwd: checkout,
      event: dispatch,
      inputs: { commits: bad, incident: 'INC-8', token: 's3cret-token', labels: 'rollback, incident' },
      env: { GITHUB_API_URL: github.url }
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.operation).toBe('created');
    expect(run.outputs.branch).toBe('rollback/inc-8');
    expect(run.outputs['pull-request-number']).toBe(String(github.state.pulls[0].number));
    expect(run.outputs['pull-request-url']).toBe(github.state.pulls[0].html_url);
    expect(github.state.pulls[0].labels).toEqual(['rollback', 'incident']);
    // The only mention is the runner command that masks it in every later log line.
    expect(run.stdout).toContain('::add-mask::s3cret-token');
    const printed = `${run.stdout.replace('::add-mask::s3cret-token', '')}${run.stderr}${run.summary}`;
    expect(printed).not.toContain('s3cret-token');
    expect(run.summary).toContain(`Pull request [#${run.outputs['pull-request-number']}]`);
  });

  it('fails the step with a clear error, writes a failure summary, and pushes nothing on bad input', async () => {
    repo = createRepo({ 'a.yaml': 'a: 1\n' });
    const before = git(repo.origin, 'rev-parse', 'main');
    const run = await runAction(BUNDLE, {
      cwd: repo.work,
      event: dispatch,
      inputs: { commits: '--exec=touch', deliver: 'push', token: '' }
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("::error::Invalid commits value '--exec=touch'");
    expect(run.summary).toContain('## Rollback failed');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
  });
});

describe('the root Marketplace action (dist/action) dispatching on command', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('runs the revert action for command: revert', async () => {
    repo = createRepo({ 'a.yaml': 'a: 0\n' });
    const bad = repo.commit({ 'a.yaml': 'a: 1\n' }, 'bad');
    repo.push();
    const run = await runAction('dist/action/index.js', {
      cwd: repo.work,
      event: dispatch,
      inputs: { command: 'revert', commits: bad, 'dry-run': 'true', deliver: 'push', token: '' }
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.operation).toBe('dry-run');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(bad);
  });

  it('refuses an unknown command, naming the ones it has', async () => {
    repo = createRepo();
    const run = await runAction('dist/action/index.js', { cwd: repo.work, event: dispatch, inputs: { command: 'deploy', token: '' } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("::error::Invalid command 'deploy'. Expected one of: revert, safety-check, report.");
  });
});
