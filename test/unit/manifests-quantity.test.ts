import { describe, expect, it } from '@jest/globals';
import { parseQuantity } from '../../src/manifests/quantity.js';

describe('parseQuantity', () => {
  it.each([
    ['10Gi', 10 * 2 ** 30],
    ['1.5Ti', 1.5 * 2 ** 40],
    ['512Mi', 512 * 2 ** 20],
    ['1Ki', 1024],
    ['2Pi', 2 * 2 ** 50],
    ['1Ei', 2 ** 60],
    ['500M', 500e6],
    ['1G', 1e9],
    ['3k', 3000],
    ['2T', 2e12],
    ['1P', 1e15],
    ['1E', 1e18],
    ['1e9', 1e9],
    ['1E3', 1000],
    ['2.5e-3', 0.0025],
    ['250m', 0.25],
    ['100', 100],
    ['.5Gi', 0.5 * 2 ** 30],
    [1073741824, 1073741824],
    [' 10Gi ', 10 * 2 ** 30]
  ])('%p -> %p', (input, expected) => {
    expect(parseQuantity(input)).toBeCloseTo(expected as number, 6);
  });

  it.each(['', 'Gi', '10GB', '10 Gi', 'ten', '1.2.3', '${SIZE}', null, undefined, {}, Number.NaN])('%p is not a quantity', input => {
    expect(parseQuantity(input)).toBeUndefined();
  });

  it('compares binary and decimal suffixes numerically', () => {
    expect(parseQuantity('1Gi')! > parseQuantity('1G')!).toBe(true);
    expect(parseQuantity('1000Mi')! < parseQuantity('1Gi')!).toBe(true);
  });
});
