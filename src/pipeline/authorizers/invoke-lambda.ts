/**
 * Invoking a Lambda authorizer's function through the caller's backend, as Lambda integrations are: the
 * function ARN comes from `authorizerUri` (`${stageVariables.x}` filled in), the handler is the backend's
 * for that function name (or one of its aliases).
 *
 * Outcomes (pipeline.md §4.2):
 * - the function throws an error whose message is exactly `Unauthorized` (a `LambdaFunctionError` with
 *   that `errorMessage`, a thrown string, `callback("Unauthorized")` in spirit) → 401;
 * - it throws anything else, does not answer in time, or answers with something that is not JSON data
 *   (a cycle, a BigInt, more than Lambda's 6 MB) → the authorizer failed (500);
 * - otherwise its answer, copied out as JSON data.
 *
 * The timeout: AWS documents no authorizer-specific one. The integration timeout applies to "all
 * integration types" (`DG:limits.md`, 29 s), so the pipeline's `integrationTimeoutMs` (default 29 000 ms)
 * is used for authorizers too.
 */
import { DEFAULT_INTEGRATION_TIMEOUT_MS, substituteStageVariables } from '../../integration/integration-call.js';
import { lambdaHandlerFor } from '../../integration/lambda-handler.js';
import { errorPayloadOf, functionArnOf, functionNameOf } from '../../integration/lambda.js';
import { Timeout, withTimeout } from '../../integration/timeout.js';
import type { AuthorizerDefinition } from '../../model/index.js';
import type { RoutedState } from '../request-state.js';
import { copyAsJson, type Json } from './safe-copy.js';

/** How an invocation ended. */
export type InvokeOutcome =
  | { kind: 'answered'; value: Json; chars: number }
  | { kind: 'unauthorized'; diagnostic: string }
  /** The function could not be found or run: a configuration problem of the definition or the backend. */
  | { kind: 'unavailable'; diagnostic: string }
  | { kind: 'failed'; diagnostic: string; timedOut: boolean; cause?: unknown };

const UNAUTHORIZED = 'Unauthorized';
/** How much of a thrown message a diagnostic quotes. */
const QUOTED = 200;

function regionOf(uri: string, arn: string): string {
  return /^arn:aws[a-z-]*:apigateway:([^:]+):/.exec(uri)?.[1] ?? /^arn:aws[a-z-]*:lambda:([^:]+):/.exec(arn)?.[1] ?? 'us-east-1';
}

/** The function ARN an authorizer invokes: its `authorizerUri`'s, or the URI itself when it is a function ARN. */
function functionArn(state: RoutedState, uri: string): string | undefined {
  const arn = functionArnOf(uri) ?? (/^arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:/.test(uri) ? uri : undefined);
  return arn === undefined ? undefined : substituteStageVariables(arn, state.request.stageVariables);
}

function timeoutMs(state: RoutedState): number {
  const t = state.options.integrationTimeoutMs;
  return typeof t === 'number' && t > 0 ? t : DEFAULT_INTEGRATION_TIMEOUT_MS;
}

/** The error message a handler's throw reports, read defensively (the thrown value may be hostile). */
function thrownMessage(thrown: unknown): string | undefined {
  try {
    const message: unknown = errorPayloadOf(thrown).errorMessage;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

function quote(text: string): string {
  return JSON.stringify(text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text);
}

/** Invokes the authorizer's function with `event`, writing the execution-log lines of the call. */
export async function invokeAuthorizerFunction(state: RoutedState, authorizer: AuthorizerDefinition, event: Record<string, unknown>): Promise<InvokeOutcome> {
  const uri = authorizer.authorizerUri;
  if (typeof uri !== 'string' || uri === '') return { kind: 'unavailable', diagnostic: `authorizer ${authorizer.name} has no authorizerUri naming its Lambda function` };
  const arn = functionArn(state, uri);
  if (arn === undefined) return { kind: 'unavailable', diagnostic: `authorizer ${authorizer.name}: authorizerUri ${JSON.stringify(uri)} is not a Lambda invocation URI (arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations)` };
  const functionName = functionNameOf(arn);
  const handler = lambdaHandlerFor(state.options.backend, functionName, state.options.functionAliases ?? state.api.functionAliases);
  if (!handler) {
    return { kind: 'unavailable', diagnostic: `no Lambda handler for function '${functionName}', the function of authorizer ${authorizer.name}: register one as backend.lambda['${functionName}'] (or under one of the function's aliases)` };
  }

  const region = regionOf(uri, arn);
  const apiId = String(state.context.apiId ?? '');
  const requestId = String(state.context.requestId ?? '');
  const accountId = String(state.context.accountId ?? '');
  state.log.add(`Endpoint request URI: https://lambda.${region}.amazonaws.com/2015-03-31/functions/${arn}/invocations`);
  state.log.add(`Endpoint request headers: {x-amzn-lambda-integration-tag=${requestId}, x-amzn-apigateway-api-id=${apiId}, X-Amz-Source-Arn=arn:aws:execute-api:${region}:${accountId}:${apiId}/authorizers/${authorizer.name}, Accept=application/json, User-Agent=AmazonAPIGateway_${apiId}}`);
  state.log.add(`Endpoint request body after transformations: ${JSON.stringify(event)}`);

  const ms = timeoutMs(state);
  let result: unknown;
  try {
    result = await withTimeout(() => handler(event, { functionName, invokedFunctionArn: arn, awsRequestId: requestId }), ms);
  } catch (e) {
    if (e instanceof Timeout) {
      state.log.add('Execution failed due to a timeout error');
      return { kind: 'failed', diagnostic: `the authorizer function '${functionName}' did not answer within ${ms} ms`, timedOut: true };
    }
    const message = thrownMessage(e);
    if (message === UNAUTHORIZED) return { kind: 'unauthorized', diagnostic: `the authorizer function '${functionName}' failed with "Unauthorized"` };
    state.log.add(`Lambda execution failed with status 200 due to customer function error: ${message ?? ''}`);
    const why = message === undefined ? 'threw a value without an error message' : `threw ${quote(message)}`;
    return { kind: 'failed', diagnostic: `the authorizer function '${functionName}' ${why} (only an error whose message is exactly "Unauthorized" answers 401)`, timedOut: false, cause: e };
  }
  const copied = copyAsJson(result);
  if (!copied.ok) return { kind: 'failed', diagnostic: `the authorizer function '${functionName}' returned a value the Lambda runtime could not send: ${copied.reason}`, timedOut: false };
  return { kind: 'answered', value: copied.value, chars: copied.chars };
}
