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
    /**
     * The gateway response type, when the status alone does not say it: a 504 that is a network error
     * rather than a timeout, a 500 that is a configuration error found while calling the integration.
     */
    private readonly declaredType?: GatewayResponseType,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    if (cause instanceof VtlError) {
      this.line = cause.line;
      this.column = cause.column;
    }
  }

  /**
   * The gateway response type this failure answers as, so a customised one applies: a timeout is
   * INTEGRATION_TIMEOUT, a backend that fails (a Lambda function error, a malformed proxy response) is
   * INTEGRATION_FAILURE, a Lambda payload over 6 MB REQUEST_TOO_LARGE, strict passthrough
   * UNSUPPORTED_MEDIA_TYPE, and a template or mapping API Gateway cannot run API_CONFIGURATION_ERROR
   * (the type its docs give for "integration response mapping can't match"; AWS's type for a template
   * error is unrecorded, see docs/conformance.md).
   */
  get responseType(): GatewayResponseType {
    if (this.declaredType) return this.declaredType;
    if (this.statusCode === 504) return 'INTEGRATION_TIMEOUT';
    if (this.statusCode === 413) return 'REQUEST_TOO_LARGE';
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

/**
 * The integration did not answer in time: 504 `{"message": "Endpoint request timed out"}` (pipeline.md §6,
 * AWS-OBS), INTEGRATION_TIMEOUT.
 */
export function integrationTimedOut(ms: number): InvocationFailure {
  return new InvocationFailure('integration', 504, `the integration did not answer within ${ms} ms`, messageBody('Endpoint request timed out'), { 'x-amzn-ErrorType': 'InternalServerErrorException' });
}

/**
 * A Lambda invocation payload API Gateway cannot send: 413 `{"message": "Request Too Long"}` (31 bytes) with
 * `x-amzn-ErrorType: BadRequestException` (pipeline.md §6, O11), REQUEST_TOO_LARGE.
 */
export function requestTooLong(message: string): InvocationFailure {
  return new InvocationFailure('integration', 413, message, messageBody('Request Too Long'), { 'x-amzn-ErrorType': 'BadRequestException' }, undefined, 'REQUEST_TOO_LARGE');
}

/**
 * A backend that failed or answered what API Gateway cannot use (a Lambda function error, a malformed or
 * oversized Lambda proxy response): 502 `{"message": "Internal server error"}`, INTEGRATION_FAILURE
 * (pipeline.md §3.2, AWS-REC).
 */
export function badGateway(message: string, cause?: unknown): InvocationFailure {
  return new InvocationFailure('integration', 502, message, INTERNAL_SERVER_ERROR_BODY, { 'x-amzn-ErrorType': 'InternalServerErrorException' }, cause, 'INTEGRATION_FAILURE');
}

/**
 * An HTTP endpoint that could not be reached: 504 `{"message": "Network error communicating with endpoint"}`
 * (AWS-OBS, RhinoSecurityLabs/IPRotate_Burp_Extension#17), INTEGRATION_FAILURE.
 */
export function networkError(message: string, cause?: unknown): InvocationFailure {
  return new InvocationFailure('integration', 504, message, messageBody('Network error communicating with endpoint'), { 'x-amzn-ErrorType': 'InternalServerErrorException' }, cause, 'INTEGRATION_FAILURE');
}

/**
 * A configuration API Gateway finds unusable only when it calls the integration (an invalid endpoint
 * address, a URI placeholder without a value): 500 `Internal server error`, API_CONFIGURATION_ERROR.
 */
export function configurationError(message: string, cause?: unknown): InvocationFailure {
  return new InvocationFailure('integration', 500, message, INTERNAL_SERVER_ERROR_BODY, { 'x-amzn-ErrorType': 'InternalServerErrorException' }, cause, 'API_CONFIGURATION_ERROR');
}
