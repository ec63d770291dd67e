/**
 * `java.lang.Double.toString(double)` as JDK 19 and later print it.
 *
 * The digits are the shortest decimal that reads back as the same double — exactly what JavaScript's
 * `Number.prototype.toString` chooses — except that when the shortest has a single digit, Java also
 * considers two-digit candidates and keeps the closest (this only changes subnormals such as
 * `Double.MIN_VALUE`, printed `4.9E-324`). The layout differs from JavaScript: plain notation only for
 * 10^-3 <= |x| < 10^7, always with a fractional part (`2.0`), and `1.0E10` style otherwise.
 */
export function javaDoubleToString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const ax = Math.abs(x);
  if (ax >= 1e-3 && ax < 1e7) {
    // JavaScript prints this range in plain notation with the same shortest digits.
    const plain = String(x);
    return plain.includes('.') ? plain : plain + '.0';
  }
  let { digits, exp } = shortestDigits(ax);
  // The two-digit rule can only pick a different answer deep in the subnormal range.
  if (digits.length === 1 && ax < 1e-300) ({ digits, exp } = closestOfOneOrTwoDigits(ax, digits, exp));
  if (ax >= 1e-3 && ax < 1e7) {
    if (exp < 0) return sign + '0.' + '0'.repeat(-exp - 1) + digits;
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const fracPart = digits.slice(exp + 1) || '0';
    return sign + intPart + '.' + fracPart;
  }
  return sign + digits[0] + '.' + (digits.slice(1) || '0') + 'E' + exp;
}

interface Decimal {
  /** Significant digits, no leading or trailing zeros. */
  digits: string;
  /** Decimal exponent of the first digit: value = d1.d2d3… × 10^exp. */
  exp: number;
}

function shortestDigits(ax: number): Decimal {
  const s = ax.toExponential();
  const e = s.indexOf('e');
  const digits = s.slice(0, e).replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exp: Number(s.slice(e + 1)) };
}

/**
 * JDK 19+ rule for one-digit results: compare the one-digit candidate with every two-digit decimal that
 * also reads back as `ax`, and take the one nearest to the exact binary value (ties to an even digit).
 */
function closestOfOneOrTwoDigits(ax: number, digit: string, exp: number): Decimal {
  const exact = exactBinary(ax);
  let best: { n: bigint; q: number } = { n: BigInt(digit), q: exp };
  let bestDistance = distance(exact, best.n, best.q);
  for (const q of [exp - 1, exp - 2]) {
    for (let n = 10n; n <= 99n; n++) {
      if (Number(`${n}e${q}`) !== ax) continue;
      const d = distance(exact, n, q);
      const cmp = compareFractions(d, bestDistance);
      if (cmp < 0 || (cmp === 0 && n % 2n === 0n && best.n % 2n !== 0n)) {
        best = { n, q };
        bestDistance = d;
      }
    }
  }
  let digits = best.n.toString();
  let q = best.q;
  while (digits.length > 1 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    q++;
  }
  return { digits, exp: q + digits.length - 1 };
}

/** A non-negative rational number num / den. */
interface Fraction {
  num: bigint;
  den: bigint;
}

function exactBinary(ax: number): Fraction {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, ax);
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let e2: number;
  if (exponentBits === 0) e2 = -1074;
  else {
    mantissa |= 1n << 52n;
    e2 = exponentBits - 1075;
  }
  return e2 >= 0 ? { num: mantissa << BigInt(e2), den: 1n } : { num: mantissa, den: 1n << BigInt(-e2) };
}

function distance(exact: Fraction, n: bigint, q: number): Fraction {
  const candidate: Fraction = q >= 0 ? { num: n * 10n ** BigInt(q), den: 1n } : { num: n, den: 10n ** BigInt(-q) };
  const num = candidate.num * exact.den - exact.num * candidate.den;
  return { num: num < 0n ? -num : num, den: candidate.den * exact.den };
}

function compareFractions(a: Fraction, b: Fraction): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** `java.lang.Float.toString(float)`: shortest digits that identify the float, in Double's layout. */
export function javaFloatToString(x: number): string {
  if (Number.isNaN(x) || !Number.isFinite(x) || x === 0) return javaDoubleToString(x);
  const f = Math.fround(x);
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Number(f.toPrecision(precision));
    if (Math.fround(candidate) === f) return javaDoubleToString(candidate);
  }
  return javaDoubleToString(f);
}
