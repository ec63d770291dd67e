/**
 * json-smart 2.2's parser in `MODE_PERMISSIVE`, the mode API Gateway parses bodies with (java-formatting §2):
 * objects become LinkedHashMaps, arrays JSON lists, and numbers keep their Java class (Integer, Long,
 * BigInteger, Double, BigDecimal) which `JSON.parse` would lose.
 *
 * Permissive means: text that is not JSON is a (trimmed) string; keys and values may be unquoted or
 * single-quoted, and a missing value is the empty string; extra commas are ignored and array items need
 * none between them; trailing data after the first value is ignored; duplicate keys keep their first
 * position and last value. Unterminated objects, arrays and strings are errors, reported with json-smart's
 * wording and positions because API Gateway shows them to clients (test/java/json-smart.test.ts pins them).
 */
import { JavaList, JavaMap, type Value } from './values.js';
import { ContainerLimit, JsonDepthLimit, JsonParseError, MAX_DEPTH, isDigit, jsonDecimal, jsonInteger } from './json-scalars.js';
import { JavaFloat } from './numbers.js';
import { NOT_STRICT, parseStrictJson } from './json-strict-fast.js';
import { BYTES_PER_CHAR, BYTES_PER_OBJECT, BYTES_PER_SLOT, type Meter } from './meter.js';
import { javaTrim } from './java-trim.js';

export { JsonDepthLimit, JsonParseError } from './json-scalars.js';


/**
 * Parses a body as json-smart does. Strict JSON (nearly every body) takes a fast path; anything else — and
 * anything the fast path is unsure of — goes through the full permissive parser, with the same result.
 */
export function parseJsonPermissive(text: string): Value {
  return parseJsonBody(text).value;
}

export interface ParsedBody {
  value: Value;
  /** The body is strict JSON without repeated keys: json-canonical.ts can write its JSON from the text. */
  canonicalFromText: boolean;
  /** Objects and arrays made, and values put into them (what the parse allocated). */
  containers: number;
  members: number;
}

/** {@link parseJsonPermissive}, also telling whether the value's JSON can be written from the text. */
export function parseJsonBody(text: string, maxContainers = Infinity): ParsedBody {
  const fast = parseStrictJson(text, maxContainers);
  if (fast === NOT_STRICT) {
    const parser = new Parser(text, maxContainers);
    const value = parser.parseTop();
    return { value, canonicalFromText: false, containers: parser.containers, members: parser.members };
  }
  return { value: fast.value, canonicalFromText: !fast.duplicateKeys, containers: fast.containers, members: fast.members };
}

/**
 * Parses text for a render, charging its meter: the characters read as work, and what the values
 * occupy as memory (estimated from the counts, after the parse: one parse allocates at most a bounded
 * multiple of its text, which is itself held to the string cap).
 */
export function parseJsonMetered(text: string, meter: Meter): ParsedBody {
  meter.chars(text.length);
  meter.alloc(text.length * BYTES_PER_CHAR);
  // Objects and arrays are what a parse spends most on: allow only as many as the budget has left.
  const allowed = Math.floor(
    Math.min((meter.maxWork - meter.work) / CONTAINER_UNITS, (meter.maxMemory - meter.memory) / CONTAINER_BYTES),
  );
  let parsed: ParsedBody;
  try {
    parsed = parseJsonBody(text, allowed);
  } catch (e) {
    if (!(e instanceof ContainerLimit)) throw e;
    meter.charge((allowed + 1) * CONTAINER_UNITS);
    meter.alloc((allowed + 1) * CONTAINER_BYTES);
    throw e; // unreachable: one of the charges above exceeds its budget
  }
  meter.charge(parsed.containers * CONTAINER_UNITS + parsed.members / 4);
  meter.alloc(parsed.containers * CONTAINER_BYTES + parsed.members * BYTES_PER_SLOT);
  return parsed;
}

/** What one object or array of a parsed body costs: a Java object and its backing store. */
const CONTAINER_UNITS = 2;
const CONTAINER_BYTES = BYTES_PER_OBJECT * 3;

/** The full permissive parser alone (the fast path's reference in tests). */
export function parseJsonPermissiveSlow(text: string): Value {
  return new Parser(text).parseTop();
}

/**
 * json-smart marks the end of input with the character U+001A and tests for that character, not for the
 * position: a raw U+001A in a body ends it wherever the parser looks for the end (not inside a string it
 * takes whole).
 */
const EOI = 0x1a;

/** Where an unquoted token stops, besides EOI: json-smart's stop sets (the top level has none). */
const enum Stop {
  Top,
  /** In an array: `,` `]`. */
  Item,
  /** An object's value: `,` `}`. */
  Member,
  /** An object's key: `:`. */
  Key,
}

