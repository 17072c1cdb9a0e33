import { afterEach, describe, expect, it } from '@jest/globals';
import { actionsCheckout, runAction } from '../support/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { CONTEXT, createDrillRepo, deploy, FluxPlayer } from '../support/flux-player.js';
import { createRepo, git, type TestRepo } from '../support/repo.js';

const BUNDLE = 'dist/revert/index.js';
const fast = { 'wait-interval': '50ms', 'wait-timeout': '30s' };
/** The action's default committer: the runner has no git identity of its own. */
const BOT = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';
const identity = (repo: TestRepo, rev: string) => git(repo.origin, 'log', '-1', '--format=%an <%ae> | %cn <%ce>', rev);

/** A repository_dispatch as Flux's githubdispatch provider sends it. */
const dispatch = (sha: string, reason = 'HealthCheckFailed') => ({
  action: 'Kustomization/apps.flux-system',
  repository: { full_name: 'acme/fleet', default_branch: 'main' },
  client_payload: {
    involvedObject: { kind: 'Kustomization', name: 'apps', namespace: 'flux-system', apiVersion: 'kustomize.toolkit.fluxcd.io/v1' },
    severity: 'error',
    reason,
    message: 'Health check failed after 30s: Deployment/podinfo/podinfo not ready',
    metadata: { revision: `main@sha1:${sha}` },
    reportingController: 'kustomize-controller'
  }
});

