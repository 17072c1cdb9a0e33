import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FakeGitHub, StatusSeed } from './fake-github.js';
import { createRepo, writeFiles, type TestRepo } from './repo.js';

const run = promisify(execFile);
export const CONTEXT = 'kustomization/apps/0c9c2e41';
export const INFRA = 'kustomization/infra/0c9c2e41';

/**
 * Plays Flux and the service: watches origin's main, and for every new tip posts a commit status
 * (failure when the deployment carries a `-bad` image) and flips the health endpoint accordingly.
 */
export class FluxPlayer {
  healthy = true;
  private seen = '';
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private stopped = false;
  constructor(
    private readonly origin: string,
    private readonly fake: FakeGitHub,
    private readonly report: 'statuses' | 'silent' | 'always-success' = 'statuses'
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (this.inFlight || this.stopped) return;
      this.inFlight = this.tick().finally(() => (this.inFlight = undefined));
    }, 15);
  }

  /** Stops watching and waits for a tick in progress, so the repositories can be removed safely. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.inFlight;
  }

  private async tick(): Promise<void> {
    try {
      const tip = (await run('git', ['rev-parse', 'refs/heads/main'], { cwd: this.origin })).stdout.trim();
      if (tip === this.seen) return;
      this.seen = tip;
      const manifest = (await run('git', ['show', `${tip}:apps/podinfo.yaml`], { cwd: this.origin })).stdout;
      const bad = manifest.includes('-bad');
      this.healthy = !bad;
      if (this.report === 'silent') return;
      const failing = bad && this.report === 'statuses';
      // Two Kustomizations: infra reconciles at once, apps (which holds the deployment) later.
      this.fake.addStatus(tip, { context: INFRA, state: 'success', description: 'reconciliation succeeded' });
      await new Promise(resolve => setTimeout(resolve, 60));
      if (this.stopped) return;
      this.fake.addStatus(tip, {
        context: CONTEXT,
        state: failing ? 'failure' : 'success',
        description: failing ? 'health check failed' : 'reconciliation succeeded'
      });
    } catch (error) {
      // A tick cut short by stop() is expected; anything else is a broken test setup.
      if (!this.stopped) throw error;
    }
  }
}

export const deploy = (tag: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: podinfo\nspec:\n  image: podinfo:${tag}\n`;

/** A staging repository whose drill patch (committed to it, as a team would) sets a `-bad` image. */
export function createDrillRepo(): TestRepo {
  const repo = createRepo({ 'apps/podinfo.yaml': deploy('6.0.0') });
  writeFiles(repo.work, { 'apps/podinfo.yaml': deploy('6.1.0-bad') });
  const patch = repo.git('diff');
  repo.git('checkout', '--quiet', '--', 'apps/podinfo.yaml');
  repo.commit({ 'drills/bad-image.patch': `${patch}\n` }, 'Add the rollback drill patch');
  repo.push();
  return repo;
}

/**
 * Posts `report(tip)` as commit statuses for every new tip of origin's main, once each: for
 * tests that choose per commit what Flux says. Runs while the code under test waits.
 */
export function playStatuses(origin: string, fake: FakeGitHub, report: (tip: string) => StatusSeed[]): { stop(): Promise<void> } {
  let seen = '';
  let busy: Promise<void> | undefined;
  const timer = setInterval(() => {
    busy ??= run('git', ['rev-parse', 'refs/heads/main'], { cwd: origin })
      .then(({ stdout }) => {
        const tip = stdout.trim();
        if (tip === seen) return;
        seen = tip;
        for (const status of report(tip)) fake.addStatus(tip, status);
      })
      .finally(() => (busy = undefined));
  }, 15);
  return {
    async stop() {
      clearInterval(timer);
      await busy;
    }
  };
}