function stops(c: number, stop: Stop): boolean {
  switch (stop) {
    case Stop.Item:
      return c === 0x2c || c === 0x5d;
    case Stop.Member:
      return c === 0x2c || c === 0x7d;
    case Stop.Key:
      return c === 0x3a;
    default:
      return false;
  }
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * A character-by-character reading of json-smart's `JSONParserString`: the current character `c` at `pos`,
 * EOI past the end. Where it reports an error matters (API Gateway shows the message), and json-smart
 * reports many of them one character before the one it is looking at: the `pos - 1`s are its.
 */
class Parser {
  private pos = -1;
  private c = 0;
  private depth = 0;
  containers = 0;
  members = 0;
  /** The next backslash at or after the current string (kept, so finding it is linear over the body). */
  private backslash = -1;

  constructor(
    private readonly s: string,
    private readonly maxContainers = Infinity,
  ) {}

  parseTop(): Value {
    this.read();
    // Trailing data after the first value is never looked at.
    return this.value(Stop.Top);
  }

  private read(): void {
    this.c = ++this.pos < this.s.length ? this.s.charCodeAt(this.pos) : EOI;
  }

  private next(): number {
    this.read();
    return this.c;
  }

  /** json-smart steps over a `:` this way: the end of input right after it is an error of its own. */
  private readNoEnd(): void {
    this.read();
    if (this.pos >= this.s.length) throw this.eof(this.pos - 1, 'EOF');
  }

  /** Between tokens json-smart skips every character up to U+0020 (but EOI); before a value only four. */
  private skipSpace(): void {
    while (this.c <= 0x20 && this.c !== EOI) this.read();
  }

  private skipDigits(): void {
    while (this.c >= 0x30 && this.c <= 0x39) this.read();
  }

  private enter(): void {
    if (++this.containers > this.maxContainers) throw new ContainerLimit(this.maxContainers);
    if (++this.depth > MAX_DEPTH) throw new JsonDepthLimit();
  }

  private value(stop: Stop): Value {
    for (;;) {
      const c = this.c;
      switch (c) {
        case 0x20:
        case 0x09:
        case 0x0a:
        case 0x0d:
          this.read();
          continue;
        case 0x3a: // :
        case 0x7d: // }
        case 0x5d: // ]
          throw this.unexpectedCharacter(this.pos);
        case 0x7b:
          return this.object();
        case 0x5b:
          return this.array();
        case 0x22:
        case 0x27:
          return this.quoted();
        // A keyword counts only when its first character starts the token (`\fnull` is the text "null").
        case 0x6e:
          return this.keyword(stop, 'null', null);
        case 0x74:
          return this.keyword(stop, 'true', true);
        case 0x66:
          return this.keyword(stop, 'false', false);
        case 0x4e: {
          const text = this.unquoted(stop);
          return text === 'NaN' ? new JavaFloat(NaN) : text;
        }
        default:
          return c === 0x2d || isDigit(c) ? this.number(stop) : this.unquoted(stop);
      }
    }
  }

  private keyword(stop: Stop, word: string, value: Value): Value {
    const text = this.unquoted(stop);
    return text === word ? value : text;
  }

  /** Unquoted text runs to a stop character or EOI (spaces, newlines and quotes included), trimmed. */
  private unquoted(stop: Stop): string {
    return this.unquotedFrom(this.pos, stop);
  }

  private unquotedFrom(start: number, stop: Stop): string {
    while (this.c !== EOI && !stops(this.c, stop)) this.read();
    return javaTrim(this.s.slice(start, this.pos));
  }

  /**
   * json-smart's `readNumber`: digits, fraction and exponent are read by shape, then the token is a number
   * only if the next character (after spaces) is a stop, EOI or at least U+007E; anything else makes the
   * whole token unquoted text.
   */
  private number(stop: Stop): Value {
    const start = this.pos;
    this.read();
    this.skipDigits();
    let decimal = false;
    if (this.c === 0x2e) {
      decimal = true;
      this.read();
      this.skipDigits();
    }
    if (this.c === 0x65 || this.c === 0x45) {
      decimal = true;
      const c = this.next();
      if (!(c === 0x2b || c === 0x2d || isDigit(c))) return this.unquotedFrom(start, stop);
      this.read();
      this.skipDigits();
    }
    this.skipSpace();
    if (this.c !== EOI && this.c < 0x7e && !stops(this.c, stop)) return this.unquotedFrom(start, stop);
    const token = javaTrim(this.s.slice(start, this.pos));
    return decimal ? jsonDecimal(token) : jsonInteger(token);
  }

  private object(): JavaMap {
    this.enter();
    const map = new JavaMap('linked');
    this.read(); // {
    for (;;) {
      switch (this.c) {
        case 0x20:
        case 0x09:
        case 0x0a:
        case 0x0d:
          this.read();
          continue;
        case 0x3a: // :
        case 0x5d: // ]
        case 0x5b: // [
        case 0x7b: // {
          throw this.unexpectedCharacter(this.pos);
        case 0x7d:
          this.read();
          this.depth--;
          return map;
        case 0x2c:
          this.read();
          continue;
      }
      const key = this.c === 0x22 || this.c === 0x27 ? this.quoted() : this.unquoted(Stop.Key);
      this.skipSpace();
      if (this.c !== 0x3a) {
        if (this.c === EOI) throw this.eof(this.pos - 1, 'null');
        throw this.unexpectedCharacter(this.pos - 1);
      }
      this.readNoEnd();
      this.members++;
      map.set(key, this.value(Stop.Member));
      this.skipSpace();
      const after = this.c as number;
      if (after === 0x7d) {
        this.read();
        this.depth--;
        return map;
      }
      if (after === EOI) throw this.eof(this.pos - 1, 'null');
      if (after !== 0x2c) throw this.unexpectedToken(this.pos - 1);
      this.read();
    }
  }

  /** No comma is needed between items: `["a"b]` is two of them. */
  private array(): JavaList {
    this.enter();
    const items: Value[] = [];
    this.read(); // [
    for (;;) {
      switch (this.c) {
        case 0x20:
        case 0x09:
        case 0x0a:
        case 0x0d:
        case 0x2c:
          this.read();
          continue;
        case 0x5d:
          this.read();
          this.depth--;
          return new JavaList(items, 'json');
        case 0x3a: // :
        case 0x7d: // }
          throw this.unexpectedCharacter(this.pos);
        case EOI:
          throw this.eof(this.pos - 1, 'EOF');
      }
      this.members++;
      items.push(this.value(Stop.Item));
    }
  }

  /** json-smart's fast path: up to the next quote, taken as it is (raw control characters included) when free of escapes. */
  private quoted(): string {
    const s = this.s;
    const quote = this.c;
    const start = this.pos + 1;
    const close = s.indexOf(quote === 0x22 ? '"' : "'", start);
    if (close < 0) throw this.eof(s.length, 'null');
    if (this.backslash !== Number.MAX_SAFE_INTEGER && this.backslash < start) {
      const next = s.indexOf('\\', start);
      this.backslash = next < 0 ? Number.MAX_SAFE_INTEGER : next;
    }
    if (this.backslash > close) {
      this.pos = close;
      this.read();
      return s.slice(start, close);
    }
    return this.escaped(quote);
  }

  /** json-smart's slow path: escapes decoded, unknown ones dropped whole, raw control characters and DEL dropped. */
  private escaped(quote: number): string {
    const s = this.s;
    let out = '';
    let run = this.pos + 1;
    for (;;) {
      this.read();
      const c = this.c;
      if (c !== EOI && c !== quote && c !== 0x5c && c >= 0x20 && c !== 0x7f) continue;
      out += s.slice(run, this.pos);
      if (c === EOI) throw this.eof(this.pos - 1, 'null');
      if (c === quote) {
        this.read();
        return out;
      }
      if (c === 0x5c) {
        this.read();
        switch (this.c) {
          case 0x22:
          case 0x27:
          case 0x5c:
          case 0x2f:
            out += String.fromCharCode(this.c);
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
          case 0x75:
            out += String.fromCharCode(this.hex(4));
            break;
          case 0x78:
            out += String.fromCharCode(this.hex(2));
            break;
        }
      }
      run = this.pos + 1;
    }
  }

  private hex(digits: number): number {
    let value = 0;
    for (let k = 0; k < digits; k++) {
      this.read();
      const d = hexDigit(this.c);
      if (d < 0) {
        if (this.c === EOI) throw this.eof(this.pos, 'EOF');
        throw new JsonParseError(`Unexpected unicode escape sequence ${String.fromCharCode(this.c)} at position ${this.pos}.`, this.pos);
      }
      value = value * 16 + d;
    }
    return value;
  }

  private eof(position: number, detail: string): JsonParseError {
    return new JsonParseError(`Unexpected End Of File position ${position}: ${detail}`, position);
  }

  private unexpectedCharacter(position: number): JsonParseError {
    return new JsonParseError(`Unexpected character (${String.fromCharCode(this.c)}) at position ${position}.`, position);
  }

  private unexpectedToken(position: number): JsonParseError {
    return new JsonParseError(`Unexpected token ${String.fromCharCode(this.c)} at position ${position}.`, position);
  }
}
