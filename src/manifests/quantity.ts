const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60
};
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

// Exponent before suffix: `1E3` is 1000, a bare trailing `E` (exa) is a suffix.
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/**
 * Parses a Kubernetes resource quantity (`10Gi`, `500M`, `1.5Ti`, `1e9`, `250m`) into a number
 * of base units, or undefined when it is not a quantity.
 */
export function parseQuantity(q: unknown): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? q : undefined;
  if (typeof q !== 'string') return undefined;
  const match = q.trim().match(QUANTITY);
  if (!match) return undefined;
  const [, mantissa, exponent, suffix = ''] = match;
  const base = Number(mantissa);
  if (exponent !== undefined) return base * 10 ** Number(exponent);
  return base * (BINARY[suffix] ?? DECIMAL[suffix]);
}
