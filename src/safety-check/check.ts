import { Git } from '../git/git.js';
import type { GitHubClient } from '../github/client.js';
import type { RepoRef } from '../github/repository.js';
import { analyzeChange, analyzeFiles, type Analysis } from '../hazards/index.js';
import { isYamlPath, pathFilter } from '../manifests/globs.js';
import type { FileChange } from '../manifests/types.js';
import type { Logger } from '../core/index.js';
import { EMPTY_CONFIG, parseSafetyConfig, type SafetyConfig } from './config.js';
import { decide, type FailOn, type Verdict } from './policy.js';
import { comparisonBase } from './revisions.js';

export interface SafetyCheckOptions {
  base: string;
  head: string;
  /** Path globs from the caller; when empty, the configuration's are used. */
  paths: string[];
  exclude: string[];
  failOn: FailOn;
  /** The pull request carries the acknowledge label. */
  acknowledged: boolean;
  /** Repository path of the configuration file, read at the base revision. */
  configPath: string;
  /**
   * This repository's URL (`https://github.com/owner/name`): Flux Kustomizations whose
   * GitRepository has it own files here. Default: the URL of the remote.
   */
  repository?: string;
}

export interface SafetyCheckResult {
  verdict: Verdict;
  notices: string[];
  filesChecked: number;
  /** The commits compared: the merge base of base and head, and head. */
  from: string;
  to: string;
  config: SafetyConfig;
}

/**
 * Checks `base...head` in a local checkout (a depth-1 clone is deepened as needed). The
 * configuration is read at the base revision, so a pull request cannot relax its own check.
 */
export async function checkWithGit(git: Git, remote: string, options: SafetyCheckOptions, log: Logger): Promise<SafetyCheckResult> {
  const { from, to } = await comparisonBase(git, remote, options.base, options.head, log);
  const config = await readConfigAt(git, from, options.configPath, log);
  // Read only when the check reads the Flux Kustomizations.
  const repository = options.repository ?? (() => git.tryConfig(`remote.${remote}.url`));
  const filter = { paths: options.paths.length ? options.paths : config.paths, exclude: [...options.exclude, ...config.exclude] };
  const analysis = await analyzeChange(git, from, to, { ...filter, maxFileBytes: config.maxFileBytes, repository });
  return finish(analysis, config, options, from, to);
}

/** Checks a pull request through the GitHub API, for runs without a checkout. */
export async function checkWithApi(
  client: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
  options: SafetyCheckOptions,
  log: Logger
): Promise<SafetyCheckResult> {
  const [{ getMergeBase }, { getFileContent, listPullRequestFiles }] = await Promise.all([
    import('../github/compare.js'),
    import('../github/pull-files.js')
  ]);
  const from = await getMergeBase(client, repo, options.base, options.head);
  const configText = await getFileContent(client, repo, options.configPath, from);
  const config = configText === undefined ? noConfig(options.configPath, log) : parseSafetyConfig(configText, options.configPath);
  const keep = pathFilter(options.paths.length ? options.paths : config.paths, [...options.exclude, ...config.exclude]);
  const listed = await listPullRequestFiles(client, repo, pullNumber);
  const notices: string[] = [];
  if (listed.truncated) {
    notices.push(
      `GitHub lists at most 3,000 files of a pull request; this one has more, so files beyond the first 3,000 were not checked. Run the check on a checkout (actions/checkout) to check them all.`
    );
  }
  const files: FileChange[] = [];
  for (const file of listed.files) {
    const before = file.previous_filename ?? file.filename;
    if (!(isYamlPath(file.filename) || isYamlPath(before)) || !(keep(file.filename) || keep(before))) continue;
    files.push({
      path: file.filename,
      before: file.status === 'added' ? undefined : await getFileContent(client, repo, before, from),
      after: file.status === 'removed' ? undefined : await getFileContent(client, repo, file.filename, options.head)
    });
  }
  const analysis = analyzeFiles(files, { maxFileBytes: config.maxFileBytes });
  analysis.notices.unshift(...notices);
  return finish(analysis, config, options, from, options.head);
}

function finish(analysis: Analysis, config: SafetyConfig, options: SafetyCheckOptions, from: string, to: string): SafetyCheckResult {
  return {
    verdict: decide(analysis.findings, config, options.failOn, options.acknowledged),
    notices: analysis.notices,
    filesChecked: analysis.filesChecked,
    from,
    to,
    config
  };
}

async function readConfigAt(git: Git, rev: string, path: string, log: Logger): Promise<SafetyConfig> {
  const bytes = await git.tryReadBlob(rev, path);
  return bytes !== undefined ? parseSafetyConfig(bytes.toString('utf8'), path) : noConfig(path, log);
}

function noConfig(path: string, log: Logger): SafetyConfig {
  log.info(`No configuration at ${path} on the base revision; every rule at its own severity.`);
  return EMPTY_CONFIG;
}
