/**
 * `java.util.regex` patterns and replacement strings, translated to JavaScript `RegExp` (with the `v` flag,
 * which supports Java's nested character classes and `&&` intersections, and `\p{…}` properties).
 *
 * Covered: literals and escapes (`\Q…\E`, `\t`, `\e`, `\a`, octal `\0nn`, `\xhh`, `\x{h…}`, `\uhhhh`, `\cX`),
 * classes (`\d\s\w\h\v`, POSIX `\p{Alpha}`…, Unicode `\p{L}`, `\p{IsLatin}`, `\p{InGreek}`), nested and
 * intersected character classes, groups (capturing, `(?:)`, named, look-around), back-references,
 * anchors (`^ $ \b \B \A \z \Z`), quantifiers, and inline flags `(?i)`, `(?s)`, `(?m)`, `(?x)`.
 *
 * Approximated (see docs/conformance.md): possessive quantifiers and atomic groups behave greedily, inline
 * flags apply to the whole pattern, `\G` and `\X` are rejected. A malformed pattern throws
 * PatternSyntaxException like Java.
 */
import { JavaException } from './exceptions.js';

export interface JavaRegex {
  /** The translated pattern, anchored nowhere. */
  readonly regex: RegExp;
  /** The same pattern anchored at both ends (`String.matches`). */
  readonly whole: RegExp;
}

const cache = new Map<string, JavaRegex>();
const CACHE_LIMIT = 500;

function syntaxError(description: string, pattern: string, index: number): JavaException {
  return new JavaException(
    'java.util.regex.PatternSyntaxException',
    `${description} near index ${index}\n${pattern}`,
  );
}

