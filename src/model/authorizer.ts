/**
 * Authorizers as API Gateway stores them (`CreateAuthorizer`, `x-amazon-apigateway-authorizer`,
 * `AWS::ApiGateway::Authorizer`, SAM `Auth.Authorizers`).
 */

/** `TOKEN` and `REQUEST` are Lambda authorizers; `COGNITO_USER_POOLS` checks a user pool's JWTs. */
export type AuthorizerType = 'TOKEN' | 'REQUEST' | 'COGNITO_USER_POOLS';

export interface AuthorizerDefinition {
  /** The authorizer's name, which methods refer to. */
  name: string;
  type: AuthorizerType;
  /**
   * Lambda authorizers: the invocation URI,
   * `arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations`. The function
   * name in it picks the handler from the `backend.lambda` map, like a Lambda integration.
   */
  authorizerUri?: string | null;
  /**
   * Where the identity comes from: `method.request.header.Authorization` for TOKEN and Cognito; for
   * REQUEST a comma-separated list of `method.request.header.X`, `method.request.querystring.X`,
   * `stageVariables.X` and `context.X`.
   */
  identitySource?: string | null;
  /** TOKEN and Cognito: a regular expression the whole token must match before the authorizer runs. */
  identityValidationExpression?: string | null;
  /** How long a result is reused for the same identity (default 300, at most 3600; 0 turns caching off). */
  authorizerResultTtlInSeconds?: number | null;
  /** Cognito: the user pool ARNs (`arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}`). */
  providerARNs?: string[] | null;
  /** Cognito: app client ids an ID token's `aud` (or an access token's `client_id`) must be one of, if given. */
  audiences?: string[] | null;
  /** The IAM role API Gateway assumes to invoke the function (kept for the execution log only). */
  authorizerCredentials?: string | null;
  /** Where the authorizer came from (for diagnostics). */
  source?: string;
}
