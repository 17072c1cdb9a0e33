import { describe, expect, it } from '@jest/globals';
import { LineScanner, MAX_SCANNED_LINE, scanBytes } from '../../src/manifests/large-scan.js';
import { MAX_FILE_BYTES_CEILING, parseSafetyConfig } from '../../src/safety-check/config.js';

describe('line scan of files too large to read whole', () => {
  it("finds each document's kind, name and namespace at the top level, whatever the chunks", () => {
    const text = [
      '# a comment',
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata:',
      '  labels:',
      '    name: not-this',
      '  name: data',
      '  namespace: db',
      'spec:',
      '  template:',
      '    kind: NotTopLevel',
      '---',
      'apiVersion: apps/v1',
      'kind: "StatefulSet"',
      'metadata: {name: flow}',
      '...',
      '---',
      '# only a comment',
      ''
    ].join('\r\n');
    const whole = scanBytes(Buffer.from(text));
    const scanner = new LineScanner();
    for (let i = 0; i < text.length; i += 3) scanner.push(Buffer.from(text.slice(i, i + 3)));
    const chunked = scanner.end();
    for (const scan of [whole, chunked]) {
      expect(scan.failed).toBeUndefined();
      expect(scan.documents).toEqual([
        {
          line: 2,
          keys: ['apiVersion', 'kind', 'metadata', 'spec'],
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          name: 'data',
          namespace: 'db'
        },
        { line: 13, keys: ['apiVersion', 'kind', 'metadata'], apiVersion: 'apps/v1', kind: 'StatefulSet' }
      ]);
      expect([...scan.kinds].sort()).toEqual(['NotTopLevel', 'PersistentVolumeClaim', 'StatefulSet']);
    }
  });

  it('keeps only the start of a long line, and gives up on binary content', () => {
    const long = `data: ${'x'.repeat(10 * MAX_SCANNED_LINE)}\nkind: Secret\n`;
    expect([...scanBytes(Buffer.from(long)).kinds]).toEqual(['Secret']);
    expect(scanBytes(Buffer.from('kind: Secret\n\0')).failed).toBe('it is binary');
  });
});

describe('max-file-bytes in the safety-check configuration', () => {
  it('takes a whole number of bytes', () => {
    expect(parseSafetyConfig('max-file-bytes: 20971520\n', 'c.yml').maxFileBytes).toBe(20971520);
    expect(parseSafetyConfig('rules: {}\n', 'c.yml').maxFileBytes).toBeUndefined();
  });

  it.each([
    ['"20MB"', "'20MB'"],
    ['0', '0'],
    ['1.5', '1.5'],
    [String(MAX_FILE_BYTES_CEILING + 1), String(MAX_FILE_BYTES_CEILING + 1)],
    ['[1]', '[1]']
  ])('refuses %s, naming the value and the expected form', (value, shown) => {
    expect(() => parseSafetyConfig(`max-file-bytes: ${value}\n`, 'c.yml')).toThrow(
      `Invalid config c.yml: max-file-bytes is ${shown}. Expected a whole number of bytes from 1 to ${MAX_FILE_BYTES_CEILING}`
    );
  });
});
