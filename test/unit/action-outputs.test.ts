import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as yaml from 'js-yaml';
import { revertFailure, revertOutputs, revertSummary, type RevertOutcome } from '../../src/actions/revert/outcome.js';
import { reportOutputs } from '../../src/actions/report/outcome.js';
import { safetyCheckFailure, safetyCheckOutputs } from '../../src/actions/safety-check/outcome.js';
import type { DrillResult } from '../../src/drill/drill.js';
import type { Finding } from '../../src/hazards/types.js';
import type { RollbackResult } from '../../src/rollback/run.js';

const declared = (file: string) => Object.keys((yaml.load(readFileSync(file, 'utf8')) as { outputs?: object }).outputs ?? {}).sort();
const SHA = 'a'.repeat(40);
const BASE = 'b'.repeat(40);

const finding: Finding = {
  rule: 'pvc-delete',
  severity: 'critical',
  direction: 'forward',
  kind: 'PersistentVolumeClaim',
  apiVersion: 'v1',
  namespace: 'db',
  name: 'data',
  file: 'db/pvc.yaml',
  line: 1,
  message: 'Deleting the claim destroys its data.'
};

const pushed: RollbackResult = {
  operation: 'pushed',
  targetBranch: 'main',
  base: BASE,
  commitSha: SHA,
  revertedCommits: [{ sha: BASE, subject: 'Bump podinfo' }],
  skipped: [],
  diffStat: '',
  findings: [],
  fellBackToPullRequest: false
};

const drill: DrillResult = {
  verdict: 'too-slow',
  withinBudget: false,
  maxRecoveryMs: 60_000,
  recoveryMs: 90_000,
  branch: 'staging',
  baseSha: BASE,
  drillSha: 'c'.repeat(40),
  rollbackSha: SHA,
  phases: [
    { name: 'detect', ok: true, ms: 12_340, detail: 'failure reported' },
    { name: 'rollback', ok: true, ms: 2_000, detail: 'pushed' },
    { name: 'reconcile', ok: true, ms: 70_000, detail: 'reconciled' }
  ],
  tree: { before: 'd'.repeat(40), after: 'd'.repeat(40), restored: true, detail: 'restored' },
  summary: ['Recovered in 90.0 s, over the 60 s budget.']
};

/** One outcome for every path the revert action can end on. */
const outcomes: Record<string, RevertOutcome> = {
  'nothing done (failed at once)': { error: { message: 'No commits to revert.' } },
  'a Flux event not acted on': {
    flux: { decision: 'notice', failingRevision: BASE, why: 'Not on the watched branch.' },
    targetBranch: 'main'
  },
  'a pushed rollback': { rollback: { result: pushed, audit: { incident: 'INC-1' } } },
  'a /revert comment refused': {
    trigger: { decision: 'refused', via: 'comment', number: 12, requester: 'mallory', why: 'mallory has the `read` role.' },
    targetBranch: 'main'
  },
  'a /revert comment acted on': {
    trigger: {
      decision: 'revert',
      via: 'comment',
      number: 12,
      requester: 'alice',
      replyUrl: 'https://github.com/acme/fleet/pull/12#issuecomment-1'
    },
    rollback: { result: pushed, audit: {} }
  },
  'a refused rollback': { error: { message: 'The rollback was refused.', refusedFindings: [finding] } },
  'a drill': { drill },
  'a wait that timed out': {
    rollback: { result: pushed, audit: {} },
    recovery: { seen: { reconciled: false, timeline: ['No Flux result.'], failure: 'No Flux result.' }, timeoutMs: 2000 }
  }
};

describe('the outputs maps and the action metadata', () => {
  it.each(Object.entries(outcomes))(
    'revert, %s: writes exactly the outputs revert-action/action.yml declares, each a string',
    (_path, outcome) => {
      const outputs = revertOutputs(outcome);
      expect(Object.keys(outputs).sort()).toEqual(declared('revert-action/action.yml'));
      expect(Object.values(outputs).every(value => typeof value === 'string')).toBe(true);
    }
  );

  it.each<[string, Parameters<typeof safetyCheckOutputs>[0]]>([
    ['skipped', { skipped: 'Nothing to check.' }],
    ['failed', { error: { message: 'boom' } }]
  ])('safety check, %s: writes exactly the outputs safety-check-action/action.yml declares', (_path, outcome) => {
    expect(Object.keys(safetyCheckOutputs(outcome)).sort()).toEqual(declared('safety-check-action/action.yml'));
  });

  it('report, failed: writes exactly the outputs report-action/action.yml declares', () => {
    expect(Object.keys(reportOutputs({ error: { message: 'boom' } })).sort()).toEqual(declared('report-action/action.yml'));
  });

  it('the root action declares what the three actions write, and nothing else', () => {
    const written = new Set([
      ...Object.keys(revertOutputs({})),
      ...Object.keys(safetyCheckOutputs({})),
      ...Object.keys(reportOutputs({ error: { message: '' } }))
    ]);
    expect(declared('action.yml')).toEqual([...written].sort());
  });
});

