import { describe, expect, it } from '@jest/globals';
import { matchesContext, summariseFluxStatuses } from '../../src/flux/commit-status.js';
import { parseDuration } from '../../src/flux/duration.js';
import type { CommitStatus } from '../../src/github/statuses.js';

const status = (context: string, state: CommitStatus['state']): CommitStatus => ({
  context,
  state,
  description: `${state} description`,
  target_url: null,
  created_at: '2024-01-01T00:00:00Z'
});

describe("matchesContext: a glob, alone or followed by Flux's /<id>", () => {
  it.each<[string, string, boolean]>([
    ['kustomization/apps/0c9c2e41', 'kustomization/*', true],
    ['kustomization/apps/0c9c2e41', 'kustomization/apps/*', true],
    ['kustomization/infra/0c9c2e41', 'kustomization/apps/*', false],
    ['helmrelease/podinfo/0c9c2e41', 'kustomization/*', false],
    ['ci/build', 'kustomization/*', false],
    ['a.b', 'a?b', true],
    ['axb', 'a.b', false],
    ['a+b(c)', 'a+b(c)', true],
    ['kustomization/apps', 'kustomization/apps', true],
    ['kustomization/apps-2/0c9c2e41', 'kustomization/apps', false]
  ])('%s ~ %s', (value, pattern, expected) => {
    expect(matchesContext(pattern, value)).toBe(expected);
  });
});

describe('summariseFluxStatuses (statuses newest first)', () => {
  it.each<[string, CommitStatus[], string, string | undefined]>([
    ['no statuses', [], 'none', undefined],
    ['only other contexts', [status('ci/build', 'failure')], 'none', undefined],
    ['a success', [status('kustomization/apps/1', 'success')], 'success', 'kustomization/apps/1'],
    [
      'a failure among successes',
      [status('kustomization/apps/1', 'success'), status('kustomization/infra/1', 'failure')],
      'failure',
      'kustomization/infra/1'
    ],
    ['error counts as failure', [status('kustomization/apps/1', 'error')], 'failure', 'kustomization/apps/1'],
    [
      'the newest state of a context wins',
      [status('kustomization/apps/1', 'success'), status('kustomization/apps/1', 'failure')],
      'success',
      'kustomization/apps/1'
    ],
    ['pending only', [status('kustomization/apps/1', 'pending')], 'pending', undefined]
  ])('%s', (_name, statuses, state, context) => {
    const summary = summariseFluxStatuses(statuses, 'kustomization/*');
    expect(summary.state).toBe(state);
    expect(summary.decisive?.context).toBe(context);
  });
});

describe('parseDuration', () => {
  it.each<[string, number]>([
    ['600', 600_000],
    ['10m', 600_000],
    ['90s', 90_000],
    ['1m30s', 90_000],
    ['1h', 3_600_000],
    ['250ms', 250],
    [' 5m ', 300_000]
  ])('%s', (value, ms) => {
    expect(parseDuration(value, 'wait-timeout')).toBe(ms);
  });

  it.each(['', '10 minutes', '-5', '1.5m', 'm', '10x'])('refuses %j', value => {
    expect(() => parseDuration(value, 'wait-timeout')).toThrow(`Invalid wait-timeout '${value}'. Expected seconds such as '600'`);
  });
});
