/**
 * The request body read as strict JSON, as Jackson's `readTree` reads it for the validator: no comments,
 * no single quotes, no leading zeros, no trailing commas, duplicate keys keep their first position and last
 * value. Content after the first value is an error, as fge's `JsonLoader` (jackson-coreutils'
 * `JsonNodeReader`) reports it. Jackson 2.15's default stream limits apply (1000 levels of nesting, 1000
 * characters per number), which also keep a hostile body from costing more than its length.
 */
import { BYTES_PER_CHAR, BYTES_PER_OBJECT, BYTES_PER_SLOT, type Meter } from '../../../java/meter.js';
import { JsonNumber, type Instance, type JsonObject } from './instance.js';

/** Jackson 2.15's `StreamReadConstraints` defaults. */
export const MAX_BODY_DEPTH = 1000;
export const MAX_NUMBER_LENGTH = 1000;
/** BigDecimal's scale is a Java int. */
const MAX_SCALE = 2 ** 31 - 1;

export type ParsedInstance = { ok: true; value: Instance } | { ok: false; reason: string; offset: number };

class BodySyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

const CONTAINER_UNITS = 2;
const CONTAINER_BYTES = BYTES_PER_OBJECT * 3;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function describe(c: number): string {
  return c < 0x20 ? `(CTRL-CHAR, code ${c})` : `'${String.fromCharCode(c)}' (code ${c})`;
}

class Reader {
  pos = 0;

  constructor(
    private readonly s: string,
    private readonly meter: Meter,
  ) {}

  fail(reason: string, at = this.pos): never {
    throw new BodySyntaxError(reason, at);
  }

  skipSpace(): void {
    const s = this.s;
    while (this.pos < s.length && isSpace(s.charCodeAt(this.pos))) this.pos++;
  }

  document(): Instance {
    this.skipSpace();
    if (this.pos >= this.s.length) this.fail('No content to map due to end-of-input');
    const value = this.value(0);
    this.skipSpace();
    if (this.pos < this.s.length) this.fail(`Unexpected character ${describe(this.s.charCodeAt(this.pos))}: trailing content after the JSON value`);
    return value;
  }

  private value(depth: number): Instance {
    this.skipSpace();
    const c = this.s.charCodeAt(this.pos);
    if (c === 0x7b) return this.object(depth + 1);
    if (c === 0x5b) return this.array(depth + 1);
    if (c === 0x22) return this.string();
    if (c === 0x2d || isDigit(c)) return this.number();
    if (this.word('true')) return true;
    if (this.word('false')) return false;
    if (this.word('null')) return null;
    if (Number.isNaN(c)) this.fail('Unexpected end-of-input: expected a value');
    return this.fail(`Unexpected character ${describe(c)}: expected a value`);
  }

  private word(w: string): boolean {
    if (!this.s.startsWith(w, this.pos)) return false;
    const next = this.s.charCodeAt(this.pos + w.length);
    // `truex` is one unrecognized token to Jackson, not `true` followed by garbage.
    if (/[A-Za-z0-9_$]/.test(String.fromCharCode(next))) this.fail(`Unrecognized token starting '${w}'`);
    this.pos += w.length;
    return true;
  }

  private enter(depth: number): void {
    if (depth > MAX_BODY_DEPTH) this.fail(`Document nesting depth exceeds the maximum allowed (${MAX_BODY_DEPTH})`);
    this.meter.charge(CONTAINER_UNITS);
    this.meter.alloc(CONTAINER_BYTES);
  }

