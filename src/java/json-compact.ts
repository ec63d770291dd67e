/**
 * json-smart's compact JSON of a strict JSON text, written in one pass over the text — no values built,
 * neither Java nor JavaScript. What json-smart changes when it parses a body and writes it back
 * (`$input.json('$')`) is local to each token, so the text is copied in runs and only these are rewritten:
 *
 * - whitespace between tokens is dropped;
 * - in strings, `/` becomes `\/` and U+0080–U+009F and U+2000–U+20FF become `\uXXXX` (json-smart's
 *   escaping); a `\uXXXX` escape is decoded and written the way json-smart writes that character;
 * - `-0` is the Integer 0; a decimal prints as its Double does (`10.50` → `10.5`).
 *
 * It gives up — {@link NOT_COMPACT}, the caller then has the text parsed the Java way — wherever the
 * Java reading is not local or not certain: anything outside strict JSON, integers of 16 digits or more
 * (Long/BigInteger precision), decimals that are integral, outside 10^-3..10^7 (Java's `1.0E-4` style)
 * or longer than 18 characters (BigDecimal), raw DEL and unpaired surrogates, escaped surrogates, and
 * nesting deeper than the parsers accept. {@link REPEATED_KEYS} says an object repeats a key (or has a key
 * with escapes, which may spell another key): json-smart keeps one entry, so the text cannot be copied.
 */
import { MAX_DEPTH } from './json-scalars.js';
import { NumberScan } from './json-number-scan.js';

export const NOT_COMPACT: unique symbol = Symbol('not writable from the text');
export const REPEATED_KEYS: unique symbol = Symbol('an object may repeat a key');

class Stop {
  constructor(readonly reason: typeof NOT_COMPACT | typeof REPEATED_KEYS) {}
}
const GIVE_UP = new Stop(NOT_COMPACT);
const KEYS = new Stop(REPEATED_KEYS);

/** Objects with more keys than this check repeats with a Set instead of comparing every pair. */
const PAIRWISE_KEYS = 16;

const HEX = '0123456789ABCDEF';

/** A run of characters a string copies unchanged (sticky: it matches from lastIndex, possibly nothing). */
const ORDINARY_RUN = /[^"\\\u0000-\u001f/\u007f-\u009f\u2000-\u20ff\ud800-\udfff]*/y;

/** `\uXXXX` with upper-case digits, as json-smart writes escaped characters. */
function unicodeEscape(c: number): string {
  return '\\u' + HEX[(c >> 12) & 15] + HEX[(c >> 8) & 15] + HEX[(c >> 4) & 15] + HEX[c & 15];
}

/** How json-smart writes one UTF-16 unit decoded from a `\uXXXX` escape (surrogates never reach here). */
function writtenAs(c: number): string {
  switch (c) {
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x2f:
      return '\\/';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
  }
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x2000 && c <= 0x20ff)) return unicodeEscape(c);
  return String.fromCharCode(c);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}


class Compactor {
  /** The output so far, and where the run of text still to be copied into it starts. */
  private out = '';
  private from = 0;
  private i = 0;
  /** Start and end of every key of the objects being read (one stack for all of them). */
  private readonly keyStarts: number[] = [];
  private readonly keyEnds: number[] = [];
  /** How many entries of keyStarts/keyEnds are in use (the arrays are reused, never shortened). */
  private keyTop = 0;

  constructor(private readonly s: string) {}

  /** Copies the pending run up to `to`, then writes `text` in place of what follows. */
  private replace(to: number, text: string, resume: number): void {
    if (to > this.from) this.out += this.s.slice(this.from, to);
    this.out += text;
    this.from = resume;
  }

  /** Skips whitespace (dropping it from the output) and returns the next character. */
  private space(): number {
    const s = this.s;
    let i = this.i;
    let c = s.charCodeAt(i);
    if (c > 0x20 || (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09)) return c;
    const start = i;
    do c = s.charCodeAt(++i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09);
    // The run is dropped: copy what precedes it, resume after it.
    if (start > this.from) this.out += s.slice(this.from, start);
    this.from = i;
    this.i = i;
    return c;
  }

