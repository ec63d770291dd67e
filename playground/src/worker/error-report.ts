/** Any failure as plain data for the page: the library's typed errors keep their place and limit. */
import { RenderedJsonError, VtlError, VtlLimitError } from '../../../src/browser.js';
import type { ErrorReport } from '../protocol.js';

export function errorReport(error: unknown): ErrorReport {
  if (error instanceof VtlError) {
    return {
      name: error.name,
      message: error.reason,
      place: { line: error.line, column: error.column },
      ...(error instanceof VtlLimitError ? { limit: error.limit } : {}),
    };
  }
  if (error instanceof RenderedJsonError) return { name: error.name, message: error.reason, place: { line: error.line, column: error.column } };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
