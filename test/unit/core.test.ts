import { describe, expect, it } from '@jest/globals';
import { asObject, isFullSha, isObject, matchesGlob, printable, shortSha, UserError } from '../../src/core/index.js';

describe('object names', () => {
  it.each([
    ['a'.repeat(40), true],
    ['0123456789abcdef'.repeat(4), true],
    ['A'.repeat(40), false],
    ['a'.repeat(39), false],
    ['a'.repeat(41), false],
    ['a'.repeat(63), false],
    [`${'a'.repeat(40)}\n`, false],
    ['HEAD', false]
  ])('%s is a full sha: %s', (value, expected) => {
    expect(isFullSha(value)).toBe(expected);
  });

  it('shortens to the twelve digits people see', () => {
    expect(shortSha('0123456789abcdef0123456789abcdef01234567')).toBe('0123456789ab');
  });
});

describe('the glob dialect', () => {
  it.each([
    ['apps/*.yaml', 'apps/a.yaml', true],
    ['apps/*.yaml', 'apps/x/a.yaml', false],
    ['apps/**', 'apps/x/a.yaml', true],
    ['**/pvc.yaml', 'pvc.yaml', true],
    ['**/pvc.yaml', 'a/b/pvc.yaml', true],
    ['db-?', 'db-1', true],
    ['db-?', 'db-12', false],
    ['a?b', 'a/b', false],
    ['kustomization/*', 'kustomization/apps', true],
    ['kustomization/*', 'kustomization/apps/0c9c2e41', false],
    ['data.*', 'data.yaml', true],
    ['data.*', 'dataxyaml', false],
    ['(x)+', '(x)+', true]
  ])('%s ~ %s: %s', (pattern, value, expected) => {
    expect(matchesGlob(value, pattern)).toBe(expected);
  });

  it('ignores case only when asked', () => {
    expect(matchesGlob('Kustomization', 'kustomization')).toBe(false);
    expect(matchesGlob('Kustomization', 'kustomization', true)).toBe(true);
  });
});

describe('printable', () => {
  it('escapes line breaks and workflow commands, and caps the length', () => {
    expect(printable('failed\n::set-output name=reconciled::true')).toBe('failed\\n:\\u003aset-output name=reconciled:\\u003atrue');
    expect(printable('a\u2028b\u0007')).toBe('a\\u2028b\\u0007');
    expect(printable('x'.repeat(300), 10)).toBe(`${'x'.repeat(10)}… (300 characters)`);
  });

  it('shows direction overrides and terminal escapes, and never echoes a 120 KB value whole', () => {
    expect(printable('main\u202egnp.exe\u001b[31m')).toBe('main\\u202egnp.exe\\u001b[31m');
    expect(printable('a'.repeat(120_000))).toBe(`${'a'.repeat(200)}… (120000 characters)`);
  });
});

describe('objects and errors', () => {
  it('tells mappings from other values', () => {
    expect([{}, [], null, 'a', 1].map(isObject)).toEqual([true, false, false, false, false]);
    expect(asObject([1])).toEqual({});
    expect(asObject({ a: 1 })).toEqual({ a: 1 });
  });

  it('keeps the kind of a user error', () => {
    const error = new UserError('no', 'refused');
    expect([error.name, error.kind, error.message]).toEqual(['UserError', 'refused', 'no']);
    expect(new UserError('bad').kind).toBe('invalid');
  });
});