  run(): string {
    let c = this.space();
    if (c !== 0x7b && c !== 0x5b) throw GIVE_UP;
    this.value(c, 0);
    c = this.space();
    if (!Number.isNaN(c)) throw GIVE_UP;
    if (this.from === 0) return this.s;
    if (this.from < this.s.length) this.out += this.s.slice(this.from);
    return this.out;
  }

  private value(c: number, depth: number): void {
    switch (c) {
      case 0x7b:
        return this.object(depth + 1);
      case 0x5b:
        return this.array(depth + 1);
      case 0x22:
        this.string();
        return;
      case 0x74:
        return this.word('true');
      case 0x66:
        return this.word('false');
      case 0x6e:
        return this.word('null');
    }
    if (c === 0x2d || isDigit(c)) return this.number();
    throw GIVE_UP;
  }

  private word(text: string): void {
    if (!this.s.startsWith(text, this.i)) throw GIVE_UP;
    this.i += text.length;
  }

  private object(depth: number): void {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    this.i++;
    let c = this.space();
    if (c === 0x7d) {
      this.i++;
      return;
    }
    const base = this.keyTop;
    let seen: Set<string> | null = null;
    for (;;) {
      if (c !== 0x22) throw GIVE_UP;
      const start = this.i + 1;
      if (this.string()) throw KEYS;
      const end = this.i - 1;
      seen = this.noteKey(base, start, end, seen);
      if (this.space() !== 0x3a) throw GIVE_UP;
      this.i++;
      this.value(this.space(), depth);
      c = this.space();
      if (c === 0x2c) {
        this.i++;
        c = this.space();
        continue;
      }
      if (c === 0x7d) break;
      throw GIVE_UP;
    }
    this.i++;
    this.keyTop = base;
  }

  /** Records a key of the object whose keys start at `base`; stops when it repeats one. */
  private noteKey(base: number, start: number, end: number, seen: Set<string> | null): Set<string> | null {
    const s = this.s;
    const starts = this.keyStarts;
    const ends = this.keyEnds;
    if (seen) {
      const key = s.slice(start, end);
      if (seen.has(key)) throw KEYS;
      seen.add(key);
      return seen;
    }
    const length = end - start;
    const top = this.keyTop;
    for (let k = base; k < top; k++) {
      if (ends[k]! - starts[k]! !== length) continue;
      const other = starts[k]!;
      let j = 0;
      while (j < length && s.charCodeAt(start + j) === s.charCodeAt(other + j)) j++;
      if (j === length) throw KEYS;
    }
    starts[top] = start;
    ends[top] = end;
    this.keyTop = top + 1;
    if (top + 1 - base <= PAIRWISE_KEYS) return null;
    const set = new Set<string>();
    for (let k = base; k <= top; k++) set.add(s.slice(starts[k]!, ends[k]!));
    return set;
  }

  private array(depth: number): void {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    this.i++;
    let c = this.space();
    if (c === 0x5d) {
      this.i++;
      return;
    }
    for (;;) {
      this.value(c, depth);
      c = this.space();
      if (c === 0x2c) {
        this.i++;
        c = this.space();
        continue;
      }
      if (c === 0x5d) break;
      throw GIVE_UP;
    }
    this.i++;
  }

