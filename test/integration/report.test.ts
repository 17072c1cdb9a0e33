import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { Git } from '../../src/git/git.js';
import { connectGitHub } from '../../src/github/connection.js';
import { commitStatusPort } from '../../src/github/status-port.js';
import { buildRollbackReport, type ReportOptions } from '../../src/report/build.js';
import { parseComponentPatterns } from '../../src/report/components.js';
import { formatReport } from '../../src/report/format.js';
import type { Rollback, RollbackReport } from '../../src/report/types.js';
import { memoryLogger, rollback } from '../support/engine.js';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.js';
import { mermaidBlocks, mermaidParser } from '../support/mermaid.js';
import { checkOpenMetrics } from '../support/openmetrics.js';
import { createRepo, git, GIT_ENV, type TestRepo, writeFiles } from '../support/repo.js';

const loadMermaid = mermaidParser();

/** Monday 2026-01-05 09:00 UTC, in seconds: every commit below is made at a known time after it. */
const T0 = Date.UTC(2026, 0, 5, 9) / 1000;
const H = 3600;

/** Runs git in the work tree with author and committer dates at `at` (seconds). */
function gitAt(repo: TestRepo, at: number, args: string[], input?: string): string {
  const date = `@${at} +0000`;
  return execFileSync('git', args, {
    cwd: repo.work,
    env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    input,
    encoding: 'utf8'
  }).trim();
}

/** Commits `files` with `message` at `at` on the checked-out branch; returns the sha. */
function commitAt(repo: TestRepo, at: number, files: Record<string, string | null>, message: string): string {
  writeFiles(repo.work, files);
  gitAt(repo, at, ['add', '--all']);
  gitAt(repo, at, ['commit', '--quiet', '--allow-empty', '--file=-'], message);
  return gitAt(repo, at, ['rev-parse', 'HEAD']);
}

/** `git revert` as people run it, at `at`. */
function revertAt(repo: TestRepo, at: number, sha: string, extra: string[] = []): string {
  gitAt(repo, at, ['revert', '--no-edit', ...extra, sha]);
  return gitAt(repo, at, ['rev-parse', 'HEAD']);
}

/** Merges `branch` into main with GitHub's merge message for pull request `number`. */
function mergePullAt(repo: TestRepo, at: number, number: number, branch: string, title: string): string {
  gitAt(repo, at, ['checkout', '--quiet', 'main']);
  gitAt(repo, at, ['merge', '--quiet', '--no-ff', '-m', `Merge pull request #${number} from acme/${branch}`, '-m', title, branch]);
  return gitAt(repo, at, ['rev-parse', 'HEAD']);
}

