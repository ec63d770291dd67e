/**
 * json-smart 2.2's parser in `MODE_PERMISSIVE`, the mode API Gateway parses bodies with (java-formatting §2):
 * objects become LinkedHashMaps, arrays JSON lists, and numbers keep their Java class (Integer, Long,
 * BigInteger, Double, BigDecimal) which `JSON.parse` would lose.
 *
 * Permissive means: text that is not JSON is a (trimmed) string; keys and values may be unquoted or
 * single-quoted; extra commas are ignored; trailing data after the first value is ignored; duplicate
 * keys keep their first position and last value. Unterminated objects, arrays and strings are errors,
 * reported with json-smart's wording because API Gateway shows it to clients.
 */
import { JavaList, JavaMap, type Value } from './values.js';
import { ContainerLimit, JsonParseError, MAX_DEPTH, unquotedValue } from './json-scalars.js';
import { NOT_STRICT, parseStrictJson } from './json-strict-fast.js';
import { BYTES_PER_CHAR, BYTES_PER_OBJECT, BYTES_PER_SLOT, type Meter } from './meter.js';

export { JsonParseError } from './json-scalars.js';


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

class Parser {
  private i = 0;
  private depth = 0;
  containers = 0;
  members = 0;

  constructor(
    private readonly s: string,
    private readonly maxContainers = Infinity,
  ) {}

  parseTop(): Value {
    const s = this.s;
    this.skipSpace();
    if (this.i >= s.length) return '';
    const c = s[this.i];
    if (c === '{') return this.parseObject();
    if (c === '[') return this.parseArray();
    if (c === '"' || c === "'") return this.parseQuoted();
    if (c === '}' || c === ']' || c === ':') throw this.unexpectedCharacter();
    const start = this.i;
    return unquotedValue(s.slice(start).trim(), start);
  }

  private skipSpace(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.i++;
      else break;
    }
  }

  private enter(): void {
    if (++this.containers > this.maxContainers) throw new ContainerLimit(this.maxContainers);
    if (++this.depth > MAX_DEPTH) throw new JsonParseError(`JSON nested more than ${MAX_DEPTH} levels deep`, this.i);
  }

  private parseObject(): JavaMap {
    this.enter();
    const s = this.s;
    const map = new JavaMap('linked');
    this.i++; // {
    for (;;) {
      this.skipSpace();
      if (this.i >= s.length) throw this.eof(this.i, 'EOF');
      const c = s[this.i];
      if (c === '}') {
        this.i++;
        break;
      }
      if (c === ',') {
        this.i++;
        continue;
      }
      let key: string;
      if (c === '"' || c === "'") {
        key = this.parseQuoted();
      } else {
        const start = this.i;
        const colon = s.indexOf(':', start);
        if (colon < 0) throw this.eof(start, 'null');
        key = s.slice(start, colon).trim();
        this.i = colon;
      }
      this.skipSpace();
      if (this.i >= s.length) throw this.eof(this.i, 'EOF');
      if (s[this.i] !== ':') throw this.unexpectedCharacter();
      this.i++;
      this.members++;
      map.set(key, this.parseMember('}'));
      this.skipSpace();
      if (this.i >= s.length) throw this.eof(this.i, 'EOF');
      const after = s[this.i];
      if (after === ',') this.i++;
      else if (after !== '}') throw this.unexpectedToken();
    }
    this.depth--;
    return map;
  }

  private parseArray(): JavaList {
    this.enter();
    const s = this.s;
    const items: Value[] = [];
    this.i++; // [
    for (;;) {
      this.skipSpace();
      if (this.i >= s.length) throw this.eof(this.i, 'EOF');
      const c = s[this.i];
      if (c === ']') {
        this.i++;
        break;
      }
      if (c === ',') {
        this.i++;
        continue;
      }
      this.members++;
      items.push(this.parseMember(']'));
      this.skipSpace();
      if (this.i >= s.length) throw this.eof(this.i, 'EOF');
      const after = s[this.i];
      if (after === ',') this.i++;
      else if (after !== ']') throw this.unexpectedToken();
    }
    this.depth--;
    return new JavaList(items, 'json');
  }

  /** A value inside an object or array; unquoted values run to the next `,` or the closing bracket. */
  private parseMember(close: '}' | ']'): Value {
    const s = this.s;
    this.skipSpace();
    if (this.i >= s.length) throw this.eof(this.i, 'EOF');
    const c = s[this.i];
    if (c === '{') return this.parseObject();
    if (c === '[') return this.parseArray();
    if (c === '"' || c === "'") return this.parseQuoted();
    if (c === ',' || c === close) throw this.unexpectedCharacter();
    const start = this.i;
    let end = start;
    while (end < s.length && s[end] !== ',' && s[end] !== close) end++;
    if (end >= s.length) throw this.eof(start, 'EOF');
    this.i = end;
    return unquotedValue(s.slice(start, end).trim(), start);
  }

  /** The next backslash at or after the current string (kept, so finding it is linear over the body). */
  private backslash = -1;

  private parseQuoted(): string {
    const s = this.s;
    const quote = s[this.i]!;
    const start = this.i + 1;
    const close = s.indexOf(quote, start);
    if (close < 0) throw this.eof(this.i, 'EOF');
    if (this.backslash !== Number.MAX_SAFE_INTEGER && this.backslash < start) {
      const next = s.indexOf('\\', start);
      this.backslash = next < 0 ? Number.MAX_SAFE_INTEGER : next;
    }
    const backslash = this.backslash;
    if (backslash > close) {
      // json-smart's fast path: no escapes, the text is taken as it is (raw control characters included).
      this.i = close + 1;
      return s.slice(start, close);
    }
    return this.parseEscaped(quote, start);
  }

  /** json-smart's slow path: escapes are decoded and raw control characters silently dropped. */
  private parseEscaped(quote: string, start: number): string {
    const s = this.s;
    let out = '';
    let i = start;
    for (;;) {
      if (i >= s.length) throw this.eof(start - 1, 'EOF');
      const ch = s[i]!;
      if (ch === quote) break;
      const code = ch.charCodeAt(0);
      if (ch === '\\') {
        const next = s[i + 1];
        if (next === undefined) throw this.eof(start - 1, 'EOF');
        i += 2;
        switch (next) {
          case '"':
          case "'":
          case '\\':
          case '/':
            out += next;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = s.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonParseError(`Unexpected unicode escape sequence at position ${i}.`, i);
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          case 'x': {
            const hex = s.slice(i, i + 2);
            if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new JsonParseError(`Unexpected escape sequence at position ${i}.`, i);
            out += String.fromCharCode(parseInt(hex, 16));
            i += 2;
            break;
          }
          default:
            // An unknown escape drops both characters.
            break;
        }
        continue;
      }
      if ((code < 0x20 && code !== 0x1a) || code === 0x7f) {
        i++;
        continue;
      }
      out += ch;
      i++;
    }
    this.i = i + 1;
    return out;
  }

  private eof(position: number, detail: string): JsonParseError {
    return new JsonParseError(`Unexpected End Of File position ${position}: ${detail}`, position);
  }

  private unexpectedCharacter(): JsonParseError {
    return new JsonParseError(`Unexpected character (${this.s[this.i]}) at position ${this.i}.`, this.i);
  }

  private unexpectedToken(): JsonParseError {
    return new JsonParseError(`Unexpected token ${this.s[this.i]} at position ${this.i}.`, this.i);
  }
}
