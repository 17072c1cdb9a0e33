import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '../../src/actions/toolkit.js';

describe('runner toolkit (the workflow-command protocol)', () => {
  let printed: string[];
  let spy: ReturnType<typeof jest.spyOn>;
  const env = { ...process.env };
  beforeEach(() => {
    printed = [];
    spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => {
      printed.push(String(chunk));
      return true;
    }) as never);
  });
  afterEach(() => {
    spy.mockRestore();
    process.env = { ...env };
    process.exitCode = undefined;
  });

  it('reads INPUT_<NAME> with hyphens kept and spaces as underscores, trimmed', () => {
    process.env['INPUT_RESTORE-PATHS'] = '  apps \n';
    process.env.INPUT_MY_INPUT = 'x';
    expect(core.getInput('restore-paths')).toBe('apps');
    expect(core.getInput('my input')).toBe('x');
    expect(core.getInput('missing')).toBe('');
  });

  it.each<[string, () => void, string]>([
    ['error with file, line and title', () => core.error('bad: 100%\nnext', { file: 'a,b.yaml', startLine: 3, title: 'x: y' }), '::error title=x%3A y,file=a%2Cb.yaml,line=3::bad: 100%25%0Anext\n'],
    ['warning', () => core.warning('careful'), '::warning::careful\n'],
    ['notice', () => core.notice('fyi'), '::notice::fyi\n'],
    ['mask', () => core.setSecret('t0k'), '::add-mask::t0k\n'],
    ['failure', () => core.setFailed('nope'), '::error::nope\n']
  ])('writes %s as the runner expects', (_name, call, expected) => {
    call();
    expect(printed.join('')).toBe(expected);
  });

  it('marks the step failed', () => {
    core.setFailed('nope');
    expect(process.exitCode).toBe(1);
  });

  it('folds a group around its work, also when the work throws', async () => {
    await expect(core.group('Fetch', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(printed.join('')).toBe('::group::Fetch\n::endgroup::\n');
  });

  it('appends outputs to GITHUB_OUTPUT in heredoc form, multi-line values included', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'out-')), 'output');
    writeFileSync(file, '');
    process.env.GITHUB_OUTPUT = file;
    core.setOutput('reverted-commits', '[1,\n2]');
    const text = readFileSync(file, 'utf8');
    const match = /^reverted-commits<<(ghadelimiter_[0-9a-f-]{36})\n\[1,\n2\]\n\1\n$/.exec(text);
    expect(match).not.toBeNull();
  });

  it('appends the job summary to GITHUB_STEP_SUMMARY', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sum-')), 'summary');
    process.env.GITHUB_STEP_SUMMARY = file;
    core.appendSummary('## one');
    core.appendSummary('## two');
    expect(readFileSync(file, 'utf8')).toBe('## one\n## two\n');
  });
});
