import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../src/hazards/types.js';
import { findingsSection } from '../../src/rollback/report.js';
import { markdownReport } from '../../src/safety-check/report.js';
import type { SafetyCheckResult } from '../../src/safety-check/check.js';

// A file name and an object name are whatever a commit put there: a pipe would end a cell, a line
// break would end the row, and `<` would start HTML in the job summary.
const hostile: Finding = {
  rule: 'pvc-delete',
  severity: 'critical',
  direction: 'forward',
  kind: 'PersistentVolumeClaim',
  apiVersion: 'v1',
  namespace: 'db',
  name: 'data|x',
  file: 'apps/a|b\n| forged | row |\r\u2028<img src=x>.yaml',
  line: 3,
  message: 'Deletes the claim.\n| forged | row |'
};

/** The table rows of a Markdown text: every line that starts a row. */
const rows = (markdown: string) => markdown.split('\n').filter(line => line.startsWith('|'));
/** Cells of a row, split at pipes that are not escaped. */
const cells = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1);

describe('summary tables keep untrusted names in their cells', () => {
  it('the safety check: one row of five cells, no HTML', () => {
    const result: SafetyCheckResult = {
      verdict: { findings: [hostile], allowed: [], failing: [hostile], unsafe: true, acknowledged: false, fails: true },
      notices: [],
      filesChecked: 1,
      from: 'a'.repeat(40),
      to: 'b'.repeat(40),
      config: { rules: {}, paths: [], exclude: [], allow: [] } as unknown as SafetyCheckResult['config']
    };
    const table = rows(markdownReport(result, 'error'));
    expect(table).toHaveLength(3);
    expect(cells(table[2])).toHaveLength(5);
    expect(table[2]).not.toContain('<img');
  });

  it("the rollback's hazards: one row of five cells, no HTML", () => {
    const table = rows(findingsSection([hostile]));
    expect(table).toHaveLength(3);
    expect(cells(table[2])).toHaveLength(5);
    expect(table[2]).not.toContain('<img');
  });
});
