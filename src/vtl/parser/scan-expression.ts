/**
 * Finds where a reference (`$a.b($c)[0]`) or a directive's argument list ends, following Velocity 1.7's
 * lexer, and records the literals inside it.
 *
 * velocityjs parses each construct afterwards, but its lexer differs from 1.7's on literals (`""` inside
 * a string is an escaped quote in 1.7, `1e3` and `.5` are numbers, `5-2` is two numbers), so every
 * literal is recorded here with its 1.7 value and replaced by a placeholder before velocityjs sees it.
 */
import { JavaDouble, integerFromDigits } from '../../java/numbers.js';
import type { Value } from '../../java/values.js';
import { VtlSyntaxError } from '../errors.js';
import type { LineIndex } from './source.js';

/** A literal in the source: replaced by a placeholder before velocityjs parses the construct. */
export interface LiteralSpan {
  start: number;
  end: number;
  /**
   * A string or number; a list or map literal (velocityjs rejects them as operands, `1 && []`); or a
   * reference used as a map key (velocityjs only accepts strings there). The last three are parsed on
   * their own and stand in as one placeholder.
   */
  kind: 'string' | 'number' | 'list' | 'map' | 'key-reference';
  /** True when the literal is a map key (followed by `:`). */
  isKey: boolean;
  /** The Java value (strings: the raw text between the quotes, `""` already collapsed). */
  value: Value;
  /** Double-quoted strings are templates themselves (interpolated). */
  interpolate: boolean;
}

/** A top-level token of a directive's arguments, used to validate `#name(...)` argument lists. */
export interface ArgumentToken {
  kind: 'reference' | 'string' | 'number' | 'word' | 'list' | 'map' | 'group' | 'comma' | 'operator';
  start: number;
  end: number;
  text: string;
}

/** The closing bracket is missing before the end of the template. */
export class UnclosedError extends VtlSyntaxError {}

const FLOAT = /^-?(?:\d+\.\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+)/;
const INTEGER = /^-?\d+/;
const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '..', '<', '>', '=', '+', '-', '*', '/', '%', '!', ':'];

