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
import { DEFAULT_CHUNK_SIZE, MAX_NESTING, nestingError } from './limits.js';
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
  kind: 'string' | 'number' | 'list' | 'map' | 'key-reference' | 'long-reference';
  /** True when the literal is a map key (followed by `:`). */
  isKey: boolean;
  /** The Java value (strings: the raw text between the quotes, `""` already collapsed). */
  value: Value;
  /** Double-quoted strings are templates themselves (interpolated). */
  interpolate: boolean;
  /**
   * Strings: the nesting level they sit at (see limits.ts), which an interpolated string's body starts
   * from.
   */
  depth?: number;
  /** Lists and maps: the offsets of their top-level commas (where a long one is cut into chunks). */
  commas?: number[];
  /** References (key and long ones): their steps (where a long chain is cut into chunks). */
  steps?: StepSpan[];
}

/**
 * One `.name`, `.name(args)` or `[index]` step of a reference. A reference with more steps, or a method
 * with more arguments, than fit one velocityjs parse is parsed in chunks cut at these offsets.
 */
export interface StepSpan {
  start: number;
  end: number;
  /** Method calls: the offset of `(` and of the top-level commas between the arguments. */
  open?: number;
  commas?: number[];
}

/** A bracket being scanned, for the nesting limit: its operators deepen everything inside it. */
interface Group {
  parent: Group | null;
  open: number;
  ops: number;
  /** The nesting level of what is directly inside (final once the whole construct is scanned). */
  level: number;
}

/** Operators written as words (velocityjs and Velocity 1.7 read them as `&&`, `==`, …). */
const WORD_OPERATORS = new Set(['and', 'or', 'not', 'eq', 'ne', 'lt', 'gt', 'le', 'ge']);

/** A top-level token of a directive's arguments, used to validate `#name(...)` argument lists. */
export interface ArgumentToken {
  kind: 'reference' | 'string' | 'number' | 'word' | 'list' | 'map' | 'group' | 'comma' | 'operator';
  start: number;
  end: number;
  text: string;
}

/** The closing bracket is missing before the end of the template. */
export class UnclosedError extends VtlSyntaxError {}

const INTEGER = /^-?\d+/;
// Anchored at an offset of the whole source: a number is read to its last digit however long it is.
const FLOAT_AT = /-?(?:\d+\.\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+)/y;
const INTEGER_AT = /-?\d+/y;
const RANGE_BOUND_AT = /-?\d+\.\./y;

