import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseComponentPatterns, type ComponentPattern } from '../../report/components.js';
import { checkWindow, parseReportTime } from '../../report/window.js';
import { UserError } from '../../core/index.js';
import { booleanInput, listInput, type RunContext } from '../runner.js';
import * as core from '@actions/core';

/** Everything the report action was asked to do, read from its inputs in one place. */
export interface ReportInputs {
  since?: number;
  until: number;
  branch?: string;
  components: ComponentPattern[];
  recovery: boolean;
  statusContext: string;
  markdownFile: string;
  jsonFile: string;
  openMetricsFile: string;
  workingDirectory: string;
  token: string;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Reads and checks the report action's inputs. */
export function readReportInputs(
  context: RunContext,
  env: NodeJS.ProcessEnv = process.env,
  now = Math.floor(Date.now() / 1000)
): ReportInputs {
  const token = core.getInput('token');
  if (token) core.setSecret(token);
  const since = core.getInput('since').trim();
  const until = core.getInput('until').trim();
  const window = {
    since: since ? parseReportTime(since, 'since', now) : undefined,
    until: until ? parseReportTime(until, 'until', now) : now
  };
  checkWindow(window.since, window.until);
  const temp = env.RUNNER_TEMP || tmpdir();
  const refBranch = env.GITHUB_REF_TYPE === 'branch' ? env.GITHUB_REF_NAME : undefined;
  return {
    ...window,
    branch: core.getInput('target-branch').trim() || context.payload.repository?.default_branch || refBranch || undefined,
    components: parseComponentPatterns(listInput('components')),
    recovery: booleanInput('recovery', true),
    statusContext: core.getInput('flux-status-context').trim() || 'kustomization/*',
    markdownFile: filePath('markdown-file', join(temp, 'gitops-rollback-report.md')),
    jsonFile: filePath('json-file', join(temp, 'gitops-rollback-report.json')),
    openMetricsFile: filePath('openmetrics-file', join(temp, 'gitops-rollback-report.prom')),
    workingDirectory: core.getInput('working-directory') || '.',
    token
  };
}

function filePath(name: string, fallback: string): string {
  const value = core.getInput(name).trim();
  if (CONTROL.test(value))
    throw new UserError(`Invalid ${name} '${JSON.stringify(value).slice(1, -1)}'. Expected a file path on one line.`);
  return value || fallback;
}
