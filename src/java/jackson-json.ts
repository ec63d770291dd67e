/**
 * Strict JSON as Jackson reads it (what API Gateway uses to check a Lambda payload): its messages, and
 * where the problem is. Also used to point at the first error in a rendered output.
 */

export class JacksonParseError extends Error {
  override readonly name = 'JacksonParseError';

  constructor(
    /** The reason, e.g. `Unexpected character ('}' (code 125)): expected a value`. */
    readonly reason: string,
    /** Jackson's full message, with its `at [Source: …; line: L, column: C]` location. */
    readonly jacksonMessage: string,
    /** 0-based offset of the offending character (the text's length at end of input). */
    readonly offset: number,
    /** Jackson's line and column (the column is just after the offending character). */
    readonly line: number,
    readonly column: number,
  ) {
    super(jacksonMessage);
  }
}

const SOURCE_LIMIT = 500;

function describe(c: string): string {
  const code = c.codePointAt(0)!;
  return code < 32 ? `(CTRL-CHAR, code ${code})` : `('${c}' (code ${code}))`;
}

export class StrictJson {
  private pos = 0;

  constructor(private readonly s: string) {}

  /** `at`: Jackson's position, just after the offending character (or the end of the input). */
  private fail(message: string, at = this.pos): never {
    const before = this.s.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    const source =
      this.s.length > SOURCE_LIMIT ? `${this.s.slice(0, SOURCE_LIMIT)}"[truncated ${this.s.length - SOURCE_LIMIT} chars]` : `${this.s}"`;
    throw new JacksonParseError(message, `${message}\n at [Source: (String)"${source}; line: ${line}, column: ${column}]`, at >= this.s.length ? this.s.length : Math.max(0, at - 1), line, column);
  }

  private space(): void {
    while (this.pos < this.s.length && ' \t\r\n'.includes(this.s[this.pos]!)) this.pos++;
  }

  document(): void {
    this.space();
    if (this.pos >= this.s.length) this.fail('No content to map due to end-of-input');
    this.value();
    this.space();
    const rest = this.s[this.pos];
    if (rest !== undefined) {
      this.pos++;
      this.fail(`Unexpected character ${describe(rest)}: expected end-of-input after the JSON value`);
    }
  }

  private value(): void {
    this.space();
    const c = this.s[this.pos];
    if (c === undefined) this.fail('Unexpected end-of-input: expected a value');
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    const word = /^[A-Za-z0-9_$]+/.exec(this.s.slice(this.pos))?.[0];
    if (word === 'true' || word === 'false' || word === 'null') {
      this.pos += word.length;
      return;
    }
    if (word) {
      this.pos += word.length;
      this.fail(`Unrecognized token '${word}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`);
    }
    this.pos++;
    this.fail(`Unexpected character ${describe(c)}: expected a value`);
  }

  private object(): void {
    const start = this.pos++;
    this.space();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.space();
      const c = this.s[this.pos];
      if (c === undefined) this.fail(`Unexpected end-of-input: expected close marker for Object (start marker at line: 1, column: ${start + 1})`);
      if (c !== '"') {
        this.pos++;
        this.fail(`Unexpected character ${describe(c)}: was expecting double-quote to start field name`);
      }
      this.string();
      this.space();
      if (this.s[this.pos] !== ':') {
        const d = this.s[this.pos];
        this.pos++;
        this.fail(d === undefined ? 'Unexpected end-of-input: was expecting a colon to separate field name and value' : `Unexpected character ${describe(d)}: was expecting a colon to separate field name and value`);
      }
      this.pos++;
      this.value();
      this.space();
      const next = this.s[this.pos++];
      if (next === '}') return;
      if (next === undefined) this.fail(`Unexpected end-of-input: expected close marker for Object (start marker at line: 1, column: ${start + 1})`);
      if (next !== ',') this.fail(`Unexpected character ${describe(next)}: was expecting comma to separate Object entries`);
    }
  }

  private array(): void {
    const start = this.pos++;
    this.space();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.value();
      this.space();
      const next = this.s[this.pos++];
      if (next === ']') return;
      if (next === undefined) this.fail(`Unexpected end-of-input: expected close marker for Array (start marker at line: 1, column: ${start + 1})`);
      if (next !== ',') this.fail(`Unexpected character ${describe(next)}: was expecting comma to separate Array entries`);
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const c = this.s[this.pos++];
      if (c === undefined) this.fail('Unexpected end-of-input: was expecting closing quote for a string value');
      if (c === '"') return;
      if (c < ' ') this.fail(`Illegal unquoted character (${describe(c)}): has to be escaped using backslash to be included in string value`);
      if (c !== '\\') continue;
      const e = this.s[this.pos++];
      if (e === undefined) this.fail('Unexpected end-of-input in character escape sequence');
      if ('"\\/bfnrt'.includes(e)) continue;
      if (e === 'u') {
        const hex = this.s.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Unexpected character in character escape sequence: expected a hex-digit for character escape sequence');
        this.pos += 4;
      } else this.fail(`Unrecognized character escape '${e}' (code ${e.codePointAt(0)})`);
    }
  }

  private number(): void {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.pos));
    if (!m) {
      this.pos++;
      this.fail(`Unexpected character ${describe(this.s[this.pos] ?? ' ')}: expected digit (0-9) to follow minus sign, for valid numeric value`);
    }
    this.pos += m[0].length;
    const next = this.s[this.pos];
    if (next !== undefined && /[0-9A-Za-z.]/.test(next)) {
      this.pos++;
      this.fail(`Unexpected character ${describe(next)}: Expected space separating root-level values`);
    }
  }
}

/** @throws JacksonParseError */
export function checkStrictJson(text: string): void {
  new StrictJson(text).document();
}
