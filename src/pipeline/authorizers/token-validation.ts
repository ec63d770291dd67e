/**
 * `identityValidationExpression`: a regular expression the whole token must match before the authorizer
 * runs; a mismatch is 401 without invoking (pipeline.md §4.1, DOC H). It is read as a Java regex with
 * full-match semantics (INF M) on our own java.util.regex engine, charged to a meter of its own: a
 * pattern like `(a+)+$` against a long hostile token stops at the budget instead of hanging.
 *
 * When the budget runs out, the token could not be shown to match, so it is treated as not matching (401)
 * and a warning says why; AWS's behaviour for a runaway pattern is not recorded. A pattern that does not
 * compile is a configuration error (500), since API Gateway would have refused to save it.
 */
import { JavaException } from '../../java/exceptions.js';
import { BudgetExceeded, Meter } from '../../java/meter.js';
import { javaMatches } from '../../java/regex/index.js';
import type { AuthorizerDefinition } from '../../model/index.js';
import type { GatewayError } from '../gateway-responses/gateway-error.js';
import type { RoutedState } from '../request-state.js';
import { authorizerConfigurationError, unauthorized, describeThrown } from './outcomes.js';

/** Work units one validation may spend (about a tenth of a render's default budget). */
export const VALIDATION_WORK_LIMIT = 1_000_000;

/** Undefined when the token may go on to the authorizer; otherwise the answer. */
export function checkTokenValidation(state: RoutedState, authorizer: AuthorizerDefinition, token: string): GatewayError | undefined {
  const pattern = authorizer.identityValidationExpression;
  if (pattern === undefined || pattern === null || pattern === '') return undefined;
  if (typeof pattern !== 'string') return authorizerConfigurationError(`authorizer ${authorizer.name}: identityValidationExpression must be a string`);
  const meter = new Meter({ maxWork: VALIDATION_WORK_LIMIT, maxMemory: 64 * 1024 * 1024, maxStringLength: Number.POSITIVE_INFINITY });
  try {
    if (javaMatches(token, pattern, meter, state.runtime.authorizerCache.patterns)) return undefined;
    return unauthorized(`the token does not match identityValidationExpression ${JSON.stringify(pattern)} of authorizer ${authorizer.name}; the authorizer was not invoked`);
  } catch (e) {
    if (e instanceof BudgetExceeded) {
      state.warnings.push(`identityValidationExpression ${JSON.stringify(pattern)} of authorizer ${authorizer.name} ran out of its work budget on a ${token.length}-character token (catastrophic backtracking?); the token was treated as not matching`);
      return unauthorized(`matching the token against identityValidationExpression of authorizer ${authorizer.name} exceeded its budget (${e.message}); treated as a mismatch`);
    }
    if (e instanceof JavaException) return authorizerConfigurationError(`authorizer ${authorizer.name}: identityValidationExpression ${JSON.stringify(pattern)} is not a valid Java regular expression: ${e.message}`, e);
    return authorizerConfigurationError(`authorizer ${authorizer.name}: identityValidationExpression could not be applied: ${describeThrown(e)}`, e);
  }
}
