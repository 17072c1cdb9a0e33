import { NODE_REQUIREMENT, VERSION } from './version.js';
import { DEFAULT_CONFIG_PATH } from '../safety-check/config-path.js';

export type Command = 'revert' | 'restore' | 'check' | 'report';

export const COMMANDS: readonly Command[] = ['revert', 'restore', 'check', 'report'];

const EXIT = 'Exit status: 0 done (also when there is nothing to do), 1 refused, 2 bad usage or error.';

/** `gitops-rollback --help`: what the commands are and where their options are listed. */
export const USAGE = `gitops-rollback ${VERSION}: roll back a Flux GitOps repository, or check a change for rollback hazards.

Usage:
  gitops-rollback revert <rev|A..B>... [options]       revert commits, newest first
  gitops-rollback revert --pr <number>... [options]    revert merged pull requests, newest first
  gitops-rollback restore <path>... --to <rev> [options] put paths back to how they were at <rev>
  gitops-rollback check --base <rev> [options]         check a change for rollback hazards
  gitops-rollback report [options]                     rollbacks, time to revert, components, from the history
  gitops-rollback <command> --help                     the options of a command
  gitops-rollback --version

Run it inside a clone of the repository (git 2.38 or newer). Needs Node.js ${NODE_REQUIREMENT}.
${EXIT}`;

const DELIVERY = `Delivery:
  --deliver MODE          none (default: commit on the local branch only), push, or pull-request
  --target-branch B       branch to roll back (default: the current branch)
  --remote NAME           remote to fetch from and push to (default: origin)
  --no-fallback           fail instead of opening a pull request when a push is refused
  --sign-commits          make the commits through the GitHub API, signed by GitHub (needs GITHUB_TOKEN)
  --dry-run               compute the rollback and its diff stat, change nothing
  --allow-unsafe          deliver even when the safety check finds a critical hazard

Audit trail:
  --incident ID           incident id (Incident: trailer, pull-request branch name)
  --reason TEXT           why the rollback is made
  --actor NAME            who rolls back (Rolled-back-by: trailer; default: GITHUB_ACTOR or git's user.name)
  --committer "N <e>"     identity of the rollback commits (default: git's own)

Pull requests (token from GITHUB_TOKEN):
  --repo OWNER/NAME       repository (default: GITHUB_REPOSITORY)
  --branch B              pull-request branch (default: rollback/<incident>)
  --title T, --label L, --reviewer U, --team-reviewer T, --draft
  --body TEXT             text put before the generated pull-request body
  --assignee U            user assigned to the pull request (repeatable)
  --delete-branch         when nothing is left to roll back, close the stale rollback pull
                          request and delete its branch (only if it holds only rollback commits)

Output:
  --format text|json      result format on stdout (default: text); progress goes to stderr
  -h, --help              this help`;

const COMMAND_USAGE: Record<Command, string> = {
  revert: `Usage: gitops-rollback revert <rev|A..B>... [options]
       gitops-rollback revert --pr <number>... [options]

Reverts commits on the target branch, newest first, as git revert does, with an audit trail in
every commit. A..B means the commits after A up to B. Commits already reverted are skipped.

Revert:
  --pr N                  a merged pull request instead of commits (repeatable, or 12,15): its
                          merge, squash or rebased commits, found through the GitHub API
                          (GITHUB_TOKEN, --repo); the pull request gets a comment once delivered
  --mainline N            parent to revert merge commits against (default 1 for merge commits)
  --squash                one revert commit for all commits

${DELIVERY}

${EXIT}`,
  restore: `Usage: gitops-rollback restore <path>... --to <rev> [options]

Makes the paths byte-identical to <rev>: files added since are removed, files deleted since come
back. One commit, with an audit trail.

Restore:
  --to REV                the known-good revision, such as abc1234^ (required)

${DELIVERY}

${EXIT}`,
  check: `Usage: gitops-rollback check --base <rev> [--head <rev>] [options]

Checks a change for manifests that could not be rolled back safely (CRDs, volume claims,
immutable fields, Flux prunes), measured from the merge base of base and head.

Options:
  --base REV              the revision the change starts from (required; for a pre-push hook, the remote branch)
  --head REV              the changed revision (default: HEAD)
  --fail-on LEVEL         critical, error (default), warning, notice or never
  --path GLOB             only these paths (repeatable)
  --exclude GLOB          leave these paths out (repeatable)
  --config FILE           configuration, read at base (default: ${DEFAULT_CONFIG_PATH})
  --remote NAME           remote to fetch missing revisions from (default: origin)
  --format FORMAT         text (default), json or markdown
  -h, --help              this help

Exit status: 0 no finding meets --fail-on, 1 one does, 2 bad usage or error.`,
  report: `Usage: gitops-rollback report [options]

Reports the rollbacks on a branch from its history: how often, how long from the change landing
to its rollback landing, which components, repeat offenders and drills. A shallow clone fetches
the history the window needs.

Options:
  --since WHEN            start of the window: a date (2026-01-31), a time (2026-01-31T12:00:00Z)
                          or an age (36h, 90d, 12w); default: the whole history
  --until WHEN            end of the window, in the same forms (default: now)
  --branch B              branch to report on (default: the current branch), fetched from --remote
  --remote NAME           remote to fetch from (default: origin)
  --no-fetch              read the local branch as it is
  --component PATTERN     name components by folders, '*' for one folder (repeatable), such as
                          'kubernetes/apps/*/*' (default: app folders found from the layout)
  --format FORMAT         markdown (default), json or openmetrics
  -h, --help              this help

${EXIT}`
};

/** `gitops-rollback <command> --help`. */
export function commandUsage(command: Command): string {
  return COMMAND_USAGE[command];
}