describe('revert outcome: outputs, summary and failure from one value', () => {
  it('a Flux event not acted on reports operation none with empty lists, and passes', () => {
    const outcome = outcomes['a Flux event not acted on'];
    expect(revertOutputs(outcome)).toMatchObject({
      operation: 'none',
      'reverted-commits': '[]',
      findings: '[]',
      'target-branch': 'main',
      'flux-decision': 'notice',
      'failing-revision': BASE,
      'commit-sha': ''
    });
    expect(revertSummary(outcome)).toBe('## Rollback: none\n\nNot on the watched branch.');
    expect(revertFailure(outcome)).toBeUndefined();
  });

  it('a refused /revert reports operation none and who asked, and passes: the answer is on the pull request', () => {
    const outcome = outcomes['a /revert comment refused'];
    expect(revertOutputs(outcome)).toMatchObject({
      operation: 'none',
      'reverted-commits': '[]',
      'target-branch': 'main',
      'trigger-decision': 'refused',
      'requested-by': 'mallory'
    });
    expect(revertSummary(outcome)).toBe(
      '## Rollback: none (refused)\n\nmallory has the `read` role.\n\nAsked for by mallory with a /revert comment on #12.'
    );
    expect(revertFailure(outcome)).toBeUndefined();
  });

  it('a /revert acted on keeps the rollback outputs and links the reply', () => {
    const outcome = outcomes['a /revert comment acted on'];
    expect(revertOutputs(outcome)).toMatchObject({ operation: 'pushed', 'trigger-decision': 'revert', 'requested-by': 'alice' });
    expect(revertSummary(outcome)).toContain(
      'Asked for by alice with a /revert comment on #12. [Reply](https://github.com/acme/fleet/pull/12#issuecomment-1).'
    );
  });

  it('a refusal writes its findings and a refusal summary, and fails', () => {
    const outcome = outcomes['a refused rollback'];
    expect(JSON.parse(revertOutputs(outcome).findings)).toEqual([finding]);
    expect(revertOutputs(outcome).operation).toBe('');
    expect(revertSummary(outcome)).toMatch(/^## Rollback refused\n\nThe rollback was refused\.\n\n### Hazards of this rollback/);
    expect(revertFailure(outcome)).toBe('The rollback was refused.');
  });

  it('a drill writes its phases in seconds, and fails unless recovered', () => {
    const outputs = revertOutputs(outcomes['a drill']);
    expect(outputs).toMatchObject({
      operation: 'pushed',
      'commit-sha': SHA,
      'target-branch': 'staging',
      'drill-verdict': 'too-slow',
      reconciled: 'true'
    });
    expect(outputs).toMatchObject({ 'time-to-detect': '12.3', 'time-to-rollback': '2', 'time-to-reconcile': '70', 'time-to-healthy': '' });
    expect(revertFailure(outcomes['a drill'])).toBe('Rollback drill too-slow: Recovered in 90.0 s, over the 60 s budget.');
    expect(revertSummary(outcomes['a drill'])).toContain('| detect | yes | 12.3 | failure reported |');
  });

  it('a wait that timed out keeps the rollback outputs, adds what was seen, and fails naming the timeout', () => {
    const outcome = outcomes['a wait that timed out'];
    expect(revertOutputs(outcome)).toMatchObject({ operation: 'pushed', 'commit-sha': SHA, reconciled: 'false', 'time-to-reconcile': '' });
    expect(revertFailure(outcome)).toBe('Recovery not confirmed within 2 s: No Flux result.');
    const summary = revertSummary(outcome);
    expect(summary).toContain('## Rollback: pushed');
    expect(summary).toContain('### Recovery');
    expect(summary).not.toContain('failed');
  });

  it('a failure after a pull request was opened says the pull request holds the rollback', () => {
    const result: RollbackResult = {
      ...pushed,
      operation: 'created',
      branch: 'rollback/inc-1',
      pullRequest: { number: 7, url: 'https://github.com/acme/fleet/pull/7' }
    };
    const summary = revertSummary({ rollback: { result, audit: {} }, error: { message: 'Bad credentials' } });
    expect(summary).toContain(
      `## Failed after the rollback was delivered\n\nBad credentials\n\nThe rollback \`${SHA.slice(0, 12)}\` is in pull request [#7](https://github.com/acme/fleet/pull/7) (created before this failure).`
    );
    expect(summary).not.toContain('Nothing was pushed');
  });

  it('a failure after a dry run or a local commit still says nothing was pushed', () => {
    const result: RollbackResult = { ...pushed, operation: 'committed' };
    expect(revertSummary({ rollback: { result, audit: {} }, error: { message: 'boom' }, pushed: [] })).toContain(
      '## Rollback failed\n\nboom\n\nNothing was pushed.'
    );
  });
});

describe('safety-check outcome', () => {
  it('nothing to check writes an empty verdict and passes; a failure writes empty outputs and fails', () => {
    expect(safetyCheckOutputs({ skipped: 'Nothing to check.' })).toEqual({
      findings: '[]',
      'findings-file': '',
      unsafe: 'false',
      count: '0'
    });
    expect(safetyCheckFailure({ skipped: 'Nothing to check.' })).toBeUndefined();
    expect(safetyCheckOutputs({ error: { message: 'boom' } })).toEqual({ findings: '', 'findings-file': '', unsafe: '', count: '' });
    expect(safetyCheckFailure({ error: { message: 'boom' } })).toBe('boom');
  });
});
