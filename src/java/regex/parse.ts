/**
 * Java pattern text → syntax tree, following `java.util.regex.Pattern` (JDK 17) where its grammar is
 * surprising: `{` where an atom is expected is an empty atom (so `x{1}{2}` compiles), a first `]` in a
 * class is literal, `[^…]` negates the whole class including nested and `&&` parts, inline flags last to
 * the end of the enclosing group, `\Q…\E` quotes inside classes too, and a back-reference reads as many
 * digits as still name an existing group. Errors carry Java's descriptions and its `near index` form.
 *
 * Flags are resolved here: every node is built with the flags in force where it stands, so the matcher
 * never consults flags.
 */
import { JavaException } from '../exceptions.js';
import { study } from './study.js';
import {
  ASCII_DIGIT,
  ASCII_SPACE,
  ASCII_WORD,
  HORIZONTAL,
  VERTICAL,
  dotPred,
  intersect,
  lookupProperty,
  negate,
  rangePred,
  singlePred,
  unicodeDigit,
  unicodeSpace,
  unicodeWord,
  asciiLower,
  asciiUpper,
  unicodeFold,
  simpleUpper,
  type Pred,
} from './classes.js';

export const enum Flag {
  I = 1, // CASE_INSENSITIVE
  M = 2, // MULTILINE
  S = 4, // DOTALL
  X = 8, // COMMENTS
  u = 16, // UNICODE_CASE
  D = 32, // UNIX_LINES
  U = 64, // UNICODE_CHARACTER_CLASS
}

/** Case handling of a literal: exact, ASCII-insensitive, or Unicode-insensitive (`(?iu)`). */
export const enum Case {
  Exact = 0,
  Ascii = 1,
  Unicode = 2,
}

export const enum AssertKind {
  Begin, // ^ (not multiline), \A
  End, // \z
  Dollar, // $ (not multiline), \Z
  DollarM, // (?m)$
  UnixDollar, // (?d)$, (?d)\Z
  UnixDollarM,
  CaretM, // (?m)^
  UnixCaretM,
  Bound, // \b
  NotBound, // \B
  UBound, // \b under (?U)
  UNotBound,
  LastMatch, // \G
}

export type Node =
  | { t: 'empty' }
  | { t: 'char'; cp: number; mode: Case }
  | { t: 'set'; pred: Pred }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; index: number; body: Node }
  | { t: 'noncap'; body: Node }
  | { t: 'repeat'; body: Node; min: number; max: number; mode: 'greedy' | 'lazy' | 'possessive'; star?: boolean }
  | { t: 'atomic'; body: Node }
  | { t: 'look'; behind: boolean; negate: boolean; body: Node; min?: number; max?: number }
  | { t: 'backref'; index: number; mode: Case }
  | { t: 'assert'; kind: AssertKind };

export interface Parsed {
  readonly root: Node;
  readonly groupCount: number;
  readonly names: ReadonlyMap<string, number>;
  /** Java's `hasSupplementary`: a search then never starts between the halves of a surrogate pair. */
  readonly hasSupplementary: boolean;
}

/** Nesting of groups and classes beyond which the parse gives up (the compiler recurses the same way). */
const MAX_NESTING = 1000;

/** Java's `Integer.MAX_VALUE` repetition bound. */
export const INFINITE = 0x7fffffff;

export function syntaxError(description: string, pattern: string, index: number): JavaException {
  let message = `${description}${index >= 0 ? ` near index ${index}` : ''}\n${pattern}`;
  if (index >= 0 && index < pattern.length) message += '\n' + ' '.repeat(index) + '^';
  return new JavaException('java.util.regex.PatternSyntaxException', message);
}

const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const isOctal = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';
const isAsciiLetter = (c: string | undefined) => c !== undefined && /^[a-zA-Z]$/.test(c);
const isDigitCh = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** What an escape stood for: a character, a set, or a zero-width/structural node. */
type Escaped = { cp: number } | { pred: Pred } | { node: Node } | { quote: string };

export function parse(pattern: string, initialFlags = 0): Parsed {
  return new Parser(pattern, initialFlags).run();
}

class Parser {
  private i = 0;
  private flags: number;
  private groups = 0;
  private readonly names = new Map<string, number>();
  private supplementary = false;
  private depth = 0;

