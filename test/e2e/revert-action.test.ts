import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { actionsCheckout, NODE24, runAction } from '../support/action-runner.js';
import { createRepo, git, type TestRepo } from '../support/repo.js';

const BUNDLE = 'dist/revert/index.js';
const dispatch = { repository: { full_name: 'acme/fleet', default_branch: 'main' }, inputs: {} };
/** The action's default committer: every commit it writes carries it, whatever git is configured with. */
const BOT = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

/** `author | committer` of every commit in origin from `base` (exclusive) to `tip`. */
const identities = (repo: TestRepo, base: string, tip: string) =>
  git(repo.origin, 'log', '--format=%an <%ae> | %cn <%ce>', `${base}..${tip}`).split('\n');

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
    const checkout = actionsCheckout(repo);
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
    const message = git(repo.origin, 'log', '-1', '--format=%B', 'main');
    expect(message).toContain(`This reverts commit ${bad}.`);
    expect(message).toContain('Rolled-back-by: octocat');
    expect(message).toContain('Workflow-run: https://github.com/acme/fleet/actions/runs/4242');
    expect(identities(repo, bad, 'main')).toEqual([`${BOT} | ${BOT}`]);
    expect(run.summary).toContain('## Rollback: pushed');
    expect(run.summary).toContain('- **Incident:** `INC-7`');
  });

  it('opens a pull request through the GitHub API and never prints the token', async () => {
    repo = createRepo({ 'apps/podinfo.yaml': 'image: 6.0.0\n' });
    const bad = repo.commit({ 'apps/podinfo.yaml': 'image: 6.1.0\n' }, 'Bump podinfo');
    repo.push();
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet', token: 's3cret-token' });
    const checkout = actionsCheckout(repo);
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

/** A rollback the action is asked for, on a fleet made by `setup`, and the files it must restore. */
interface Kind {
  setup(repo: TestRepo): { inputs: Record<string, string>; commits: number };
  expected: Record<string, string | null>;
}

const fleet = { 'apps/podinfo.yaml': 'image: podinfo:6.0.0\n', 'apps/redis.yaml': 'image: redis:7.0\n' };

const KINDS: Record<string, Kind> = {
  'a single commit': {
    setup(repo) {
      const bad = repo.commit({ 'apps/podinfo.yaml': 'image: podinfo:6.1.0\n' }, 'Bump podinfo');
      return { inputs: { commits: bad.slice(0, 12) }, commits: 1 };
    },
    expected: fleet
  },
  'a range A..B': {
    setup(repo) {
      const before = repo.git('rev-parse', 'HEAD');
      repo.commit({ 'apps/podinfo.yaml': 'image: podinfo:6.1.0\n' }, 'Bump podinfo');
      const last = repo.commit({ 'apps/redis.yaml': 'image: redis:7.2\n', 'apps/cache.yaml': 'size: 1Gi\n' }, 'Bump redis, add a cache');
      return { inputs: { commits: `${before}..${last}` }, commits: 2 };
    },
    expected: { ...fleet, 'apps/cache.yaml': null }
  },
  'a merge commit against mainline 1': {
    setup(repo) {
      repo.git('checkout', '--quiet', '-b', 'feature');
      repo.commit({ 'apps/redis.yaml': 'image: redis:7.2\n' }, 'Bump redis');
      repo.git('checkout', '--quiet', 'main');
      repo.commit({ 'apps/notes.yaml': 'kept: true\n' }, 'Unrelated change on main');
      repo.git('merge', '--quiet', '--no-ff', '-m', 'Merge feature', 'feature');
      return { inputs: { commits: repo.git('rev-parse', 'HEAD'), mainline: '1' }, commits: 1 };
    },
    expected: { ...fleet, 'apps/notes.yaml': 'kept: true\n' }
  },
  'restored paths': {
    setup(repo) {
      const good = repo.git('rev-parse', 'HEAD');
      repo.commit({ 'apps/podinfo.yaml': 'image: podinfo:6.1.0\n', 'apps/extra.yaml': 'x: 1\n' }, 'Bump podinfo, add extra');
      repo.commit({ 'apps/redis.yaml': null, 'README.md': 'kept\n' }, 'Drop redis');
      return { inputs: { 'restore-paths': 'apps', 'restore-to': good }, commits: 1 };
    },
    expected: { ...fleet, 'apps/extra.yaml': null, 'README.md': 'kept\n' }
  }
};

describe('every kind of rollback from a hosted runner with no git identity anywhere', () => {
  let repo: TestRepo;
  let github: FakeGitHub | undefined;
  afterEach(async () => {
    repo?.cleanup();
    await github?.close();
    github = undefined;
  });

  /** Runs the bundle on an actions/checkout-made clone and returns origin's ref that received the rollback. */
  async function roll(kind: Kind, deliver: 'push' | 'pull-request', checkout: { persistCredentials?: boolean } = {}) {
    repo = createRepo({ ...fleet, 'README.md': 'fleet\n' });
    const { inputs, commits } = kind.setup(repo);
    repo.push();
    const base = git(repo.origin, 'rev-parse', 'main');
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet', token: 'tok' });
    const run = await runAction(BUNDLE, {
      cwd: actionsCheckout(repo, 'checkout', checkout),
      event: dispatch,
      inputs: { ...inputs, deliver, incident: 'INC-9', reason: 'hosted runner', token: 'tok' },
      env: { GITHUB_API_URL: github.url }
    });
    return { run, base, commits, ref: deliver === 'push' ? 'main' : 'rollback/inc-9' };
  }

  describe.each(Object.entries(KINDS))('%s', (_name, kind) => {
    it.each<['push' | 'pull-request']>([['push'], ['pull-request']])(
      'by %s: restores the files, every commit by the bot',
      async deliver => {
        const { run, base, commits, ref } = await roll(kind, deliver);
        expect(run.stdout).not.toContain('::error');
        expect(run.exitCode).toBe(0);
        expect(run.outputs.operation).toBe(deliver === 'push' ? 'pushed' : 'created');
        expect(run.outputs['commit-sha']).toBe(git(repo.origin, 'rev-parse', ref));
        for (const [path, content] of Object.entries(kind.expected)) {
          const found = git(repo.origin, 'ls-tree', '--name-only', ref, '--', path);
          expect([path, found ? `${git(repo.origin, 'show', `${ref}:${path}`)}\n` : null]).toEqual([path, content]);
        }
        expect(identities(repo, base, ref)).toEqual(Array(commits).fill(`${BOT} | ${BOT}`));
        if (deliver === 'pull-request')
          expect(github!.state.pulls.map(p => [p.head.ref, p.base.ref])).toEqual([['rollback/inc-9', 'main']]);
        else expect(github!.state.pulls).toEqual([]);
      }
    );
  });

  it('works from a checkout made with persist-credentials: false', async () => {
    const { run, base } = await roll(KINDS['a single commit'], 'push', { persistCredentials: false });
    expect(run.exitCode).toBe(0);
    expect(identities(repo, base, 'main')).toEqual([`${BOT} | ${BOT}`]);
  });

  it("configures no identity on the way: HOME stays empty, the checkout's config and work tree as they were", async () => {
    const { run } = await roll(KINDS['a range A..B'], 'push');
    expect(run.exitCode).toBe(0);
    expect(readdirSync(run.env.HOME)).toEqual([]);
    const checkout = run.env.GITHUB_WORKSPACE;
    expect(git(checkout, 'config', '--local', '--list')).not.toMatch(/^user\./m);
    expect(git(checkout, 'status', '--porcelain')).toBe('');
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
