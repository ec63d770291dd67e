/**
 * Where in the template a failure is: the construct that threw, or — for a problem found in the output,
 * such as JSON that breaks at output column 12 — the construct that wrote that part of the output. That
 * is the line an editor, a CI annotation or a code-scanning alert should point at.
 */
import type { RenderInput } from '../../gateway/request.js';
import type { CompiledTemplate, RenderOptions } from '../../template.js';
import type { Position } from '../../vtl/ast.js';
import { VtlError } from '../../vtl/errors.js';
import { positionOfOutput, type OutputSpan } from '../../vtl/runtime/tracing-frame.js';
import type { Problem } from './report.js';

/** The offset of 1-based line/column in text whose lines end in `\n`, `\r\n` or `\r` (as the JSON check counts them). */
export function offsetOfLineColumn(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line && offset < text.length; l++) {
    const next = text.slice(offset).search(/\r\n|\r|\n/);
    if (next < 0) return text.length;
    offset += next + (text.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

/**
 * The template position of a failure: the error's own position, or, for a problem at an output line and
 * column, the position that wrote the output there (found by rendering the input again, traced).
 * Undefined when the problem has no place (a MOCK body without a statusCode is wrong as a whole).
 */
export function templatePositionOf(template: CompiledTemplate, input: RenderInput, outcome: { output?: string; error?: unknown }, problem: Problem, render: RenderOptions = {}): Position | undefined {
  if (outcome.error instanceof VtlError) return { line: outcome.error.line, column: outcome.error.column };
  if (outcome.output === undefined || problem.line === undefined) return undefined;
  const spans: OutputSpan[] = [];
  try {
    template.renderTraced(input, render, spans);
  } catch {
    // The same input rendered once already; should a limit differ, the spans written so far still place it.
  }
  const position = positionOfOutput(spans, offsetOfLineColumn(outcome.output, problem.line, problem.column ?? 1), template.source);
  return position && { line: position.line, column: position.column };
}
