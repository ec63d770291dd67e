/**
 * The fast path of body parsing: strict JSON read with `charCodeAt` and `indexOf`, building the same Java
 * values json-smart's permissive parser builds (see json-parse.ts). It gives up — returning
 * {@link NOT_STRICT} — on anything outside strict JSON and on the cases where json-smart's own reading of
 * strict JSON is peculiar (raw control characters or DEL in a string with escapes, a top-level scalar,
 * trailing text), so the permissive parser decides those.
 */
import { JavaDouble } from './numbers.js';
import { JavaList, JavaMap, type Value } from './values.js';
import { SMALL_ENTRIES } from './entry-store.js';
import { NumberScan } from './json-number-scan.js';
import { ContainerLimit, MAX_DEPTH, jsonDecimal, jsonInteger } from './json-scalars.js';

export const NOT_STRICT: unique symbol = Symbol('not strict JSON');

class GiveUp extends Error {}
const GIVE_UP = new GiveUp();

/** Raw characters json-smart drops from a string with escapes (the full parser handles those). */
const RAW_DROPPED = /[\u0000-\u001f\u007f]/;

/** What may follow a number in strict JSON. */
function isDelimiter(c: number): boolean {
  return c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

class FastParser {
  i = 0;
  depth = 0;
  /** A key repeated in an object (json-smart keeps its first position and last value). */
  duplicateKeys = false;
  /** Objects and arrays made, and values put into them: what the parse allocated, for the render's meter. */
  containers = 0;
  members = 0;
  /** The next backslash at or after the current string (kept, so finding it is linear over the body). */
  private backslash = -1;

  constructor(
    private readonly s: string,
    private readonly maxContainers: number,
  ) {}

  space(): number {
    const s = this.s;
    let i = this.i;
    let c = s.charCodeAt(i);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = s.charCodeAt(++i);
    this.i = i;
    return c;
  }

  value(c: number): Value {
    switch (c) {
      case 0x7b: // {
        return this.object();
      case 0x5b: // [
        return this.array();
      case 0x22: // "
        return this.string();
      case 0x74: // t
        return this.word('true', true);
      case 0x66: // f
        return this.word('false', false);
      case 0x6e: // n
        return this.word('null', null);
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    throw GIVE_UP;
  }

  word(text: string, value: Value): Value {
    if (!this.s.startsWith(text, this.i)) throw GIVE_UP;
    this.i += text.length;
    return value;
  }

  private readonly numbers = new NumberScan();

  number(): Value {
    const s = this.s;
    const begin = this.i;
    const n = this.numbers;
    // A number must end at a delimiter (`1x`, `01` and friends are the permissive parser's business).
    if (!n.scan(s, begin) || !isDelimiter(s.charCodeAt(n.end))) throw GIVE_UP;
    this.i = n.end;
    if (n.fractionDigits === 0 && !n.exponent) {
      // Up to 9 digits is always an Integer (`| 0`: "-0" is the Integer 0); longer, by value.
      if (n.integerDigits <= 9) return (n.negative ? -n.mantissa : n.mantissa) | 0;
      return jsonInteger(s.slice(begin, n.end));
    }
    // A decimal of up to 18 characters is a Double (json-smart's rule; see json-scalars.ts).
    if (n.end - begin <= 18) {
      const magnitude = n.exactMagnitude();
      if (magnitude !== undefined) return new JavaDouble(n.negative ? -magnitude : magnitude);
      return new JavaDouble(Number(s.slice(begin, n.end)));
    }
    return jsonDecimal(s.slice(begin, n.end));
  }

  string(): string {
    const s = this.s;
    const start = this.i + 1;
    const close = s.indexOf('"', start);
    if (close < 0) throw GIVE_UP;
    if (this.backslash !== Number.MAX_SAFE_INTEGER && this.backslash < start) {
      const next = s.indexOf('\\', start);
      this.backslash = next < 0 ? Number.MAX_SAFE_INTEGER : next;
    }
    if (this.backslash > close) {
      // json-smart takes a string without escapes as it is (raw control characters included).
      this.i = close + 1;
      return s.slice(start, close);
    }
    return this.escaped(start);
  }

  /** Standard escapes only; json-smart drops raw control characters and DEL here, so they give up. */
  escaped(start: number): string {
    const s = this.s;
    let out = '';
    let from = start;
    let i = this.backslash;
    // The closing quote is searched again only when an escape (`\"`) consumed the candidate: a string
    // of a million escapes is read in one pass, not rescanned to its end after each.
    let close = -1;
    for (;;) {
      if (close < from) close = s.indexOf('"', from);
      if (close < 0) throw GIVE_UP;
      if (i < 0 || i > close) {
        // No more escapes before the closing quote: the rest is plain text.
        const rest = s.slice(from, close);
        if (RAW_DROPPED.test(rest)) throw GIVE_UP;
        this.i = close + 1;
        this.backslash = i < 0 ? Number.MAX_SAFE_INTEGER : i;
        return out + rest;
      }
      const raw = s.slice(from, i);
      if (RAW_DROPPED.test(raw)) throw GIVE_UP;
      out += raw;
      const e = s.charCodeAt(i + 1);
      let step = 2;
      switch (e) {
        case 0x22:
          out += '"';
          break;
        case 0x5c:
          out += '\\';
          break;
        case 0x2f:
          out += '/';
          break;
        case 0x62:
          out += '\b';
          break;
        case 0x66:
          out += '\f';
          break;
        case 0x6e:
          out += '\n';
          break;
        case 0x72:
          out += '\r';
          break;
        case 0x74:
          out += '\t';
          break;
        case 0x75: {
          const hex = s.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw GIVE_UP;
          out += String.fromCharCode(parseInt(hex, 16));
          step = 6;
          break;
        }
        default:
          throw GIVE_UP;
      }
      from = i + step;
      i = s.indexOf('\\', from);
    }
  }

  /**
   * The entries of the objects and arrays being read, one stack for all of them (an object's as key,
   * value, key, value): each container takes its entries off the top when it closes, into an array of
   * exactly their size.
   */
  private readonly stack: Value[] = [];
  private top = 0;

  object(): JavaMap {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    if (++this.containers > this.maxContainers) throw new ContainerLimit(this.maxContainers);
    this.i++;
    let c = this.space();
    if (c === 0x7d) {
      this.i++;
      this.depth--;
      return new JavaMap('linked');
    }
    const stack = this.stack;
    const base = this.top;
    // An object with more keys than a small map holds is put into a map as it is read.
    let large: JavaMap | null = null;
    for (;;) {
      if (c !== 0x22) throw GIVE_UP;
      const key = this.string();
      if (this.space() !== 0x3a) throw GIVE_UP;
      this.i++;
      this.members++;
      // The value first: a nested container uses the stack above this object's entries.
      const value = this.value(this.space());
      if (large !== null) {
        if (!large.putParsed(key, value)) this.duplicateKeys = true;
      } else {
        const top = this.top;
        let k = base;
        while (k < top && stack[k] !== key) k += 2;
        if (k < top) {
          // json-smart keeps a repeated key's first position and its last value.
          stack[k + 1] = value;
          this.duplicateKeys = true;
        } else if (top - base < 2 * SMALL_ENTRIES) {
          stack[top] = key;
          stack[top + 1] = value;
          this.top = top + 2;
        } else {
          large = new JavaMap('linked');
          for (let j = base; j < top; j += 2) large.putParsed(stack[j] as string, stack[j + 1]!);
          large.putParsed(key, value);
          this.top = base;
        }
      }
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
    this.depth--;
    if (large !== null) return large;
    const map = JavaMap.fromParsed(stack.slice(base, this.top));
    this.top = base;
    return map;
  }

  array(): JavaList {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    if (++this.containers > this.maxContainers) throw new ContainerLimit(this.maxContainers);
    this.i++;
    let c = this.space();
    if (c === 0x5d) {
      this.i++;
      this.depth--;
      return new JavaList([], 'json');
    }
    const stack = this.stack;
    const base = this.top;
    for (;;) {
      this.members++;
      const value = this.value(c);
      stack[this.top++] = value;
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
    this.depth--;
    const items = stack.slice(base, this.top);
    this.top = base;
    return new JavaList(items, 'json');
  }
}

export interface StrictParse {
  value: Value;
  /** The body repeats a key somewhere (its JSON text then differs from the value's). */
  duplicateKeys: boolean;
  containers: number;
  members: number;
}

/** The body as json-smart reads it, or {@link NOT_STRICT} when the permissive parser must decide. */
export function parseStrictJson(text: string, maxContainers = Infinity): StrictParse | typeof NOT_STRICT {
  const p = new FastParser(text, maxContainers);
  const first = p.space();
  if (first !== 0x7b && first !== 0x5b) return NOT_STRICT;
  try {
    const value = p.value(first);
    return Number.isNaN(p.space()) ? { value, duplicateKeys: p.duplicateKeys, containers: p.containers, members: p.members } : NOT_STRICT;
  } catch (e) {
    if (e === GIVE_UP) return NOT_STRICT;
    throw e;
  }
}
