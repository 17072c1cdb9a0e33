import { parseArgs } from 'node:util';
import { Git } from '../git/git.js';
import { validateRevision } from '../rollback/validate.js';
import { checkWithGit } from '../safety-check/check.js';
import { DEFAULT_CONFIG_PATH } from '../safety-check/config-path.js';
import { FAIL_ON, type FailOn } from '../safety-check/policy.js';
import { markdownReport, textReport } from '../safety-check/report.js';
import { stderrLogger, terminalText, type Output, usageError } from './output.js';
import { commandUsage } from './usage.js';
import { notARepository } from './work-tree.js';

const OPTIONS = {
  base: { type: 'string' },
  head: { type: 'string' },
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  path: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  config: { type: 'string' },
  remote: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const;

/**
 * `gitops-rollback check --base <rev> --head <rev>`: the safety check on a local repository.
 * Exit 1 when a finding meets --fail-on.
 */
export async function checkCommand(argv: string[], out: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true });
  } catch (error) {
    throw usageError(`${(error as Error).message}\nRun 'gitops-rollback check --help' for its options.`);
  }
  const { values } = parsed;
  if (values.help) {
    out.stdout(commandUsage('check'));
    return 0;
  }
  const format = values.format ?? 'text';
  if (!['text', 'json', 'markdown'].includes(format)) throw usageError(`Invalid --format '${format}'. Expected text, json or markdown.`);
  const failOn = (values['fail-on'] ?? 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw usageError(`Invalid --fail-on '${failOn}'. Expected one of: ${FAIL_ON.join(', ')}.`);
  if (!values.base)
    throw usageError('check needs --base <rev>: the revision the change starts from (for a pre-push hook, the remote branch).');
  const options = {
    base: validateRevision(values.base, '--base'),
    head: validateRevision(values.head ?? 'HEAD', '--head'),
    paths: values.path ?? [],
    exclude: values.exclude ?? [],
    failOn,
    acknowledged: false,
    configPath: values.config ?? DEFAULT_CONFIG_PATH
  };
  // The check reads commits, not files: it runs in a bare repository too (a server-side hook).
  // Where git finds no repository, that is said instead of what git says about the revisions.
  const git = await Git.create(process.cwd());
  const result = await checkWithGit(git, values.remote ?? 'origin', options, stderrLogger(out)).catch(async (error: unknown) => {
    if ((await git.workTreeState()) === 'no-repository') throw notARepository(process.cwd());
    throw error;
  });
  if (format === 'json')
    out.stdout(JSON.stringify({ ...result.verdict, notices: result.notices, filesChecked: result.filesChecked }, null, 2));
  else out.stdout(format === 'markdown' ? markdownReport(result, failOn) : terminalText(textReport(result, failOn)));
  return result.verdict.fails ? 1 : 0;
}
