import { describe, expect, it } from '@jest/globals';
import type { HistoryCommit } from '../../src/git/history.js';
import { evidenceOf } from '../../src/report/evidence.js';

const SHA = 'a'.repeat(40);
const commit = (message: string, trailers: [string, string][] = [], parents = ['b'.repeat(40)]): HistoryCommit => ({
  sha: 'c'.repeat(40),
  parents,
  committedAt: 0,
  authorName: 'Test Author',
  committerEmail: 'author@example.com',
  subject: message.split('\n\n')[0].replace(/\n/g, ' '),
  message,
  trailers: trailers.map(([key, value]) => ({ key, value }))
});

describe('what a commit says it rolls back', () => {
  it.each<[string, HistoryCommit, Record<string, unknown>]>([
    ['git revert', commit(`Revert "Bump podinfo"\n\nThis reverts commit ${SHA}.\n`), { revertShas: [SHA], revertTitle: 'Bump podinfo' }],
    [
      'git revert of a merge',
      commit(`Revert "Merge x"\n\nThis reverts commit ${SHA}, reversing\nchanges made to ${'d'.repeat(40)}.\n`),
      { revertShas: [SHA] }
    ],
    [
      'git revert --reference (abbreviated)',
      commit('Revert "x"\n\nThis reverts commit 1234abc (Bump podinfo, 2026-01-05).\n'),
      { revertShas: ['1234abc'] }
    ],
    [
      'several squashed',
      commit(`Revert two\n\nThis reverts commit ${SHA}.\nThis reverts commit ${'e'.repeat(40)}.\n`),
      { revertShas: [SHA, 'e'.repeat(40)] }
    ],
    [
      'GitHub revert body',
      commit('Revert "Tune alerts" (#14)\n\nReverts acme/fleet#13\n'),
      { revertPulls: [13], revertTitle: 'Tune alerts' }
    ],
    [
      'GitHub revert branch',
      commit('Merge pull request #12 from acme/revert-11-feature/redis\n\nRevert "Bump redis"\n', [], ['b'.repeat(40), 'd'.repeat(40)]),
      { revertPulls: [11], revertTitle: 'Bump redis' }
    ],
    [
      'Conventional Commits revert with Refs',
      commit('revert: drop the noodle feature\n\nRefs: 676104e, a215868\n', [['Refs', '676104e, a215868']]),
      { revertShas: ['676104e', 'a215868'], saysRevert: true }
    ],
    [
      'our restore trailer',
      commit(`Restore apps to ${SHA.slice(0, 12)}\n\nRestored-to: ${SHA}\n`, [['Restored-to', SHA]]),
      { restoredTo: SHA, ours: true }
    ],
    [
      'our restore before the trailer',
      commit(`Restore apps to ${SHA.slice(0, 12)}\n\nRestored to commit ${SHA}.\n`),
      { restoredTo: SHA, ours: false }
    ],
    ['by hand', commit('fix(grafana): revert to 8.0.1'), { saysRevert: true, revertShas: [], revertPulls: [] }],
    ['by hand, scoped', commit('[traefik] Revert 9.20.0 upgrade'), { saysRevert: true }],
    ['roll back', commit('fix(talos): rollback to v1.13.2'), { saysRevert: true }],
    [
      'a drill rollback',
      commit(`Revert "Rollback drill: x"\n\nThis reverts commit ${SHA}.\n`, [['Drill-time-to-detect', '42.5s']]),
      { drillDetect: 42.5 }
    ],
    [
      'an undetected drill',
      commit(`Revert "Rollback drill: x"\n\nThis reverts commit ${SHA}.\n`, [
        ['Drill-time-to-detect', 'none (not reported within 600.0 s)']
      ]),
      { drillDetect: null }
    ],
    [
      'our trailers',
      commit(`Revert "x"\n\nThis reverts commit ${SHA}.\n`, [
        ['Incident', 'INC-1'],
        ['Rolled-back-by', 'octocat']
      ]),
      { ours: true, incident: 'INC-1', rolledBackBy: 'octocat' }
    ]
  ])('%s', (_name, c, expected) => {
    expect(evidenceOf(c)).toEqual(expect.objectContaining(expected));
  });

  it.each([
    ['a plain change', commit('Bump podinfo to 6.1.0')],
    ['a word in the body', commit('fix(kei): scope sync\n\nRevert to ["all"] once upstream ships a fix.\n')],
    ['a revert line not at the start of a line', commit(`chore: notes\n\n> This reverts commit ${SHA}.\n`)],
    ['a drill commit itself', commit('Rollback drill: apply drills/bad.patch')],
    [
      'a pull request merge of a branch that only mentions revert',
      commit('Merge pull request #5 from acme/fix/revert-x\n\nfeat: x\n', [], ['b'.repeat(40), 'd'.repeat(40)])
    ],
    ['"reverted" in a subject', commit('docs: reverted wording')]
  ])('nothing for %s', (_name, c) => {
    expect(evidenceOf(c)).toBeUndefined();
  });
});
