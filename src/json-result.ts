import { checkStrictJson, JacksonParseError } from './java/jackson-json.js';

/** `RenderResult.json()`: JSON.parse with an error that names the line and column in the rendered text. */
export class RenderedJsonError extends SyntaxError {
  override readonly name = 'RenderedJsonError';

  constructor(
    /** What is wrong, without the position. */
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} (line ${line}, column ${column} of the rendered output)`);
  }
}

/** Where strict JSON parsing first fails: V8's position when it gives one, else the strict scanner's. */
function errorOffset(text: string, message: string): number {
  const m = /position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  try {
    checkStrictJson(text);
  } catch (e) {
    if (e instanceof JacksonParseError) return e.offset;
  }
  return text.length;
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const offset = errorOffset(text, message);
    const before = text.slice(0, offset);
    const line = before.split(/\r\n|\r|\n/).length;
    const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '');
    throw new RenderedJsonError(`the rendered output is not valid JSON: ${reason}`, line, column);
  }
}