const release = (chart: string, version: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${chart}\nspec:\n  chart:\n    spec:\n      chart: ${chart}\n      version: ${version}\n`;
const fluxKs = (name: string, path: string) =>
  `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ${name}\n  namespace: flux-system\nspec:\n  path: ${path}\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n`;
const PODINFO = 'kubernetes/apps/default/podinfo/app/helmrelease.yaml';
const GRAFANA = 'kubernetes/apps/monitoring/grafana/app/helmrelease.yaml';
const REDIS = 'kubernetes/apps/database/redis/app/helmrelease.yaml';

const options = (extra: Partial<ReportOptions> = {}): ReportOptions => ({
  branch: 'main',
  remote: 'origin',
  fetch: true,
  until: T0 + 30 * 24 * H,
  components: [],
  statusContext: 'kustomization/*',
  ...extra
});

describe('rollback report on a history with every shape of rollback', () => {
  let repo: TestRepo;
  let report: RollbackReport;
  let log: string[];
  let clone: string;
  const sha: Record<string, string> = {};
  const find = (landing: string): Rollback => {
    const found = report.rollbacks.find(r => r.sha === landing);
    if (!found)
      throw new Error(
        `no rollback landed by ${landing}; found ${report.rollbacks.map(r => `${r.sha.slice(0, 7)} ${r.subject}`).join(', ')}`
      );
    return found;
  };

  beforeAll(async () => {
    repo = createRepo({ 'README.md': 'fleet\n' });
    commitAt(
      repo,
      T0,
      {
        [PODINFO]: release('podinfo', '6.0.0'),
        'kubernetes/apps/default/podinfo/ks.yaml': fluxKs('podinfo', './kubernetes/apps/default/podinfo/app'),
        [GRAFANA]: release('grafana', '8.0.0'),
        'kubernetes/apps/monitoring/grafana/ks.yaml': fluxKs('grafana', './kubernetes/apps/monitoring/grafana/app'),
        [REDIS]: release('redis', '6.0.0'),
        'kubernetes/flux/cluster/ks.yaml': fluxKs('cluster-apps', './kubernetes/apps')
      },
      'Lay out the fleet'
    );

    // 1. This project's revert: its trailers, time to revert from the bad commit's landing.
    sha.bump = commitAt(repo, T0 + 1 * H, { [PODINFO]: release('podinfo', '6.1.0') }, 'Bump podinfo to 6.1.0');
    repo.push();
    const ours = await rollback(
      repo.work,
      {
        commits: [sha.bump],
        incident: 'INC-1',
        reason: 'crash loop',
        actor: 'octocat',
        runUrl: 'https://github.com/acme/fleet/actions/runs/1'
      },
      {
        git: await Git.create(repo.work, {
          ...GIT_ENV,
          GIT_COMMITTER_DATE: `@${T0 + 1.5 * H} +0000`,
          GIT_AUTHOR_DATE: `@${T0 + 1.5 * H} +0000`
        })
      }
    );
    sha.ours = ours.commitSha!;
    repo.git('fetch', '--quiet', 'origin');
    repo.git('reset', '--quiet', '--hard', 'origin/main');

    // 2. Two `git revert`s pushed together: one rollback of two commits.
    sha.dash = commitAt(repo, T0 + 2 * H, { [GRAFANA]: release('grafana', '8.1.0') }, 'grafana: dashboards v2');
    sha.source = commitAt(
      repo,
      T0 + 2 * H + 600,
      { 'kubernetes/apps/monitoring/grafana/app/datasource.yaml': 'url: http://prometheus\n' },
      'grafana: datasource'
    );
    sha.runA = revertAt(repo, T0 + 3 * H, sha.source);
    sha.runB = revertAt(repo, T0 + 3 * H + 5, sha.dash);

    // 3. GitHub's revert button on a merged pull request, merged with a merge commit.
    gitAt(repo, T0 + 4 * H, ['checkout', '--quiet', '-b', 'feature/redis-7']);
    commitAt(repo, T0 + 4 * H, { [REDIS]: release('redis', '7.0.0') }, 'Bump redis to 7');
    sha.merge11 = mergePullAt(repo, T0 + 4.5 * H, 11, 'feature/redis-7', 'Bump redis to 7');
    gitAt(repo, T0 + 5 * H, ['checkout', '--quiet', '-b', 'revert-11-feature/redis-7']);
    gitAt(repo, T0 + 5 * H, ['revert', '--no-edit', '-m', '1', sha.merge11]);
    gitAt(
      repo,
      T0 + 5 * H,
      ['commit', '--quiet', '--amend', '--file=-'],
      `Revert "Bump redis to 7"\n\nThis reverts commit ${sha.merge11}, reversing\nchanges made to ${gitAt(repo, T0, ['rev-parse', `${sha.merge11}^1`])}.\n`
    );
    sha.merge12 = mergePullAt(repo, T0 + 5.25 * H, 12, 'revert-11-feature/redis-7', 'Revert "Bump redis to 7"');

    // 4. The revert button on a squash-merged pull request, squash-merged: "Reverts owner/repo#N".
    sha.alerts = commitAt(
      repo,
      T0 + 6 * H,
      { 'kubernetes/apps/monitoring/grafana/app/alerts.yaml': 'alerts: tuned\n' },
      'Tune grafana alerts (#13)'
    );
    sha.squash14 = commitAt(
      repo,
      T0 + 7 * H,
      { 'kubernetes/apps/monitoring/grafana/app/alerts.yaml': null },
      'Revert "Tune grafana alerts" (#14)\n\nReverts acme/fleet#13\n'
    );
    // ... and with the squash message left empty: tied by title.
    sha.hpa = commitAt(repo, T0 + 8 * H, { 'kubernetes/apps/default/podinfo/app/hpa.yaml': 'hpa: on\n' }, 'Enable podinfo HPA (#15)');
    sha.squash16 = commitAt(
      repo,
      T0 + 8 * H + 1200,
      { 'kubernetes/apps/default/podinfo/app/hpa.yaml': null },
      'Revert "Enable podinfo HPA" (#16)'
    );
    // ... and a git revert pushed with the reverted squash commit's "(#N)" in its own subject.
    sha.copied = commitAt(
      repo,
      T0 + 8 * H + 1500,
      { 'kubernetes/apps/default/podinfo/app/hpa.yaml': 'hpa: on\n' },
      'Enable podinfo HPA again (#19)'
    );
    sha.copiedRevert = commitAt(
      repo,
      T0 + 8 * H + 1800,
      { 'kubernetes/apps/default/podinfo/app/hpa.yaml': null },
      `fix(podinfo): Revert enable podinfo HPA again (#19)\n\nThis reverts commit ${sha.copied}.\n`
    );

    // 5. This project's path restore.
    const good = gitAt(repo, T0, ['rev-parse', 'HEAD']);
    sha.debug = commitAt(repo, T0 + 9 * H, { 'kubernetes/apps/default/podinfo/app/values.yaml': 'log: debug\n' }, 'podinfo: debug logging');
    sha.redisMem = commitAt(repo, T0 + 9 * H + 300, { [REDIS]: release('redis', '6.0.1') }, 'redis: maxmemory');
    repo.push();
    const restored = await rollback(
      repo.work,
      { restorePaths: ['kubernetes/apps/default/podinfo'], restoreTo: good, incident: 'INC-2', actor: 'hubot' },
      {
        git: await Git.create(repo.work, {
          ...GIT_ENV,
          GIT_COMMITTER_DATE: `@${T0 + 10 * H} +0000`,
          GIT_AUTHOR_DATE: `@${T0 + 10 * H} +0000`
        })
      }
    );
    sha.restore = restored.commitSha!;
    repo.git('fetch', '--quiet', 'origin');
    repo.git('reset', '--quiet', '--hard', 'origin/main');

    // 6. By hand: the subject says so, nothing names what it undoes.
    sha.manual = commitAt(repo, T0 + 11 * H, { [GRAFANA]: release('grafana', '8.0.1') }, 'fix(grafana): revert to 8.0.1');

    // 7. Rolled back, brought back (a revert of the revert), rolled back again: a repeat offender.
    sha.bump62 = commitAt(repo, T0 + 12 * H, { [PODINFO]: release('podinfo', '6.2.0') }, 'Bump podinfo to 6.2.0');
    sha.first = revertAt(repo, T0 + 12 * H + 600, sha.bump62);
    sha.reapply = revertAt(repo, T0 + 13 * H, sha.first);
    sha.again = revertAt(repo, T0 + 13.5 * H, sha.reapply);

    // 8. A drill: the known-bad commit and its rollback with the drill's trailer.
    sha.drill = commitAt(
      repo,
      T0 + 14 * H,
      { [PODINFO]: release('podinfo', '0.0.0-bad') },
      'Rollback drill: apply drills/bad.patch\n\nKnown-bad change, applied on purpose.\n'
    );
    gitAt(repo, T0 + 14 * H + 180, ['revert', '--no-commit', sha.drill]);
    sha.drillRollback = commitAt(
      repo,
      T0 + 14 * H + 180,
      {},
      `Revert "Rollback drill: apply drills/bad.patch"\n\nThis reverts commit ${sha.drill}.\n\nIncident: drill-1\nDrill-time-to-detect: 42.5s\n`
    );

    // 9. Not rollbacks: a revert inside a pull request of what the same pull request added, and
    // release notes that quote a revert line in a dependency bump.
    gitAt(repo, T0 + 15 * H, ['checkout', '--quiet', '-b', 'feature/x']);
    const wip = commitAt(repo, T0 + 15 * H, { 'kubernetes/apps/default/podinfo/app/wip.yaml': 'wip: 1\n' }, 'wip: try x');
    revertAt(repo, T0 + 15 * H, wip);
    commitAt(repo, T0 + 15 * H, { 'kubernetes/apps/default/podinfo/app/final.yaml': 'final: 1\n' }, 'podinfo: final x');
    sha.merge17 = mergePullAt(repo, T0 + 15.5 * H, 17, 'feature/x', 'podinfo: x');
    sha.deps = commitAt(
      repo,
      T0 + 16 * H,
      { [REDIS]: release('redis', '6.0.2') },
      `chore(deps): update redis to 6.0.2 (#18)\n\nRelease notes:\n\nThis reverts commit ${'d'.repeat(40)}.\n`
    );

    // 10. Untrusted text in a subject.
    sha.evil = commitAt(
      repo,
      T0 + 17 * H,
      { 'kubernetes/apps/default/podinfo/app/x.yaml': 'x: 1\n' },
      'x | <img src=x onerror=alert(1)> [a](https://evil.example)'
    );
    sha.evilRevert = revertAt(repo, T0 + 17 * H + 60, sha.evil);
    repo.push();

    const memory = memoryLogger();
    git(repo.origin, 'config', 'uploadpack.allowFilter', 'true'); // as GitHub serves filters
    clone = repo.clone('shallow', '--depth=1', '--branch=main');
    report = await buildRollbackReport(options(), { git: await Git.create(clone, GIT_ENV), log: memory });
    log = memory.lines;
  });
  afterAll(() => repo?.cleanup());

  it('fetches the whole history from a depth-1 clone and says so', () => {
    expect(log).toContain("info: Fetched the full history (--unshallow, without file contents) of 'main' from 'origin'.");
    expect(log.find(l => l.startsWith('info: Read '))).toMatch(/^info: Read \d+ commits of 'main' \(since \d{4}-\d\d-\d\d\) in \d+ ms\.$/);
    expect(report.history).toMatchObject({ shallow: false, oldest: expect.any(Number) });
    // Commits and trees only: the clone fetches older file contents if something needs them.
    expect(git(clone, 'config', 'remote.origin.partialclonefilter')).toBe('blob:none');
  });

  it("finds this project's revert with its trailers, time to revert, components and Flux Kustomizations", () => {
    expect(find(sha.ours)).toEqual(
      expect.objectContaining({
        kind: 'gitops-rollback',
        subject: 'Revert "Bump podinfo to 6.1.0"',
        reverted: [expect.objectContaining({ sha: sha.bump, subject: 'Bump podinfo to 6.1.0', landedAt: T0 + H, via: 'sha', found: true })],
        timeToRevert: 1800,
        who: 'octocat',
        incident: 'INC-1',
        runUrl: 'https://github.com/acme/fleet/actions/runs/1',
        paths: [PODINFO],
        components: ['default/podinfo'],
        kustomizations: ['flux-system/podinfo']
      })
    );
  });

  it('joins git reverts pushed together into one rollback, timed from the first change it undid', () => {
    const run = find(sha.runB);
    expect(run.kind).toBe('git-revert');
    expect(run.commits).toEqual([sha.runA, sha.runB]);
    expect(run.reverted.map(t => t.sha)).toEqual([sha.source, sha.dash]);
    expect(run.timeToRevert).toBe(H + 5);
    expect(run.subject).toBe('Revert "grafana: datasource" (and 1 more)');
    expect(run.components).toEqual(['monitoring/grafana']);
    expect(report.rollbacks.some(r => r.sha === sha.runA)).toBe(false);
  });

  it('ties a merge-committed revert-button pull request to the pull request it reverted, timed from that merge', () => {
    expect(find(sha.merge12)).toEqual(
      expect.objectContaining({
        kind: 'revert-pr',
        pullRequest: 12,
        subject: 'Revert "Bump redis to 7"',
        reverted: [
          expect.objectContaining({ sha: sha.merge11, pullRequest: 11, subject: 'Bump redis to 7', landedAt: T0 + 4.5 * H, found: true })
        ],
        timeToRevert: 0.75 * H,
        who: 'Test Author',
        components: ['database/redis'],
        kustomizations: ['flux-system/cluster-apps']
      })
    );
  });

  it('ties squash-merged revert pull requests by "Reverts owner/repo#N", or by title when the body is empty', () => {
    expect(find(sha.squash14)).toEqual(
      expect.objectContaining({
        kind: 'revert-pr',
        pullRequest: 14,
        reverted: [expect.objectContaining({ sha: sha.alerts, pullRequest: 13, via: 'pull-request' })],
        timeToRevert: H
      })
    );
    expect(find(sha.squash16)).toEqual(
      expect.objectContaining({
        kind: 'revert-pr',
        pullRequest: 16,
        reverted: [expect.objectContaining({ sha: sha.hpa, pullRequest: 15, via: 'title' })],
        timeToRevert: 1200
      })
    );
    const copied = find(sha.copiedRevert);
    expect(copied).toEqual(
      expect.objectContaining({
        kind: 'git-revert',
        reverted: [expect.objectContaining({ sha: sha.copied, pullRequest: 19 })],
        timeToRevert: 300
      })
    );
    expect(copied.pullRequest).toBeUndefined();
  });

  it('finds a path restore by its trailer, with the commits it undid on those paths', () => {
    expect(find(sha.restore)).toEqual(
      expect.objectContaining({
        kind: 'restore',
        incident: 'INC-2',
        who: 'hubot',
        reverted: [expect.objectContaining({ sha: sha.debug, via: 'restore', landedAt: T0 + 9 * H })],
        timeToRevert: H,
        components: ['default/podinfo']
      })
    );
  });

  it('counts a rollback by hand, without a time to revert', () => {
    const manual = find(sha.manual);
    expect(manual).toEqual(expect.objectContaining({ kind: 'manual', reverted: [], components: ['monitoring/grafana'] }));
    expect(manual.timeToRevert).toBeUndefined();
  });

  it('tells a revert of a rollback apart, and reports the change rolled back twice as a repeat offender', () => {
    expect(find(sha.first).reappliedBy).toBe(sha.reapply);
    expect(report.rollbacks.some(r => r.sha === sha.reapply)).toBe(false);
    expect(report.reapplies).toEqual([expect.objectContaining({ sha: sha.reapply, rollbacks: [sha.first] })]);
    expect(find(sha.again).reverted).toEqual([expect.objectContaining({ sha: sha.reapply })]);
    expect(report.repeatOffenders).toEqual([{ change: sha.bump62, subject: 'Bump podinfo to 6.2.0', rollbacks: [sha.first, sha.again] }]);
    expect(report.summary.reapplied).toBe(1);
  });

  it('reports a drill apart from the rollbacks, with its time to detect from the trailer', () => {
    expect(report.rollbacks.some(r => r.sha === sha.drillRollback)).toBe(false);
    expect(report.drills).toEqual([
      expect.objectContaining({
        sha: sha.drillRollback,
        drillCommit: sha.drill,
        timeToDetect: 42.5,
        detected: true,
        timeToRevert: 180,
        incident: 'drill-1',
        components: ['default/podinfo']
      })
    ]);
  });

  it('ignores a revert inside a pull request of what it added, and revert lines quoted in release notes', () => {
    expect(report.rollbacks.some(r => r.sha === sha.merge17 || r.sha === sha.deps)).toBe(false);
  });

  it('counts every rollback once, by kind, and ranks the components', () => {
    expect(report.rollbacks.map(r => r.sha)).toEqual([
      sha.ours,
      sha.runB,
      sha.merge12,
      sha.squash14,
      sha.squash16,
      sha.copiedRevert,
      sha.restore,
      sha.manual,
      sha.first,
      sha.again,
      sha.evilRevert
    ]);
    expect(report.summary.byKind).toEqual({ 'gitops-rollback': 1, 'git-revert': 5, 'revert-pr': 3, restore: 1, manual: 1 });
    expect(report.summary.timeToRevert).toEqual({ count: 10, median: 1800, p90: 3600, max: 3605 });
    expect(report.components.map(c => [c.component, c.rollbacks])).toEqual([
      ['default/podinfo', 7],
      ['monitoring/grafana', 3],
      ['database/redis', 1]
    ]);
  });

  it('keeps to the window: --since and --until by when the rollback landed', async () => {
    const clone = repo.clone('window');
    const windowed = await buildRollbackReport(options({ since: T0 + 5 * H, until: T0 + 10 * H }), {
      git: await Git.create(clone, GIT_ENV),
      log: memoryLogger()
    });
    expect(windowed.rollbacks.map(r => r.sha)).toEqual([sha.merge12, sha.squash14, sha.squash16, sha.copiedRevert, sha.restore]);
    expect(windowed.drills).toEqual([]);
    // The change rolled back twice is rolled back outside this window: no repeat offender here.
    expect(windowed.repeatOffenders).toEqual([]);
  });

  it('writes Markdown with Mermaid charts that parse, the tables, and untrusted text escaped', async () => {
    const markdown = formatReport(report, 'markdown', {
      commitUrl: s => `https://github.com/acme/fleet/commit/${s}`,
      pullUrl: n => `https://github.com/acme/fleet/pull/${n}`
    });
    expect(markdown).toContain('## Rollbacks on main: the whole history to 2026-02-04');
    expect(markdown).toContain(
      '**11 rollbacks** (1 gitops-rollback, 5 git-revert, 3 revert-pr, 1 restore, 1 manual) · median time to revert **30 min** (p90 1 h)'
    );
    const parse = await loadMermaid();
    const charts = mermaidBlocks(markdown);
    expect(charts).toHaveLength(2);
    for (const chart of charts) expect(await parse(chart)).toEqual(expect.objectContaining({ diagramType: 'xychart' }));
    expect(charts[0]).toContain('bar [11, 0, 0, 0, 0]');
    expect(markdown).toContain('| default/podinfo | 7 | 2026-01-06 | 20 min | flux-system/podinfo |');
    expect(markdown).toContain(
      `| [\`${sha.bump62.slice(0, 7)}\`](https://github.com/acme/fleet/commit/${sha.bump62}) Bump podinfo to 6.2.0 | 2 |`
    );
    expect(markdown).toContain(
      `[\`${sha.merge12.slice(0, 7)}\`](https://github.com/acme/fleet/commit/${sha.merge12}) ([#12](https://github.com/acme/fleet/pull/12)) Revert "Bump redis to 7"`
    );
    expect(markdown).toContain('### Drills');
    // The hostile subject stays text in one cell: no tag, no link, no extra column.
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('[a](https');
    const evil = markdown.split('\n').find(line => line.includes('onerror'))!;
    expect(evil).toContain('x \\| &lt;img src=x onerror=alert(1)&gt; \\[a\\](https://evil.example)');
    const header = markdown.split('\n').find(line => line.startsWith('| Landed |'))!;
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    expect(cells(evil)).toBe(cells(header));
  });

  it('writes JSON that reads back as the report', () => {
    expect(JSON.parse(formatReport(report, 'json'))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('writes OpenMetrics: counters per component and kind, histograms, drills, ending in # EOF', () => {
    const text = formatReport(report, 'openmetrics');
    const samples = checkOpenMetrics(text);
    expect(samples.get('gitops_rollbacks_total{branch="main",component="default/podinfo"}')).toBe(7);
    expect(samples.get('gitops_rollbacks_by_kind_total{branch="main",kind="revert-pr"}')).toBe(3);
    expect(samples.get('gitops_time_to_revert_seconds_bucket{branch="main",le="1800.0"}')).toBe(6);
    expect(samples.get('gitops_time_to_revert_seconds_count{branch="main"}')).toBe(10);
    expect(samples.get('gitops_rollback_drills_total{branch="main",detected="true"}')).toBe(1);
    expect(samples.get('gitops_drill_time_to_detect_seconds_sum{branch="main"}')).toBe(42.5);
    expect(samples.get('gitops_last_rollback_timestamp_seconds{branch="main",component="database/redis"}')).toBe(T0 + 5.25 * H);
  });

  it('names components by --component patterns when given', async () => {
    const named = await buildRollbackReport(options({ components: parseComponentPatterns(['kubernetes/apps/*']) }), {
      git: await Git.create(repo.clone('patterns'), GIT_ENV),
      log: memoryLogger()
    });
    expect(named.components.map(c => c.component)).toEqual(['default', 'monitoring', 'database']);
  });
});

describe('rollback report from a depth-1 clone, with a window', () => {
  let repo: TestRepo;
  afterEach(() => repo?.cleanup());
  const DAY = 86_400;

  it('fetches the history since the window less 90 days, and an older reverted commit by sha', async () => {
    repo = createRepo({ 'README.md': 'fleet\n' });
    const now = T0 + 400 * DAY;
    commitAt(repo, now - 300 * DAY, { 'apps/a/x.yaml': 'x: 0\n' }, 'old work');
    const bad = commitAt(repo, now - 200 * DAY, { 'apps/a/x.yaml': 'x: 1\n' }, 'Bad change');
    commitAt(repo, now - 150 * DAY, { 'apps/b/y.yaml': 'y: 1\n' }, 'other work');
    const revert = revertAt(repo, now - 5 * DAY, bad);
    commitAt(repo, now - DAY, { 'apps/b/y.yaml': 'y: 2\n' }, 'recent work');
    repo.push();
    const clone = repo.clone('shallow', '--depth=1', '--branch=main');
    const memory = memoryLogger();
    const report = await buildRollbackReport(options({ since: now - 10 * DAY, until: now }), {
      git: await Git.create(clone, GIT_ENV),
      log: memory
    });
    const fetchedSince = new Date((now - 100 * DAY) * 1000).toISOString();
    expect(memory.lines).toContain(
      `info: Fetched the history since ${fetchedSince} (--shallow-since, without file contents) of 'main' from 'origin'.`
    );
    // The revert is the oldest commit fetched: its parent comes too, to tell which paths it changed.
    expect(memory.lines).toContain('info: Fetched the parents of the rollbacks at the edge of the fetched history (--deepen=1).');
    expect(memory.lines).toContain('info: Fetched 1 of 1 reverted commits older than the fetched history by sha.');
    expect(report.history.shallow).toBe(true);
    expect(report.rollbacks).toEqual([
      expect.objectContaining({
        sha: revert,
        kind: 'git-revert',
        reverted: [expect.objectContaining({ sha: bad, found: true, landedAt: now - 200 * DAY })],
        timeToRevert: 195 * DAY,
        components: ['a']
      })
    ]);
    // The commits before the fetched history stay out of the clone.
    expect(execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: clone, encoding: 'utf8' }).trim()).toBe('3');
  });

  it('says when a reverted commit is not in the history and cannot be fetched', async () => {
    // createRepo's first commit is made now: these come later, so the clone stays shallow.
    repo = createRepo({ 'README.md': 'fleet\n' });
    const start = Math.floor(Date.now() / 1000) + 200 * DAY;
    commitAt(repo, start, { 'apps/a/x.yaml': 'x: 1\n' }, 'work');
    const missing = 'e'.repeat(40);
    const revert = commitAt(repo, start + 100 * DAY, { 'apps/a/x.yaml': 'x: 0\n' }, `Revert "Gone"\n\nThis reverts commit ${missing}.\n`);
    repo.push();
    const memory = memoryLogger();
    const window = { since: start + 95 * DAY, until: start + 101 * DAY };
    const report = await buildRollbackReport(options(window), {
      git: await Git.create(repo.clone('shallow', '--depth=1'), GIT_ENV),
      log: memory
    });
    expect(memory.lines).toContain(
      'info: Fetched 0 of 1 reverted commits older than the fetched history by sha; the others are reported as not found.'
    );
    expect(report.rollbacks).toEqual([expect.objectContaining({ sha: revert, reverted: [{ sha: missing, via: 'sha', found: false }] })]);
    expect(report.rollbacks[0].timeToRevert).toBeUndefined();
  });

  it('refuses a branch the remote does not have, naming it', async () => {
    repo = createRepo();
    await expect(
      buildRollbackReport(options({ branch: 'staging' }), { git: await Git.create(repo.work, GIT_ENV), log: memoryLogger() })
    ).rejects.toThrow("Branch 'staging' does not exist on remote 'origin'. Expected an existing branch, such as the one Flux watches.");
  });
});

