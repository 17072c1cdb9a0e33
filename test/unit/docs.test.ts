import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { RULES } from '../../src/hazards/index.js';

describe('rule documentation', () => {
  const readme = readFileSync('README.md', 'utf8');
  const reference = readFileSync('docs/hazards.md', 'utf8');

  it.each(RULES.map(r => [r.id, r.rollbackId]))('%s is in the README table and has a section with an example in docs/hazards.md', (id, rollbackId) => {
    expect(readme).toContain(`\`${id}\``);
    if (rollbackId) expect(readme).toContain(`\`${rollbackId}\``);
    const section = reference.split(/^### /m).find(s => s.startsWith(`${id} `));
    expect(section).toBeDefined();
    expect(section).toMatch(/```yaml/);
  });
});
