import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runAction } from '../support/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { mermaidBlocks } from '../support/mermaid.js';
import { checkOpenMetrics } from '../support/openmetrics.js';
import { createRepo, GIT_ENV, type TestRepo } from '../support/repo.js';

const CLI = resolve('dist/cli/index.js');

/** A fleet with one bad change reverted by git, and one commit whose subject tries to forge a workflow command. */
function fleet(): { repo: TestRepo; bad: string; revert: string } {
  const repo = createRepo({ 'kubernetes/apps/default/podinfo/app/helmrelease.yaml': 'version: 6.0.0\n' });
  const bad = repo.commit({ 'kubernetes/apps/default/podinfo/app/helmrelease.yaml': 'version: 6.1.0\n' }, 'Bump podinfo to 6.1.0');
  repo.git('revert', '--no-edit', bad);
  const revert = repo.git('rev-parse', 'HEAD');
  repo.commit({ 'kubernetes/apps/default/other/x.yaml': 'x: 1\n' }, '::error::forged by a commit');
  repo.push();
  return { repo, bad, revert };
}

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...GIT_ENV, GITHUB_TOKEN: '' }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gitops-rollback report (bundled command line)', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());

  it('reports from a depth-1 clone as JSON, Markdown and OpenMetrics, logging to stderr', () => {
    const made = fleet();
    repo = made.repo;
    const clone = repo.clone('checkout', '--depth=1', '--branch=main');
    const json = cli(clone, 'report', '--since', '30d', '--format', 'json');
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.rollbacks).toEqual([expect.objectContaining({ sha: made.revert, kind: 'git-revert', components: ['default/podinfo'] })]);
    expect(json.stderr).toMatch(/Fetched the history since \S+ \(--shallow-since, without file contents\) of 'main' from 'origin'\./);
    const markdown = cli(clone, 'report', '--no-fetch');
    expect(markdown.status).toBe(0);
    expect(mermaidBlocks(markdown.stdout)).toHaveLength(2);
    const metrics = cli(clone, 'report', '--no-fetch', '--format', 'openmetrics');
    expect(checkOpenMetrics(`${metrics.stdout}`).get('gitops_rollbacks_total{branch="main",component="default/podinfo"}')).toBe(1);
  });

  it.each<[string, string[], RegExp]>([
    ['a bad --since', ['report', '--since', 'last week'], /Invalid since 'last week'\. Expected a date such as '2026-01-31'/],
    ['a bad --format', ['report', '--format', 'csv'], /Invalid --format 'csv'\. Expected one of: markdown, json, openmetrics\./],
    ['a bad --component', ['report', '--component', 'apps/x*'], /Invalid component pattern 'apps\/x\*'/],
    ['an unknown option', ['report', '--bogus'], /Unknown option '--bogus'/]
  ])('%s: exit 2 with the value and the expected form', (_name, args, message) => {
    repo = createRepo();
    const r = cli(repo.work, ...args);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(2);
  });
});

describe('bundled report action under Node 24 on a schedule', () => {
  let repo: TestRepo;
  let github: FakeGitHub | undefined;
  afterEach(async () => {
    repo?.cleanup();
    await github?.close();
    github = undefined;
  });

  it.each([
    ['dist/report/index.js', {}],
    ['dist/action/index.js', { command: 'report' }]
  ])('%s writes the summary, the files and the outputs, with the time to recover from Flux statuses', async (bundle, extra) => {
    const made = fleet();
    repo = made.repo;
    const fake = await startFakeGitHub({ owner: 'acme', repo: 'fleet' });
    github = fake;
    const landed = Number(repo.git('log', '-1', '--format=%ct', made.revert));
    fake.addStatus(made.revert, {
      context: 'kustomization/apps/0c9c2e41',
      state: 'success',
      created_at: new Date((landed + 95) * 1000).toISOString()
    });
    const checkout = repo.clone('checkout', '--depth=1', '--branch=main');
    const run = await runAction(bundle, {
      cwd: checkout,
      eventName: 'schedule',
      event: { schedule: '17 9 * * 1', repository: { default_branch: 'main' } },
      inputs: { since: '12w', token: 'ghs_reportToken', ...extra },
      env: { GITHUB_API_URL: fake.url }
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.rollbacks).toBe('1');
    expect(Number(run.outputs['median-time-to-revert'])).toBeGreaterThanOrEqual(0);
    const report = JSON.parse(readFileSync(run.outputs['json-file'], 'utf8'));
    expect(report.rollbacks[0]).toMatchObject({ sha: made.revert, recovery: { state: 'recovered', seconds: 95 } });
    expect(run.outputs['openmetrics-file']).toMatch(/gitops-rollback-report\.prom$/);
    expect(readFileSync(run.outputs['markdown-file'], 'utf8')).toBe(`${run.summary.trimEnd()}\n`);
    checkOpenMetrics(readFileSync(run.outputs['openmetrics-file'], 'utf8'));
    expect(run.summary).toContain('## Rollbacks on main:');
    expect(run.summary).toContain(`[\`${made.revert.slice(0, 7)}\`](https://github.com/acme/fleet/commit/${made.revert})`);
    expect(run.summary).toContain('### Slowest recoveries');
    expect(mermaidBlocks(run.summary)).toHaveLength(2);
    expect(run.stdout).toContain("::group::Fetching the history of 'main'");
    // Commit text never starts a workflow command.
    expect(run.stdout.split('\n').filter(line => line.includes('forged'))).toEqual([]);
  });

  it('fails with the value and the expected form, in the log and the summary', async () => {
    repo = createRepo();
    const run = await runAction('dist/report/index.js', {
      cwd: repo.work,
      eventName: 'schedule',
      inputs: { since: 'soon', 'target-branch': 'main', token: '' }
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("::error::Invalid since 'soon'. Expected a date such as '2026-01-31'");
    expect(run.summary).toContain('## Rollback report: it could not run');
    expect(run.summary).toContain("Invalid since 'soon'");
  });
});
