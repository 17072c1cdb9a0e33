import { describe, expect, it } from '@jest/globals';
import { printable } from '../../src/core/index.js';
import { assessFluxStatuses, type FluxContextSet, matchesContext } from '../../src/flux/commit-status.js';
import { recoverySummary } from '../../src/flux/verify.js';
import type { CommitStatus } from '../../src/github/statuses.js';

const APPS = 'kustomization/apps/0c9c2e41';
const INFRA = 'kustomization/infra/0c9c2e41';
const status = (context: string, state: CommitStatus['state']): CommitStatus => ({
  context,
  state,
  description: null,
  target_url: null,
  created_at: '2024-01-01T00:00:00Z'
});
const known = (...require: string[]): FluxContextSet => ({ watch: ['kustomization/*'], require, origin: 'test' });
const unknown: FluxContextSet = { watch: ['kustomization/*'], require: [], origin: 'not known' };

describe('matchesContext', () => {
  it.each<[string, string, boolean]>([
    ['kustomization/apps', APPS, true],
    ['kustomization/apps', 'kustomization/apps', true],
    ['kustomization/apps', 'kustomization/apps-canary/0c9c2e41', false],
    ['kustomization/app?', APPS, true],
    ['kustomization/infra*', INFRA, true],
    ['kustomization/*', APPS, true],
    [APPS, APPS, true],
    ['helmrelease/podinfo', APPS, false]
  ])('%s ~ %s', (pattern, context, expected) => {
    expect(matchesContext(pattern, context)).toBe(expected);
  });
});

describe('assessFluxStatuses (statuses newest first)', () => {
  it.each<[string, CommitStatus[], FluxContextSet, string, string | undefined]>([
    ['one of two expected succeeded', [status(INFRA, 'success')], known(APPS, INFRA), 'waiting', undefined],
    ['both expected succeeded', [status(APPS, 'success'), status(INFRA, 'success')], known(APPS, INFRA), 'success', APPS],
    ['one expected failed, the other not reported', [status(APPS, 'failure')], known(APPS, INFRA), 'failure', APPS],
    ['error counts as failure', [status(INFRA, 'success'), status(APPS, 'error')], known(APPS, INFRA), 'failure', APPS],
    [
      'a watched context outside the set fails',
      [status(APPS, 'success'), status('kustomization/monitoring/1', 'failure')],
      known(APPS),
      'failure',
      'kustomization/monitoring/1'
    ],
    [
      'a watched context outside the set is pending',
      [status(APPS, 'success'), status('kustomization/monitoring/1', 'pending')],
      known(APPS),
      'success',
      APPS
    ],
    ['the newest state of a context wins', [status(APPS, 'success'), status(APPS, 'failure')], known(APPS), 'success', APPS],
    ['other tools are ignored', [status('ci/build', 'failure'), status(APPS, 'success')], known(APPS), 'success', APPS],
    ['set not known: nothing reported', [], unknown, 'waiting', undefined],
    ['set not known: one success', [status(INFRA, 'success')], unknown, 'success', INFRA],
    ['set not known: one success, one pending', [status(INFRA, 'success'), status(APPS, 'pending')], unknown, 'waiting', undefined],
    [
      'listed globs: one matched, one not',
      [status(APPS, 'success')],
      { watch: ['kustomization/apps', 'kustomization/infra*'], require: ['kustomization/apps', 'kustomization/infra*'], origin: 'test' },
      'waiting',
      undefined
    ],
    [
      'listed globs: a glob waits for all it matches',
      [status(INFRA, 'success'), status('kustomization/infra-crds/1', 'pending')],
      { watch: ['kustomization/infra*'], require: ['kustomization/infra*'], origin: 'test' },
      'waiting',
      undefined
    ]
  ])('%s', (_name, statuses, set, state, decisive) => {
    const assessment = assessFluxStatuses(statuses, set);
    expect(assessment.state).toBe(state);
    expect(assessment.decisive?.context).toBe(decisive);
  });

  it('lists every watched context and every expected one not reported, by name', () => {
    const { contexts } = assessFluxStatuses([status(INFRA, 'success'), status('ci/build', 'success')], known(APPS, INFRA));
    expect(contexts).toEqual([
      { context: APPS, state: 'not-reported', description: '' },
      { context: INFRA, state: 'success', description: '' }
    ]);
  });
});

describe('printable', () => {
  it.each<[string, string]>([
    ['reconciliation succeeded', 'reconciliation succeeded'],
    ['a\nb\r\tc', 'a\\nb\\r\\tc'],
    ['::error::x', ':\\u003aerror:\\u003ax'],
    [':::', ':\\u003a:'],
    ['bell\u0007 and \u2028', 'bell\\u0007 and \\u2028'],
    ['x'.repeat(205), `${'x'.repeat(200)}… (205 characters)`]
  ])('%j', (text, shown) => {
    expect(printable(text)).toBe(shown);
  });
});

describe('recoverySummary', () => {
  it('lists each Flux context, with text from the API kept from forming links, HTML or cells', () => {
    const summary = recoverySummary({
      reconciled: false,
      timeline: ['No Flux result for 3f786850e387 after 1.0 s: still pending: kustomization/apps/0c9c2e41 (not reported).'],
      fluxContexts: [
        { context: APPS, state: 'not-reported', description: '' },
        { context: 'kustomization/in|fra`/1', state: 'success', description: '[click](https://evil.example) <img src=x> | ok\n# head' }
      ]
    });
    expect(summary.split('\n')).toEqual([
      '### Recovery',
      '',
      '- No Flux result for 3f786850e387 after 1.0 s: still pending: kustomization/apps/0c9c2e41 (not reported).',
      '',
      '| Flux context | state | description |',
      '| --- | --- | --- |',
      `| \`${APPS}\` | not-reported |  |`,
      '| `kustomization/in?fra?/1` | success | \\[click\\](https://evil.example) \\<img src=x\\> \\| ok\\\\n\\# head |'
    ]);
  });
});
