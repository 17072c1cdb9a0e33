import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { type Logger, printable } from '../core/index.js';

/** The domain logger, backed by the runner's workflow commands. */
export const coreLogger: Logger = {
  info: message => core.info(message),
  notice: message => core.notice(message),
  warning: message => core.warning(message),
  group: (title, fn) => core.group(title, fn)
};

/** What the runner tells every step about the run, read from its environment. */
export interface RunContext {
  repository?: string;
  serverUrl: string;
  apiUrl: string;
  actor?: string;
  runUrl?: string;
  eventName?: string;
  /** The event payload (`GITHUB_EVENT_PATH`), or an empty object when there is none. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the event's shape depends on the event; readers check each field they use
  payload: Record<string, any>;
}

/** Reads the run's context from the environment the runner sets. */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  const repository = env.GITHUB_REPOSITORY || undefined;
  const runUrl = repository && env.GITHUB_RUN_ID ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return {
    repository,
    serverUrl,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || undefined,
    runUrl,
    eventName: env.GITHUB_EVENT_NAME || undefined,
    payload: readPayload(env.GITHUB_EVENT_PATH)
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see RunContext.payload
function readPayload(path: string | undefined): Record<string, any> {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    core.warning(`Could not read the event payload at '${path}': ${(error as Error).message}`);
    return {};
  }
}

/** Splits a list input written one item a line or separated by commas (and spaces, with `words`). */
export function listInput(name: string, words = false): string[] {
  return core
    .getInput(name)
    .split(words ? /[\s,]+/ : /[\n,]+/)
    .map(s => s.trim())
    .filter(Boolean);
}

/** Reads a boolean input as YAML 1.2 core schema booleans, with an error naming the value. */
export function booleanInput(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim();
  if (!value) return fallback;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  throw new Error(`Invalid ${name} '${printable(value)}'. Expected true or false.`);
}
