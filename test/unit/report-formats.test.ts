import { describe, expect, it } from '@jest/globals';
import { durationText } from '../../src/report/duration-text.js';
import { labelValue, logSafe, markdownText } from '../../src/report/escape.js';
import { formatReport, parseReportFormat } from '../../src/report/format.js';
import { distribution } from '../../src/report/stats.js';
import type { RollbackReport } from '../../src/report/types.js';
import { checkWindow, parseReportTime } from '../../src/report/window.js';
import { checkOpenMetrics } from '../support/openmetrics.js';

const NOW = Date.UTC(2026, 2, 1) / 1000;

function report(component: string, subject: string, branch = 'main'): RollbackReport {
  const rollback = {
    sha: 'a'.repeat(40),
    commits: ['a'.repeat(40)],
    kind: 'git-revert' as const,
    subject,
    landedAt: NOW - 3600,
    reverted: [],
    paths: [`${component}/x.yaml`],
    components: [component],
    kustomizations: [],
    timeToRevert: 600,
    who: subject
  };
  return {
    branch,
    tip: 'a'.repeat(40),
    until: NOW,
    history: { commits: 1, shallow: false },
    summary: {
      rollbacks: 1,
      byKind: { 'gitops-rollback': 0, 'git-revert': 1, 'revert-pr': 0, restore: 0, manual: 0 },
      timeToRevert: distribution([600]),
      timeToRecover: distribution([]),
      drills: 0,
      reapplied: 0
    },
    rollbacks: [rollback],
    drills: [],
    reapplies: [],
    components: [{ component, rollbacks: 1, lastAt: NOW - 3600, kustomizations: [], medianTimeToRevert: 600 }],
    repeatOffenders: []
  };
}

describe('untrusted text in the outputs', () => {
  it('a log line: control characters and new lines become one space, so no line starts a workflow command', () => {
    expect(logSafe('x\n::set-output name=a::b\r\n\u0007y')).toBe('x ::set-output name=a::b y');
    expect(logSafe('a'.repeat(300), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('a Markdown cell: pipes, brackets, emphasis and HTML are shown, not acted on', () => {
    expect(markdownText('a | b <script>x</script> [l](u) *e* `c` & \\')).toBe(
      'a \\| b &lt;script&gt;x&lt;/script&gt; \\[l\\](u) \\*e\\* \\`c\\` &amp; \\\\'
    );
    expect(markdownText('line one\nline two')).toBe('line one line two');
  });

  it('an OpenMetrics label value: backslash, double quote and new line escaped', () => {
    expect(labelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });

  it('OpenMetrics output stays valid with hostile component and branch names', () => {
    const text = formatReport(report('we"ird\\comp\nonent', 'x'), 'openmetrics');
    const samples = checkOpenMetrics(text);
    expect(samples.get('gitops_rollbacks_total{branch="main",component="we\\"ird\\\\comp\\nonent"}')).toBe(1);
  });

  it('Markdown output says so when the window has no rollback, with no chart', () => {
    const empty = { ...report('apps/x', 'x'), rollbacks: [], components: [] };
    empty.summary = {
      ...empty.summary,
      rollbacks: 0,
      byKind: { ...empty.summary.byKind, 'git-revert': 0 },
      timeToRevert: distribution([])
    };
    const markdown = formatReport(empty, 'markdown');
    expect(markdown).toContain('**0 rollbacks**\n\nNo rollback landed on the branch in this window.');
    expect(markdown).not.toContain('```mermaid');
  });

  it('Markdown output keeps a hostile subject and author in their cells', () => {
    const markdown = formatReport(report('apps/x', 'a|b\n## heading <img src=x>'), 'markdown');
    const row = markdown.split('\n').find(line => line.includes('heading'))!;
    expect(row).toContain('a\\|b \\#\\# heading &lt;img src=x&gt;');
    expect(markdown.split('\n').filter(line => line.startsWith('## '))).toHaveLength(1);
  });
});

describe('report options', () => {
  it.each([
    ['2026-01-31', Date.UTC(2026, 0, 31) / 1000],
    ['2026-01-31T12:00:00Z', Date.UTC(2026, 0, 31, 12) / 1000],
    ['2026-01-31T12:00:00+02:00', Date.UTC(2026, 0, 31, 10) / 1000],
    ['36h', NOW - 36 * 3600],
    ['90d', NOW - 90 * 86_400],
    ['12w', NOW - 12 * 7 * 86_400]
  ])('reads --since %s', (value, seconds) => {
    expect(parseReportTime(value, 'since', NOW)).toBe(seconds);
  });

  it.each(['yesterday', '2026-13-45', '2026-01-31 12:00', '-3d', '3 days', ''])('refuses --since %j with the expected forms', value => {
    expect(() => parseReportTime(value, 'since', NOW)).toThrow(
      /^Invalid since '.*'\. Expected a date such as '2026-01-31', a time with its zone such as '2026-01-31T12:00:00Z', or an age such as '36h', '90d' or '12w'\.$/
    );
  });

  it('refuses an empty window and an unknown format', () => {
    expect(() => checkWindow(NOW, NOW - 1)).toThrow(
      'The window is empty: since (2026-03-01) is after until (2026-02-28). Expected since before until.'
    );
    expect(() => parseReportFormat('xml', 'format')).toThrow("Invalid format 'xml'. Expected one of: markdown, json, openmetrics.");
  });

  it.each([
    [undefined, '–'],
    [45, '45 s'],
    [600, '10 min'],
    [5400, '1 h 30 min'],
    [7200, '2 h'],
    [3 * 86_400 + 4 * 3600, '3 d 4 h']
  ])('writes %p seconds as %s', (seconds, text) => {
    expect(durationText(seconds)).toBe(text);
  });
});
