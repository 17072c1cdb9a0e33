import { afterEach, describe, expect, it } from '@jest/globals';
import { readRevertInputs } from '../../src/actions/revert/inputs.js';

describe('flux-status-contexts input', () => {
  const context = { serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', payload: {} };
  const clear = () => {
    for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
  };
  const read = (inputs: Record<string, string>) => {
    clear();
    for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
    return readRevertInputs(context).flux;
  };
  afterEach(clear);

  it('reads a list of contexts, comma- or line-separated, globs allowed', () => {
    expect(read({ 'flux-status-contexts': 'kustomization/apps, kustomization/infra*\nhelmrelease/podinfo/0c9c2e41' }).statusContexts).toEqual([
      'kustomization/apps',
      'kustomization/infra*',
      'helmrelease/podinfo/0c9c2e41'
    ]);
    expect(read({}).statusContexts).toEqual([]);
  });

  it.each(['apps', 'kustomization/', 'kustomization/apps/', 'kustomization/a b', '/apps', 'kustomization/apps\u0007'])('refuses %j, naming it and the expected form', value => {
    expect(() => read({ 'flux-status-contexts': `kustomization/infra, ${value}` })).toThrow(
      `Invalid flux-status-contexts entry '${JSON.stringify(value.trim()).slice(1, -1)}'. Expected Flux commit-status contexts as kind/name, comma-separated, globs allowed: 'kustomization/apps, kustomization/infra*'.`
    );
  });

  it('refuses a list in flux-status-context, pointing to flux-status-contexts', () => {
    expect(() => read({ 'flux-status-context': 'kustomization/apps, kustomization/infra' })).toThrow(
      "Invalid flux-status-context 'kustomization/apps, kustomization/infra'. Expected one glob such as 'kustomization/*'; list several contexts in flux-status-contexts."
    );
  });
});

describe('status-context input', () => {
  const context = { serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', payload: {} };
  const clear = () => {
    for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
  };
  const read = (value: string) => {
    clear();
    process.env['INPUT_STATUS-CONTEXT'] = value;
    return readRevertInputs(context).statusContext;
  };
  afterEach(clear);

  it.each<[string, string | undefined]>([
    ['', undefined],
    ['  rollback-safety ', 'rollback-safety'],
    ['rollback-safety / check (pull_request)', 'rollback-safety / check (pull_request)']
  ])('reads %j as %j', (value, expected) => {
    expect(read(value)).toBe(expected);
  });

  it.each([
    ["it's", `Invalid status-context "it's". Expected one line without quotes, the name of a required check such as 'rollback-safety'.`],
    ['two\nlines', 'Invalid status-context "two\\nlines". Expected one line without quotes']
  ])('refuses %j, quoting it', (value, message) => {
    expect(() => read(value)).toThrow(message);
  });
});