  constructor(
    private readonly p: string,
    flags: number,
  ) {
    this.flags = flags;
  }

  run(): Parsed {
    const root = this.alternation();
    if (this.i < this.p.length) {
      // Only a stray ')' stops an alternation early.
      throw syntaxError("Unmatched closing ')'", this.p, this.i - 1);
    }
    return { root, groupCount: this.groups, names: this.names, hasSupplementary: this.supplementary };
  }

  private err(description: string, index = this.i): JavaException {
    return syntaxError(description, this.p, index);
  }

  private has(f: Flag): boolean {
    return (this.flags & f) !== 0;
  }

  private get caseMode(): Case {
    return this.has(Flag.I) ? (this.has(Flag.u) ? Case.Unicode : Case.Ascii) : Case.Exact;
  }

  private get caseFlags() {
    return { ci: this.has(Flag.I), unicodeCase: this.has(Flag.u) };
  }

  /** Skips whitespace and `#` comments under COMMENTS, as Java's `peek()` does everywhere. */
  private skipX(): void {
    if (!this.has(Flag.X)) return;
    const p = this.p;
    for (;;) {
      const c = p.charCodeAt(this.i);
      if (c === 32 || (c >= 9 && c <= 13)) {
        this.i++;
      } else if (c === 35) {
        while (this.i < p.length && !this.isLineSeparator(p.charCodeAt(this.i))) this.i++;
      } else {
        return;
      }
    }
  }

  private isLineSeparator(c: number): boolean {
    if (this.has(Flag.D)) return c === 10;
    return c === 10 || c === 13 || c === 0x85 || (c | 1) === 0x2029;
  }

  private peek(): string | undefined {
    this.skipX();
    return this.p[this.i];
  }

