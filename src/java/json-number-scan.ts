/**
 * Reading a strict JSON number token digit by digit (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`),
 * shared by the body parser and the one-pass JSON writer: where it ends, its shape, and its digits as an
 * integer, which for short decimals gives the double without a substring or `Number()`.
 */

/** 2^53: every integer up to it is exact in a double. */
const MAX_EXACT = 9007199254740992;
/** The powers of ten a double holds exactly. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** One scanner per parse, reused for every number (its fields are the last token's). */
export class NumberScan {
  /** The index after the token. */
  end = 0;
  negative = false;
  /** Digits before the point (a lone leading zero counts). */
  integerDigits = 0;
  /** Digits after the point. */
  fractionDigits = 0;
  /** Every digit of the integer and fraction parts as one integer (exact while at most 2^53). */
  mantissa = 0;
  /** The character code of the last fraction digit (0 when there is none). */
  lastDigit = 0;
  exponent = false;

  /** Scans the number at `i`; false when no strict JSON number starts there. */
  scan(s: string, i: number): boolean {
    let c = s.charCodeAt(i);
    this.negative = c === 0x2d;
    if (this.negative) c = s.charCodeAt(++i);
    let m = 0;
    let digits = 0;
    if (c === 0x30) {
      digits = 1;
      c = s.charCodeAt(++i);
    } else {
      while (isDigit(c)) {
        m = m * 10 + (c - 0x30);
        digits++;
        c = s.charCodeAt(++i);
      }
    }
    if (digits === 0) return false;
    this.integerDigits = digits;
    let fraction = 0;
    let last = 0;
    if (c === 0x2e) {
      c = s.charCodeAt(++i);
      while (isDigit(c)) {
        m = m * 10 + (c - 0x30);
        last = c;
        fraction++;
        c = s.charCodeAt(++i);
      }
      if (fraction === 0) return false;
    }
    this.fractionDigits = fraction;
    this.lastDigit = last;
    this.mantissa = m;
    this.exponent = c === 0x65 || c === 0x45;
    if (this.exponent) {
      c = s.charCodeAt(++i);
      if (c === 0x2b || c === 0x2d) c = s.charCodeAt(++i);
      if (!isDigit(c)) return false;
      while (isDigit(c)) c = s.charCodeAt(++i);
    }
    this.end = i;
    return true;
  }

  /**
   * The magnitude of a decimal without an exponent, when one division gives it exactly rounded (every
   * digit in an exact integer, 10^k exact: the quotient is correctly rounded, as `Number(token)` is);
   * undefined otherwise.
   */
  exactMagnitude(): number | undefined {
    if (this.exponent || this.mantissa > MAX_EXACT || this.fractionDigits >= POWERS_OF_TEN.length) return undefined;
    return this.mantissa / POWERS_OF_TEN[this.fractionDigits]!;
  }
}
