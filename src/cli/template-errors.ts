/** A template error as a compiler prints it: `file:line:column: message`, the line, and a caret. */
import { VtlError } from '../vtl/errors.js';
import { excerpt } from '../testing/properties/report.js';
import type { CliIo } from './io.js';
import { paint } from './io.js';

export function printTemplateError(io: CliIo, label: string, source: string, error: unknown): void {
  if (!(error instanceof VtlError)) {
    io.err(`${label}: ${paint(io, 'red', 'error')}: ${(error as Error)?.message ?? String(error)}`);
    return;
  }
  io.err(`${label}:${error.line}:${error.column}: ${paint(io, 'red', 'error')}: ${error.name}: ${error.reason}`);
  io.err(excerpt(source, error.line, error.column));
}