function isAlpha(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

function isIdentifierStart(c: string | undefined): boolean {
  return isAlpha(c) || c === '_';
}

function isIdentifierChar(c: string | undefined): boolean {
  return isIdentifierStart(c) || (c !== undefined && c >= '0' && c <= '9') || c === '-';
}

function isWordChar(c: string | undefined): boolean {
  return isAlpha(c) || c === '_' || c === '@' || (c !== undefined && c >= '0' && c <= '9');
}

export class ExpressionScanner {
  readonly literals: LiteralSpan[] = [];
  /** Whether the last reference scanned ends in `.name` outside braces (1.7's REFMODIFIER state). */
  endsInProperty = false;
  /** Whether it ends in a method call's `)` or an index's `]` outside braces (1.7 stays in REFERENCE state). */
  endsInCallOrIndex = false;


  constructor(
    private readonly src: string,
    private readonly lines: LineIndex,
  ) {}

  private error(message: string, offset: number): VtlSyntaxError {
    return new VtlSyntaxError(message, this.lines.position(offset));
  }

  private followedByColon(i: number): boolean {
    const s = this.src;
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
    return s[i] === ':';
  }

  /**
   * The end of the reference starting at `start` (a `$`), or null when the `$` starts no reference
   * (it is then plain text).
   */
  scanReference(start: number): number | null {
    const s = this.src;
    let i = start + 1;
    if (s[i] === '!') i++;
    const braced = s[i] === '{';
    if (braced) i++;
    if (!isIdentifierStart(s[i])) return null;
    while (isIdentifierChar(s[i])) i++;
    let endsInProperty = false;
    let endsInCallOrIndex = false;
    for (;;) {
      if (s[i] === '[') {
        i = this.scanIndex(i);
        endsInProperty = false;
        endsInCallOrIndex = true;
      } else if (s[i] === '.' && isAlpha(s[i + 1])) {
        let j = i + 1;
        while (isIdentifierChar(s[j])) j++;
        endsInProperty = s[j] !== '(';
        endsInCallOrIndex = false;
        if (s[j] === '(') {
          if (j + 1 >= s.length) {
            // `$a.b(` at the very end: 1.7 reads `$a.b` and prints the `(` as text.
            i = j;
            break;
          }
          const group = this.scanGroup(j + 1, ')');
          if (group.tokens.length === 0 && group.end - j > 2) {
            throw this.error(`blanks between the parentheses of ${s.slice(start, j)}() are not allowed in Velocity 1.7`, j);
          }
          j = group.end;
          endsInCallOrIndex = true;
        }
        i = j;
      } else {
        break;
      }
    }
    if (braced) {
      if (s[i] !== '}') throw this.error(`missing '}' to close the reference ${s.slice(start, i)}`, start);
      i++;
    }
    this.endsInProperty = endsInProperty && !braced;
    this.endsInCallOrIndex = endsInCallOrIndex && !braced;
    return i;
  }

  /** `[index]` after a reference: a string, integer, boolean or reference. */
  private scanIndex(open: number): number {
    const s = this.src;
    let i = open + 1;
    i = this.skipSpace(i);
    const c = s[i];
    if (c === '"' || c === "'") i = this.scanString(i);
    else if (c === '$') {
      const end = this.scanReference(i);
      if (end === null) throw this.error(`invalid index after ${'reference'}`, i);
      i = end;
    } else if (c !== undefined && ((c >= '0' && c <= '9') || c === '-')) {
      const m = INTEGER.exec(s.slice(i));
      if (!m) throw this.error('invalid index', i);
      this.addNumber(i, i + m[0].length, m[0]);
      i += m[0].length;
    } else if (s.startsWith('true', i) && !isWordChar(s[i + 4])) i += 4;
    else if (s.startsWith('false', i) && !isWordChar(s[i + 5])) i += 5;
    else if (i >= s.length) throw new UnclosedError("missing ']' to close an index", this.lines.position(open));
    else throw this.error(`invalid index '${s.slice(i, i + 1)}': expected a string, an integer or a reference`, i);
    i = this.skipSpace(i);
    if (s[i] !== ']') {
      if (i >= s.length) throw new UnclosedError("missing ']' to close an index", this.lines.position(open));
      throw this.error(`expected ']' to close the index, found '${s[i]}'`, i);
    }
    return i + 1;
  }

  private skipSpace(i: number): number {
    const s = this.src;
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
    return i;
  }

  /** A string literal at `start`; returns the offset after its closing quote. */
  private scanString(start: number): number {
    const s = this.src;
    const quote = s[start]!;
    let i = start + 1;
    let value = '';
    for (;;) {
      const close = s.indexOf(quote, i);
      if (close < 0) throw this.error('unterminated string literal', start);
      value += s.slice(i, close);
      if (s[close + 1] === quote) {
        // Velocity 1.7 escapes a quote by doubling it.
        value += quote;
        i = close + 2;
        continue;
      }
      i = close + 1;
      break;
    }
    this.literals.push({
      start,
      end: i,
      kind: 'string',
      isKey: this.followedByColon(i),
      value,
      interpolate: quote === '"',
    });
    return i;
  }

  private addNumber(start: number, end: number, text: string): void {
    const isFloat = /[.eE]/.test(text);
    this.literals.push({
      start,
      end,
      kind: 'number',
      isKey: this.followedByColon(end),
      value: isFloat ? new JavaDouble(Number(text)) : integerFromDigits(text),
      interpolate: false,
    });
  }

  /**
   * Scans from just after an opening bracket to its closer; returns the offset after the closer and the
   * top-level tokens. Throws {@link UnclosedError} when the template ends first.
   */
  scanGroup(start: number, closer: ')' | ']' | '}'): { end: number; tokens: ArgumentToken[] } {
    const s = this.src;
    const tokens: ArgumentToken[] = [];
    let i = start;
    const push = (kind: ArgumentToken['kind'], from: number, to: number) =>
      tokens.push({ kind, start: from, end: to, text: s.slice(from, to) });
    for (;;) {
      if (i >= s.length) throw new UnclosedError(`missing '${closer}'`, this.lines.position(start - 1));
      const c = s[i]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        i++;
        continue;
      }
      if (c === closer) return { end: i + 1, tokens };
      switch (c) {
        case '(': {
          const g = this.scanGroup(i + 1, ')');
          push('group', i, g.end);
          i = g.end;
          continue;
        }
        case '[':
        case '{': {
          const kind = c === '[' ? 'list' : 'map';
          const mark = this.literals.length;
          const g = this.scanGroup(i + 1, c === '[' ? ']' : '}');
          this.literals.splice(mark, 0, { start: i, end: g.end, kind, isKey: this.followedByColon(g.end), value: null, interpolate: false });
          push(kind, i, g.end);
          i = g.end;
          continue;
        }
        case ')':
        case ']':
        case '}':
          throw this.error(`unexpected '${c}'`, i);
        case '"':
        case "'": {
          const end = this.scanString(i);
          push('string', i, end);
          i = end;
          continue;
        }
        case ',':
          push('comma', i, i + 1);
          i++;
          continue;
        case '$': {
          const end = this.scanReference(i);
          if (end === null) throw this.error("'$' must start a reference here", i);
          if (this.followedByColon(end)) {
            this.literals.push({ start: i, end, kind: 'key-reference', isKey: true, value: null, interpolate: false });
          }
          push('reference', i, end);
          i = end;
          continue;
        }
      }
      const rest = s.slice(i, i + 64);
      const numberMatch = /^\d+\.\./.test(rest) || /^-\d+\.\./.test(rest) ? INTEGER.exec(rest) : (FLOAT.exec(rest) ?? INTEGER.exec(rest));
      if (numberMatch && (c !== '-' || /^-\.?\d/.test(rest))) {
        const end = i + numberMatch[0].length;
        this.addNumber(i, end, numberMatch[0]);
        push('number', i, end);
        i = end;
        continue;
      }
      if (isWordChar(c) && !(c >= '0' && c <= '9')) {
        let j = i + 1;
        while (isWordChar(s[j])) j++;
        push('word', i, j);
        i = j;
        continue;
      }
      const op = OPERATORS.find((o) => s.startsWith(o, i));
      if (op) {
        push('operator', i, i + op.length);
        i += op.length;
        continue;
      }
      throw this.error(`unexpected character '${c}'`, i);
    }
  }
}
