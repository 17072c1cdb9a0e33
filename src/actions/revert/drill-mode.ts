import { runDrill, type DrillResult } from '../../drill/drill.js';
import { fluxStatusWaiter, healthWaiter } from '../../drill/waiters.js';
import type { GitHubConnection } from '../../github/connection.js';
import { Git } from '../../git/git.js';
import { runRollback } from '../../rollback/run.js';
import { type Logger, shortSha } from '../../core/index.js';
import { validateRequest } from '../../rollback/validate.js';
import type { RevertInputs } from './inputs.js';

/**
 * A scheduled rollback drill on the target branch: push a known-bad change, wait for it to be
 * reported, roll it back with the engine, wait for recovery. Every phase is timed. The inputs
 * were checked in `readRevertInputs`: a branch, one bad change, and Flux (with the API) or a
 * health URL to watch.
 */
export async function drillMode(inputs: RevertInputs, git: Git, github: GitHubConnection | undefined, log: Logger): Promise<DrillResult> {
  const drill = inputs.drill!;
  const { wait } = inputs;
  const timing = { timeoutMs: wait.timeoutMs, intervalMs: wait.intervalMs };
  const flux =
    wait.forFlux && github
      ? {
          client: await github.client(),
          repo: github.repo,
          contextGlob: inputs.flux.statusContext,
          contexts: inputs.flux.statusContexts,
          log,
          ...timing
        }
      : undefined;
  const health = wait.healthUrl ? { url: wait.healthUrl, expectStatus: wait.expectStatus, ...timing } : undefined;
  return runDrill({
    git,
    log,
    remote: 'origin',
    branch: drill.branch,
    badChange: drill.badChange,
    waitFailure: flux ? fluxStatusWaiter(flux, 'failure') : healthWaiter(health!, 'unhealthy'),
    waitSuccess: flux ? fluxStatusWaiter(flux, 'success') : healthWaiter(health!, 'healthy'),
    waitHealthy: flux && health ? healthWaiter(health, 'healthy') : undefined,
    maxRecoveryMs: drill.maxRecoveryMs,
    committer: drill.committer,
    runUrl: inputs.raw.runUrl,
    rollback: async (sha, trailers) =>
      runRollback(
        await validateRequest({
          ...inputs.raw,
          trailers,
          commits: [sha],
          restorePaths: [],
          restoreTo: undefined,
          deliver: 'push',
          fallbackToPullRequest: false,
          incident: inputs.raw.incident || `drill-${shortSha(sha)}`,
          reason: inputs.raw.reason || 'Scheduled rollback drill'
        }),
        { git, log }
      )
  });
}