function matchAt(re: RegExp, s: string, i: number): string | null {
  re.lastIndex = i;
  return re.exec(s)?.[0] ?? null;
}
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
  /** The steps of the last reference scanned. */
  lastSteps: StepSpan[] = [];

  private current: Group | null = null;
  private groups: Group[] = [];
  private strings: Array<[LiteralSpan, Group | null]> = [];

  /**
   * `depth`: the nesting level the construct starts at (the blocks around it); `chunkSize`: references
   * longer than that inside an expression are parsed on their own, in chunks.
   */
  constructor(
    private readonly src: string,
    private readonly lines: LineIndex,
    private readonly depth = 0,
    private readonly chunkSize = DEFAULT_CHUNK_SIZE,
  ) {}

  private enterGroup(open: number): Group {
    const g: Group = { parent: this.current, open, ops: 0, level: (this.current?.level ?? this.depth) + 1 };
    if (g.level > MAX_NESTING) throw nestingError(`'${this.src[open]}'`, this.lines.position(open));
    this.groups.push(g);
    this.current = g;
    return g;
  }

  private operator(at: number): void {
    const g = this.current;
    if (!g) return;
    g.ops++;
    g.level++;
    if (g.level > MAX_NESTING) throw nestingError('this expression', this.lines.position(at));
  }

  /**
   * Operators after a bracket deepen it too (`[[…]] + 1 + 1`), so the levels are only final once the
   * whole construct is scanned. Groups are listed outermost first.
   */
  private finish(): void {
    for (const g of this.groups) {
      g.level = (g.parent?.level ?? this.depth) + 1 + g.ops;
      if (g.level > MAX_NESTING) throw nestingError(`'${this.src[g.open]}'`, this.lines.position(g.open));
    }
    for (const [lit, g] of this.strings) lit.depth = g?.level ?? this.depth;
    this.groups = [];
    this.strings = [];
  }

  private isLong(steps: StepSpan[]): boolean {
    return steps.length > this.chunkSize || steps.some((s) => s.commas !== undefined && s.commas.length >= this.chunkSize);
  }

  /** A reference inside an expression: long ones become literals, parsed on their own. */
  private nestedReference(start: number): number | null {
    const end = this.reference(start);
    if (end === null) return null;
    const steps = this.lastSteps;
    if (this.followedByColon(end)) {
      this.literals.push({ start, end, kind: 'key-reference', isKey: true, value: null, interpolate: false, steps });
    } else if (this.isLong(steps)) {
      this.literals.push({ start, end, kind: 'long-reference', isKey: false, value: null, interpolate: false, steps });
    }
    return end;
  }

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
    const end = this.reference(start);
    this.finish();
    return end;
  }

  private reference(start: number): number | null {
    const s = this.src;
    let i = start + 1;
    if (s[i] === '!') i++;
    const braced = s[i] === '{';
    if (braced) i++;
    if (!isIdentifierStart(s[i])) return null;
    while (isIdentifierChar(s[i])) i++;
    let endsInProperty = false;
    let endsInCallOrIndex = false;
    const steps: StepSpan[] = [];
    for (;;) {
      if (s[i] === '[') {
        const stepStart = i;
        i = this.scanIndex(i);
        steps.push({ start: stepStart, end: i });
        endsInProperty = false;
        endsInCallOrIndex = true;
      } else if (s[i] === '.' && isAlpha(s[i + 1])) {
        const step: StepSpan = { start: i, end: i };
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
          const group = this.group(j + 1, ')');
          if (group.tokens.length === 0 && group.end - j > 2) {
            throw this.error(`blanks between the parentheses of ${s.slice(start, j)}() are not allowed in Velocity 1.7`, j);
          }
          step.open = j;
          step.commas = commasOf(group.tokens);
          j = group.end;
          endsInCallOrIndex = true;
        }
        i = j;
        step.end = j;
        steps.push(step);
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
    this.lastSteps = steps;
    return i;
  }

  /** `[index]` after a reference: a string, integer, boolean or reference. */
  private scanIndex(open: number): number {
    const group = this.enterGroup(open);
    const end = this.index(open);
    this.current = group.parent;
    return end;
  }

  private index(open: number): number {
    const s = this.src;
    let i = open + 1;
    i = this.skipSpace(i);
    const c = s[i];
    if (c === '"' || c === "'") i = this.scanString(i);
    else if (c === '$') {
      const end = this.nestedReference(i);
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
    const literal: LiteralSpan = {
      start,
      end: i,
      kind: 'string',
      isKey: this.followedByColon(i),
      value,
      interpolate: quote === '"',
    };
    this.literals.push(literal);
    this.strings.push([literal, this.current]);
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
    const result = this.group(start, closer);
    this.finish();
    return result;
  }

  private group(start: number, closer: ')' | ']' | '}'): { end: number; tokens: ArgumentToken[] } {
    const group = this.enterGroup(start - 1);
    const result = this.groupBody(start, closer);
    this.current = group.parent;
    return result;
  }

  private groupBody(start: number, closer: ')' | ']' | '}'): { end: number; tokens: ArgumentToken[] } {
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
          const g = this.group(i + 1, ')');
          push('group', i, g.end);
          i = g.end;
          continue;
        }
        case '[':
        case '{': {
          const kind = c === '[' ? 'list' : 'map';
          const mark = this.literals.length;
          const g = this.group(i + 1, c === '[' ? ']' : '}');
          const commas = commasOf(g.tokens);
          this.literals.splice(mark, 0, { start: i, end: g.end, kind, isKey: this.followedByColon(g.end), value: null, interpolate: false, commas });
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
          const end = this.nestedReference(i);
          if (end === null) throw this.error("'$' must start a reference here", i);
          push('reference', i, end);
          i = end;
          continue;
        }
      }
      const number = matchAt(RANGE_BOUND_AT, s, i) !== null ? matchAt(INTEGER_AT, s, i) : (matchAt(FLOAT_AT, s, i) ?? matchAt(INTEGER_AT, s, i));
      if (number !== null && (c !== '-' || /^-\.?\d/.test(s.slice(i, i + 3)))) {
        const end = i + number.length;
        this.addNumber(i, end, number);
        push('number', i, end);
        i = end;
        continue;
      }
      if (isWordChar(c) && !(c >= '0' && c <= '9')) {
        let j = i + 1;
        while (isWordChar(s[j])) j++;
        if (WORD_OPERATORS.has(s.slice(i, j))) this.operator(i);
        push('word', i, j);
        i = j;
        continue;
      }
      const op = OPERATORS.find((o) => s.startsWith(o, i));
      if (op) {
        if (op !== ':' && op !== '=') this.operator(i);
        push('operator', i, i + op.length);
        i += op.length;
        continue;
      }
      throw this.error(`unexpected character '${c}'`, i);
    }
  }
}

function commasOf(tokens: ArgumentToken[]): number[] {
  const commas: number[] = [];
  for (const t of tokens) if (t.kind === 'comma') commas.push(t.start);
  return commas;
}
