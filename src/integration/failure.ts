/**
 * Errors as the client sees them (API Gateway's gateway responses) together with a diagnostic for the
 * developer: which phase failed, why, and where in a template.
 */
import { VtlError } from '../vtl/errors.js';
import type { InvocationPhase } from './types.js';

/** The body of every API Gateway 500 (36 bytes: a space after the colon, recorded on AWS). */
export const INTERNAL_SERVER_ERROR_BODY = '{"message": "Internal server error"}';

export function messageBody(message: string): string {
  return `{"message": ${JSON.stringify(message)}}`;
}

export class InvocationFailure extends Error {
  override readonly name = 'InvocationFailure';
  readonly line?: number;
  readonly column?: number;

  constructor(
    readonly phase: InvocationPhase,
    /** The status the client receives. */
    readonly statusCode: number,
    /** What went wrong, for the developer. */
    message: string,
    /** The body the client receives. */
    readonly clientBody: string,
    readonly headers: Record<string, string> = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    if (cause instanceof VtlError) {
      this.line = cause.line;
      this.column = cause.column;
    }
  }
}

/** A 500 `Internal server error`, as API Gateway answers any template or configuration failure. */
export function internalError(phase: InvocationPhase, message: string, cause?: unknown): InvocationFailure {
  return new InvocationFailure(phase, 500, message, INTERNAL_SERVER_ERROR_BODY, { 'x-amzn-ErrorType': 'InternalServerErrorException' }, cause);
}

export function badRequest(phase: InvocationPhase, message: string, clientBody: string, cause?: unknown): InvocationFailure {
  return new InvocationFailure(phase, 400, message, clientBody, { 'x-amzn-ErrorType': 'BadRequestException' }, cause);
}
