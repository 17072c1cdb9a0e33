import { afterEach, describe, expect, it } from '@jest/globals';
import { readRevertInputs } from '../../src/actions/revert/inputs.js';
import type { RunContext } from '../../src/actions/runner.js';

const context: RunContext = { serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', payload: {} };

describe('revert action inputs: status-context', () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });

  it.each<[string, string | undefined]>([
    ['', undefined],
    ['  rollback-safety ', 'rollback-safety'],
    ['rollback-safety / check (pull_request)', 'rollback-safety / check (pull_request)']
  ])('reads %p as %p', (value, expected) => {
    process.env['INPUT_STATUS-CONTEXT'] = value;
    expect(readRevertInputs(context).statusContext).toBe(expected);
  });

  it.each([
    ["it's", `Invalid status-context "it's". Expected one line without quotes, the name of a required check such as 'rollback-safety'.`],
    ['two\nlines', 'Invalid status-context "two\\nlines". Expected one line without quotes']
  ])('refuses %p, quoting it', (value, message) => {
    process.env['INPUT_STATUS-CONTEXT'] = value;
    expect(() => readRevertInputs(context)).toThrow(message);
  });
});
