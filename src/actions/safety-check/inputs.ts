import * as core from '@actions/core';
import { validateRevision } from '../../rollback/validate.js';
import { UserError } from '../../core/index.js';
import { FAIL_ON, type FailOn } from '../../safety-check/policy.js';
import { booleanInput, listInput, type RunContext } from '../runner.js';
import { DEFAULT_CONFIG_PATH } from '../../safety-check/config.js';

/** Everything the safety check was asked to do, read from its inputs in one place. */
export interface SafetyCheckInputs {
  readonly base?: string;
  readonly head?: string;
  readonly paths: string[];
  readonly exclude: string[];
  readonly failOn: FailOn;
  readonly configPath: string;
  readonly acknowledgeLabel: string;
  readonly comment: boolean;
  readonly token: string;
  readonly workingDirectory: string;
  readonly pullNumber?: number;
  /** Labels on the pull request as the event saw them. */
  readonly eventLabels: string[];
}

const NO_COMMIT = /^0{40}$/;

/** Reads the inputs, taking base and head from the event when they are not given. */
export function readSafetyCheckInputs(context: RunContext): SafetyCheckInputs {
  const token = core.getInput('token');
  if (token) core.setSecret(token);
  const pull = context.payload.pull_request;
  const failOn = (core.getInput('fail-on').trim() || 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UserError(`Invalid fail-on '${failOn}'. Expected one of: ${FAIL_ON.join(', ')}.`);
  const base = core.getInput('base').trim() || pull?.base?.sha || (context.eventName === 'push' ? context.payload.before : undefined);
  const head = core.getInput('head').trim() || pull?.head?.sha || (context.eventName === 'push' ? context.payload.after : undefined);
  return {
    base: base && !NO_COMMIT.test(base) ? validateRevision(base, 'base') : undefined,
    head: head ? validateRevision(head, 'head') : undefined,
    paths: listInput('paths'),
    exclude: listInput('exclude'),
    failOn,
    configPath: core.getInput('config').trim() || DEFAULT_CONFIG_PATH,
    acknowledgeLabel: core.getInput('acknowledge-label').trim(),
    comment: booleanInput('comment', true),
    token,
    workingDirectory: core.getInput('working-directory') || '.',
    pullNumber: typeof pull?.number === 'number' ? pull.number : undefined,
    eventLabels: Array.isArray(pull?.labels) ? pull.labels.map((l: { name?: string }) => l.name).filter(Boolean) : []
  };
}
