/**
 * A MOCK integration answers with the status code its request template names. API Gateway reads the
 * rendered body with a lenient tokenizer, not a JSON parser: CDK's `{statusCode: 200}` works (LS-MOCK-01),
 * text before the first `{` is skipped (a bare `$map.put(…)` line renders its own source there, LS-OVR-06),
 * keys and values may be unquoted or single-quoted, and empty entries are ignored. What it insists on:
 * a closed object, matching quotes, and an integer `statusCode` (a quoted `"200"` is a 500, GH-03).
 *
 * API Gateway is Java, so blanks are what `String.trim()` strips (chars up to U+0020), not JavaScript's
 * wider set; no recording pins this, it only keeps the reader from being looser than Java would be.
 */
import { javaTrim } from '../java/java-trim.js';

export const MOCK_STATUS_ERROR =
  'Execution failed due to configuration error: Unable to parse statusCode. It should be an integer that is defined in the request template.';

type Token = { kind: 'quoted' | 'bare' | 'group'; text: string };

class Unreadable extends Error {}

class Scanner {
  pos: number;

  constructor(
    private readonly s: string,
    start: number,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.s.length;
  }

  peek(): string {
    return this.s[this.pos] ?? '';
  }

  skipSpace(): void {
    while (!this.done && this.s.charCodeAt(this.pos) <= 0x20) this.pos++;
  }

  quoted(): string {
    const quote = this.s[this.pos++]!;
    const start = this.pos;
    while (!this.done && this.peek() !== quote) this.pos += this.peek() === '\\' ? 2 : 1;
    if (this.done) throw new Unreadable();
    return this.s.slice(start, this.pos++);
  }

  /** Text up to one of `stops` outside any bracket or quote; the stop itself is not consumed. */
  bare(stops: string): string {
    const start = this.pos;
    let depth = 0;
    while (!this.done) {
      const c = this.peek();
      if (depth === 0 && stops.includes(c)) return javaTrim(this.s.slice(start, this.pos));
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      else if ((c === '"' || c === "'") && depth > 0) {
        this.quoted();
        continue;
      }
      this.pos++;
    }
    throw new Unreadable();
  }

  /** A `{…}` or `[…]` group, balanced, quotes respected. */
  group(): string {
    const start = this.pos;
    let depth = 0;
    while (!this.done) {
      const c = this.peek();
      if (c === '"' || c === "'") {
        this.quoted();
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      this.pos++;
      if (depth === 0) return this.s.slice(start, this.pos);
    }
    throw new Unreadable();
  }

  key(): string {
    const c = this.peek();
    return c === '"' || c === "'" ? this.quoted() : this.bare(':');
  }

  value(): Token {
    const c = this.peek();
    if (c === '"' || c === "'") return { kind: 'quoted', text: this.quoted() };
    if (c === '{' || c === '[') return { kind: 'group', text: this.group() };
    return { kind: 'bare', text: this.bare(',}') };
  }
}

/** The top-level entries of the first `{…}` object in the text. */
function lenientEntries(text: string): Map<string, Token> {
  const open = text.indexOf('{');
  if (open < 0) throw new Unreadable();
  const scanner = new Scanner(text, open + 1);
  const entries = new Map<string, Token>();
  for (;;) {
    scanner.skipSpace();
    if (scanner.done) throw new Unreadable();
    const c = scanner.peek();
    if (c === '}') return entries;
    if (c === ',') {
      scanner.pos++;
      continue;
    }
    const key = scanner.key();
    scanner.skipSpace();
    if (scanner.peek() !== ':') throw new Unreadable();
    scanner.pos++;
    scanner.skipSpace();
    entries.set(key, scanner.value());
    scanner.skipSpace();
    if (scanner.peek() !== ',' && scanner.peek() !== '}') throw new Unreadable();
  }
}

/**
 * The status a MOCK integration returns for a rendered request body, or undefined when API Gateway could
 * not read one (it answers 500 and logs {@link MOCK_STATUS_ERROR}). An empty body means 200.
 */
export function mockStatus(renderedBody: string): number | undefined {
  if (javaTrim(renderedBody) === '') return 200;
  let entries: Map<string, Token>;
  try {
    entries = lenientEntries(renderedBody);
  } catch (e) {
    if (e instanceof Unreadable) return undefined;
    throw e;
  }
  const status = entries.get('statusCode');
  if (status?.kind !== 'bare' || !/^-?\d{1,9}$/.test(status.text)) return undefined;
  return Number(status.text);
}
