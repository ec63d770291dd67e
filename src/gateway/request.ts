/**
 * What a caller passes to a render, and what comes back. The request describes the method request (for a
 * request template) or the integration response plus the original request's parameters (for a response
 * template), as API Gateway exposes them to templates.
 */

/** A header, query-string or path parameter; a list is a multi-valued parameter (templates see the last). */
export type ParameterValue = string | string[];

/** `$context.identity`. Absent fields are null (they render as empty). */
export interface GatewayIdentity {
  accountId?: string | null;
  apiKey?: string | null;
  apiKeyId?: string | null;
  accessKey?: string | null;
  caller?: string | null;
  cognitoAuthenticationProvider?: string | null;
  cognitoAuthenticationType?: string | null;
  cognitoIdentityId?: string | null;
  cognitoIdentityPoolId?: string | null;
  principalOrgId?: string | null;
  sourceIp?: string | null;
  user?: string | null;
  userAgent?: string | null;
  userArn?: string | null;
  vpcId?: string | null;
  vpceId?: string | null;
  clientCert?: Record<string, unknown> | null;
  [key: string]: unknown;
}

/** `$context.authorizer`: Lambda authorizer context values are stringified, as API Gateway does. */
export interface GatewayAuthorizer {
  principalId?: string;
  /** Cognito user pool claims (`$context.authorizer.claims.sub`, `…claims['custom:role']`). */
  claims?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Override maps a request template writes and a response template may read. */
export interface RequestOverrides {
  header: Record<string, ParameterValue>;
  path: Record<string, string>;
  querystring: Record<string, ParameterValue>;
}

export interface ResponseOverrides {
  status?: number;
  header: Record<string, ParameterValue>;
}

/** `$context`: every field is optional; the rest get realistic, deterministic defaults. */
export interface GatewayContext {
  accountId?: string;
  apiId?: string;
  authorizer?: GatewayAuthorizer;
  awsEndpointRequestId?: string;
  deploymentId?: string;
  domainName?: string;
  domainPrefix?: string;
  extendedRequestId?: string;
  httpMethod?: string;
  identity?: GatewayIdentity;
  isCanaryRequest?: boolean | string;
  path?: string;
  protocol?: string;
  requestId?: string;
  requestTime?: string;
  requestTimeEpoch?: number;
  resourceId?: string;
  resourcePath?: string;
  stage?: string;
  wafResponseCode?: string;
  webaclArn?: string;
  /** Overrides already set (e.g. by the request template, when rendering the response template). */
  requestOverride?: Partial<RequestOverrides>;
  responseOverride?: Partial<ResponseOverrides> & Record<string, unknown>;
  [key: string]: unknown;
}

export interface RenderInput {
  /** The payload: raw text, or any other value, which is serialised as JSON. Empty or absent reads `{}`. */
  body?: string | object | number | boolean | null;
  headers?: Record<string, ParameterValue>;
  query?: Record<string, ParameterValue>;
  path?: Record<string, string>;
  stageVariables?: Record<string, string>;
  context?: GatewayContext;
}

export interface RenderResult {
  /** The rendered text, exactly as API Gateway would produce it. */
  body: string;
  /** The body parsed as JSON; throws a SyntaxError naming the line and column when it is not JSON. */
  json(): unknown;
  /** `$context.requestOverride` after the render (preset values included). */
  requestOverride: RequestOverrides;
  /** `$context.responseOverride` after the render (preset values included). */
  responseOverride: ResponseOverrides & Record<string, unknown>;
  /** Things API Gateway would do silently that a test may want to know (e.g. a loop cut at 1000). */
  warnings: string[];
  /**
   * What the render spent, in the units of its limits (`maxWork`, `maxMemory`): a measure of what a
   * template costs that does not depend on the machine's speed.
   */
  cost: RenderCost;
}

/** The resources one render used. */
export interface RenderCost {
  /** Units of work (see `RenderLimits.maxWork`). */
  work: number;
  /** Bytes allocated for the values the render created (see `RenderLimits.maxMemory`). */
  memory: number;
}
