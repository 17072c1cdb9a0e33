import { describe, expect, it } from '@jest/globals';
import { readManifestFile } from '../../src/manifests/manifest-file.js';
import { mayBeTemplate } from '../../src/manifests/template-scan.js';
import { parseYaml } from '../../src/manifests/safe-yaml.js';

const header = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: apps\n';

describe('mayBeTemplate', () => {
  it.each<[string, string]>([
    ['no braces at all', `${header}data:\n  a: b\n`],
    [
      'JSON in a block scalar',
      `${header}data:\n  d.json: |\n    {\n      "legendFormat": "{{pod}}",\n\n      "x": 1\n    }\n  other: value\n`
    ],
    ['folded and chomped block scalars', `${header}data:\n  a: >-\n    {{ text }}\n  b: |+ # note\n      {{ more }}\n`],
    ['block scalar in a sequence item', `${header}items:\n- |\n  {{ x }}\n- name: a\n  value: |\n    {{ y }}\n`],
    ['double-quoted value', `${header}annotations:\n  summary: "{{ $labels.instance }} is \\"down\\"" # {{ comment }}\n`],
    ['single-quoted value', `${header}annotations:\n  summary: '{{ $labels.instance }} isn''t up'\n`],
    ['quoted key and value', `${header}data:\n  "legend": "{{pod}}"\n`],
    ['comment line', `${header}# {{ .Values.note }}\n`]
  ])('%s: {{ is text', (_name, text) => {
    expect(parseYaml(text).ok).toBe(true);
    expect(mayBeTemplate(text)).toBe(false);
  });

  it.each<[string, string]>([
    ['value', `${header}  image: {{ .Values.image }}\n`],
    ['control line', `${header}{{- if .Values.x }}\ndata: {}\n{{- end }}\n`],
    ['inside a plain scalar', `${header}data:\n  a: x-{{ .Release.Name }}\n`],
    ['after a block scalar ends', `${header}data:\n  a: |\n    text\n  b: {{ x }}\n`],
    ['under-indented block line', `${header}data:\n  a: |\n      first\n    {{ x }}\n`],
    ['multi-line quoted value', `${header}data:\n  a: "one\n    two"\n  b: '{{ x }}'\n`],
    ['multi-line flow value', `${header}data: [\n  '{{ x }}' ]\n`],
    ['quoted value with trailing text', `${header}data:\n  a: "{{ x }}" {{ y }}\n`],
    ['tagged block scalar', `${header}data:\n  a: !!str |\n    {{ x }}\n`],
    ['quoted key holding braces', `${header}data:\n  "{{ x }}": a\n`]
  ])('%s: {{ may be syntax', (_name, text) => {
    expect(mayBeTemplate(text)).toBe(true);
  });
});

describe('readManifestFile with {{ as text', () => {
  it('reads a dashboard ConfigMap as a resource', () => {
    const text = `${header}data:\n  d.json: |\n    { "legendFormat": "{{pod}}" }\n`;
    const file = readManifestFile('dash.yaml', text);
    expect(file.unreadable).toBeUndefined();
    expect(file.resources.map(r => r.name)).toEqual(['x']);
  });

  it('still reports a Helm template that does not parse', () => {
    const text = `${header}data:\n  d.json: |\n    { "legendFormat": "{{pod}}" }\n  image: {{ .Values.image }}\n`;
    expect(readManifestFile('t.yaml', text).unreadable?.severity).toBe('notice');
  });
});
