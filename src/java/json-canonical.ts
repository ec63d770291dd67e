/**
 * json-smart's compact JSON of a whole body — `$input.json('$')`, the heart of every pass-through
 * template — without building Java values: the body goes through the engine's native `JSON.parse` and
 * `JSON.stringify`, and the few places where their output can differ from json-smart's are either
 * repaired (`/` → `\/`; U+007F–U+009F and U+2000–U+20FF as `\uXXXX`) or ruled out by one scan of the
 * text first, in which case this gives undefined and the caller parses the body the Java way:
 *
 * - number spellings whose Java class prints differently: decimals that are integral (`1.0`, `1e3`) or
 *   outside 10^-3..10^7 (Java switches to `1.0E-4` style), or longer than 18 characters (BigDecimal), and
 *   integers of 16 digits or more (Long/BigInteger precision);
 * - nesting deeper than the parsers accept (their error is a limit, which this must not skip);
 * - keys of digits only (JavaScript objects put array-index keys first; a LinkedHashMap keeps order);
 * - escapes of control characters with hex letters (`\u001f`: JSON.stringify writes lower case),
 *   escaped surrogates and raw lone ones (written differently), and raw DEL (json-smart drops it from
 *   strings that contain escapes).
 *
 * Repeated keys need no check: `JSON.parse` keeps the first position and the last value, like json-smart.
 */
import { MAX_DEPTH, isDigit } from './json-scalars.js';
import { NOT_COMPACT, REPEATED_KEYS, compactJson } from './json-compact.js';

const JAVA_ESCAPED = /[\u007f-\u009f\u2000-\u20ff]/g;

function isHexLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** A number token (from `i`) prints alike in Java and JavaScript; returns the index after it, or -1. */
function numberAlike(s: string, i: number): number {
  let j = i;
  let decimal = false;
  for (;;) {
    const c = s.charCodeAt(j);
    if (isDigit(c) || c === 0x2d || c === 0x2b) j++;
    else if (c === 0x2e || c === 0x65 || c === 0x45) {
      decimal = true;
      j++;
    } else break;
  }
  if (!decimal) return j - i - (s.charCodeAt(i) === 0x2d ? 1 : 0) >= 16 ? -1 : j;
  if (j - i > 18) return -1;
  const d = Math.abs(Number(s.slice(i, j)));
  return Number.isInteger(d) || d < 1e-3 || d >= 1e7 ? -1 : j;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Raw DEL or a lone surrogate anywhere (`isWellFormed` is native in Node 20; the regex is its fallback). */
function rawRuledOut(s: string): boolean {
  if (s.indexOf('\u007f') >= 0) return true;
  const wellFormed = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return wellFormed ? !wellFormed.call(s) : LONE_SURROGATE.test(s);
}

/** A quoted key's text, or undefined when it is not a valid JSON string. */
function decodedKey(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

/** The string starting at the quote `q`: the index of its closing quote, or -1 when an escape rules it out. */
function stringEnd(s: string, q: number, backslash: number): number {
  let close = s.indexOf('"', q + 1);
  if (close < 0) return -1;
  if (backslash < 0 || backslash > close) return close;
  // With escapes: walk them (the closing quote is the first one no escape consumes).
  let j = backslash;
  for (;;) {
    if (j > close || j < 0) return close;
    if (s.charCodeAt(j + 1) === 0x75) {
      const h0 = s.charCodeAt(j + 2);
      const h1 = s.charCodeAt(j + 3);
      if (h0 === 0x30 && h1 === 0x30 && (s.charCodeAt(j + 4) === 0x30 || s.charCodeAt(j + 4) === 0x31) && isHexLetter(s.charCodeAt(j + 5))) return -1;
      if ((h0 === 0x64 || h0 === 0x44) && (h1 === 0x38 || h1 === 0x39 || isHexLetter(h1))) return -1;
      j += 6;
    } else {
      if (j + 1 === close) close = s.indexOf('"', close + 1);
      if (close < 0) return -1;
      j += 2;
    }
    j = s.indexOf('\\', j);
  }
}

/**
 * One pass over the text, jumping from quote to quote: false when the native round trip could print
 * something json-smart would not.
 */
function printsAlike(s: string): boolean {
  if (rawRuledOut(s)) return false;
  const n = s.length;
  let i = 0;
  let depth = 0;
  let backslash = s.indexOf('\\');
  for (;;) {
    const q = s.indexOf('"', i);
    const segmentEnd = q < 0 ? n : q;
    // Between strings: structure, literals and numbers.
    while (i < segmentEnd) {
      const c = s.charCodeAt(i);
      if (c === 0x2d || isDigit(c)) {
        i = numberAlike(s, i);
        if (i < 0) return false;
      } else {
        // Deeper than the parsers accept: `$input.json` must fail as `$input.path` does, not print it.
        if (c === 0x7b || c === 0x5b) {
          if (++depth > MAX_DEPTH) return false;
        } else if (c === 0x7d || c === 0x5d) depth--;
        i++;
      }
    }
    if (q < 0) return true;
    if (backslash >= 0 && backslash < q) backslash = s.indexOf('\\', q);
    const close = stringEnd(s, q, backslash);
    if (close < 0) return false;
    // A key of digits only (also when spelled with escapes, `"\u0031"`): JavaScript would move it to the
    // front of its object.
    const first = s.charCodeAt(q + 1);
    if (close > q + 1 && (isDigit(first) || first === 0x5c)) {
      let k = close + 1;
      while (s.charCodeAt(k) === 0x20 || s.charCodeAt(k) === 0x0a || s.charCodeAt(k) === 0x0d || s.charCodeAt(k) === 0x09) k++;
      if (s.charCodeAt(k) === 0x3a) {
        const raw = s.slice(q + 1, close);
        const key = first === 0x5c || raw.includes('\\') ? decodedKey(s.slice(q, close + 1)) : raw;
        if (key === undefined || /^\d+$/.test(key)) return false;
      }
    }
    i = close + 1;
  }
}

/**
 * json-smart's JSON of the body, or undefined when the body must be parsed to know it. The one-pass
 * writer (json-compact.ts) answers for nearly every body; a body that repeats a key in an object goes
 * through the engine's parser, which keeps the first position and the last value as json-smart does.
 */
export function canonicalJson(text: string): string | undefined {
  const compact = compactJson(text);
  if (compact === NOT_COMPACT) return undefined;
  if (compact !== REPEATED_KEYS) return compact;
  return canonicalJsonNative(text);
}

/** The same through `JSON.parse` and `JSON.stringify`, after one scan of the text rules out differences. */
function canonicalJsonNative(text: string): string | undefined {
  const first = text.trimStart().charCodeAt(0);
  if ((first !== 0x7b && first !== 0x5b) || !printsAlike(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  let out = JSON.stringify(value).replaceAll('/', '\\/');
  JAVA_ESCAPED.lastIndex = 0;
  if (JAVA_ESCAPED.test(out)) out = out.replace(JAVA_ESCAPED, (c) => '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
  return out;
}
