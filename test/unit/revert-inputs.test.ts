import { afterEach, describe, expect, it, jest } from '@jest/globals';
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
    expect(
      read({ 'flux-status-contexts': 'kustomization/apps, kustomization/infra*\nhelmrelease/podinfo/0c9c2e41' }).statusContexts
    ).toEqual(['kustomization/apps', 'kustomization/infra*', 'helmrelease/podinfo/0c9c2e41']);
    expect(read({}).statusContexts).toEqual([]);
  });

  it.each(['apps', 'kustomization/', 'kustomization/apps/', 'kustomization/a b', '/apps', 'kustomization/apps\u0007'])(
    'refuses %j, naming it and the expected form',
    value => {
      expect(() => read({ 'flux-status-contexts': `kustomization/infra, ${value}` })).toThrow(
        `Invalid flux-status-contexts entry '${JSON.stringify(value.trim()).slice(1, -1)}'. Expected Flux commit-status contexts as kind/name, comma-separated, globs allowed: 'kustomization/apps, kustomization/infra*'.`
      );
    }
  );

  it('refuses a list in flux-status-context, pointing to flux-status-contexts', () => {
    expect(() => read({ 'flux-status-context': 'kustomization/apps, kustomization/infra' })).toThrow(
      "Invalid flux-status-context 'kustomization/apps, kustomization/infra'. Expected one glob such as 'kustomization/*'; list several contexts in flux-status-contexts."
    );
  });
});

