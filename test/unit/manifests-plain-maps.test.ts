import { describe, expect, it, jest } from '@jest/globals';

// The parser, counted: plain label and annotation maps are read without it.
const real = await import('../../src/manifests/safe-yaml.js');
let parses = 0;
jest.unstable_mockModule('../../src/manifests/safe-yaml.js', () => ({
  ...real,
  parseYaml: (text: string) => {
    parses++;
    return real.parseYaml(text);
  }
}));
const { readManifestFile } = await import('../../src/manifests/manifest-file.js');

function labelsOf(labels: string): { value: unknown; parses: number } {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  labels:\n${labels}\n  namespace: apps\n`;
  const doc = readManifestFile('a.yaml', text).resources[0].doc;
  parses = 0;
  return { value: doc.get(['metadata', 'labels']), parses };
}

describe('label and annotation maps', () => {
  it('reads a map of plain keys and one-line plain values without the parser', () => {
    expect(
      labelsOf('    app: web\n    app.kubernetes.io/version: v1.2\n    kustomize.toolkit.fluxcd.io/prune: disabled\n    enabled: true')
    ).toEqual({
      value: { app: 'web', 'app.kubernetes.io/version': 'v1.2', 'kustomize.toolkit.fluxcd.io/prune': 'disabled', enabled: true },
      parses: 0
    });
  });

  it.each([
    ['a quoted value', '    app: web\n    version: "1.2"', { app: 'web', version: '1.2' }],
    ['a number', '    app: web\n    replicas: 3', { app: 'web', replicas: 3 }],
    ['a key the parser reads otherwise', '    app: web\n    true: yes', { app: 'web', true: 'yes' }],
    ['a value over two lines', '    app: web\n      more', { app: 'web more' }]
  ])('leaves a map with %s to the parser', (_name, labels, value) => {
    expect(labelsOf(labels)).toEqual({ value, parses: 1 });
  });
});
