import { expect } from '@jest/globals';

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL_VALUE = '"(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
const SAMPLE = new RegExp(
  `^(${NAME})(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=${LABEL_VALUE})(?:,[a-zA-Z_][a-zA-Z0-9_]*=${LABEL_VALUE})*\\})? (\\S+)$`
);
const SUFFIXES: Record<string, string[]> = {
  counter: ['_total', '_created'],
  gauge: [''],
  histogram: ['_bucket', '_sum', '_count', '_created']
};

/**
 * Checks text against the OpenMetrics exposition rules this project relies on, and returns the
 * samples by `name{labels}`: every line a TYPE, HELP or sample line; each sample of a family
 * declared before it, with a suffix its type allows; families not interleaved; label values
 * escaped; histogram buckets cumulative and ending in `+Inf` equal to `_count`; `# EOF` last.
 */
export function checkOpenMetrics(text: string): Map<string, number> {
  expect(text.endsWith('# EOF\n')).toBe(true);
  const lines = text.slice(0, -'# EOF\n'.length).split('\n').filter(Boolean);
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  const closed = new Set<string>();
  let current: string | undefined;
  const buckets = new Map<string, { le: number; value: number }[]>();
  for (const line of lines) {
    const meta = /^# (TYPE|HELP) (\S+) (.+)$/.exec(line);
    if (meta) {
      expect(['#', meta[2], closed.has(meta[2])]).toEqual(['#', meta[2], false]);
      if (meta[1] === 'TYPE') {
        expect(Object.keys(SUFFIXES)).toContain(meta[3]);
        expect(types.has(meta[2])).toBe(false);
        types.set(meta[2], meta[3]);
      }
      if (current && current !== meta[2]) closed.add(current);
      current = meta[2];
      continue;
    }
    const m = SAMPLE.exec(line);
    expect([line, m !== null]).toEqual([line, true]);
    const [, name, labels = '', value] = m!;
    const family = current!;
    const suffix = name.slice(family.length);
    expect([line, name.startsWith(family), SUFFIXES[types.get(family)!]?.includes(suffix)]).toEqual([line, true, true]);
    const number = value === '+Inf' ? Infinity : Number(value);
    expect([line, Number.isNaN(number)]).toEqual([line, false]);
    expect(samples.has(`${name}${labels}`)).toBe(false);
    samples.set(`${name}${labels}`, number);
    if (suffix === '_bucket') {
      const le = /le="([^"]+)"/.exec(labels)![1];
      const series = `${family}${labels.replace(/,?le="[^"]+"/, '')}`;
      buckets.set(series, [...(buckets.get(series) ?? []), { le: le === '+Inf' ? Infinity : Number(le), value: number }]);
    }
  }
  for (const [series, list] of buckets) {
    expect(list.at(-1)!.le).toBe(Infinity);
    for (let i = 1; i < list.length; i++) {
      expect([series, list[i].le > list[i - 1].le, list[i].value >= list[i - 1].value]).toEqual([series, true, true]);
    }
    const count = series.replace(/^([^{]+)/, '$1_count').replace('{}', '');
    expect([series, samples.get(count)]).toEqual([series, list.at(-1)!.value]);
  }
  return samples;
}
