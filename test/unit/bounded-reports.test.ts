import { describe, expect, it } from '@jest/globals';
import { COMMENT_MAX_CHARS, fitMarkdown } from '../../src/core/index.js';
import type { Finding } from '../../src/hazards/types.js';
import { pullRequestBody, rollbackSummary } from '../../src/rollback/report.js';
import type { RollbackResult } from '../../src/rollback/run.js';
import type { SafetyCheckResult } from '../../src/safety-check/check.js';
import { markdownReport } from '../../src/safety-check/report.js';

const severities = ['critical', 'error', 'warning', 'notice'] as const;
/** 100,000 findings, most severe first, as the check sorts them. */
const findings: Finding[] = Array.from({ length: 100_000 }, (_, i) => ({
  rule: 'pvc-delete',
  severity: severities[Math.floor((i * 4) / 100_000)],
  direction: 'forward',
  kind: 'PersistentVolumeClaim',
  apiVersion: 'v1',
  namespace: 'db',
  name: `data-${i}`,
  file: `db/claims-${i}.yaml`,
  line: 1,
  message: 'Deleting the claim deletes the volume and its data. Keep the claim, or back it up and acknowledge.'
}));

const check: SafetyCheckResult = {
  verdict: { findings, allowed: [], failing: findings, unsafe: true, acknowledged: false, fails: true },
  notices: [],
  filesChecked: 100_000,
  from: 'a'.repeat(40),
  to: 'b'.repeat(40),
  config: { rules: {}, paths: [], exclude: [], allow: [] } as unknown as SafetyCheckResult['config']
};

const rollback: RollbackResult = {
  operation: 'created',
  targetBranch: 'main',
  base: 'b'.repeat(40),
  commitSha: 'c'.repeat(40),
  revertedCommits: Array.from({ length: 20_000 }, (_, i) => ({ sha: i.toString(16).padStart(40, '0'), subject: `Change ${i}` })),
  skipped: [],
  branch: 'rollback/inc-1',
  pullRequest: { number: 7, url: 'https://github.com/acme/fleet/pull/7' },
  diffStat: '',
  findings,
  fellBackToPullRequest: false
};

describe('reports of 100,000 findings stay within the size GitHub keeps', () => {
  it('the safety check report keeps the most severe rows within its limit and counts the rest', () => {
    const report = markdownReport(check, 'error', { maxChars: 50_000, fullList: 'see the file' });
    expect(report.length).toBeLessThan(55_000);
    expect(report).toContain('| `pvc-delete` | merging | PersistentVolumeClaim db/data-0 |');
    expect(report).not.toContain('data-99999');
    const omitted = [...report.matchAll(/_(\d+) more not shown: see the file\._/g)].map(m => Number(m[1]));
    const rows = report.split('\n').filter(line => line.startsWith('| `pvc-delete`')).length;
    expect(rows + omitted.reduce((a, b) => a + b, 0)).toBe(100_000);
  });

  it('a pull-request body fits GitHub’s 65,536 characters; a job summary its 1 MiB', () => {
    expect(pullRequestBody(rollback, { incident: 'INC-1' }, undefined).length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    const summary = rollbackSummary(rollback, { incident: 'INC-1' }, undefined);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(summary).toMatch(/_\d+ more not shown: the findings-file output of the revert action lists them all\._/);
  });

  it('fitMarkdown cuts at a line break, under the limit, and says how much is not shown', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `| row ${i} | ${'é'.repeat(50)} |`).join('\n');
    const cut = fitMarkdown(text, 10_000, 'the file has all');
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(10_000);
    expect(cut).toMatch(
      /\| row \d+ \| é+ \|\n\n> \[!WARNING\]\n> Cut here to fit GitHub's size limit: \d+ more bytes not shown; the file has all\.$/
    );
    expect(fitMarkdown('short', 10_000)).toBe('short');
  });
});
