/**
 * Authorizers as the definition formats spell them: camelCase in `x-amazon-apigateway-authorizer`
 * (`authorizerUri`, `type: token`), PascalCase in `AWS::ApiGateway::Authorizer` (`AuthorizerUri`,
 * `Type: TOKEN`). How each format names its authorizers and finds the token header differs; the fields
 * are read here, with the checks API Gateway makes when it creates one.
 */
import type { AuthorizerDefinition, AuthorizerType } from '../model/index.js';
import { compact, fail, isObject, oneOf, optionalNumber, optionalString, stringList, type Path, type Reader } from './fields.js';

export const AUTHORIZER_TYPES: readonly AuthorizerType[] = ['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'];

export interface AuthorizerSpelling {
  type: string;
  authorizerUri: string;
  identitySource: string;
  identityValidationExpression: string;
  authorizerResultTtlInSeconds: string;
  providerARNs: string;
  authorizerCredentials: string;
}

export const CAMEL_CASE_AUTHORIZER: AuthorizerSpelling = {
  type: 'type',
  authorizerUri: 'authorizerUri',
  identitySource: 'identitySource',
  identityValidationExpression: 'identityValidationExpression',
  authorizerResultTtlInSeconds: 'authorizerResultTtlInSeconds',
  providerARNs: 'providerARNs',
  authorizerCredentials: 'authorizerCredentials',
};

export const CLOUDFORMATION_AUTHORIZER: AuthorizerSpelling = {
  type: 'Type',
  authorizerUri: 'AuthorizerUri',
  identitySource: 'IdentitySource',
  identityValidationExpression: 'IdentityValidationExpression',
  authorizerResultTtlInSeconds: 'AuthorizerResultTtlInSeconds',
  providerARNs: 'ProviderARNs',
  authorizerCredentials: 'AuthorizerCredentials',
};

/** API Gateway refuses a result TTL above an hour. */
const MAX_TTL_SECONDS = 3600;

export interface AuthorizerContext {
  name: string;
  /** Where the token comes from when the definition does not say (TOKEN and Cognito only). */
  defaultIdentitySource?: string;
  source?: string;
}

/**
 * One authorizer.
 * @throws DefinitionError for an unknown type, a Lambda authorizer without a function to invoke, a Cognito
 * authorizer without user pools, or a TTL outside 0–3600
 */
export function readAuthorizer(r: Reader, v: unknown, path: Path, s: AuthorizerSpelling, context: AuthorizerContext): AuthorizerDefinition {
  if (!isObject(v)) fail(r, path, 'expected an authorizer object');
  const type = oneOf(r, v[s.type], [...path, s.type], AUTHORIZER_TYPES) ?? fail(r, path, `${s.type} is required (TOKEN, REQUEST or COGNITO_USER_POOLS)`);
  const uri = optionalString(r, v[s.authorizerUri], [...path, s.authorizerUri]);
  if (type !== 'COGNITO_USER_POOLS' && !uri) {
    fail(r, path, `a ${type} authorizer needs ${s.authorizerUri} (the Lambda function API Gateway invokes)`);
  }
  const providers = stringList(r, v[s.providerARNs], [...path, s.providerARNs]);
  if (type === 'COGNITO_USER_POOLS' && !providers?.length) fail(r, path, `a COGNITO_USER_POOLS authorizer needs ${s.providerARNs} (its user pools)`);
  const ttl = optionalNumber(r, v[s.authorizerResultTtlInSeconds], [...path, s.authorizerResultTtlInSeconds]);
  if (ttl !== undefined && (ttl < 0 || ttl > MAX_TTL_SECONDS || !Number.isInteger(ttl))) {
    fail(r, [...path, s.authorizerResultTtlInSeconds], `${ttl} is not a whole number of seconds from 0 to ${MAX_TTL_SECONDS}`);
  }
  const identitySource = optionalString(r, v[s.identitySource], [...path, s.identitySource]);
  return compact({
    name: context.name,
    type,
    authorizerUri: type === 'COGNITO_USER_POOLS' ? undefined : uri,
    identitySource: identitySource ?? (type === 'REQUEST' ? undefined : context.defaultIdentitySource),
    identityValidationExpression: optionalString(r, v[s.identityValidationExpression], [...path, s.identityValidationExpression]),
    authorizerResultTtlInSeconds: ttl,
    providerARNs: type === 'COGNITO_USER_POOLS' ? providers : undefined,
    authorizerCredentials: optionalString(r, v[s.authorizerCredentials], [...path, s.authorizerCredentials]),
    source: context.source,
  });
}
