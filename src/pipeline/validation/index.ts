/**
 * The method request validation stage (pipeline.md §2): the method's request validator decides whether
 * required parameters are checked, then (only if they pass) whether the body is checked against the
 * request model. Runs after authorization and the usage plan, before the integration.
 */
import { BudgetExceeded, Meter } from '../../java/meter.js';
import { DEFAULT_LIMITS } from '../../vtl/runtime/limits.js';
import { gatewayError } from '../gateway-responses/gateway-error.js';
import type { RoutedState, StageResult } from '../request-state.js';
import { INVALID_BODY_RESPONSE, validateBody } from './body.js';
import { ModelValidators } from './model-validators.js';
import { jacksonQuote } from './schema/jackson-text.js';
import { missingParameters, missingParametersMessage } from './parameters.js';

export { ModelValidators } from './model-validators.js';
export { schemaProblems } from './schema/check.js';

/** The API's compiled models, held by its runtime. */
function validatorsOf(state: RoutedState): ModelValidators {
  return state.runtime.modelValidators;
}

/**
 * Validating a document is linear in its size for any sane schema; combinators (`oneOf` of recursive
 * refs) can make it exponential in the depth of a tiny body. So the work allowed grows with the body:
 * a base for the schema's own cost plus a few units per byte, capped by the request's `maxWork`. A
 * 10 MB body still gets the whole budget; a 120-byte one cannot spend seconds.
 */
export function validationMeter(state: RoutedState): Meter {
  const limits = { ...DEFAULT_LIMITS, ...state.options.limits };
  const body = state.request.body;
  const bytes = body === null ? 0 : typeof body === 'string' ? body.length * 3 : body.length;
  return new Meter({ ...limits, maxWork: Math.min(limits.maxWork, VALIDATION_BASE_WORK + VALIDATION_WORK_PER_BYTE * bytes) });
}

const VALIDATION_BASE_WORK = 500_000;
const VALIDATION_WORK_PER_BYTE = 8;

function parametersStage(state: RoutedState): StageResult {
  const missing = missingParameters(state);
  if (missing.length === 0) return undefined;
  const message = missingParametersMessage(missing);
  state.log.add(message);
  return gatewayError('BAD_REQUEST_PARAMETERS', 'validation', `the request lacks required parameters: ${missing.join(', ')}`, {
    message,
    // Spaced like the other built-in bodies; public tests against AWS compare this exact text.
    body: `{"message": ${jacksonQuote(message)}}`,
    validationErrorString: message,
  });
}

/** Validates the request as its method's request validator says; undefined when it may go on. */
export function validateRequest(state: RoutedState): StageResult {
  const name = state.method.requestValidator;
  if (name === undefined || name === null || name === '') return undefined;
  const validators = state.api.requestValidators;
  const validator = validators && typeof validators === 'object' && Object.hasOwn(validators, name) ? validators[name] : undefined;
  if (!validator || typeof validator !== 'object') {
    state.warnings.push(`method ${state.method.httpMethod} ${state.method.resourcePath} names request validator '${name}', which the API does not define: the request is not validated`);
    state.log.add(`Request validator ${name} not found: skipping request validation`);
    return undefined;
  }
  try {
    if (validator.validateRequestParameters === true) {
      const failed = parametersStage(state);
      if (failed) return failed;
    }
    if (validator.validateRequestBody === true) {
      return validateBody(state, validatorsOf(state), validationMeter(state));
    }
    return undefined;
  } catch (e) {
    if (e instanceof BudgetExceeded) {
      const validationErrorString = `[request validation stopped: ${e.message}]`;
      state.log.add(`Request body does not match model schema: ${validationErrorString}`);
      return gatewayError('BAD_REQUEST_BODY', 'validation', `validating the body exceeded the request's budget: ${e.message}`, { body: INVALID_BODY_RESPONSE, validationErrorString, cause: e });
    }
    return gatewayError('API_CONFIGURATION_ERROR', 'validation', `request validation failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