describe('bundled revert action driven by Flux (repository_dispatch, commit statuses)', () => {
  let repo: TestRepo;
  let github: FakeGitHub;
  let player: FluxPlayer | undefined;
  afterEach(async () => {
    await player?.stop();
    player = undefined;
    repo?.cleanup();
    await github?.close();
  });

  async function fleet() {
    repo = createRepo({ 'apps/podinfo.yaml': deploy('6.0.0') });
    const good = repo.git('rev-parse', 'HEAD');
    const bad = repo.commit({ 'apps/podinfo.yaml': deploy('6.1.0-bad') }, 'Bump podinfo to 6.1.0');
    repo.push();
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet' });
    github.addStatus(good, { context: CONTEXT, state: 'success', description: 'reconciliation succeeded' });
    github.addStatus(bad, { context: CONTEXT, state: 'failure', description: 'health check failed' });
    return { good, bad };
  }

  const act = (cwd: string, event: object, inputs: Record<string, string>) =>
    runAction(BUNDLE, {
      cwd,
      event,
      eventName: 'repository_dispatch',
      inputs: { token: 'tok', ...fast, ...inputs },
      env: { GITHUB_API_URL: github.url }
    });

  it('rolls back the failing revision, waits for Flux to reconcile it, and does nothing on a repeated event', async () => {
    const { bad } = await fleet();
    player = new FluxPlayer(repo.origin, github);
    player.start();
    const checkout = actionsCheckout(repo);
    const first = await act(checkout, dispatch(bad), { 'on-flux-failure': 'push', 'wait-for': 'flux-status' });
    expect(first.stdout).not.toContain('::error');
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({ operation: 'pushed', 'flux-decision': 'revert', 'failing-revision': bad, reconciled: 'true' });
    expect(Number(first.outputs['time-to-reconcile'])).toBeGreaterThanOrEqual(0);
    expect(git(repo.origin, 'show', 'main:apps/podinfo.yaml')).toContain('podinfo:6.0.0');
    const message = git(repo.origin, 'log', '-1', '--format=%B', 'main');
    expect(message).toContain(`This reverts commit ${bad}.`);
    expect(message).toContain(`Incident: flux-${bad.slice(0, 12)}`);
    expect(message).toContain('Reason: Flux reported HealthCheckFailed for Kustomization flux-system/apps');
    expect(identity(repo, 'main')).toBe(`${BOT} | ${BOT}`);
    expect(first.summary).toContain('### Recovery');

    const tip = git(repo.origin, 'rev-parse', 'main');
    const again = await act(actionsCheckout(repo, 'again'), dispatch(bad), { 'on-flux-failure': 'push' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs.operation).toBe('none');
    expect(again.stdout).toContain('::notice::');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(tip);
  });

  it('opens a pull request for the failing revision with on-flux-failure: pull-request, committed by the bot', async () => {
    const { bad } = await fleet();
    const result = await act(actionsCheckout(repo, 'checkout', { persistCredentials: false }), dispatch(bad), {
      'on-flux-failure': 'pull-request'
    });
    expect(result.stdout).not.toContain('::error');
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ operation: 'created', 'flux-decision': 'revert', branch: `rollback/flux-${bad.slice(0, 12)}` });
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(bad);
    expect(git(repo.origin, 'show', `${result.outputs.branch}:apps/podinfo.yaml`)).toContain('podinfo:6.0.0');
    expect(identity(repo, result.outputs.branch)).toBe(`${BOT} | ${BOT}`);
    expect(github.state.pulls.map(p => [p.head.ref, p.base.ref])).toEqual([[result.outputs.branch, 'main']]);
  });

  it('ignores Flux events unless on-flux-failure asks, and events that are not failures', async () => {
    const { bad } = await fleet();
    const before = git(repo.origin, 'rev-parse', 'main');
    const ignored = await act(repo.work, dispatch(bad), {});
    expect(ignored.exitCode).toBe(0);
    expect(ignored.outputs).toMatchObject({ operation: 'none', 'flux-decision': 'ignored' });
    expect(ignored.stdout).toContain('on-flux-failure is ignore');
    const info = await act(
      repo.work,
      { ...dispatch(bad), client_payload: { ...dispatch(bad).client_payload, severity: 'info', reason: 'ReconciliationSucceeded' } },
      { 'on-flux-failure': 'push' }
    );
    expect(info.exitCode).toBe(0);
    expect(info.outputs['flux-decision']).toBe('ignored');
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(before);
  });

  it('fails the step with what it last saw when Flux never reports the rollback', async () => {
    const { bad } = await fleet();
    const result = await act(actionsCheckout(repo), dispatch(bad), {
      'on-flux-failure': 'push',
      'wait-for': 'flux-status',
      'wait-timeout': '1s'
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.operation).toBe('pushed');
    expect(result.outputs.reconciled).toBe('false');
    expect(result.stdout).toMatch(
      /::error::Recovery not confirmed within 1 s: No Flux result for [0-9a-f]{12} after [\d.]+ s: no status matching 'kustomization\/\*' was reported/
    );
  });

  it('runs a drill: bad change pushed, failure seen, rolled back, reconciled, branch tree restored', async () => {
    repo = createDrillRepo();
    const treeBefore = git(repo.origin, 'rev-parse', 'main^{tree}');
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet' });
    github.addStatus(git(repo.origin, 'rev-parse', 'main'), { context: CONTEXT, state: 'success' });
    player = new FluxPlayer(repo.origin, github);
    player.start();
    const result = await runAction(BUNDLE, {
      cwd: actionsCheckout(repo),
      event: { repository: { default_branch: 'main' } },
      eventName: 'schedule',
      inputs: {
        token: 'tok',
        ...fast,
        drill: 'true',
        'target-branch': 'main',
        'drill-patch': 'drills/bad-image.patch',
        'wait-for': 'flux-status',
        'drill-max-recovery': '2m'
      },
      env: { GITHUB_API_URL: github.url }
    });
    expect(result.stdout).not.toContain('::error');
    expect(result.exitCode).toBe(0);
    expect(result.outputs['drill-verdict']).toBe('recovered');
    for (const phase of ['time-to-detect', 'time-to-rollback', 'time-to-reconcile'])
      expect(Number(result.outputs[phase])).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(result.outputs['drill-phases']).map((p: { name: string }) => p.name)).toEqual(['detect', 'rollback', 'reconcile']);
    expect(git(repo.origin, 'rev-parse', 'main^{tree}')).toBe(treeBefore);
    expect(result.summary).toContain('## Rollback drill: recovered');
    // The drill commit and its rollback are both the bot's.
    expect(git(repo.origin, 'log', '-2', '--format=%s', 'main')).toMatch(
      /^Revert "Rollback drill: apply drills\/bad-image\.patch"\nRollback drill: apply/
    );
    expect([identity(repo, 'main'), identity(repo, 'main^')]).toEqual([`${BOT} | ${BOT}`, `${BOT} | ${BOT}`]);
  });

  it.each(['*', 'main:refs/heads/x', 'HEAD', 'ma\u202ein', '-upload-pack=x', 'a..b'])(
    'a payload naming the branch %j is a notice, and nothing is fetched or pushed',
    async branch => {
      const { bad } = await fleet();
      repo.git('push', '-q', 'origin', `${bad}:refs/heads/other`);
      const event = dispatch(bad);
      event.client_payload.metadata.revision = `${branch}@sha1:${bad}`;
      const run = await act(actionsCheckout(repo), event, { 'on-flux-failure': 'push' });

      expect(run.exitCode).toBe(0);
      expect(run.outputs['flux-decision']).toBe('ignored');
      expect(run.stdout).toMatch(
        /^::notice::The Flux event for Kustomization\/flux-system\/apps names the branch '.*', which is not a branch to roll back \(.*\)\. Nothing was fetched\./m
      );
      expect(run.stdout).not.toMatch(/[\u202e]|invalid refspec/);
      expect(git(repo.origin, 'rev-parse', 'main')).toBe(bad);
      expect(git(repo.origin, 'rev-parse', 'other')).toBe(bad);
    }
  );
});
