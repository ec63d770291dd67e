/**
 * ECMA 262 regular expressions (`pattern`, `patternProperties`, `format: regex`) as fge runs them: its
 * script engine evaluates `new RegExp(re).test(input)`, an unanchored search, no flags, with the ES5
 * dialect of Rhino and Nashorn (no look-behind, no named groups).
 *
 * Matching never runs on native RegExp, which backtracks without limit (`(a+)+$` against a long string
 * would hang the process). The pattern is translated to the equivalent `java.util.regex` syntax and runs
 * on the project's own backtracking engine, which charges every step to the request's Meter. The
 * translation keeps ECMA's meaning where the two dialects differ: `$` is the very end, `.` excludes only
 * the four line terminators, `\s` is the Unicode space set, `\b` is ASCII-word based, `[^]` is any
 * character, `[]` is nothing, Annex B identity and octal escapes are literal characters, and `[`, `&&`
 * inside a class are plain characters. Native RegExp is used only to check the syntax (compiling runs no
 * input), which is what "is this a valid ECMA 262 regex" means.
 *
 * Known differences left: a back-reference to a group that has not matched (`\1(a)`) matches the empty
 * string in ECMA but fails in Java, and `.` or a class sees a surrogate pair as one character in Java
 * and as two in ECMA (without the `u` flag).
 */
import { TextKeyedCache } from '../../../bounded-cache.js';
import type { Meter } from '../../../java/meter.js';
import { compileJavaPattern, type JavaPattern } from '../../../java/regex/index.js';