  /** Copies or rewrites the string at the quote; true when it has escapes. */
  private string(): boolean {
    const s = this.s;
    let j = this.i + 1;
    // Short strings (keys, most values) are scanned here; past this point the rest of a run of ordinary
    // characters is skipped by the regex engine, which scans faster than a loop can.
    const scanned = j + 24;
    let escapes = false;
    for (;;) {
      const c = s.charCodeAt(j);
      if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c && c !== 0x2f) {
        j++;
        if (j > scanned) {
          ORDINARY_RUN.lastIndex = j;
          ORDINARY_RUN.test(s);
          j = ORDINARY_RUN.lastIndex;
        }
        continue;
      }
      if (c === 0x22) break;
      if (c === 0x5c) {
        escapes = true;
        j = this.escape(j);
        continue;
      }
      if (c === 0x2f) {
        this.replace(j, '\\/', j + 1);
        j++;
        continue;
      }
      // Raw control characters are not strict JSON, and the end of the text is an unterminated string.
      if (c < 0x20 || Number.isNaN(c)) throw GIVE_UP;
      if (c <= 0x9f) {
        // json-smart drops a raw DEL from strings that have escapes: left to the Java reading.
        if (c === 0x7f) throw GIVE_UP;
        this.replace(j, unicodeEscape(c), j + 1);
      } else if (c >= 0x2000 && c <= 0x20ff) {
        this.replace(j, unicodeEscape(c), j + 1);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = s.charCodeAt(j + 1);
        if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) throw GIVE_UP;
        j++;
      }
      j++;
    }
    this.i = j + 1;
    return escapes;
  }

  /** The escape at the backslash `j`; returns the index after it. */
  private escape(j: number): number {
    const s = this.s;
    const e = s.charCodeAt(j + 1);
    switch (e) {
      case 0x22:
      case 0x5c:
      case 0x2f:
      case 0x62:
      case 0x66:
      case 0x6e:
      case 0x72:
      case 0x74:
        // Written back as they are.
        return j + 2;
      case 0x75: {
        const a = hexValue(s.charCodeAt(j + 2));
        const b = hexValue(s.charCodeAt(j + 3));
        const c = hexValue(s.charCodeAt(j + 4));
        const d = hexValue(s.charCodeAt(j + 5));
        if (a < 0 || b < 0 || c < 0 || d < 0) throw GIVE_UP;
        const unit = (a << 12) | (b << 8) | (c << 4) | d;
        if (unit >= 0xd800 && unit <= 0xdfff) throw GIVE_UP;
        const written = writtenAs(unit);
        // Upper-case hex escapes json-smart would write the same way are already right.
        if (written.length !== 6 || written !== s.slice(j, j + 6)) this.replace(j, written, j + 6);
        return j + 6;
      }
    }
    throw GIVE_UP;
  }

  private readonly numbers = new NumberScan();

  private number(): void {
    const s = this.s;
    const begin = this.i;
    const n = this.numbers;
    if (!n.scan(s, begin)) throw GIVE_UP;
    const end = n.end;
    this.i = end;
    if (n.fractionDigits === 0 && !n.exponent) {
      // An Integer (or a Long below 16 digits): printed as written, except that -0 is 0.
      if (n.integerDigits >= 16) throw GIVE_UP;
      if (n.negative && n.mantissa === 0) this.replace(begin, '0', end);
      return;
    }
    // Up to 18 characters json-smart makes a Double; longer, a BigDecimal that prints its digits.
    if (end - begin > 18) throw GIVE_UP;
    const exact = n.exactMagnitude();
    const magnitude = exact ?? Math.abs(Number(s.slice(begin, end)));
    // Where Java's Double.toString and JavaScript's agree: plain notation, not integral.
    if (Number.isInteger(magnitude) || magnitude < 1e-3 || magnitude >= 1e7) throw GIVE_UP;
    // Up to fifteen significant digits (the mantissa has no leading zeros) without a trailing zero: the
    // token is the shortest spelling of its double already, which is what both languages print.
    if (exact !== undefined && n.lastDigit !== 0x30 && n.mantissa < 1e15) return;
    this.replace(begin, String(n.negative ? -magnitude : magnitude), end);
  }
}

/** json-smart's compact JSON of `text`, or why it cannot be written from the text. */
export function compactJson(text: string): string | typeof NOT_COMPACT | typeof REPEATED_KEYS {
  try {
    return new Compactor(text).run();
  } catch (e) {
    if (e instanceof Stop) return e.reason;
    throw e;
  }
}
