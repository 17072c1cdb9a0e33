import { describe, expect, it } from '@jest/globals';
import { parseYaml } from '../../src/manifests/safe-yaml.js';
import { schemaNarrowings } from '../../src/hazards/schema-narrowing.js';
import { withoutSharedProperties } from '../../src/hazards/crd-shared-properties.js';

const leaf = (name: string, extra = '') => `              ${name}:\n                type: string\n${extra}`;
const spec = (props: string, legacy = '') => `spec:
  group: example.com
  names:
    kind: Widget
    plural: widgets
  scope: Namespaced
${legacy}  versions:
  - name: v1beta1
    served: true
    storage: false
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
${props}  - name: v1
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
${props}    served: true
    storage: true
`;

const mode = (values: string[]) =>
  `              mode:\n                type: string\n                enum:\n${values.map(v => `                - ${v}`).join('\n')}\n`;
const shared = ['alpha', 'bravo', 'charlie', 'delta'].map(n => leaf(n)).join('');

function narrowings(before: string, after: string): string[] {
  const value = (text: string) => {
    const parsed = parseYaml(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    const versions = (parsed.documents[0].value as { spec: { versions: { name: string; schema: { openAPIV3Schema: unknown } }[] } }).spec
      .versions;
    return new Map(versions.map(v => [v.name, v.schema.openAPIV3Schema]));
  };
  const [b, a] = [value(before), value(after)];
  return [...a].flatMap(([name, schema]) => schemaNarrowings(b.get(name), schema).found.map(n => `${name} ${n.path}: ${n.change}`));
}

describe('withoutSharedProperties', () => {
  it('cuts properties that are the same on both sides and keeps what the comparison needs', () => {
    const before = spec(shared + leaf('removed') + mode(['A', 'B', 'C']));
    const after = spec(shared + mode(['A', 'B']));
    const [pb, pa] = withoutSharedProperties(before, after);
    for (const name of ['alpha', 'bravo', 'charlie', 'delta']) {
      expect(pb).not.toContain(`${name}:`);
      expect(pa).not.toContain(`${name}:`);
    }
    expect(pb).toContain('removed:');
    expect(narrowings(pb, pa)).toEqual(narrowings(before, after));
    expect(narrowings(pb, pa)).toEqual([
      'v1beta1 .spec.removed: property removed',
      'v1beta1 .spec.mode: enum value "C" removed',
      'v1 .spec.removed: property removed',
      'v1 .spec.mode: enum value "C" removed'
    ]);
  });

  it('keeps a whole version schema that is the same only as an empty properties map', () => {
    const before = spec(shared);
    const after = spec(shared).replace('storage: true', 'storage: true\n    deprecated: false');
    const [pb, pa] = withoutSharedProperties(before, after);
    expect(pb).not.toContain('alpha:');
    expect(narrowings(pb, pa)).toEqual([]);
  });

  it('leaves shared properties alone when a line is not plain block YAML (it must still be parsed)', () => {
    const odd = `              flow:\n                enum: [a, b]\n              quoted:\n                pattern: "^a\\\\d$"\n`;
    const before = spec(shared + odd + leaf('gone'));
    const after = spec(shared + odd);
    const [pb, pa] = withoutSharedProperties(before, after);
    expect(pb).toContain('flow:');
    expect(pb).toContain('quoted:');
    expect(pa).toContain('flow:');
    expect(pb).not.toContain('alpha:');
    expect(narrowings(pb, pa)).toEqual(narrowings(before, after));
  });

  it('cuts the same with the sides swapped (the rollback direction reuses the forward result)', () => {
    const pairs: [string, string][] = [
      [spec(shared + leaf('removed') + mode(['A', 'B', 'C'])), spec(shared + mode(['A', 'B']))],
      [spec(shared), spec(shared).replace('storage: true', 'storage: true\n    deprecated: false')],
      [spec(shared + leaf('x')), spec(shared + leaf('x', '                maxLength: 3\n'))]
    ];
    for (const [before, after] of pairs) {
      const [pb, pa] = withoutSharedProperties(before, after);
      expect(withoutSharedProperties(after, before)).toEqual([pa, pb]);
    }
  });

  it('reads comments, blank lines and deeper continuation lines as the block scanner does', () => {
    const props = `${shared}              # a comment at the property level\n\n              odd:\n                type: string\n          # a shallower comment\n                format: date\n`;
    const before = spec(props + leaf('gone'));
    const after = spec(props);
    const [pb, pa] = withoutSharedProperties(before, after);
    expect(pb).not.toContain('alpha:');
    expect(pb).toContain('gone:');
    expect(narrowings(pb, pa)).toEqual(narrowings(before, after));
  });

  it('cuts the schema of a version that only one side has, and only then', () => {
    const before = spec(shared + mode(['A', 'B']));
    const added = `  - name: v2\n    served: true\n    storage: false\n    schema:\n      openAPIV3Schema:\n        type: object\n        properties:\n${leaf('extra')}`;
    const after = before + added;
    const [pb, pa] = withoutSharedProperties(before, after);
    expect(pa).toContain('  - name: v2\n    served: true\n    storage: false\n    schema:\n');
    expect(pa).not.toContain('extra:');
    expect(narrowings(pb, pa.replace(/schema:\n$/, 'schema: {}\n'))).toEqual(narrowings(before, after));
    // A name that YAML may read differently from its text ("1.0" is the number 1): nothing is cut.
    const [, odd] = withoutSharedProperties(before, before + added.replace('name: v2', 'name: 1.0'));
    expect(odd).toContain('extra:');
  });

  it('reads text with characters beyond latin1 the same as latin1 and ASCII text, without a final line break too', () => {
    // Two bytes per character (whose low bytes are a line break and a space), one, and the same
    // text with the last line break dropped.
    for (const word of ['\u010a\u0120\u20ac', 'St\u00fcck', 'plain']) {
      const named = (values: string[]) => mode(values).replace('type: string', `type: string\n                format: ${word}`);
      const before = spec(shared + leaf(`gone${word.length}`) + named(['A', 'B', 'C']));
      const after = spec(shared + named(['A', 'B']));
      for (const [b, a] of [
        [before, after],
        [before.slice(0, -1), after.slice(0, -1)]
      ]) {
        const [pb, pa] = withoutSharedProperties(b, a);
        expect(pb).not.toContain('alpha:');
        expect(pa).not.toContain('delta:');
        expect(pb).toContain(`format: ${word}`);
        expect(narrowings(pb, pa)).toEqual(narrowings(b, a));
        expect(narrowings(pb, pa)).toHaveLength(4);
      }
    }
  });

  it('indexes texts of many short lines (more lines than first allowed for)', () => {
    const values = Array.from({ length: 400 }, (_, i) => `V${i}`);
    // The shared properties come after the long list: they are cut only if its lines are indexed.
    const before = spec(mode(values) + shared);
    const after = spec(mode(values.slice(0, -1)) + shared);
    const [pb, pa] = withoutSharedProperties(before, after);
    expect(pb).not.toContain('alpha:');
    expect(pa).not.toContain('delta:');
    expect(pb).toContain('- V399');
    expect(narrowings(pb, pa)).toEqual(['v1beta1 .spec.mode: enum value "V399" removed', 'v1 .spec.mode: enum value "V399" removed']);
  });

  it('returns the texts unchanged when the layout is not a plain CRD spec', () => {
    const flow = 'spec: {group: example.com, versions: []}\n';
    expect(withoutSharedProperties(flow, flow)).toEqual([flow, flow]);
    const other = 'spec:\n  versions:\n    v1: {}\n';
    expect(withoutSharedProperties(other, other)).toEqual([other, other]);
  });
});