/** Compiles a Java pattern (cached: templates reuse the same few literal patterns). */
export function compileJavaRegex(pattern: string): JavaRegex {
  let compiled = cache.get(pattern);
  if (compiled) return compiled;
  const { source, flags } = new Translator(pattern).translate();
  try {
    compiled = {
      regex: new RegExp(source, flags + 'gv'),
      whole: new RegExp(`^(?:${source})$`, flags + 'v'),
    };
  } catch (e) {
    throw syntaxError((e as Error).message, pattern, 0);
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(pattern, compiled);
  return compiled;
}

const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`\\{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
  javaLowerCase: '\\p{Lowercase}',
  javaUpperCase: '\\p{Uppercase}',
  javaWhitespace: '\\p{White_Space}',
  javaDigit: '\\p{Nd}',
  javaLetter: '\\p{L}',
  javaLetterOrDigit: '\\p{L}\\p{Nd}',
  javaAlphabetic: '\\p{Alphabetic}',
  IsAlphabetic: '\\p{Alphabetic}',
  IsLetter: '\\p{L}',
  IsDigit: '\\p{Nd}',
  IsUppercase: '\\p{Uppercase}',
  IsLowercase: '\\p{Lowercase}',
  IsWhite_Space: '\\p{White_Space}',
  IsWhiteSpace: '\\p{White_Space}',
  IsPunctuation: '\\p{P}',
};

/** Characters that must be escaped to stand for themselves in a `v`-mode pattern… */
const V_SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
/** …and inside a `v`-mode class, where doubled punctuators are reserved too. */
const V_CLASS_SYNTAX = new Set('^$\\.*+?()[]{}|/-&!#%,:;<=>@`~'.split(''));

function literal(ch: string): string {
  return V_SYNTAX.has(ch) ? '\\' + ch : ch;
}

function classLiteral(ch: string): string {
  return V_CLASS_SYNTAX.has(ch) ? '\\' + ch : ch;
}

function codePointLiteral(cp: number): string {
  return '\\u{' + cp.toString(16) + '}';
}

class Translator {
  private i = 0;
  private flags = '';
  private extended = false;
  private groupCount = 0;

  constructor(private readonly p: string) {}

  translate(): { source: string; flags: string } {
    const source = this.sequence(false);
    if (this.i < this.p.length) throw syntaxError('Unmatched closing \')\'', this.p, this.i - 1);
    return { source, flags: this.flags };
  }

  /** A sequence of alternatives up to the end or a closing parenthesis. */
  private sequence(inGroup: boolean): string {
    let out = '';
    const p = this.p;
    while (this.i < p.length) {
      const ch = p[this.i]!;
      if (ch === ')') {
        if (!inGroup) throw syntaxError("Unmatched closing ')'", p, this.i);
        return out;
      }
      if (ch === '|') {
        this.i++;
        out += '|';
        continue;
      }
      const atom = this.atom();
      if (atom === null) continue;
      out += atom + this.quantifier();
    }
    if (inGroup) throw syntaxError("Unclosed group", p, p.length);
    return out;
  }

  private quantifier(): string {
    const p = this.p;
    let q = '';
    const ch = p[this.i];
    if (ch === '*' || ch === '+' || ch === '?') {
      q = ch;
      this.i++;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(this.i));
      if (!m) throw syntaxError('Illegal repetition', p, this.i);
      q = m[0];
      this.i += m[0].length;
    } else {
      return '';
    }
    const mode = p[this.i];
    if (mode === '?') {
      q += '?';
      this.i++;
    } else if (mode === '+') {
      // Possessive: JavaScript has none; greedy matches the same text whenever the pattern succeeds.
      this.i++;
    }
    const next = p[this.i];
    if (next === '*' || next === '+' || next === '?' || (next === '{' && /^\{\d/.test(p.slice(this.i)))) {
      throw syntaxError(`Dangling meta character '${next}'`, p, this.i);
    }
    return q;
  }

  /** One atom; null when the construct produced nothing (an inline flag group, a comment). */
  private atom(): string | null {
    const p = this.p;
    const ch = p[this.i]!;
    if (this.extended) {
      if (/\s/.test(ch)) {
        this.i++;
        return null;
      }
      if (ch === '#') {
        while (this.i < p.length && p[this.i] !== '\n') this.i++;
        return null;
      }
    }
    switch (ch) {
      case '(':
        return this.group();
      case '[':
        return this.characterClass();
      case '\\':
        return this.escape(false);
      case '.':
        this.i++;
        return '.';
      case '^':
        this.i++;
        return '^';
      case '$':
        this.i++;
        return '$';
      case '*':
      case '+':
      case '?':
        throw syntaxError(`Dangling meta character '${ch}'`, p, this.i);
      case '{':
        if (/^\{\d/.test(p.slice(this.i))) throw syntaxError('Illegal repetition', p, this.i);
        this.i++;
        return '\\{';
      default: {
        const cp = p.codePointAt(this.i)!;
        const s = String.fromCodePoint(cp);
        this.i += s.length;
        return literal(s);
      }
    }
  }

  private group(): string | null {
    const p = this.p;
    this.i++; // (
    if (p[this.i] !== '?') {
      this.groupCount++;
      const body = this.sequence(true);
      this.i++;
      return '(' + body + ')';
    }
    this.i++; // ?
    const rest = p.slice(this.i);
    let prefix: string;
    if (rest.startsWith(':')) prefix = '(?:';
    else if (rest.startsWith('=')) prefix = '(?=';
    else if (rest.startsWith('!')) prefix = '(?!';
    else if (rest.startsWith('<=')) prefix = '(?<=';
    else if (rest.startsWith('<!')) prefix = '(?<!';
    else if (rest.startsWith('>')) prefix = '(?:'; // atomic group, approximated
    else if (/^<[a-zA-Z][a-zA-Z0-9]*>/.test(rest)) {
      const name = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest)![1]!;
      this.groupCount++;
      this.i += name.length + 2;
      const body = this.sequence(true);
      this.i++;
      return `(?<${name}>` + body + ')';
    } else {
      const m = /^([idmsuxU]*)(?:-([idmsuxU]*))?([:)])/.exec(rest);
      if (!m) throw syntaxError('Unknown inline modifier', p, this.i);
      this.i += m[0].length;
      this.applyFlags(m[1] ?? '', m[2] ?? '');
      if (m[3] === ')') return null;
      const body = this.sequence(true);
      this.i++;
      return '(?:' + body + ')';
    }
    this.i += prefix.length - 2;
    const body = this.sequence(true);
    this.i++;
    return prefix + body + ')';
  }

  private applyFlags(on: string, off: string): void {
    for (const f of on) {
      if (f === 'i' && !this.flags.includes('i')) this.flags += 'i';
      if (f === 's' && !this.flags.includes('s')) this.flags += 's';
      if (f === 'm' && !this.flags.includes('m')) this.flags += 'm';
      if (f === 'x') this.extended = true;
    }
    for (const f of off) {
      if (f === 'x') this.extended = false;
      else this.flags = this.flags.replace(f, '');
    }
  }

  /** An escape sequence; inside a class it must yield a class-set operand. */
  private escape(inClass: boolean): string {
    const p = this.p;
    const start = this.i;
    this.i++; // backslash
    if (this.i >= p.length) throw syntaxError('Unexpected internal error', p, start);
    const ch = p[this.i]!;
    this.i++;
    switch (ch) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        return '\\' + ch;
      // Java's \s is ASCII whitespace only; JavaScript's also matches U+00A0, U+2028, …
      case 's':
        return inClass ? ' \\t\\n\\x0B\\f\\r' : '[ \\t\\n\\x0B\\f\\r]';
      case 'S':
        return '[^ \\t\\n\\x0B\\f\\r]';
      case 'h':
        return inClass ? '\\t \\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000' : '[\\t \\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]';
      case 'H':
        return '[^\\t \\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]';
      case 'v':
        return inClass ? '\\n\\x0B\\f\\r\\x85\\u2028\\u2029' : '[\\n\\x0B\\f\\r\\x85\\u2028\\u2029]';
      case 'V':
        return '[^\\n\\x0B\\f\\r\\x85\\u2028\\u2029]';
      case 'R':
        if (inClass) throw syntaxError('Illegal/unsupported escape sequence', p, start);
        return '(?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029])';
      case 't':
        return '\\t';
      case 'n':
        return '\\n';
      case 'r':
        return '\\r';
      case 'f':
        return '\\f';
      case 'a':
        return '\\x07';
      case 'e':
        return '\\x1B';
      case 'b':
        if (inClass) throw syntaxError('Illegal/unsupported escape sequence', p, start);
        return '\\b';
      case 'B':
        if (inClass) throw syntaxError('Illegal/unsupported escape sequence', p, start);
        return '\\B';
      case 'A':
        return '(?<![\\s\\S])';
      case 'z':
        return '(?![\\s\\S])';
      case 'Z':
        return '(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?(?![\\s\\S]))';
      case 'G':
      case 'X':
        throw syntaxError(`\\${ch} is not supported by apigw-vtl`, p, start);
      case 'Q': {
        const end = p.indexOf('\\E', this.i);
        const text = end < 0 ? p.slice(this.i) : p.slice(this.i, end);
        this.i = end < 0 ? p.length : end + 2;
        return [...text].map(inClass ? classLiteral : literal).join('');
      }
      case 'E':
        return '';
      case '0': {
        const m = /^[0-3]?[0-7]{1,2}/.exec(p.slice(this.i)) ?? /^[0-7]/.exec(p.slice(this.i));
        if (!m) throw syntaxError('Illegal octal escape sequence', p, start);
        this.i += m[0].length;
        return codePointLiteral(parseInt(m[0], 8));
      }
      case 'x': {
        if (p[this.i] === '{') {
          const m = /^\{([0-9a-fA-F]+)\}/.exec(p.slice(this.i));
          if (!m) throw syntaxError('Illegal hexadecimal escape sequence', p, start);
          this.i += m[0].length;
          return codePointLiteral(parseInt(m[1]!, 16));
        }
        const hex = p.slice(this.i, this.i + 2);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw syntaxError('Illegal hexadecimal escape sequence', p, start);
        this.i += 2;
        return codePointLiteral(parseInt(hex, 16));
      }
      case 'u': {
        const hex = p.slice(this.i, this.i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw syntaxError('Illegal Unicode escape sequence', p, start);
        this.i += 4;
        return codePointLiteral(parseInt(hex, 16));
      }
      case 'c': {
        const c = p[this.i];
        if (c === undefined) throw syntaxError('Illegal control escape sequence', p, start);
        this.i++;
        return codePointLiteral(c.charCodeAt(0) ^ 64);
      }
      case 'p':
      case 'P':
        return this.property(ch === 'P', inClass, start);
      case 'k': {
        const m = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(p.slice(this.i));
        if (!m || inClass) throw syntaxError('\\k is not followed by \'<\' for named capturing group', p, start);
        this.i += m[0].length;
        return `\\k<${m[1]}>`;
      }
      default:
        if (ch >= '1' && ch <= '9') {
          if (inClass) throw syntaxError('Illegal/unsupported escape sequence', p, start);
          // Java reads as many digits as still name an existing group.
          let n = ch;
          while (/[0-9]/.test(p[this.i] ?? '') && Number(n + p[this.i]) <= this.groupCount) n += p[this.i++];
          return '(?:\\' + n + ')';
        }
        if (/[a-zA-Z]/.test(ch)) throw syntaxError('Illegal/unsupported escape sequence', p, start);
        {
          this.i--;
          const cp = p.codePointAt(this.i)!;
          const s = String.fromCodePoint(cp);
          this.i += s.length;
          return inClass ? classLiteral(s) : literal(s);
        }
    }
  }

  private property(negated: boolean, inClass: boolean, start: number): string {
    const p = this.p;
    let name: string;
    if (p[this.i] === '{') {
      const end = p.indexOf('}', this.i);
      if (end < 0) throw syntaxError('Unclosed character family', p, start);
      name = p.slice(this.i + 1, end);
      this.i = end + 1;
    } else {
      name = p[this.i] ?? '';
      this.i++;
    }
    let body: string;
    const posix = POSIX[name] ?? POSIX[name.replace(/^Is/, '')];
    if (posix !== undefined) {
      body = posix;
    } else if (/^In[A-Za-z_]+$/.test(name)) {
      throw syntaxError(`Unicode blocks (\\p{${name}}) are not supported by apigw-vtl`, p, start);
    } else {
      const prop = name.replace(/^Is/, '').replace(/^general_category=|^gc=/i, '');
      const script = /^(?:script=|sc=)(.+)$/i.exec(name)?.[1];
      body = script ? `\\p{Script=${script}}` : `\\p{${prop}}`;
      try {
        new RegExp(body, 'v');
      } catch {
        const asScript = `\\p{Script=${prop}}`;
        try {
          new RegExp(asScript, 'v');
          body = asScript;
        } catch {
          throw syntaxError(`Unknown character property name {${name}}`, p, start);
        }
      }
    }
    if (negated) return `[^${body}]`;
    return inClass ? body : `[${body}]`;
  }

  /** `[...]`, with Java's nested classes (union) and `&&` (intersection), emitted in `v`-mode syntax. */
  private characterClass(): string {
    const p = this.p;
    const start = this.i;
    this.i++; // [
    let negated = false;
    if (p[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const operands: string[] = []; // intersection operands, each a v-mode class
    let union = '';
    let first = true;
    for (;;) {
      if (this.i >= p.length) throw syntaxError('Unclosed character class', p, start);
      const ch = p[this.i]!;
      if (ch === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      if (ch === '[') {
        union += this.characterClass();
        continue;
      }
      if (ch === '&' && p[this.i + 1] === '&') {
        this.i += 2;
        operands.push('[' + union + ']');
        union = '';
        continue;
      }
      const lowStart = this.i;
      const low = this.classAtom();
      if (p[this.i] === '-' && p[this.i + 1] !== ']' && p[this.i + 1] !== '[' && p[this.i + 1] !== undefined && isSingle(low)) {
        this.i++;
        const high = this.classAtom();
        if (!isSingle(high)) throw syntaxError('Illegal character range', p, lowStart);
        if (singleCodePoint(low) > singleCodePoint(high)) throw syntaxError('Illegal character range', p, lowStart);
        union += low + '-' + high;
        continue;
      }
      union += low;
    }
    let body: string;
    if (operands.length > 0) {
      operands.push('[' + union + ']');
      body = operands.join('&&');
    } else {
      body = union;
    }
    return (negated ? '[^' : '[') + body + ']';
  }

  /** One member of a class: a single (escaped) character or a class escape. */
  private classAtom(): string {
    const p = this.p;
    const ch = p[this.i]!;
    if (ch === '\\') {
      const e = this.escape(true);
      if (e.startsWith('[') && e.length > 1) return e; // \P{...} or \H inside a class: a nested class
      return e;
    }
    const cp = p.codePointAt(this.i)!;
    const s = String.fromCodePoint(cp);
    this.i += s.length;
    return classLiteral(s);
  }
}

/** Whether a translated class member stands for exactly one character (so it can bound a range). */
function isSingle(member: string): boolean {
  return member.length === 1 || /^\\[^dDsSwWpP]$/.test(member) || /^\\u\{[0-9a-f]+\}$/.test(member);
}

function singleCodePoint(member: string): number {
  if (member.length === 1) return member.codePointAt(0)!;
  const m = /^\\u\{([0-9a-f]+)\}$/.exec(member);
  if (m) return parseInt(m[1]!, 16);
  const x = /^\\x([0-9A-F]{2})$/.exec(member);
  if (x) return parseInt(x[1]!, 16);
  switch (member) {
    case '\\t':
      return 9;
    case '\\n':
      return 10;
    case '\\r':
      return 13;
    case '\\f':
      return 12;
  }
  return member.codePointAt(1)!;
}

/**
 * Translates a Java replacement string (`$1`, `${name}`, `\$`) into a function for `String.replace`,
 * throwing like `Matcher.appendReplacement` on a malformed one.
 */
export function javaReplacement(replacement: string, groupCount: number): (match: string, ...rest: unknown[]) => string {
  let parsed: Array<string | number | { name: string }> | null = null;
  // Java reads the replacement only when there is a match to replace: a bad one fails only then.
  return (match: string, ...rest: unknown[]) => {
    parsed ??= parseReplacement(replacement, groupCount);
    return applyReplacement(parsed, groupCount, match, rest);
  };
}

function parseReplacement(replacement: string, groupCount: number): Array<string | number | { name: string }> {
  const parts: Array<string | number | { name: string }> = [];
  let text = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i]!;
    if (ch === '\\') {
      i++;
      if (i >= replacement.length) throw new JavaException('java.lang.IllegalArgumentException', 'character to be escaped is missing');
      text += replacement[i];
    } else if (ch === '$') {
      i++;
      if (i >= replacement.length) throw new JavaException('java.lang.IllegalArgumentException', 'Illegal group reference: group index is missing');
      if (replacement[i] === '{') {
        const end = replacement.indexOf('}', i);
        const name = end < 0 ? '' : replacement.slice(i + 1, end);
        if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) throw new JavaException('java.lang.IllegalArgumentException', "named capturing group is missing trailing '}'");
        if (text) parts.push(text);
        text = '';
        parts.push({ name });
        i = end;
        continue;
      }
      const d = replacement.charCodeAt(i) - 48;
      if (d < 0 || d > 9) throw new JavaException('java.lang.IllegalArgumentException', 'Illegal group reference');
      let group = d;
      while (i + 1 < replacement.length) {
        const next = replacement.charCodeAt(i + 1) - 48;
        if (next < 0 || next > 9 || group * 10 + next > groupCount) break;
        group = group * 10 + next;
        i++;
      }
      if (group > groupCount) throw new JavaException('java.lang.IndexOutOfBoundsException', `No group ${group}`);
      if (text) parts.push(text);
      text = '';
      parts.push(group);
    } else {
      text += ch;
    }
  }
  if (text) parts.push(text);
  return parts;
}

