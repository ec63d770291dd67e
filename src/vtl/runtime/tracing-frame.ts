/**
 * A frame that reports which template construct wrote each piece of the output, so a problem found in
 * the output (a JSON syntax error at output column 12) can be shown at the template line that caused it.
 * A separate class, so renders that do not trace pay nothing for it.
 */
import type { Position } from '../ast.js';
import { LineIndex } from '../parser/source.js';
import type { Meter } from '../../java/meter.js';
import type { PatternCache } from '../../java/regex/index.js';
import { Frame } from './frame.js';
import type { RenderLimits } from './limits.js';

/** A piece of output: `text`, from output offset `start`, written at `position`. */
export interface OutputSpan {
  start: number;
  text: string;
  position: Position;
}

export class TracingFrame extends Frame {
  constructor(slotCount: number, limits: RenderLimits, meter: Meter, patterns: PatternCache, readonly spans: OutputSpan[]) {
    super(slotCount, limits, meter, patterns);
  }

  override write(text: string, position: Position): void {
    // Text built inside a string literal reaches the output later, through the reference that prints it.
    if (!this.isCapturing && text.length > 0) this.spans.push({ start: this.length, text, position });
    super.write(text, position);
  }
}

/**
 * Where literal text of the template puts output offset `offset`: the span's text is the template's own
 * text from the span's position on, so the position moves along it, line breaks included.
 */
function withinText(span: OutputSpan, offset: number, source: string, lines: LineIndex): Position {
  const from = lines.offset(span.position.line, span.position.column - 1);
  if (source.slice(from, from + span.text.length) !== span.text) return span.position;
  return lines.position(from + (offset - span.start));
}

/**
 * The template position that wrote output offset `offset` (the last span, when past the end). Given the
 * template's text, a problem inside a stretch of literal text is placed at its own line and column.
 */
export function positionOfOutput(spans: readonly OutputSpan[], offset: number, source?: string): Position | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.start + s.text.length) lo = mid + 1;
    else return source === undefined ? s.position : withinText(s, offset, source, new LineIndex(source));
  }
  return spans[spans.length - 1]?.position;
}
