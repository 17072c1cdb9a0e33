import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as yaml from 'js-yaml';
import { RULES } from '../../src/hazards/index.js';

describe('rule documentation', () => {
  const readme = readFileSync('README.md', 'utf8');
  const reference = readFileSync('docs/hazards.md', 'utf8');

  it.each(RULES.map(r => [r.id, r.rollbackId]))(
    '%s is in the README table and has a section with an example in docs/hazards.md',
    (id, rollbackId) => {
      expect(readme).toContain(`\`${id}\``);
      if (rollbackId) expect(readme).toContain(`\`${rollbackId}\``);
      const section = reference.split(/^### /m).find(s => s.startsWith(`${id} `));
      expect(section).toBeDefined();
      expect(section).toMatch(/```yaml/);
    }
  );
});

describe('README workflow snippets', () => {
  const readme = readFileSync('README.md', 'utf8');
  const declared = (dir: string) => Object.keys((yaml.load(readFileSync(`${dir}/action.yml`, 'utf8')) as { inputs: object }).inputs);
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map(m => m[1]);

  it.each(['revert-action', 'safety-check-action', 'report-action'])('use only inputs %s declares', dir => {
    const known = declared(dir);
    const steps = blocks.flatMap(block => {
      const lines = block.split('\n');
      const at = lines.findIndex(l => l.includes(`gitops-rollback/gitops-rollback/${dir}@v1`));
      if (at < 0) return [];
      const withAt = lines.findIndex((l, i) => i > at && /^\s+with:\s*$/.test(l));
      if (withAt < 0) return [];
      const indent = lines[withAt + 1].search(/\S/);
      return lines
        .slice(withAt + 1)
        .filter(l => l.search(/\S/) === indent)
        .map(l => l.trim().split(':')[0]);
    });
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.filter(k => !known.includes(k))).toEqual([]);
  });
});
