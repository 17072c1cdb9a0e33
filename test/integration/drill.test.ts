import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DrillOptions, runDrill } from '../../src/drill/drill.js';
import { fluxStatusWaiter, healthWaiter } from '../../src/drill/waiters.js';
import { Git } from '../../src/git/git.js';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { parseIdentity } from '../../src/rollback/validate.js';
import { memoryLogger, rollback, TEST_COMMITTER } from '../support/engine.js';
import { startFakeGitHub, type FakeGitHub, type StatusSeed } from '../support/fake-github.js';
import { git, ISOLATED_GIT_ENV, type TestRepo } from '../support/repo.js';
import { CONTEXT, createDrillRepo, deploy, FluxPlayer, INFRA, playStatuses } from '../support/flux-player.js';

const slug = { owner: 'acme', repo: 'staging' };
/** A clock one second further on at every reading: the drill's times do not depend on the machine's speed. */
const ticking = (): (() => number) => {
  let ms = 0;
  return () => (ms += 1000);
};

describe('runDrill on a real repository with a bare origin and the real engine', () => {
  let repo: TestRepo;
  let fake: FakeGitHub;
  let client: GitHubClient;
  let player: FluxPlayer | undefined;
  let statuses: { stop(): Promise<void> } | undefined;
  let health: Server;
  let healthUrl: string;

  beforeEach(async () => {
    repo = createDrillRepo();
    fake = await startFakeGitHub(slug);
    client = createGitHubClient({ token: 't', baseUrl: fake.url, retries: 0, retryDelayMs: 1, paceWrites: false });
    health = createServer((_req, res) => res.writeHead(player?.healthy === false ? 503 : 200).end());
    await new Promise<void>(resolve => health.listen(0, '127.0.0.1', resolve));
    healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/healthz`;
  });

  afterEach(async () => {
    await player?.stop();
    await statuses?.stop();
    player = statuses = undefined;
    health.closeAllConnections();
    await new Promise(resolve => health.close(resolve));
    await fake.close();
    repo.cleanup();
  });

  async function options(overrides: Partial<DrillOptions> = {}): Promise<DrillOptions & { log: ReturnType<typeof memoryLogger> }> {
    const flux = { client, repo: slug, timeoutMs: 1500, intervalMs: 20 };
    return {
      git: await Git.create(repo.work, ISOLATED_GIT_ENV),
      log: memoryLogger(),
      remote: 'origin',
      branch: 'main',
      badChange: { patchFile: 'drills/bad-image.patch' },
      waitFailure: fluxStatusWaiter(flux, 'failure'),
      waitSuccess: fluxStatusWaiter(flux, 'success'),
      waitHealthy: healthWaiter({ url: healthUrl, timeoutMs: 1500, intervalMs: 20 }, 'healthy'),
      maxRecoveryMs: 20_000,
      now: ticking(),
      committer: parseIdentity(TEST_COMMITTER),
      rollback: (sha, trailers) =>
        rollback(repo.work, { commits: [sha], incident: 'DRILL-1', reason: 'Scheduled rollback drill', actor: 'rollback-drill', trailers }),
      ...overrides
    } as DrillOptions & { log: ReturnType<typeof memoryLogger> };
  }

  const originMain = () => git(repo.origin, 'rev-parse', 'refs/heads/main');
  const originTree = () => git(repo.origin, 'rev-parse', 'refs/heads/main^{tree}');

  it('pushes the bad patch, detects the failure, rolls back, reconciles, and restores the tree', async () => {
    const before = { sha: originMain(), tree: originTree() };
    player = new FluxPlayer(repo.origin, fake);
    player.start();
    const result = await runDrill(await options());

    expect(result.verdict).toBe('recovered');
    expect(result.withinBudget).toBe(true);
    expect(result.phases.map(p => [p.name, p.ok])).toEqual([
      ['detect', true],
      ['rollback', true],
      ['reconcile', true],
      ['healthy', true]
    ]);
    expect(result.phases[0].detail).toContain(`Flux reported failure for ${result.drillSha.slice(0, 12)}`);
    expect(result.phases[2].detail).toContain(`Flux reported success for ${result.rollbackSha!.slice(0, 12)}`);
    expect(result.phases[2].detail).toContain(CONTEXT);
    expect(result.recoveryMs).toBeGreaterThanOrEqual(result.phases.reduce((sum, p) => sum + p.ms, 0));
    expect(result.baseSha).toBe(before.sha);
    expect(result.tree).toMatchObject({ before: before.tree, after: before.tree, restored: true });
    expect(originTree()).toBe(before.tree);
    expect(originMain()).toBe(result.rollbackSha);
    expect(git(repo.origin, 'rev-parse', 'main^')).toBe(result.drillSha);
    expect(git(repo.origin, 'log', '-1', '--format=%s', result.drillSha)).toBe('Rollback drill: apply drills/bad-image.patch');
    // Both commits carry the committer given, not an identity from git's configuration (there is none).
    for (const sha of [result.drillSha, result.rollbackSha!]) {
      expect(git(repo.origin, 'log', '-1', '--format=%an <%ae> | %cn <%ce>', sha)).toBe(`${TEST_COMMITTER} | ${TEST_COMMITTER}`);
    }
    const revert = git(repo.origin, 'log', '-1', '--format=%B', 'main');
    expect(revert).toContain(`This reverts commit ${result.drillSha}.`);
    expect(revert).toContain('Incident: DRILL-1');
    // The time to detect goes into the rollback commit as a trailer, for reports from history.
    const detected = git(repo.origin, 'log', '-1', '--format=%(trailers:key=Drill-time-to-detect,valueonly)', 'main');
    expect(detected).toBe(`${(result.phases[0].ms / 1000).toFixed(1)}s`);
    expect(fake.state.statuses.get(result.drillSha)?.map(st => [st.context, st.state])).toEqual([
      [INFRA, 'success'],
      [CONTEXT, 'failure']
    ]);
    expect(result.cleanup).toBeUndefined();
    expect(result.summary[0]).toMatch(/^Drill on 'main' recovered in \d+\.\d s, within 20\.0 s\.$/);
    // The checkout is back where it was, untouched.
    expect(repo.git('symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(repo.git('rev-parse', 'HEAD')).toBe(before.sha);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  /** Flux as a test wants it: `rollback` says what is reported for the rollback commit. */
  function playFlux(rollback: StatusSeed[]) {
    const base = originMain();
    return playStatuses(repo.origin, fake, tip => {
      if (tip === base)
        return [
          { context: INFRA, state: 'success' },
          { context: CONTEXT, state: 'success' }
        ];
      const bad = git(repo.origin, 'show', `${tip}:apps/podinfo.yaml`).includes('-bad');
      return bad
        ? [
            { context: INFRA, state: 'success' },
            { context: CONTEXT, state: 'failure', description: 'health check failed' }
          ]
        : rollback;
    });
  }

  it('does not call the drill recovered while one Kustomization that reported on the drill commit is silent on the rollback', async () => {
    statuses = playFlux([{ context: INFRA, state: 'success', description: 'reconciliation succeeded' }]);
    const result = await runDrill(
      await options({
        waitSuccess: fluxStatusWaiter({ client, repo: slug, timeoutMs: 300, intervalMs: 20 }, 'success'),
        waitHealthy: undefined
      })
    );
    expect(result.verdict).toBe('not-recovered');
    expect(result.phases.map(p => [p.name, p.ok])).toEqual([
      ['detect', true],
      ['rollback', true],
      ['reconcile', false]
    ]);
    expect(result.phases[2].detail).toMatch(
      new RegExp(
        `^No Flux result for ${result.rollbackSha!.slice(0, 12)} after [\\d.]+ s: still pending: ${CONTEXT} \\(not reported\\); last seen: ${INFRA}: success`
      )
    );
    expect(result.tree.restored).toBe(true);
  });

  it('waits in the drill for exactly the contexts listed, when given', async () => {
    statuses = playFlux([
      { context: CONTEXT, state: 'success' },
      { context: INFRA, state: 'failure', description: 'unrelated drift' }
    ]);
    const flux = { client, repo: slug, timeoutMs: 1500, intervalMs: 20, contexts: ['kustomization/apps'], log: memoryLogger() };
    const result = await runDrill(
      await options({
        waitFailure: fluxStatusWaiter(flux, 'failure'),
        waitSuccess: fluxStatusWaiter(flux, 'success'),
        waitHealthy: undefined
      })
    );
    expect(result.verdict).toBe('recovered');
    expect(result.phases[2].detail).toContain(`Flux reported success for ${result.rollbackSha!.slice(0, 12)}`);
    expect(flux.log.lines).toContain('info: Waiting for the Flux contexts given in flux-status-contexts: kustomization/apps.');
  });

  it('cherry-picks a known-bad commit, detects it by health, and says when recovery was slower than the budget', async () => {
    repo.git('checkout', '--quiet', '-b', 'known-bad');
    const bad = repo.commit({ 'apps/podinfo.yaml': deploy('9.9.9-bad') }, 'Known bad image');
    repo.git('checkout', '--quiet', 'main');
    player = new FluxPlayer(repo.origin, fake);
    player.start();
    const result = await runDrill(
      await options({
        badChange: { cherryPick: bad },
        waitFailure: healthWaiter({ url: `${healthUrl}?token=secret`, timeoutMs: 1500, intervalMs: 20 }, 'unhealthy'),
        maxRecoveryMs: 1,
        waitHealthy: undefined
      })
    );
    expect(result.verdict).toBe('too-slow');
    expect(result.withinBudget).toBe(false);
    expect(result.phases.map(p => p.name)).toEqual(['detect', 'rollback', 'reconcile']);
    expect(result.phases[0].detail).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/healthz was unhealthy after .* \(last answer HTTP 503\)\.$/);
    expect(result.tree.restored).toBe(true);
    expect(git(repo.origin, 'log', '-1', '--format=%B', result.drillSha)).toContain(`cherry-picked from commit ${bad}`);
    expect(result.summary[0]).toContain('slower than the budget of 0.0 s');
  });

  it('cherry-picks a known-bad commit from a depth-1 checkout that lacks it', async () => {
    repo.git('checkout', '--quiet', '-b', 'known-bad');
    const bad = repo.commit({ 'apps/podinfo.yaml': deploy('9.9.9-bad') }, 'Known bad image');
    repo.git('push', '--quiet', 'origin', 'known-bad');
    repo.git('checkout', '--quiet', 'main');
    for (let i = 0; i < 12; i++) repo.commit({ [`apps/notes-${i}.yaml`]: `note: ${i}\n` }, `Unrelated change ${i}`);
    repo.push();
    git(repo.origin, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
    const checkout = repo.clone('checkout', '--depth=1', '--branch=main');
    player = new FluxPlayer(repo.origin, fake);
    player.start();
    const result = await runDrill(
      await options({
        git: await Git.create(checkout, ISOLATED_GIT_ENV),
        badChange: { cherryPick: bad },
        waitHealthy: undefined,
        rollback: (sha, trailers) =>
          rollback(checkout, { commits: [sha], incident: 'DRILL-1', reason: 'Scheduled rollback drill', actor: 'rollback-drill', trailers })
      })
    );
    expect(result.verdict).toBe('recovered');
    expect(result.tree.restored).toBe(true);
    // Only the bad commit's change was picked, not its whole tree.
    expect(git(repo.origin, 'diff', '--name-only', `${result.drillSha}^`, result.drillSha)).toBe('apps/podinfo.yaml');
    expect(git(repo.origin, 'log', '-1', '--format=%B', result.drillSha)).toContain(`cherry-picked from commit ${bad}`);
  });

  it('still rolls back what it pushed when the failure never arrives, and says so', async () => {
    const before = originTree();
    player = new FluxPlayer(repo.origin, fake, 'silent');
    player.start();
    const result = await runDrill(
      await options({ waitFailure: fluxStatusWaiter({ client, repo: slug, timeoutMs: 200, intervalMs: 20 }, 'failure') })
    );
    expect(result.verdict).toBe('not-detected');
    expect(result.phases.map(p => [p.name, p.ok])).toEqual([
      ['detect', false],
      ['rollback', true]
    ]);
    expect(result.phases[0].detail).toMatch(
      /^No Flux result for [0-9a-f]{12} after \d\.\d s: no status matching 'kustomization\/\*' was reported\.$/
    );
    expect(result.cleanup).toMatchObject({ rolledBack: true });
    expect(result.cleanup?.detail).toContain('The failure was never reported');
    expect(result.tree.restored).toBe(true);
    expect(originTree()).toBe(before);
    expect(result.summary.join('\n')).toContain('the known-bad change was never reported failing');
  });

  it('treats a success reported for the bad change as not detected, and rolls it back', async () => {
    player = new FluxPlayer(repo.origin, fake, 'always-success');
    player.start();
    const result = await runDrill(await options({ waitHealthy: undefined }));
    expect(result.verdict).toBe('not-detected');
    expect(result.phases[0].detail).toContain('Flux reported success');
    expect(result.tree.restored).toBe(true);
  });

  it('rolls back when detection itself fails with an error', async () => {
    const result = await runDrill(
      await options({
        waitFailure: async () => {
          throw new Error('GitHub is down');
        }
      })
    );
    expect(result.verdict).toBe('not-detected');
    expect(result.phases[0]).toMatchObject({ name: 'detect', ok: false, detail: 'GitHub is down' });
    expect(result.cleanup?.rolledBack).toBe(true);
    expect(result.tree.restored).toBe(true);
  });

  it('reports a rollback that could not be pushed, leaving instructions', async () => {
    player = new FluxPlayer(repo.origin, fake);
    player.start();
    const result = await runDrill(
      await options({
        rollback: async () => {
          throw new Error("'main' is protected and refused the push");
        }
      })
    );
    expect(result.verdict).toBe('not-recovered');
    expect(result.phases.map(p => [p.name, p.ok])).toEqual([
      ['detect', true],
      ['rollback', false]
    ]);
    expect(result.cleanup?.detail).toContain(`git revert ${result.drillSha}`);
    expect(result.tree.restored).toBe(false);
    expect(result.tree.detail).toContain('apps/podinfo.yaml');
  });

  it('pushes nothing when the patch does not apply', async () => {
    const before = originMain();
    repo.commit({ 'apps/podinfo.yaml': deploy('7.0.0') }, 'Moved on');
    repo.push();
    const moved = originMain();
    const opts = await options();
    await expect(runDrill(opts)).rejects.toThrow("drill-patch 'drills/bad-image.patch' does not apply to 'main'");
    await expect(runDrill({ ...opts, badChange: { patchFile: 'drills/missing.patch' } })).rejects.toThrow(
      "drill-patch 'drills/missing.patch' does not exist on 'main'"
    );
    await expect(runDrill({ ...opts, badChange: { cherryPick: 'nope' } })).rejects.toThrow("Unknown drill-cherry-pick revision 'nope'");
    expect(originMain()).toBe(moved);
    expect(moved).not.toBe(before);
    expect(repo.git('symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(repo.git('status', '--porcelain')).toBe('');
  });
});