  private object(depth: number): JsonObject {
    this.enter(depth);
    const start = this.pos++;
    const out: JsonObject = new Map();
    this.skipSpace();
    if (this.s.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.s.charCodeAt(this.pos) !== 0x22) {
        if (this.pos >= this.s.length) this.fail(`Unexpected end-of-input: expected close marker for Object (started at ${start})`);
        this.fail(`Unexpected character ${describe(this.s.charCodeAt(this.pos))}: was expecting double-quote to start field name`);
      }
      const key = this.string();
      this.skipSpace();
      if (this.s.charCodeAt(this.pos) !== 0x3a) this.fail('was expecting a colon to separate field name and value');
      this.pos++;
      const value = this.value(depth);
      this.meter.alloc(BYTES_PER_SLOT);
      out.set(key, value);
      this.skipSpace();
      const next = this.s.charCodeAt(this.pos++);
      if (next === 0x7d) return out;
      if (next !== 0x2c) this.fail(Number.isNaN(next) ? `Unexpected end-of-input: expected close marker for Object (started at ${start})` : `Unexpected character ${describe(next)}: was expecting comma to separate Object entries`, this.pos - 1);
    }
  }

  private array(depth: number): Instance[] {
    this.enter(depth);
    const start = this.pos++;
    const out: Instance[] = [];
    this.skipSpace();
    if (this.s.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth));
      this.meter.alloc(BYTES_PER_SLOT);
      this.skipSpace();
      const next = this.s.charCodeAt(this.pos++);
      if (next === 0x5d) return out;
      if (next !== 0x2c) this.fail(Number.isNaN(next) ? `Unexpected end-of-input: expected close marker for Array (started at ${start})` : `Unexpected character ${describe(next)}: was expecting comma to separate Array entries`, this.pos - 1);
    }
  }

  private string(): string {
    const s = this.s;
    let i = ++this.pos;
    let chunkStart = i;
    let out = '';
    for (;;) {
      if (i >= s.length) this.fail('Unexpected end-of-input: was expecting closing quote for a string value', i);
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        this.pos = i + 1;
        return out + s.slice(chunkStart, i);
      }
      if (c < 0x20) this.fail(`Illegal unquoted character (${describe(c)}): has to be escaped using backslash to be included in string value`, i);
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += s.slice(chunkStart, i);
      const e = s.charCodeAt(i + 1);
      if (e === 0x75) {
        const hex = s.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Unexpected character in character escape sequence: expected a hex-digit for character escape sequence', i);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        const simple = SIMPLE_ESCAPES[e];
        if (simple === undefined) this.fail(Number.isNaN(e) ? 'Unexpected end-of-input in character escape sequence' : `Unrecognized character escape ${describe(e)}`, i);
        out += simple;
        i += 2;
      }
      chunkStart = i;
    }
  }

  private number(): JsonNumber {
    const s = this.s;
    const start = this.pos;
    let i = start;
    if (s.charCodeAt(i) === 0x2d) i++;
    if (!isDigit(s.charCodeAt(i))) this.fail('Unexpected character: expected digit (0-9) to follow minus sign, for valid numeric value', i);
    if (s.charCodeAt(i) === 0x30 && isDigit(s.charCodeAt(i + 1))) this.fail('Invalid numeric value: Leading zeroes not allowed', i);
    while (isDigit(s.charCodeAt(i))) i++;
    let integral = true;
    if (s.charCodeAt(i) === 0x2e) {
      integral = false;
      i++;
      if (!isDigit(s.charCodeAt(i))) this.fail('Unexpected character: Decimal point not followed by a digit', i);
      while (isDigit(s.charCodeAt(i))) i++;
    }
    const e = s.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      integral = false;
      i++;
      const signChar = s.charCodeAt(i);
      if (signChar === 0x2b || signChar === 0x2d) i++;
      if (!isDigit(s.charCodeAt(i))) this.fail('Unexpected character: Exponent indicator not followed by a digit', i);
      while (isDigit(s.charCodeAt(i))) i++;
    }
    if (i - start > MAX_NUMBER_LENGTH) this.fail(`Number value length (${i - start}) exceeds the maximum allowed (${MAX_NUMBER_LENGTH})`, start);
    const next = s.charCodeAt(i);
    if (/[A-Za-z0-9_.]/.test(String.fromCharCode(next)) && !Number.isNaN(next)) this.fail(`Unexpected character ${describe(next)} in numeric value`, i);
    const literal = s.slice(start, i);
    this.pos = i;
    if (!integral) checkScale(literal, this, start);
    return new JsonNumber(literal, integral);
  }
}

/** BigDecimal rejects a literal whose scale does not fit an int; Jackson reports it as a parse error. */
function checkScale(literal: string, reader: Reader, at: number): void {
  const m = /[eE]([+-]?\d+)$/.exec(literal);
  if (!m) return;
  const exponent = Number(m[1]);
  const fraction = /\.(\d+)/.exec(literal)?.[1]?.length ?? 0;
  if (!Number.isFinite(exponent) || Math.abs(fraction - exponent) > MAX_SCALE) reader.fail('Invalid numeric value: exponent out of range', at);
}

const SIMPLE_ESCAPES: Record<number, string> = {
  0x22: '"',
  0x5c: '\\',
  0x2f: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};

/**
 * Parses a body, charging `meter` for the characters read and the nodes built. A syntax error is a
 * result; a budget overrun throws `BudgetExceeded`.
 */
export function parseBodyJson(text: string, meter: Meter): ParsedInstance {
  meter.chars(text.length);
  meter.alloc(text.length * BYTES_PER_CHAR);
  try {
    return { ok: true, value: new Reader(text, meter).document() };
  } catch (e) {
    if (e instanceof BodySyntaxError) return { ok: false, reason: e.reason, offset: e.offset };
    throw e;
  }
}
