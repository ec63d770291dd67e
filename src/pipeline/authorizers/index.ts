/**
 * The authorization stage of a REST request (pipeline.md §1 step 4, §4): what the method's
 * `authorizationType` asks for.
 *
 * - `CUSTOM` and `COGNITO_USER_POOLS`: the authorizer named by `method.authorizer` in the API's
 *   `authorizers` runs, by its own type — `TOKEN`/`REQUEST` (Lambda, lambda-authorizer.ts) or
 *   `COGNITO_USER_POOLS` (cognito.ts). A method naming no authorizer, or one the API does not define, is
 *   answered 500 AUTHORIZER_CONFIGURATION_ERROR with a diagnostic naming the problem.
 * - `AWS_IAM`: iam.ts.
 * - `NONE` or absent: nothing to do.
 *
 * The resource policy's two phases are separate stages (resource-policy.ts: `checkResourcePolicy`), run
 * before and after this one; the Lambda flow consults the resource policy itself only to combine an
 * implicit deny with an explicit Allow (Table A).
 *
 * Never throws: anything unexpected becomes AUTHORIZER_CONFIGURATION_ERROR with the cause attached.
 */
import type { AuthorizerDefinition } from '../../model/index.js';
import type { RoutedState, StageResult } from '../request-state.js';
import { runCognitoAuthorizer } from './cognito.js';
import { runIamAuthorization } from './iam.js';
import { runLambdaAuthorizer } from './lambda-authorizer.js';
import { authorizerConfigurationError, describeThrown } from './outcomes.js';

export { AuthorizerCache } from './cache.js';
export { checkResourcePolicy, type ResourcePolicyPhase } from './resource-policy.js';

function describeMethod(state: RoutedState): string {
  return `${state.method.httpMethod} ${state.method.resourcePath}`;
}

/** The authorizer the method names, or the configuration error of naming none or an unknown one. */
function namedAuthorizer(state: RoutedState): { ok: true; authorizer: AuthorizerDefinition } | { ok: false; error: StageResult } {
  const name = state.method.authorizer;
  const authorizers = state.api.authorizers ?? {};
  if (typeof name !== 'string' || name === '') {
    return { ok: false, error: authorizerConfigurationError(`method ${describeMethod(state)} has authorizationType ${state.method.authorizationType} but names no authorizer`) };
  }
  if (!Object.hasOwn(authorizers, name)) {
    const known = Object.keys(authorizers);
    return { ok: false, error: authorizerConfigurationError(`method ${describeMethod(state)} names authorizer '${name}', which the API does not define (${known.length ? `defined: ${known.join(', ')}` : 'it defines no authorizers'})`) };
  }
  const authorizer = authorizers[name]!;
  return { ok: true, authorizer: { ...authorizer, name: typeof authorizer.name === 'string' && authorizer.name !== '' ? authorizer.name : name } };
}

async function runNamedAuthorizer(state: RoutedState): Promise<StageResult> {
  const named = namedAuthorizer(state);
  if (!named.ok) return named.error;
  const { authorizer } = named;
  switch (authorizer.type) {
    case 'TOKEN':
    case 'REQUEST':
      return runLambdaAuthorizer(state, authorizer);
    case 'COGNITO_USER_POOLS':
      return runCognitoAuthorizer(state, authorizer);
    default:
      return authorizerConfigurationError(`authorizer '${authorizer.name}' has type ${JSON.stringify(authorizer.type)}; API Gateway knows TOKEN, REQUEST and COGNITO_USER_POOLS`);
  }
}

/** Runs the method's authorization; undefined lets the request go on. */
export async function authorize(state: RoutedState): Promise<StageResult> {
  try {
    const type = state.method.authorizationType ?? 'NONE';
    switch (type) {
      case 'NONE':
        return undefined;
      case 'AWS_IAM':
        return runIamAuthorization(state);
      case 'CUSTOM':
      case 'COGNITO_USER_POOLS':
        return await runNamedAuthorizer(state);
      default:
        return authorizerConfigurationError(`method ${describeMethod(state)} has authorizationType ${JSON.stringify(type)}; API Gateway knows NONE, AWS_IAM, CUSTOM and COGNITO_USER_POOLS`);
    }
  } catch (e) {
    return authorizerConfigurationError(`authorization failed unexpectedly: ${describeThrown(e)}`, e);
  }
}