const ECMA_SPACE = '\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF';
const WORD = '[A-Za-z0-9_]';
const WORD_BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
const NOT_WORD_BOUNDARY = `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;

/** ES2018 group syntax, which the ES5 engines fge runs on reject. */
const MODERN_GROUP = /\(\?<|\\k</;

/** Whether fge would accept `source` as a regex (`RegexECMA262Helper.regexIsValid`). */
export function ecmaRegexIsValid(source: string): boolean {
  try {
    new RegExp(source);
  } catch {
    return false;
  }
  return !MODERN_GROUP.test(stripClassesAndEscapes(source));
}

/** The pattern with escapes and character classes blanked, so syntax checks see only the structure. */
function stripClassesAndEscapes(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      // Keep `\k` visible (a named back-reference) but nothing else escaped.
      out += source[i + 1] === 'k' ? '\\k' : '__';
      i++;
    } else if (c === '[') {
      const end = classEnd(source, i);
      out += '_'.repeat(end - i);
      i = end - 1;
    } else out += c;
  }
  return out;
}

/** The index just after the class starting at `start` (ECMA: a `]` right after `[` or `[^` closes it). */
function classEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  for (; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return source.length;
}

function literal(code: number): string {
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isHex(s: string): boolean {
  return /^[0-9a-fA-F]+$/.test(s);
}

function countGroups(source: string): number {
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i) - 1;
    else if (c === '(' && source[i + 1] !== '?') n++;
  }
  return n;
}

/** A legacy octal escape (Annex B): up to three octal digits, at most 0o377. */
function octal(source: string, at: number): [string, number] {
  let digits = '';
  while (digits.length < 3 && /[0-7]/.test(source[at + digits.length] ?? '')) {
    if (Number.parseInt(digits + source[at + digits.length], 8) > 0o377) break;
    digits += source[at + digits.length];
  }
  return [literal(Number.parseInt(digits, 8)), digits.length];
}

/** An escape shared by both contexts; undefined when the context decides. Returns [java, length]. */
function commonEscape(source: string, i: number, inClass: boolean): [string, number] | undefined {
  const e = source[i + 1]!;
  switch (e) {
    case 't':
    case 'n':
    case 'r':
    case 'f':
    case 'd':
    case 'D':
    case 'w':
    case 'W':
      return [`\\${e}`, 2];
    case 'v':
      return [literal(0x0b), 2];
    case 'c': {
      const x = source[i + 2] ?? '';
      // `\cX` is X mod 32 (Java's `\cX` is X xor 64: they differ for lower case); in a class Annex B
      // also takes digits and `_`.
      if (/[A-Za-z]/.test(x) || (inClass && /[0-9_]/.test(x))) return [literal(x.charCodeAt(0) % 32), 3];
      return ['\\\\', 1];
    }
    case 'x': {
      const hex = source.slice(i + 2, i + 4);
      return hex.length === 2 && isHex(hex) ? [literal(Number.parseInt(hex, 16)), 4] : ['x', 2];
    }
    case 'u': {
      const hex = source.slice(i + 2, i + 6);
      return hex.length === 4 && isHex(hex) ? [literal(Number.parseInt(hex, 16)), 6] : ['u', 2];
    }
    case '0':
      if (!/[0-9]/.test(source[i + 2] ?? '')) return [literal(0), 2];
      return undefined;
    default:
      return undefined;
  }
}

/** An identity escape: a letter or digit stands for itself; anything else is escaped for Java. */
function identity(c: string): string {
  return /[A-Za-z0-9]/.test(c) ? c : `\\${c}`;
}

function escapeOutside(source: string, i: number, groups: number): [string, number] {
  const common = commonEscape(source, i, false);
  if (common) return common;
  const e = source[i + 1]!;
  if (e === 'b') return [WORD_BOUNDARY, 2];
  if (e === 'B') return [NOT_WORD_BOUNDARY, 2];
  if (e === 's') return [`[${ECMA_SPACE}]`, 2];
  if (e === 'S') return [`[^${ECMA_SPACE}]`, 2];
  if (/[0-9]/.test(e)) {
    const digits = /^[0-9]+/.exec(source.slice(i + 1))![0];
    const n = Number(digits);
    // A back-reference when the group exists; otherwise Annex B reads an octal escape (or 8, 9 literally).
    if (e !== '0' && n <= groups) return [`(?:\\${n})`, 1 + digits.length];
    if (e === '8' || e === '9') return [e, 2];
    const [text, length] = octal(source, i + 1);
    return [text, 1 + length];
  }
  return [identity(e), 2];
}

function escapeInClass(source: string, i: number): [string, number, boolean] {
  const common = commonEscape(source, i, true);
  const e = source[i + 1]!;
  if (common) return [common[0], common[1], 'dDwW'.includes(e) && common[1] === 2];
  if (e === 'b') return [literal(8), 2, false];
  if (e === 's') return [ECMA_SPACE, 2, true];
  if (e === 'S') return [`[^${ECMA_SPACE}]`, 2, true];
  if (e === '8' || e === '9') return [e, 2, false];
  if (/[0-7]/.test(e)) {
    const [text, length] = octal(source, i + 1);
    return [text, 1 + length, false];
  }
  return [e === '-' ? '\\-' : identity(e), 2, false];
}

function isClassEscapeAt(source: string, i: number): boolean {
  return source[i] === '\\' && 'dDwWsS'.includes(source[i + 1] ?? '');
}

function charClass(source: string, start: number): [string, number] {
  let i = start + 1;
  const negated = source[i] === '^';
  if (negated) i++;
  let body = '';
  let previousWasClassEscape = false;
  while (i < source.length && source[i] !== ']') {
    const c = source[i]!;
    if (c === '\\') {
      const [text, length, classEscape] = escapeInClass(source, i);
      body += text;
      i += length;
      previousWasClassEscape = classEscape;
      continue;
    }
    if (c === '-' && (previousWasClassEscape || isClassEscapeAt(source, i + 1))) body += '\\-';
    else if (c === '[' || c === '&' || c === '^') body += `\\${c}`;
    else body += c;
    previousWasClassEscape = false;
    i++;
  }
  const length = i + 1 - start;
  if (body === '') return [negated ? '[\\s\\S]' : '(?!)', length];
  return [`[${negated ? '^' : ''}${body}]`, length];
}

/** The `java.util.regex` pattern with the meaning of the ECMA 262 `source` (valid per {@link ecmaRegexIsValid}). */
export function ecmaToJava(source: string): string {
  const groups = countGroups(source);
  let out = '';
  let i = 0;
  let quantifiable = false;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      const [text, length] = escapeOutside(source, i, groups);
      out += text;
      i += length;
      quantifiable = true;
    } else if (c === '[') {
      const [text, length] = charClass(source, i);
      out += text;
      i += length;
      quantifiable = true;
    } else if (c === '.') {
      out += '[^\\n\\r\\u2028\\u2029]';
      i++;
      quantifiable = true;
    } else if (c === '$') {
      out += '\\z';
      i++;
      quantifiable = false;
    } else if (c === '{') {
      const quantifier = /^\{\d+(?:,\d*)?\}/.exec(source.slice(i))?.[0];
      if (quantifiable && quantifier) {
        out += quantifier;
        i += quantifier.length;
        quantifiable = false;
      } else {
        out += '\\{';
        i++;
        quantifiable = true;
      }
    } else if (c === '}' || c === ']') {
      out += `\\${c}`;
      i++;
      quantifiable = true;
    } else if (c === '(') {
      const prefix = /^\(\?[:=!]/.exec(source.slice(i))?.[0] ?? '(';
      out += prefix;
      i += prefix.length;
      quantifiable = false;
    } else if (c === '|' || c === '^' || c === '*' || c === '+' || c === '?') {
      out += c;
      i++;
      quantifiable = false;
    } else {
      // `)` and plain characters (including a surrogate pair's halves, copied one by one).
      out += c;
      i++;
      quantifiable = true;
    }
  }
  return out;
}

/** A compiled ECMA pattern: `new RegExp(source).test(input)`, metered. */
export interface EcmaPattern {
  readonly source: string;
  test(input: string, meter: Meter): boolean;
}

/** Compiled patterns, bounded; owned by the API's {@link ModelValidators}. Invalid ones are remembered as null. */
export class EcmaPatterns {
  private readonly cache = new TextKeyedCache<EcmaPattern | null>(512, 512 * 1024);

  /** The pattern, or null when it is not valid ECMA 262 (or has no Java equivalent). */
  get(source: string): EcmaPattern | null {
    const hit = this.cache.lookup(source);
    if (hit !== undefined) return hit;
    const compiled = compileEcma(source);
    this.cache.store(source, compiled);
    return compiled;
  }
}

function compileEcma(source: string): EcmaPattern | null {
  if (!ecmaRegexIsValid(source)) return null;
  let java: JavaPattern;
  try {
    java = compileJavaPattern(ecmaToJava(source));
  } catch {
    return null;
  }
  return { source, test: (input, meter) => java.find(input, meter) };
}
