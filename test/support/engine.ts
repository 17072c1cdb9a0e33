import { Git } from '../../src/git/git.js';
import { runRollback, type RollbackDeps, type RollbackResult } from '../../src/rollback/run.js';
import type { Logger } from '../../src/core/index.js';
import { type RawRequest, validateRequest } from '../../src/rollback/validate.js';
import { ISOLATED_GIT_ENV } from './repo.js';

/** A logger that keeps what it was told, for assertions. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: m => lines.push(`info: ${m}`),
    notice: m => lines.push(`notice: ${m}`),
    warning: m => lines.push(`warning: ${m}`),
    group: async (title, fn) => {
      lines.push(`group: ${title}`);
      return fn();
    }
  };
}

/** The identity engine tests give the rollback, as the actions give their `committer` input. */
export const TEST_COMMITTER = 'Rollback Bot <rollback-bot@example.com>';

/**
 * Validates `raw` and runs the rollback engine in `cwd` with the real git binary. The engine gets
 * no git identity from its environment or config: only `committer` (default {@link TEST_COMMITTER}).
 */
export async function rollback(
  cwd: string,
  raw: Partial<RawRequest>,
  deps: Partial<RollbackDeps> = {}
): Promise<RollbackResult & { log: string[] }> {
  const log = memoryLogger();
  const request = await validateRequest({
    commits: [],
    restorePaths: [],
    deliver: 'push',
    targetBranch: 'main',
    committer: TEST_COMMITTER,
    ...raw
  });
  const git = await Git.create(cwd, ISOLATED_GIT_ENV);
  const result = await runRollback(request, { git, log, ...deps });
  return { ...result, log: log.lines };
}
