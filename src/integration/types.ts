/** What goes into and comes out of a whole method invocation. */
import type { GatewayContext, ParameterValue } from '../gateway/request.js';
import type { RenderOptions } from '../template.js';
import type { GatewayResponseType, IntegrationType } from '../model/index.js';

/** The client's request, as it reaches a method. */
export interface MethodRequest {
  httpMethod: string;
  /** The request path below the stage, e.g. `/pets/42`. */
  path: string;
  /** Path parameters (found by route matching when invoking through an API). */
  pathParameters?: Record<string, string>;
  headers?: Record<string, ParameterValue>;
  query?: Record<string, ParameterValue>;
  /** Text, bytes (binary payloads), or a value sent as JSON. */
  body?: string | Uint8Array | object | null;
  stage?: string;
  stageVariables?: Record<string, string>;
  /** `$context` fields (identity, authorizer, requestId, …) on top of the defaults. */
  context?: GatewayContext;
}

/** What an HTTP or AWS integration receives after the request phase. */
export interface IntegrationRequest {
  type: IntegrationType;
  uri?: string;
  httpMethod: string;
  /** The integration URI with `{param}` filled from `integration.request.path.*` (HTTP integrations). */
  url?: string;
  path: Record<string, string>;
  querystring: Record<string, ParameterValue>;
  headers: Record<string, ParameterValue>;
  body: string | Uint8Array;
}

/** What an HTTP or AWS integration answers. */
export interface IntegrationResult {
  statusCode: number;
  headers?: Record<string, ParameterValue>;
  body?: string | Uint8Array | null;
}

/** What a {@link LambdaHandler} learns about its invocation. */
export interface LambdaInvocationContext {
  functionName: string;
  invokedFunctionArn: string;
  /** `$context.requestId` of the API request. */
  awsRequestId: string;
}

/**
 * A Lambda function: behind a non-proxy (`AWS`) integration it receives the rendered request body parsed
 * as JSON; behind `AWS_PROXY` the payload 1.0 event (`LambdaProxyEvent`) and returns `{ statusCode,
 * headers?, body?, … }`; as a Lambda authorizer the `TOKEN` or `REQUEST` event and returns a policy. It
 * returns (or resolves to) its result. Throwing fails the invocation; throw a `LambdaFunctionError` to
 * choose the exact error payload (an authorizer throws `Error('Unauthorized')` for a 401).
 */
export type LambdaHandler = (event: unknown, context: LambdaInvocationContext) => unknown;

/** Any HTTP or AWS service integration. */
export type HttpBackend = (request: IntegrationRequest) => IntegrationResult | Promise<IntegrationResult>;

export interface Backends {
  /**
   * One handler for every Lambda integration and authorizer, or handlers by function name (the name in
   * the function ARN of the integration URI or `authorizerUri`).
   */
  lambda?: LambdaHandler | Record<string, LambdaHandler>;
  /** HTTP integrations and AWS service integrations other than Lambda. */
  http?: HttpBackend;
}

/** What answers non-MOCK integrations: one function for HTTP/AWS service integrations, or {@link Backends}. */
export type Backend = HttpBackend | Backends;

export interface InvokeOptions extends RenderOptions {
  backend?: Backend;
  /** The API's binary media types (e.g. `image/png`, `image/*`, `*\/*`). */
  binaryMediaTypes?: readonly string[];
  /** Other names of Lambda functions (see `ApiDefinition.functionAliases`); `Api` passes its definition's. */
  functionAliases?: Readonly<Record<string, string>>;
  /**
   * How long an integration without its own `timeoutInMillis` may take before the client gets 504
   * (default 29000 ms, API Gateway's default; an integration's `timeoutInMillis` wins).
   */
  integrationTimeoutMs?: number;
}

/** Which step of the pipeline failed, for the developer. */
export type InvocationPhase =
  | 'limits'
  | 'route'
  | 'resource-policy'
  | 'authorizer'
  | 'api-key'
  | 'throttle'
  | 'quota'
  | 'validation'
  | 'cache'
  | 'request-parameters'
  | 'content-handling'
  | 'request-template'
  | 'integration'
  | 'response-selection'
  | 'response-template'
  | 'response-parameters';

/** What happened during an invocation: the choices API Gateway made, and what failed where. */
export interface InvocationTrace {
  method: string;
  /** The request template's media type, `passthrough`, or absent when the request was rejected first. */
  requestTemplate?: string;
  integrationRequest?: IntegrationRequest;
  integrationResult?: IntegrationResult;
  /** What the selection patterns were matched against. */
  selectionValue?: string;
  /** The selected integration response's status code. */
  integrationResponse?: string;
  /** The response template's media type, or `passthrough`. */
  responseTemplate?: string;
  error?: InvocationError;
  warnings: string[];
  /**
   * The execution log, line by line as API Gateway writes it (`<date> : Starting execution for
   * request: …`); filled when the request ran through an API (`Api.invoke`, `serve`, `invoke`).
   */
  log?: string[];
  /** For a gateway response: `built-in`, or the customised type that answered (the type itself or DEFAULT_4XX/5XX). */
  gatewayResponse?: string;
  /** Whether the stage cache answered (then no integration ran). */
  cacheHit?: boolean;
}

/** Why API Gateway answered a request itself instead of with the method's response. */
export interface InvocationError {
  phase: InvocationPhase;
  /** The gateway response type the client got (customisable in the definition). */
  responseType?: GatewayResponseType;
  message: string;
  line?: number;
  column?: number;
  cause?: unknown;
}

/** The method response the client receives. */
export interface GatewayResponse {
  statusCode: number;
  headers: Record<string, ParameterValue>;
  /** The body as text (base64 when `isBase64Encoded`). */
  body: string;
  /** The body bytes, as sent on the wire. */
  rawBody: Uint8Array;
  isBase64Encoded: boolean;
  /** The body parsed as JSON. */
  json(): unknown;
  trace: InvocationTrace;
}