describe('rollback report with commit statuses (time to recover)', () => {
  let repo: TestRepo;
  let fake: FakeGitHub;
  afterEach(async () => {
    repo?.cleanup();
    await fake?.close();
  });

  it('times recovery from the rollback landing to every Flux context reporting success', async () => {
    repo = createRepo({ 'README.md': 'fleet\n' });
    const bad = commitAt(repo, T0, { 'apps/a/x.yaml': 'x: 1\n' }, 'Bad change');
    const first = revertAt(repo, T0 + H, bad);
    const bad2 = commitAt(repo, T0 + 2 * H, { 'apps/a/x.yaml': 'x: 2\n' }, 'Another bad change');
    const second = revertAt(repo, T0 + 3 * H, bad2);
    repo.push();
    fake = await startFakeGitHub({ owner: 'acme', repo: 'fleet', token: 'ghs_reportToken' });
    const at = (s: number) => new Date(s * 1000).toISOString();
    fake.addStatus(first, { context: 'kustomization/apps/0c9c2e41', state: 'failure', created_at: at(T0 + H + 30) });
    fake.addStatus(first, { context: 'ci/build', state: 'failure', created_at: at(T0 + H + 40) });
    fake.addStatus(first, { context: 'kustomization/infra/0c9c2e41', state: 'success', created_at: at(T0 + H + 60) });
    fake.addStatus(first, { context: 'kustomization/apps/0c9c2e41', state: 'success', created_at: at(T0 + H + 240) });
    fake.addStatus(second, { context: 'kustomization/apps/0c9c2e41', state: 'failure', created_at: at(T0 + 3 * H + 30) });
    const github = connectGitHub({ token: 'ghs_reportToken', repository: 'acme/fleet', apiUrl: fake.url })!;
    const report = await buildRollbackReport(options(), {
      git: await Git.create(repo.work, GIT_ENV),
      log: memoryLogger(),
      statuses: commitStatusPort(github)
    });
    expect(report.rollbacks.map(r => [r.sha, r.recovery])).toEqual([
      [first, { state: 'recovered', at: T0 + H + 240, seconds: 240 }],
      [second, { state: 'failing' }]
    ]);
    expect(report.summary.timeToRecover).toEqual({ count: 1, median: 240, p90: 240, max: 240 });
    expect(formatReport(report, 'markdown')).toContain('### Slowest recoveries');
  });

  it('goes on without times to recover when the statuses cannot be read, with a warning', async () => {
    repo = createRepo({ 'README.md': 'fleet\n' });
    const bad = commitAt(repo, T0, { 'apps/a/x.yaml': 'x: 1\n' }, 'Bad change');
    revertAt(repo, T0 + H, bad);
    repo.push();
    fake = await startFakeGitHub({ owner: 'acme', repo: 'fleet', token: 'ghs_reportToken' });
    fake.failNext('GET', /\/statuses$/, 403, 'Resource not accessible by integration', 10);
    const memory = memoryLogger();
    const github = connectGitHub({ token: 'ghs_reportToken', repository: 'acme/fleet', apiUrl: fake.url })!;
    const report = await buildRollbackReport(options(), {
      git: await Git.create(repo.work, GIT_ENV),
      log: memory,
      statuses: commitStatusPort(github)
    });
    expect(report.rollbacks).toHaveLength(1);
    expect(report.rollbacks[0].recovery).toBeUndefined();
    expect(memory.lines.find(l => l.startsWith('warning: Could not read commit statuses'))).toContain('statuses: read');
  });
});
