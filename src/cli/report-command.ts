import { parseArgs } from 'node:util';
import { Git } from '../git/git.js';
import { buildRollbackReport } from '../report/build.js';
import { parseComponentPatterns } from '../report/components.js';
import { formatReport, parseReportFormat } from '../report/format.js';
import { checkWindow, parseReportTime } from '../report/window.js';
import { validateBranch } from '../rollback/validate.js';
import { stderrLogger, type Output, usageError } from './output.js';
import { commandUsage } from './usage.js';

const OPTIONS = {
  branch: { type: 'string' },
  remote: { type: 'string' },
  'no-fetch': { type: 'boolean' },
  since: { type: 'string' },
  until: { type: 'string' },
  format: { type: 'string' },
  component: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' }
} as const;

/**
 * `gitops-rollback report`: rollbacks, time to revert and the most rolled-back components, from
 * the branch history, as Markdown, JSON or OpenMetrics on stdout.
 */
export async function reportCommand(argv: string[], out: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true });
  } catch (error) {
    throw usageError(`${(error as Error).message}\nRun 'gitops-rollback report --help' for its options.`);
  }
  const { values } = parsed;
  if (values.help) {
    out.stdout(commandUsage('report'));
    return 0;
  }
  const format = parseReportFormat(values.format, '--format');
  const now = Math.floor(Date.now() / 1000);
  const since = values.since === undefined ? undefined : parseReportTime(values.since, 'since', now);
  const until = values.until === undefined ? now : parseReportTime(values.until, 'until', now);
  checkWindow(since, until);
  const components = parseComponentPatterns(values.component ?? []);
  const remote = values.remote ?? 'origin';
  if (!/^[A-Za-z0-9._-]+$/.test(remote) || remote.startsWith('-'))
    throw usageError(`Invalid --remote '${remote}'. Expected a remote name such as 'origin'.`);
  const git = await Git.create(process.cwd());
  // Reading history needs no work tree: a bare repository is read as it is.
  if ((await git.workTreeState()) === 'no-repository') {
    throw usageError(`not a git repository: ${process.cwd()}. Run gitops-rollback report inside a clone of the repository.`);
  }
  const branch = values.branch ?? (await git.currentBranch());
  if (!branch) throw usageError('No branch to report on: HEAD is detached. Expected --branch <name>, such as the branch Flux watches.');
  const report = await buildRollbackReport(
    {
      branch: validateBranch(branch, '--branch'),
      remote,
      fetch: !values['no-fetch'],
      since,
      until,
      components,
      statusContext: 'kustomization/*'
    },
    { git, log: stderrLogger(out) }
  );
  out.stdout(formatReport(report, format).trimEnd());
  return 0;
}
