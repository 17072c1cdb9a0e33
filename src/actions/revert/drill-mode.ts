import { runDrill, type DrillResult } from '../../drill/drill.js';
import { fluxStatusWaiter, healthWaiter, type Waiter } from '../../drill/waiters.js';
import type { GitHubConnection } from '../../github/connection.js';
import { Git } from '../../git/git.js';
import { runRollback } from '../../rollback/run.js';
import { type Logger, UserError } from '../../rollback/types.js';
import { parseIdentity, validateRequest } from '../../rollback/validate.js';
import type { RevertInputs } from './inputs.js';

/**
 * A scheduled rollback drill on the target branch: push a known-bad change, wait for it to be
 * reported, roll it back with the engine, wait for recovery. Every phase is timed.
 */
export async function drillMode(inputs: RevertInputs, git: Git, github: GitHubConnection | undefined, log: Logger): Promise<DrillResult> {
  const drill = inputs.drill!;
  const branch = inputs.raw.targetBranch;
  if (!branch) throw new UserError('A drill needs target-branch: the staging branch Flux watches.');
  if (!drill.patchFile === !drill.cherryPick) {
    throw new UserError('A drill needs exactly one known-bad change: drill-patch (a patch file in the repository) or drill-cherry-pick (a commit).');
  }
  const { wait } = inputs;
  const timing = { timeoutMs: wait.timeoutMs, intervalMs: wait.intervalMs };
  const flux = wait.forFlux ? await fluxOptions(github, inputs, timing, log) : undefined;
  const health = wait.healthUrl ? { url: wait.healthUrl, expectStatus: wait.expectStatus, ...timing } : undefined;
  const detect: Waiter | undefined = flux ? fluxStatusWaiter(flux, 'failure') : health && healthWaiter(health, 'unhealthy');
  const recover: Waiter | undefined = flux ? fluxStatusWaiter(flux, 'success') : health && healthWaiter(health, 'healthy');
  if (!detect || !recover) throw new UserError('A drill needs a way to see the failure: wait-for: flux-status, or health-url.');
  const committer = parseIdentity(inputs.raw.committer!);
  return runDrill({
    git,
    log,
    remote: 'origin',
    branch,
    badChange: drill.patchFile ? { patchFile: drill.patchFile } : { cherryPick: drill.cherryPick! },
    waitFailure: detect,
    waitSuccess: recover,
    waitHealthy: flux && health ? healthWaiter(health, 'healthy') : undefined,
    maxRecoveryMs: drill.maxRecoveryMs,
    committer,
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
          incident: inputs.raw.incident || `drill-${sha.slice(0, 12)}`,
          reason: inputs.raw.reason || 'Scheduled rollback drill'
        }),
        { git, log }
      )
  });
}

async function fluxOptions(github: GitHubConnection | undefined, inputs: RevertInputs, timing: { timeoutMs: number; intervalMs: number }, log: Logger) {
  if (!github) throw new UserError('wait-for: flux-status reads commit statuses through the GitHub API: it needs a token and GITHUB_REPOSITORY.');
  return { client: await github.client(), repo: github.repo, contextGlob: inputs.flux.statusContext, contexts: inputs.flux.statusContexts, log, ...timing };
}