function applyReplacement(parts: Array<string | number | { name: string }>, groupCount: number, match: string, rest: unknown[]): string {
  {
    const groups = rest.slice(0, groupCount) as Array<string | undefined>;
    const named = rest[rest.length - 1];
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') out += part;
      else if (typeof part === 'number') out += part === 0 ? match : (groups[part - 1] ?? '');
      else {
        const value = named && typeof named === 'object' ? (named as Record<string, string | undefined>)[part.name] : undefined;
        if (value === undefined && !(named && typeof named === 'object' && part.name in (named as object))) {
          throw new JavaException('java.lang.IllegalArgumentException', `No group with name {${part.name}}`);
        }
        out += value ?? '';
      }
    }
    return out;
  }
}

/** The number of capturing groups of a compiled pattern. */
export function groupCount(regex: RegExp): number {
  return new RegExp(regex.source + '|', regex.flags.replace('g', '')).exec('')!.length - 1;
}

/** `String.split(regex, limit)` with Java's rules (no captured groups; trailing empties removed when limit is 0). */
export function javaSplit(input: string, pattern: string, limit: number): string[] {
  if (input.length === 0) return [''];
  const re = compileJavaRegex(pattern).regex;
  re.lastIndex = 0;
  const out: string[] = [];
  let index = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    if (limit > 0 && out.length >= limit - 1) break;
    const end = m.index + m[0].length;
    if (m[0].length === 0) {
      if (m.index >= input.length) break;
      re.lastIndex = m.index + (input.codePointAt(m.index)! > 0xffff ? 2 : 1);
      if (m.index === 0) continue; // a zero-width match at the start never yields an empty leading string
    }
    if (m.index === 0 && end === 0) continue;
    out.push(input.slice(index, m.index));
    index = end;
  }
  if (index === 0 && out.length === 0) return [input];
  out.push(input.slice(index));
  if (limit === 0) {
    let n = out.length;
    while (n > 0 && out[n - 1] === '') n--;
    out.length = n;
  }
  return out;
}
