/** json-smart's scalar tokens (keywords and number classes), its error type and its nesting limit. */
import { JavaDouble, JavaFloat, integerFromDigits, parseBigDecimal } from './numbers.js';
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

/** 0 = not a number, 1 = integer, 2 = decimal (`.` or exponent), 3 = `1e+` style (an error in json-smart 2.2). */
function numberShape(token: string): 0 | 1 | 2 | 3 {
  let i = token.charCodeAt(0) === 0x2d ? 1 : 0;
  const digitsStart = i;
  while (i < token.length && isDigit(token.charCodeAt(i))) i++;
  if (i === digitsStart) return 0;
  if (i === token.length) return 1;
  if (token.charCodeAt(i) === 0x2e) {
    i++;
    while (i < token.length && isDigit(token.charCodeAt(i))) i++;
    if (i === token.length) return 2;
  }
  const e = token.charCodeAt(i);
  if (e !== 0x65 && e !== 0x45) return 0;
  i++;
  const sign = token.charCodeAt(i);
  if (sign === 0x2b || sign === 0x2d) i++;
  const expStart = i;
  while (i < token.length && isDigit(token.charCodeAt(i))) i++;
  if (i === expStart) return i === token.length && expStart > 0 && (sign === 0x2b || sign === 0x2d) ? 3 : 0;
  return i === token.length ? 2 : 0;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Classifies an unquoted token the way json-smart does: keyword, number, NaN, or plain text. */
export function unquotedValue(token: string, position: number): Value {
  switch (token) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'null':
      return null;
    case 'NaN':
      return new JavaFloat(NaN);
    case '-':
      return 0;
  }
  const first = token.charCodeAt(0);
  if (!isDigit(first) && first !== 0x2d) return token;
  // Number classes by the token's text (json-smart `parseNumber` / `extractFloat`).
  switch (numberShape(token)) {
    case 1:
      return integerFromDigits(token);
    case 2:
      return token.length > 18 ? parseBigDecimal(token) : new JavaDouble(Number(token));
    case 3:
      throw new JsonParseError(`Unexpected token ${token} at position ${position}.`, position);
    default:
      return token;
  }
}

