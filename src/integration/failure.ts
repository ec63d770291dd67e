/**
 * Errors as the client sees them (API Gateway's gateway responses) together with a diagnostic for the
 * developer: which phase failed, why, and where in a template.
 */
import type { GatewayResponseType } from '../model/index.js';
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

  /**
   * The gateway response type this failure answers as, so a customised one applies: a timeout is
   * INTEGRATION_TIMEOUT, a backend that fails INTEGRATION_FAILURE, strict passthrough
   * UNSUPPORTED_MEDIA_TYPE, and a template or mapping API Gateway cannot run API_CONFIGURATION_ERROR
   * (the type its docs give for "integration response mapping can't match"; AWS's type for a template
   * error is unrecorded, see docs/conformance.md).
   */
  get responseType(): GatewayResponseType {
    if (this.statusCode === 504) return 'INTEGRATION_TIMEOUT';
    if (this.statusCode === 415) return 'UNSUPPORTED_MEDIA_TYPE';
    if (this.statusCode < 500) return 'DEFAULT_4XX';
    return this.phase === 'integration' ? 'INTEGRATION_FAILURE' : 'API_CONFIGURATION_ERROR';
  }
}

/** A 500 `Internal server error`, as API Gateway answers any template or configuration failure. */
export function internalError(phase: InvocationPhase, message: string, cause?: unknown): InvocationFailure {
  return new InvocationFailure(phase, 500, message, INTERNAL_SERVER_ERROR_BODY, { 'x-amzn-ErrorType': 'InternalServerErrorException' }, cause);
}

export function badRequest(phase: InvocationPhase, message: string, clientBody: string, cause?: unknown): InvocationFailure {
  return new InvocationFailure(phase, 400, message, clientBody, { 'x-amzn-ErrorType': 'BadRequestException' }, cause);
}
