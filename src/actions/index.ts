import * as core from '@actions/core';
import { run as report } from './report/main.js';
import { run as revert } from './revert/main.js';
import { run as safetyCheck } from './safety-check/main.js';

/** The Marketplace entry: `command` picks which of the actions runs. */
const commands: Record<string, () => Promise<void>> = { revert, 'safety-check': safetyCheck, report };

const command = core.getInput('command').trim() || 'revert';
const run = commands[command];
if (run) await run();
else core.setFailed(`Invalid command '${command}'. Expected one of: ${Object.keys(commands).join(', ')}.`);