  private alternation(): Node {
    const alts: Node[] = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (;;) {
      const ch = this.peek();
      if (ch === undefined || ch === '|' || ch === ')') break;
      let atom: Node | null;
      switch (ch) {
        case '(':
          atom = this.group();
          if (atom === null) continue; // an inline flag group
          break;
        case '[':
          this.i++;
          atom = this.setNode(this.characterClass());
          break;
        case '\\': {
          const e = this.escape(false);
          if ('quote' in e) {
            // Java removes \Q…\E before parsing: a quantifier after it binds to the last quoted char.
            const cps = [...e.quote].map((c) => c.codePointAt(0)!);
            if (cps.length === 0) continue;
            for (let k = 0; k < cps.length - 1; k++) items.push(this.literal(cps[k]!));
            atom = this.literal(cps[cps.length - 1]!);
          } else {
            atom = this.escapedNode(e);
          }
          break;
        }
        case '^':
          this.i++;
          atom = { t: 'assert', kind: this.has(Flag.M) ? (this.has(Flag.D) ? AssertKind.UnixCaretM : AssertKind.CaretM) : AssertKind.Begin };
          break;
        case '$':
          this.i++;
          atom = { t: 'assert', kind: this.dollar(this.has(Flag.M)) };
          break;
        case '.':
          this.i++;
          atom = this.setNode(dotPred(this.has(Flag.S), this.has(Flag.D)));
          break;
        case '?':
        case '*':
        case '+':
          throw this.err(`Dangling meta character '${ch}'`);
        case '{':
          // Pattern.atom() returns an empty slice here; the closure that follows must be well-formed.
          atom = { t: 'empty' };
          break;
        default: {
          const cp = this.p.codePointAt(this.i)!;
          this.i += cp > 0xffff ? 2 : 1;
          atom = this.literal(cp);
        }
      }
      items.push(this.closure(atom));
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private dollar(multiline: boolean): AssertKind {
    if (this.has(Flag.D)) return multiline ? AssertKind.UnixDollarM : AssertKind.UnixDollar;
    return multiline ? AssertKind.DollarM : AssertKind.Dollar;
  }

  private literal(cp: number): Node {
    if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) this.supplementary = true;
    const mode = this.caseMode;
    if (mode === Case.Ascii && asciiLower(cp) === asciiUpper(cp)) return { t: 'char', cp, mode: Case.Exact };
    if (mode === Case.Unicode && simpleUpper(cp) === unicodeFold(cp) && unicodeFold(cp) === cp) return { t: 'char', cp, mode: Case.Exact };
    return { t: 'char', cp, mode };
  }

  private setNode(pred: Pred): Node {
    return { t: 'set', pred };
  }

  private escapedNode(e: Escaped): Node {
    if ('cp' in e) return this.literal(e.cp);
    if ('pred' in e) return this.setNode(e.pred);
    if ('node' in e) return e.node;
    throw new Error('unreachable');
  }

  /** `Pattern.closure`: an optional quantifier after an atom. */
  private closure(atom: Node): Node {
    const p = this.p;
    // Java strips empty \Q\E before parsing, so `a\Q\E*` quantifies the a.
    while (p.startsWith('\\Q\\E', this.i)) this.i += 4;
    const ch = this.peek();
    let min: number;
    let max: number;
    if (ch === '?' || ch === '*' || ch === '+') {
      this.i++;
      min = ch === '+' ? 1 : 0;
      max = ch === '?' ? 1 : INFINITE;
    } else if (ch === '{') {
      const open = this.i;
      if (!isDigitCh(p[this.i + 1])) throw this.err('Illegal repetition', open + 1);
      this.i++;
      min = this.number();
      max = min;
      if (this.peek() === ',') {
        this.i++;
        if (this.peek() === '}') max = INFINITE;
        else max = isDigitCh(this.peek()) ? this.number() : 0;
      }
      if (this.peek() !== '}') throw this.err('Unclosed counted closure', this.i);
      this.i++;
      if (min < 0 || max < 0 || max < min) throw this.err('Illegal repetition range', this.i - 1);
    } else {
      return atom;
    }
    let mode: 'greedy' | 'lazy' | 'possessive' = 'greedy';
    const m = this.peek();
    if (m === '?') {
      this.i++;
      mode = 'lazy';
    } else if (m === '+') {
      this.i++;
      mode = 'possessive';
    }
    return { t: 'repeat', body: atom, min, max, mode, star: ch !== '{' };
  }

  /** Decimal digits as Java's int arithmetic reads them: an overflow turns negative (a range error). */
  private number(): number {
    let n = 0;
    while (isDigitCh(this.peek())) {
      n = n * 10 + (this.p.charCodeAt(this.i) - 48);
      if (n > 0x7fffffff) throw this.err('Illegal repetition range', this.i);
      this.i++;
    }
    return n;
  }

  /** `(` … `)`; null for an inline flag group `(?i)`, whose flags last to the end of the enclosing group. */
  private group(): Node | null {
    const p = this.p;
    this.i++; // (
    // Java's parser recurses per nesting level too and would end in StackOverflowError; so do we, early.
    if (++this.depth > MAX_NESTING) throw new JavaException('java.lang.StackOverflowError', '');
    const saved = this.flags;
    let node: Node;
    if (p[this.i] !== '?') {
      const index = ++this.groups;
      node = { t: 'group', index, body: this.groupBody() };
    } else {
      this.i++;
      const c = p[this.i];
      if (c === ':') {
        this.i++;
        node = { t: 'noncap', body: this.groupBody() };
      } else if (c === '=' || c === '!') {
        this.i++;
        node = { t: 'look', behind: false, negate: c === '!', body: this.groupBody() };
      } else if (c === '>') {
        this.i++;
        node = { t: 'atomic', body: this.groupBody() };
      } else if (c === '<') {
        this.i++;
        const d = p[this.i];
        if (d === '=' || d === '!') {
          this.i++;
          const body = this.groupBody();
          const b = study(body);
          if (!b.valid) throw this.err('Look-behind group does not have an obvious maximum length', this.i - 2);
          node = { t: 'look', behind: true, negate: d === '!', body, min: b.min, max: b.max };
        } else {
          const name = this.groupName();
          if (this.names.has(name)) throw this.err(`Named capturing group <${name}> is already defined`, this.i - 1);
          const index = ++this.groups;
          this.names.set(name, index);
          node = { t: 'group', index, body: this.groupBody() };
        }
      } else if (c === '$' || c === '@') {
        throw this.err('Unknown group type', this.i);
      } else {
        this.inlineFlags();
        if (p[this.i] === ')') {
          this.i++;
          this.depth--;
          return null;
        }
        if (p[this.i] !== ':') throw this.err('Unknown inline modifier', this.i);
        this.i++;
        node = { t: 'noncap', body: this.groupBody() };
      }
    }
    this.flags = saved;
    this.depth--;
    return node;
  }

  private groupBody(): Node {
    const body = this.alternation();
    if (this.peek() !== ')') throw this.err('Unclosed group', this.p.length);
    this.i++;
    return body;
  }

  private groupName(): string {
    const p = this.p;
    const start = this.i;
    if (!isAsciiLetter(p[this.i])) throw this.err('capturing group name does not start with a Latin letter', this.i);
    while (isAsciiLetter(p[this.i]) || isDigitCh(p[this.i])) this.i++;
    if (p[this.i] !== '>') throw this.err("named capturing group is missing trailing '>'", this.i);
    const name = p.slice(start, this.i);
    this.i++;
    return name;
  }

  private inlineFlags(): void {
    const p = this.p;
    let on = true;
    for (;;) {
      const c = p[this.i];
      let bit = 0;
      switch (c) {
        case 'i': bit = Flag.I; break;
        case 'm': bit = Flag.M; break;
        case 's': bit = Flag.S; break;
        case 'x': bit = Flag.X; break;
        case 'u': bit = Flag.u; break;
        case 'd': bit = Flag.D; break;
        case 'U': bit = Flag.U | Flag.u; break;
        case '-':
          if (!on) throw this.err('Unknown inline modifier', this.i);
          on = false;
          this.i++;
          continue;
        default:
          return;
      }
      if (on) this.flags |= bit;
      else this.flags &= ~bit;
      this.i++;
    }
  }

  /** An escape outside (`inClass` false) or inside a class. */
  private escape(inClass: boolean): Escaped {
    const p = this.p;
    const start = this.i;
    this.i++; // backslash
    if (this.i >= p.length) throw this.err('Unexpected internal error', p.length);
    const ch = p[this.i]!;
    this.i++;
    const unsupported = () => this.err('Illegal/unsupported escape sequence', this.i - 1);
    const uc = this.has(Flag.U);
    switch (ch) {
      case '0': {
        if (!isOctal(p[this.i])) throw this.err('Illegal octal escape sequence', this.i);
        let v = p.charCodeAt(this.i++) - 48;
        if (isOctal(p[this.i])) {
          const two = v * 8 + (p.charCodeAt(this.i) - 48);
          this.i++;
          if (isOctal(p[this.i]) && v <= 3) {
            v = two * 8 + (p.charCodeAt(this.i) - 48);
            this.i++;
          } else {
            v = two;
          }
        }
        return { cp: v };
      }
      case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9': {
        if (inClass) throw unsupported();
        let n = ch.charCodeAt(0) - 48;
        while (isDigitCh(p[this.i])) {
          const next = n * 10 + (p.charCodeAt(this.i) - 48);
          if (next > this.groups) break;
          n = next;
          this.i++;
        }
        return { node: { t: 'backref', index: n, mode: this.caseMode } };
      }
      case 'A':
        if (inClass) throw unsupported();
        return { node: { t: 'assert', kind: AssertKind.Begin } };
      case 'b':
        if (inClass) throw unsupported();
        if (p[this.i] === '{') throw this.err('\\b{g} is not supported by apigw-vtl', start);
        return { node: { t: 'assert', kind: uc ? AssertKind.UBound : AssertKind.Bound } };
      case 'B':
        if (inClass) throw unsupported();
        return { node: { t: 'assert', kind: uc ? AssertKind.UNotBound : AssertKind.NotBound } };
      case 'G':
        if (inClass) throw unsupported();
        return { node: { t: 'assert', kind: AssertKind.LastMatch } };
      case 'Z':
        if (inClass) throw unsupported();
        return { node: { t: 'assert', kind: this.dollar(false) } };
      case 'z':
        if (inClass) throw unsupported();
        return { node: { t: 'assert', kind: AssertKind.End } };
      case 'R':
        if (inClass) throw unsupported();
        return {
          node: { t: 'alt', alts: [{ t: 'seq', items: [{ t: 'char', cp: 13, mode: Case.Exact }, { t: 'char', cp: 10, mode: Case.Exact }] }, { t: 'set', pred: VERTICAL }] },
        };
      case 'X':
      case 'N':
        if (inClass) throw unsupported();
        throw this.err(`\\${ch} is not supported by apigw-vtl`, start);
      case 'k': {
        if (inClass) throw unsupported();
        if (p[this.i] !== '<') throw this.err("\\k is not followed by '<' for named capturing group", this.i);
        this.i++;
        const name = this.groupName();
        const index = this.names.get(name);
        if (index === undefined) throw this.err(`named capturing group <${name}> does not exist`, this.i - 1);
        return { node: { t: 'backref', index, mode: this.caseMode } };
      }
      case 'd':
        return { pred: uc ? unicodeDigit() : ASCII_DIGIT };
      case 'D':
        return { pred: negate(uc ? unicodeDigit() : ASCII_DIGIT) };
      case 's':
        return { pred: uc ? unicodeSpace() : ASCII_SPACE };
      case 'S':
        return { pred: negate(uc ? unicodeSpace() : ASCII_SPACE) };
      case 'w':
        return { pred: uc ? unicodeWord() : ASCII_WORD };
      case 'W':
        return { pred: negate(uc ? unicodeWord() : ASCII_WORD) };
      case 'h':
        return { pred: HORIZONTAL };
      case 'H':
        return { pred: negate(HORIZONTAL) };
      case 'v':
        return { pred: VERTICAL };
      case 'V':
        return { pred: negate(VERTICAL) };
      case 'p':
      case 'P':
        return { pred: this.property(ch === 'P') };
      case 't': return { cp: 9 };
      case 'n': return { cp: 10 };
      case 'r': return { cp: 13 };
      case 'f': return { cp: 12 };
      case 'a': return { cp: 7 };
      case 'e': return { cp: 27 };
      case 'c':
        if (this.i >= p.length) throw this.err('Illegal control escape sequence', this.i - 1);
        return { cp: p.charCodeAt(this.i++) ^ 64 };
      case 'x':
        return { cp: this.hex() };
      case 'u':
        return { cp: this.unicodeEscape() };
      case 'Q': {
        const end = p.indexOf('\\E', this.i);
        const text = end < 0 ? p.slice(this.i) : p.slice(this.i, end);
        this.i = end < 0 ? p.length : end + 2;
        return { quote: text };
      }
      default:
        if (isAsciiLetter(ch)) throw unsupported();
        {
          this.i--;
          const cp = p.codePointAt(this.i)!;
          this.i += cp > 0xffff ? 2 : 1;
          return { cp };
        }
    }
  }

