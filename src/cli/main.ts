import { terminalText, type Output } from './output.js';
import { type Command, COMMANDS, commandUsage, USAGE } from './usage.js';
import { NODE_REQUIREMENT, nodeSupported, VERSION } from './version.js';
import { UserError } from '../core/index.js';

/**
 * Runs the command line and returns its exit status. Each command's code is loaded when it runs:
 * Node then compiles only what that command needs, which is most of the start-up time of a check.
 */
export async function main(argv: string[], out: Output, nodeVersion = process.versions.node): Promise<number> {
  const [command, ...rest] = argv;
  if (!nodeSupported(nodeVersion, NODE_REQUIREMENT)) {
    out.stderr(
      `warning: gitops-rollback needs Node.js ${NODE_REQUIREMENT}; this is Node.js ${nodeVersion}. Install a newer Node.js if it fails.`
    );
  }
  try {
    switch (command) {
      case 'revert':
      case 'restore':
        return await (await import('./rollback-command.js')).rollbackCommand(command, rest, out);
      case 'check':
        return await (await import('./check-command.js')).checkCommand(rest, out);
      case 'report':
        return await (await import('./report-command.js')).reportCommand(rest, out);
      case '-h':
      case '--help':
        out.stdout(USAGE);
        return 0;
      case 'help':
        return help(rest[0], out);
      case '-V':
      case '--version':
      case 'version':
        out.stdout(VERSION);
        return 0;
      case undefined:
        out.stderr(USAGE);
        return 2;
      default:
        out.stderr(`Unknown command '${command}'. Expected revert, restore, check or report.\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UserError) {
      out.stderr(`error: ${terminalText(error.message)}`);
      return error.kind === 'refused' ? 1 : 2;
    }
    const detail = error instanceof Error ? (process.env.GITOPS_ROLLBACK_DEBUG ? error.stack : error.message) : String(error);
    out.stderr(`error: ${terminalText(detail ?? '')}`);
    return 2;
  }
}

/** `gitops-rollback help [command]`. */
function help(topic: string | undefined, out: Output): number {
  if (topic === undefined) {
    out.stdout(USAGE);
    return 0;
  }
  if (!COMMANDS.includes(topic as Command)) {
    out.stderr(`Unknown command '${topic}'. Expected revert, restore, check or report.`);
    return 2;
  }
  out.stdout(commandUsage(topic as Command));
  return 0;
}
