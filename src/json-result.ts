/** `RenderResult.json()`: JSON.parse with an error that names the line and column in the rendered text. */
export class RenderedJsonError extends SyntaxError {
  override readonly name = 'RenderedJsonError';

  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column} of the rendered output)`);
  }
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const m = /position (\d+)/.exec(message);
    const offset = m ? Number(m[1]) : text.length;
    const before = text.slice(0, offset);
    const line = before.split(/\r\n|\r|\n/).length;
    const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    throw new RenderedJsonError(`the rendered output is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, line, column);
  }
}
