import { UserError } from '../rollback/types.js';
import { type Output } from './output.js';
import { checkCommand } from './check-command.js';
import { reportCommand } from './report-command.js';
import { rollbackCommand } from './rollback-command.js';

export const USAGE = `Usage:
  gitops-rollback revert <rev|A..B>... [options]
  gitops-rollback restore <path>... --to <rev> [options]
  gitops-rollback check --base <rev> [--head <rev>] [--fail-on LEVEL] [--format text|json|markdown]
  gitops-rollback report [--since WHEN] [--until WHEN] [--format markdown|json|openmetrics]

Options:
  --mainline N            parent to revert merge commits against (default 1)
  --squash                one revert commit for all commits
  --incident ID           incident id (Incident: trailer, branch name)
  --reason TEXT           why the rollback is made
  --deliver MODE          none (default: commit on the local branch), push, or pull-request
  --target-branch B       branch to roll back (default: the current branch)
  --branch B              pull-request branch (default: rollback/<incident>)
  --dry-run               compute the rollback and its diff stat, change nothing
  --allow-unsafe          deliver even when the safety check finds a critical hazard
  --no-fallback           fail instead of opening a pull request when a push is refused
  --committer "N <e>"     identity of the rollback commits
  --title, --label, --reviewer, --team-reviewer, --draft   pull-request details
  --repo OWNER/NAME       repository for pull requests (default: GITHUB_REPOSITORY; token from GITHUB_TOKEN)
  --remote NAME           remote to fetch from and push to (default: origin)
  --format text|json      output format (default: text)

Check options:
  --base REV --head REV   the change to check (head defaults to HEAD); measured from their merge base
  --fail-on LEVEL         critical, error (default), warning, notice or never
  --path GLOB, --exclude GLOB, --config FILE (default .github/rollback-safety.yml at base)

Report options:
  --since, --until WHEN   the window: a date (2026-01-31), a time (2026-01-31T12:00:00Z) or an age
                          (36h, 90d, 12w); default: the whole history, up to now
  --branch B              branch to report on (default: the current branch), fetched from --remote
  --no-fetch              read the local branch as it is
  --component PATTERN     name components by folders, '*' for one folder (e.g. 'kubernetes/apps/*/*')
  --format FORMAT         markdown (default), json or openmetrics

Exit status: 0 done, 1 refused (or, for check, a finding meets --fail-on), 2 bad usage or error.`;

/** Runs the command line and returns its exit status. */
export async function main(argv: string[], out: Output): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'revert':
      case 'restore':
        return await rollbackCommand(command, rest, out);
      case 'check':
        return await checkCommand(rest, out);
      case 'report':
        return await reportCommand(rest, out);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        out.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        out.stderr(`Unknown command '${command}'. Expected revert, restore, check or report.\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UserError) {
      out.stderr(`error: ${error.message}`);
      return error.kind === 'refused' ? 1 : 2;
    }
    const detail = error instanceof Error ? (process.env.GITOPS_ROLLBACK_DEBUG ? error.stack : error.message) : String(error);
    out.stderr(`error: ${detail}`);
    return 2;
  }
}
