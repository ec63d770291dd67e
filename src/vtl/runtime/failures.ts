/**
 * Turns what Java code (or our limits) threw while a construct ran into a located VtlError.
 */
import { JavaException } from '../../java/exceptions.js';
import { JsonDepthLimit, JsonParseError } from '../../java/json-parse.js';
import { JavaDepthError } from '../../java/nesting.js';
import { BudgetExceeded } from '../../java/meter.js';
import type { Position } from '../ast.js';
import { ControlSignal } from './control-signal.js';
import { BodyNotJson, VtlBodyError, VtlError, VtlLimitError, VtlRuntimeError } from '../errors.js';

export function locate(error: unknown, position: Position, doing: string): VtlError {
  // Not a failure: a #break or #stop unwinding through the construct (see control-signal.ts).
  if (error instanceof ControlSignal) throw error;
  if (error instanceof VtlError) return error;
  if (error instanceof BodyNotJson) return new VtlBodyError(error.parserMessage, position);
  if (error instanceof BudgetExceeded) {
    switch (error.kind) {
      case 'string':
        return new VtlLimitError(`${doing} built a string longer than ${error.limit} characters`, position, 'string');
      case 'memory':
        return new VtlLimitError(`${doing}: the render allocated more than its memory budget of ${error.limit} bytes`, position, 'memory');
      case 'work':
        return new VtlLimitError(`${doing}: work budget of ${error.limit} units exceeded (runaway loop, regex or data?)`, position, 'work');
    }
  }
  if (error instanceof JavaDepthError) return new VtlLimitError(`${doing}: ${error.message}`, position, 'depth');
  if (error instanceof JsonDepthLimit) return new VtlLimitError(`${doing}: ${error.message}`, position, 'depth');
  if (error instanceof JavaException) return new VtlRuntimeError(`${doing} threw ${error.message}`, position, { cause: error });
  if (error instanceof JsonParseError) {
    return new VtlRuntimeError(`${doing} failed: invalid JSON: ${error.message}`, position, { cause: error });
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new VtlLimitError(`${doing}: nesting too deep`, position, 'depth');
  }
  return new VtlRuntimeError(`${doing} failed: ${(error as Error)?.message ?? String(error)}`, position, { cause: error });
}
