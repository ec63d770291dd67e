/** How a failed template render reaches the client: a body error is a 400, anything else a 500. */
import { VtlBodyError, VtlError } from '../vtl/errors.js';
import { badRequest, internalError, type InvocationFailure } from './failure.js';
import type { InvocationPhase } from './types.js';

export function templateFailure(phase: InvocationPhase, mediaType: string, error: unknown): InvocationFailure {
  const which = phase === 'request-template' ? 'request' : 'response';
  const what = `the ${which} template for ${mediaType} failed`;
  if (error instanceof VtlBodyError && phase === 'request-template') {
    return badRequest(phase, `${what}: the body is not valid JSON (${error.message})`, error.awsMessage, error);
  }
  if (error instanceof VtlError) return internalError(phase, `${what}: ${error.message}`, error);
  return internalError(phase, `${what}: ${(error as Error)?.message ?? String(error)}`, error);
}
