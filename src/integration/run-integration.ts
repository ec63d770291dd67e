/**
 * The integration part of a method, between the method request and the method response: a proxy
 * integration runs whole (the function or backend answers the client itself); any other runs the request
 * phase, calls the integration and runs the response phase.
 */
import { callIntegration } from './integration-call.js';
import { runHttpProxy } from './proxy/http-proxy.js';
import { runLambdaProxy } from './proxy/lambda-proxy.js';
import { runRequestPhase } from './request-phase.js';
import { runResponsePhase, type MethodResponseParts } from './response-phase.js';
import type { InvocationState } from './state.js';

/**
 * @returns the method response's status, headers and payload
 * @throws InvocationFailure with the response API Gateway answers instead, and why
 */
export async function runIntegration(state: InvocationState): Promise<MethodResponseParts> {
  switch (state.method.integration.type) {
    case 'AWS_PROXY':
      return runLambdaProxy(state);
    case 'HTTP_PROXY':
      return runHttpProxy(state);
    default: {
      const prepared = runRequestPhase(state);
      const outcome = await callIntegration(state, prepared);
      return runResponsePhase(state, prepared, outcome);
    }
  }
}