describe('status-context input', () => {
  const context = { serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', repository: 'acme/fleet', payload: {} };
  const clear = () => {
    for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
  };
  const read = (value: string) => {
    clear();
    process.env.INPUT_TOKEN = 'tok';
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

describe('inputs checked against each other before anything runs', () => {
  const withApi = { serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', repository: 'acme/fleet', payload: {} };
  const clear = () => {
    for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
  };
  const read = (inputs: Record<string, string>, context: { repository?: string; payload: object } = withApi) => {
    clear();
    for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
    return readRevertInputs({ serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', ...context });
  };
  afterEach(clear);

  it.each<[string, Record<string, string>, { repository?: string; payload: object }, string]>([
    [
      'wait-for: flux-status without a token',
      { 'wait-for': 'flux-status' },
      withApi,
      'wait-for: flux-status reads commit statuses through the GitHub API: it needs a token and GITHUB_REPOSITORY.'
    ],
    [
      'wait-for: flux-status without a repository',
      { 'wait-for': 'flux-status', token: 'tok' },
      { payload: {} },
      'wait-for: flux-status reads commit statuses'
    ],
    [
      'status-context without a token',
      { 'status-context': 'rollback-safety' },
      withApi,
      'status-context posts a commit status through the GitHub API: it needs a token and GITHUB_REPOSITORY.'
    ],
    [
      'watch-commit with nothing to wait for',
      { 'watch-commit': 'abc1234', token: 'tok' },
      withApi,
      "watch-commit 'abc1234' was given with nothing to wait for. Expected wait-for: flux-status or health-url."
    ],
    [
      'a drill without a branch',
      { drill: 'true', 'health-url': 'http://x', 'drill-patch': 'p.patch' },
      withApi,
      'A drill needs target-branch: the staging branch Flux watches.'
    ],
    [
      'a drill with two bad changes',
      { drill: 'true', 'target-branch': 'staging', 'health-url': 'http://x', 'drill-patch': 'p.patch', 'drill-cherry-pick': 'abc1234' },
      withApi,
      'A drill needs exactly one known-bad change'
    ],
    [
      'a drill with no bad change',
      { drill: 'true', 'target-branch': 'staging', 'health-url': 'http://x' },
      withApi,
      'A drill needs exactly one known-bad change'
    ],
    [
      'a drill with nothing to watch',
      { drill: 'true', 'target-branch': 'staging', 'drill-patch': 'p.patch' },
      withApi,
      'A drill needs a way to see the failure: wait-for: flux-status, or health-url.'
    ],
    [
      'a drill with a malformed committer',
      { drill: 'true', 'target-branch': 'staging', 'drill-patch': 'p.patch', 'health-url': 'http://x', committer: 'nobody' },
      withApi,
      "Invalid committer 'nobody'. Expected 'Name <email@example.com>'."
    ]
  ])('refuses %s', (_name, inputs, context, message) => {
    expect(() => read(inputs, context)).toThrow(message);
  });

  it('takes a drill branch from the event when target-branch is not given, and reads the drill as one value', () => {
    const inputs = read(
      { drill: 'true', 'drill-cherry-pick': 'abc1234', 'wait-for': 'flux-status', token: 'tok' },
      { ...withApi, payload: { repository: { default_branch: 'staging' } } }
    );
    expect(inputs.drill).toEqual({
      branch: 'staging',
      badChange: { cherryPick: 'abc1234' },
      committer: { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' },
      maxRecoveryMs: 15 * 60_000
    });
  });
});

describe('trigger-label input', () => {
  const clear = () => {
    for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
  };
  const read = (inputs: Record<string, string>, eventName = 'pull_request_target') => {
    clear();
    for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
    return readRevertInputs({ serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', eventName, payload: {} });
  };
  afterEach(clear);

  it('defaults to revert and keeps the target-branch input apart from the default branch', () => {
    expect(read({}).trigger).toEqual({ label: 'revert' });
    expect(read({ 'trigger-label': ' Roll back ' }).trigger).toEqual({ label: 'Roll back' });
    expect(read({}).targetBranchInput).toBeUndefined();
    expect(read({ 'target-branch': 'release' }).targetBranchInput).toBe('release');
  });

  it.each(['a,b', 'x'.repeat(51), 'two\nlines'])('refuses %j, naming it', value => {
    expect(() => read({ 'trigger-label': value })).toThrow(
      `Invalid trigger-label '${JSON.stringify(value).slice(1, -1)}'. Expected one label name`
    );
  });

  it('refuses a trigger label the rollback pull requests get, where labels trigger rollbacks', () => {
    expect(() => read({ 'trigger-label': 'Rollback', labels: 'incident, rollback' })).toThrow(
      "trigger-label 'Rollback' is also in labels, which the rollback pull requests get: merging a rollback would roll it back again."
    );
    // A dispatch workflow may label its pull requests with the default trigger label.
    expect(read({ labels: 'revert' }, 'workflow_dispatch').trigger).toEqual({ label: 'revert' });
  });
});

describe('wait-interval input', () => {
  const clear = () => {
    for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
  };
  const read = (interval: string, apiUrl = 'https://api.github.com') => {
    clear();
    process.env['INPUT_WAIT-INTERVAL'] = interval;
    return readRevertInputs({ serverUrl: 'https://github.com', apiUrl, payload: {} }).wait.intervalMs;
  };
  afterEach(clear);

  it('raises an interval under 5 s to 5 s with a warning, so a wait cannot flood the API', () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(read('0')).toBe(5000);
      expect(read('4s')).toBe(5000);
      expect(String(write.mock.calls.at(-1)?.[0])).toContain(
        "::warning::wait-interval '4s' is shorter than 5 s; polling every 5 s instead"
      );
      expect(read('5s')).toBe(5000);
      expect(read('30s')).toBe(30_000);
      expect(read('50ms', 'http://127.0.0.1:8080')).toBe(50);
    } finally {
      write.mockRestore();
    }
  });

  it('shows a hostile value escaped and cut, never whole', () => {
    expect(() => read(`1s\n::set-output name=x::y${'z'.repeat(5000)}`)).toThrow(
      /^Invalid wait-interval '1s\\n:\\u003aset-output name=x:\\u003ayz*… \(\d+ characters\)'\. Expected seconds/
    );
  });
});
