/** json-smart's number classes, its error type and our nesting limit for bodies. */
import { JavaException } from './exceptions.js';
import { JavaDouble, integerFromDigits, parseBigDecimal } from './numbers.js';
import type { Value } from './values.js';

export class JsonParseError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'JsonParseError';
  }
}

/** Bodies nested deeper than this are rejected instead of exhausting the stack. */
export const MAX_DEPTH = 2000;

/**
 * Thrown by the parsers when a body makes more objects and arrays than the caller allowed: the render's
 * meter decides the allowance from what it has left, so one parse cannot run far past the budget.
 */
export class ContainerLimit extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} objects and arrays`);
    this.name = 'ContainerLimit';
  }
}

/**
 * A body nested deeper than {@link MAX_DEPTH}: our limit, not json-smart's (it recurses until the stack
 * overflows), so it is reported as a limit and never as invalid JSON.
 */
export class JsonDepthLimit extends Error {
  constructor() {
    super(`JSON nested more than ${MAX_DEPTH} levels deep`);
    this.name = 'JsonDepthLimit';
  }
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * An integer token as json-smart's `parseNumber` types it: Integer, Long or BigInteger by value. The token
 * is `-` or `-?digits` (leading zeros allowed): a lone `-` reads as 0.
 */
export function jsonInteger(token: string): Value {
  return token === '-' ? 0 : integerFromDigits(token);
}

/**
 * A decimal token (`.` or exponent) as json-smart's `extractFloat` reads it: a Double up to 18 characters,
 * a BigDecimal beyond. The reader lets through shapes Java's parsers refuse (`-.`, `-e5`, `1e+`): they
 * throw NumberFormatException, which is not a ParseException, so API Gateway does not answer 400 for it.
 */
export function jsonDecimal(token: string): Value {
  if (!decimalParses(token)) {
    // Double.parseDouble names the input; the BigDecimal constructor gives no message.
    throw new JavaException('java.lang.NumberFormatException', token.length > 18 ? '' : `For input string: "${token}"`);
  }
  return token.length > 18 ? parseBigDecimal(token) : new JavaDouble(Number(token));
}

/** Whether a token of the reader's decimal shape has a digit before any exponent and one after it. */
function decimalParses(token: string): boolean {
  let mantissaDigits = false;
  let i = token.charCodeAt(0) === 0x2d ? 1 : 0;
  for (; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (isDigit(c)) mantissaDigits = true;
    else if (c !== 0x2e) break;
  }
  if (!mantissaDigits) return false;
  if (i === token.length) return true;
  i++; // e or E
  const sign = token.charCodeAt(i);
  if (sign === 0x2b || sign === 0x2d) i++;
  return i < token.length;
}
