import { beforeAll, describe, expect, it } from '@jest/globals';
import { rollbacksChart, timeToRevertChart } from '../../src/report/mermaid.js';
import type { Bucket } from '../../src/report/stats.js';
import { mermaidBlocks, mermaidParser } from '../support/mermaid.js';

const loadParser = mermaidParser();
let parse: Awaited<ReturnType<typeof loadParser>>;
beforeAll(async () => {
  parse = await loadParser();
});

const block = (markdown: string) => mermaidBlocks(markdown)[0] ?? '';
const bucket = (label: string, rollbacks: number, medianTimeToRevert?: number): Bucket => ({
  label,
  start: 0,
  end: 1,
  rollbacks,
  medianTimeToRevert
});

describe('Mermaid charts', () => {
  const weeks = [bucket('2026-01-05', 2, 5400), bucket('2026-01-12', 0), bucket('2026-01-19', 1, 90_000)];

  it('rollbacks per week is an xychart bar chart that Mermaid parses, empty weeks included', async () => {
    const chart = rollbacksChart('week', weeks);
    expect(await parse(block(chart))).toEqual(expect.objectContaining({ diagramType: 'xychart' }));
    expect(block(chart).split('\n')).toEqual([
      'xychart-beta',
      '  title "Rollbacks per week"',
      '  x-axis ["2026-01-05", "2026-01-12", "2026-01-19"]',
      '  y-axis "Rollbacks" 0 --> 2',
      '  bar [2, 0, 1]'
    ]);
  });

  it('time to revert is a line over the weeks with a time, in hours once one exceeds two hours', async () => {
    const chart = timeToRevertChart('week', weeks)!;
    expect(await parse(block(chart))).toEqual(expect.objectContaining({ diagramType: 'xychart' }));
    expect(block(chart)).toContain('x-axis ["2026-01-05", "2026-01-19"]');
    expect(block(chart)).toContain('line [1.5, 25]');
    expect(block(timeToRevertChart('month', [bucket('2026-01', 1, 600)])!)).toContain('line [10]');
    expect(timeToRevertChart('week', [bucket('2026-01-05', 1)])).toBeUndefined();
  });

  it('the parser in this test rejects a broken chart, so a pass means something', async () => {
    await expect(parse('xychart-beta\n  x-axis ["a", \n  bar [1,')).rejects.toThrow(/Parse error/);
  });
});