  private hex(): number {
    const p = this.p;
    if (p[this.i] === '{') {
      this.i++;
      const start = this.i;
      while (isHex(p[this.i])) this.i++;
      if (this.i === start) throw this.err('Illegal hexadecimal escape sequence', this.i - 1);
      if (p[this.i] !== '}') throw this.err('Unclosed hexadecimal escape sequence', this.i);
      const v = parseInt(p.slice(start, this.i), 16);
      this.i++;
      if (v > 0x10ffff) throw this.err('Hexadecimal codepoint is too big', this.i - 2);
      return v;
    }
    if (!isHex(p[this.i])) throw this.err('Illegal hexadecimal escape sequence', this.i);
    if (!isHex(p[this.i + 1])) throw this.err('Illegal hexadecimal escape sequence', this.i + 1);
    const v = parseInt(p.slice(this.i, this.i + 2), 16);
    this.i += 2;
    return v;
  }

  private unicodeEscape(): number {
    const p = this.p;
    const four = () => {
      for (let k = 0; k < 4; k++) {
        if (!isHex(p[this.i + k])) {
          this.i += k;
          throw this.err('Illegal Unicode escape sequence', this.i);
        }
      }
      const v = parseInt(p.slice(this.i, this.i + 4), 16);
      this.i += 4;
      return v;
    };
    const v = four();
    // Java joins an escaped surrogate pair (\uD83D\uDE00) into one code point.
    if (v >= 0xd800 && v <= 0xdbff && p.startsWith('\\u', this.i)) {
      const save = this.i;
      this.i += 2;
      let low = -1;
      try {
        low = four();
      } catch {
        low = -1;
      }
      if (low >= 0xdc00 && low <= 0xdfff) return (v - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      this.i = save;
    }
    return v;
  }

  /** `\p{…}`, `\pL`, `\P…` after the letter. */
  private property(negated: boolean): Pred {
    const p = this.p;
    let name: string;
    if (p[this.i] === '{') {
      const end = p.indexOf('}', this.i);
      if (end < 0) throw this.err('Unclosed character family', p.length);
      name = p.slice(this.i + 1, end);
      this.i = end + 1;
    } else {
      if (this.i >= p.length) throw this.err('Illegal character property', this.i);
      name = p[this.i]!;
      this.i++;
    }
    const found = lookupProperty(name, this.has(Flag.I), this.has(Flag.U));
    if ('error' in found) throw this.err(found.error, this.i - 1);
    if ('unsupported' in found) throw this.err(found.unsupported, this.i - 1);
    if (negated) {
      this.supplementary = true;
      return negate(found.pred);
    }
    return found.pred;
  }

  /**
   * `[` … `]` after the `[`: a union of members, `&&` intersecting what precedes with what
   * follows, and `^` negating the whole.
   */
  private characterClass(): Pred {
    const p = this.p;
    if (++this.depth > MAX_NESTING) throw new JavaException('java.lang.StackOverflowError', '');
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.i++;
    }
    let result: Pred | null = null; // the intersection so far
    let members: Pred[] = [];
    let first = true;
    let sawAnd = false;
    const flush = (): Pred | null => {
      if (members.length === 0) return null;
      const m = members;
      members = [];
      return m.length === 1 ? m[0]! : (cp) => m.some((f) => f(cp));
    };
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) throw this.err('Unclosed character class', p.length - 1);
      if (ch === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      if (ch === '[') {
        this.i++;
        members.push(this.characterClass());
        continue;
      }
      if (ch === '&' && p[this.i + 1] === '&') {
        this.i += 2;
        // An empty operand is ignored (`[a&&]` is [a]); only `[&&]` has none at all.
        const left = flush();
        if (left) result = result ? intersect(result, left) : left;
        sawAnd = true;
        continue;
      }
      if (ch === '\\' && p[this.i + 1] === 'Q') {
        this.i += 2;
        const end = p.indexOf('\\E', this.i);
        const text = end < 0 ? p.slice(this.i) : p.slice(this.i, end);
        this.i = end < 0 ? p.length : end + 2;
        const f = this.caseFlags;
        for (const c of text) members.push(singlePred(c.codePointAt(0)!, f));
        continue;
      }
      const low = this.classAtom();
      if ('pred' in low) {
        members.push(low.pred);
        continue;
      }
      if (this.peek() === '-') {
        const after = p[this.i + 1];
        if (after !== ']' && after !== '[' && after !== undefined) {
          this.i++;
          const high = this.classAtom();
          if ('pred' in high) throw this.err('Illegal character range', this.i - 1);
          if (high.cp < low.cp) throw this.err('Illegal character range', this.i - 1);
          members.push(rangePred(low.cp, high.cp, this.caseFlags));
          continue;
        }
      }
      members.push(singlePred(low.cp, this.caseFlags));
    }
    const last = flush();
    if (sawAnd) {
      if (last) result = result ? intersect(result, last) : last;
      if (!result) throw this.err('Bad class syntax', this.i - 2);
    } else {
      result = last ?? (() => false);
    }
    this.depth--;
    if (negated) {
      this.supplementary = true;
      return negate(result);
    }
    return result;
  }

  /** A class member: one character, or a predefined/property class. */
  private classAtom(): { cp: number } | { pred: Pred } {
    const p = this.p;
    if (p[this.i] === '\\') {
      const e = this.escape(true);
      if ('cp' in e) {
        if (e.cp > 0xffff || (e.cp >= 0xd800 && e.cp <= 0xdfff)) this.supplementary = true;
        return e;
      }
      if ('pred' in e) return e;
      throw this.err('Illegal/unsupported escape sequence', this.i - 1);
    }
    const cp = p.codePointAt(this.i)!;
    if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) this.supplementary = true;
    this.i += cp > 0xffff ? 2 : 1;
    return { cp };
  }
}

