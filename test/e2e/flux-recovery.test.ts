import { afterEach, describe, expect, it } from '@jest/globals';
import { actionsCheckout, runAction } from '../support/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { CONTEXT, deploy, INFRA, playStatuses } from '../support/flux-player.js';
import { createRepo, git, type TestRepo } from '../support/repo.js';

const BUNDLE = 'dist/revert/index.js';

/** A repository_dispatch as Flux's githubdispatch provider sends it for the apps Kustomization. */
const dispatch = (sha: string) => ({
  action: 'Kustomization/apps.flux-system',
  repository: { full_name: 'acme/fleet', default_branch: 'main' },
  client_payload: {
    involvedObject: { kind: 'Kustomization', name: 'apps', namespace: 'flux-system', apiVersion: 'kustomize.toolkit.fluxcd.io/v1' },
    severity: 'error',
    reason: 'HealthCheckFailed',
    message: 'Health check failed after 30s: Deployment/podinfo/podinfo not ready',
    metadata: { revision: `main@sha1:${sha}` },
    reportingController: 'kustomize-controller'
  }
});

describe('bundled revert action: Flux recovery means every Kustomization', () => {
  let repo: TestRepo;
  let github: FakeGitHub;
  let flux: { stop(): Promise<void> } | undefined;
  let checkouts = 0;
  afterEach(async () => {
    await flux?.stop();
    flux = undefined;
    repo?.cleanup();
    await github?.close();
  });

  /** main: a good deployment, then a bad one that the apps Kustomization fails on while infra succeeds. */
  async function fleet() {
    repo = createRepo({ 'apps/podinfo.yaml': deploy('6.0.0'), 'infra/namespace.yaml': 'kind: Namespace\n' });
    const good = repo.git('rev-parse', 'HEAD');
    const bad = repo.commit({ 'apps/podinfo.yaml': deploy('6.1.0-bad') }, 'Bump podinfo to 6.1.0');
    repo.push();
    github = await startFakeGitHub({ owner: 'acme', repo: 'fleet' });
    for (const sha of [good, bad]) github.addStatus(sha, { context: INFRA, state: 'success', description: 'reconciliation succeeded' });
    github.addStatus(good, { context: CONTEXT, state: 'success', description: 'reconciliation succeeded' });
    github.addStatus(bad, { context: CONTEXT, state: 'failure', description: 'health check failed' });
    return { good, bad };
  }

  const act = (inputs: Record<string, string>, event: object = {}, eventName = 'workflow_dispatch') =>
    runAction(BUNDLE, {
      cwd: actionsCheckout(repo, `checkout-${++checkouts}`),
      event,
      eventName,
      inputs: { token: 'tok', 'wait-interval': '50ms', 'wait-timeout': '30s', ...inputs },
      env: { GITHUB_API_URL: github.url }
    });

  it('does not call one success among two recovery: waits for the apps Kustomization, then fails naming it', async () => {
    const { bad } = await fleet();
    // Only infra reports on the rollback commit, with a description that tries to forge a log command.
    flux = playStatuses(repo.origin, github, tip =>
      tip === bad ? [] : [{ context: INFRA, state: 'success', description: 'applied\n::error::forged by a status' }]
    );
    const result = await act(
      { 'on-flux-failure': 'push', 'wait-for': 'flux-status', 'wait-timeout': '2s' },
      dispatch(bad),
      'repository_dispatch'
    );

    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ operation: 'pushed', 'flux-decision': 'revert', reconciled: 'false', 'time-to-reconcile': '' });
    const rollback = git(repo.origin, 'rev-parse', 'main');
    expect(github.requestsTo('GET', new RegExp(`/commits/${rollback}/statuses$`)).length).toBeGreaterThan(1);
    expect(JSON.parse(result.outputs['flux-contexts'])).toEqual([
      { context: CONTEXT, state: 'not-reported', description: '' },
      { context: INFRA, state: 'success', description: 'applied\n::error::forged by a status' }
    ]);
    const error = result.stdout.split('\n').find(line => line.startsWith('::error::'));
    expect(error).toMatch(
      /^::error::Recovery not confirmed within 2 s: No Flux result for [0-9a-f]{12} after [\d.]+ s: still pending: kustomization\/apps\/0c9c2e41 \(not reported\)/
    );
    expect(result.stdout).toContain(
      `Waiting for the Flux contexts reported for the failing revision ${bad.slice(0, 12)}: ${CONTEXT}, ${INFRA}`
    );
    expect(result.stdout).not.toMatch(/^::error::forged/m);
    expect(result.summary).toContain('### Recovery');
    expect(result.summary).toContain(`| \`${CONTEXT}\` | not-reported |`);
    expect(result.summary).toContain(`| \`${INFRA}\` | success |`);
  });

  it('reports reconciled once both Kustomizations succeed on a pushed rollback, with flux-status-contexts as globs', async () => {
    const { bad } = await fleet();
    flux = playStatuses(repo.origin, github, tip =>
      tip === bad
        ? []
        : [
            { context: INFRA, state: 'success', description: 'reconciliation succeeded' },
            { context: CONTEXT, state: 'success', description: 'reconciliation succeeded' }
          ]
    );
    const result = await act({
      commits: bad,
      deliver: 'push',
      'wait-for': 'flux-status',
      'flux-status-contexts': 'kustomization/apps, kustomization/infra*'
    });

    expect(result.stdout).not.toContain('::error');
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ operation: 'pushed', reconciled: 'true' });
    expect(JSON.parse(result.outputs['flux-contexts'])).toEqual([
      { context: CONTEXT, state: 'success', description: 'reconciliation succeeded' },
      { context: INFRA, state: 'success', description: 'reconciliation succeeded' }
    ]);
    expect(result.stdout).toContain(
      'Waiting for the Flux contexts given in flux-status-contexts: kustomization/apps, kustomization/infra*'
    );
  });

  it('for watch-commit, expects the contexts of its parent when the clone has it, and says when the set is not known', async () => {
    const { bad } = await fleet();
    const fix = repo.commit({ 'apps/podinfo.yaml': deploy('6.0.0') }, 'Merge the rollback');
    repo.push();
    github.addStatus(fix, { context: INFRA, state: 'success', description: 'reconciliation succeeded' });
    const inputs = { 'watch-commit': fix, 'wait-for': 'flux-status', 'wait-timeout': '1s' };

    // As actions/checkout with fetch-depth: 0.
    const full = await runAction(BUNDLE, {
      cwd: repo.clone('full', '--branch=main'),
      inputs: { token: 'tok', 'wait-interval': '50ms', ...inputs },
      env: { GITHUB_API_URL: github.url }
    });
    expect(full.exitCode).toBe(1);
    expect(full.outputs.reconciled).toBe('false');
    expect(full.stdout).toContain(
      `Waiting for the Flux contexts reported for the parent of the watched commit ${bad.slice(0, 12)}: ${CONTEXT}, ${INFRA}.`
    );
    expect(full.stdout).toMatch(/::error::.*still pending: kustomization\/apps\/0c9c2e41 \(not reported\)/);

    // A depth-1 clone lacks the parent: the set is not known, and the log says so.
    const shallow = await act(inputs);
    expect(shallow.stdout).toContain(
      "The Flux contexts to wait for are not known; waiting until at least one context matching 'kustomization/*' reports"
    );
    expect(shallow.exitCode).toBe(0);
    expect(shallow.outputs.reconciled).toBe('true');
    expect(JSON.parse(shallow.outputs['flux-contexts'])).toEqual([
      { context: INFRA, state: 'success', description: 'reconciliation succeeded' }
    ]);
  });

  it('refuses a malformed flux-status-contexts before anything is pushed', async () => {
    const { bad } = await fleet();
    const result = await act({
      commits: bad,
      deliver: 'push',
      'wait-for': 'flux-status',
      'flux-status-contexts': 'kustomization/apps, apps'
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain("::error::Invalid flux-status-contexts entry 'apps'. Expected");
    expect(git(repo.origin, 'rev-parse', 'main')).toBe(bad);
  });
});
