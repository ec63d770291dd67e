/**
 * Maps offsets in a template to 1-based line and column numbers (lines end at LF, CRLF or CR). For the
 * body of a string literal, `origin` is where the body starts in the enclosing template.
 */
import type { Position } from '../ast.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    readonly text: string,
    private readonly origin: Position = { line: 1, column: 1 },
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) this.starts.push(i + 1);
      else if (c === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = offset - this.starts[lo]! + 1;
    if (lo === 0) return { line: this.origin.line, column: this.origin.column + column - 1 };
    return { line: this.origin.line + lo, column };
  }

  /** The offset of a 1-based line and 0-based column (as velocityjs reports them). */
  offset(line: number, column0: number): number {
    const start = this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1]!;
    return Math.min(start + column0, this.text.length);
  }
}
