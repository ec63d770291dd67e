/**
 * `$context` variables that render empty:
 * - `unknown-context-variable`: API Gateway does not give mapping templates this variable at all — a
 *   typo, an HTTP API (`$context.http…`) or access-log variable, a gateway-response-only one, or a
 *   WebSocket one in a REST API (aws-behaviour §1.1);
 * - `context-variable-unavailable`: the variable exists, but this method never fills it — claims
 *   without a Cognito authorizer, `principalId` without a Lambda authorizer, IAM caller fields without
 *   IAM authorization, the API key without `apiKeyRequired` (known when linting a definition).
 */
import type { Reference } from '../../vtl/ast.js';
import { walkNodes } from '../../testing/analysis/walk.js';
import type { LintFinding } from '../finding.js';
import type { LintTarget } from '../target.js';

const REST_VARIABLES = new Set([
  'accountId', 'apiId', 'authorizer', 'awsEndpointRequestId', 'deploymentId', 'domainName', 'domainPrefix', 'extendedRequestId',
  'httpMethod', 'identity', 'isCanaryRequest', 'path', 'protocol', 'requestId', 'requestOverride', 'responseOverride',
  'requestTime', 'requestTimeEpoch', 'resourceId', 'resourcePath', 'stage', 'wafResponseCode', 'webaclArn',
]);

const WEBSOCKET_ONLY = new Set(['connectedAt', 'connectionId', 'disconnectReason', 'disconnectStatusCode', 'eventType', 'messageDirection', 'messageId', 'routeKey']);

const WEBSOCKET_VARIABLES = new Set([
  ...WEBSOCKET_ONLY, 'apiId', 'authorizer', 'domainName', 'error', 'extendedRequestId', 'identity', 'integration', 'integrationLatency',
  'requestId', 'requestTime', 'requestTimeEpoch', 'stage', 'status', 'awsEndpointRequestId',
]);

const IDENTITY = new Set([
  'accountId', 'apiKey', 'apiKeyId', 'accessKey', 'caller', 'cognitoAuthenticationProvider', 'cognitoAuthenticationType', 'cognitoIdentityId',
  'cognitoIdentityPoolId', 'principalOrgId', 'sourceIp', 'clientCert', 'user', 'userAgent', 'userArn', 'vpcId', 'vpceId',
]);

/** Identity fields filled only for requests signed with IAM (or Cognito identity pool) credentials. */
const IAM_IDENTITY = new Set(['accessKey', 'accountId', 'caller', 'user', 'userArn', 'cognitoAuthenticationProvider', 'cognitoAuthenticationType', 'cognitoIdentityId', 'cognitoIdentityPoolId']);

const ACCESS_LOG_ONLY = new Set([
  'authorize', 'authenticate', 'customDomain', 'integration', 'integrationErrorMessage', 'integrationLatency', 'integrationStatus',
  'responseLatency', 'responseLength', 'status', 'waf', 'xrayTraceId',
]);

/** The name a step reads: `.name`, or `["name"]` with a literal key; map methods (`$context.keySet()`) are not names. */
function nameAt(r: Reference, i: number): string | undefined {
  const step = r.steps[i];
  if (!step) return undefined;
  if (step.kind === 'property') return step.name;
  if (step.kind === 'index' && step.index.kind === 'literal' && typeof step.index.value === 'string') return step.index.value;
  return undefined;
}

function unknownVariable(t: LintTarget, r: Reference, name: string): string | undefined {
  const websocket = t.options.apiType === 'WEBSOCKET';
  if (name === 'error') return '$context.error.* is only set in gateway response templates; it renders empty in a mapping template';
  if (!websocket && WEBSOCKET_ONLY.has(name)) return `$context.${name} exists only in WebSocket APIs; in a REST API it renders empty`;
  if (!websocket && ACCESS_LOG_ONLY.has(name)) return `$context.${name} exists only in access logs; it renders empty in a mapping template`;
  if (websocket ? !WEBSOCKET_VARIABLES.has(name) : !REST_VARIABLES.has(name)) {
    const hint = name === 'http' ? ' ($context.http.* is an HTTP API variable)' : '';
    return `$context.${name} is not a ${websocket ? 'WebSocket' : 'REST'} API context variable; it renders empty${hint}`;
  }
  if (name === 'identity') {
    const sub = nameAt(r, 1);
    if (sub !== undefined && !IDENTITY.has(sub)) return `$context.identity.${sub} is not a context variable; it renders empty`;
  }
  return undefined;
}

function unavailableVariable(t: LintTarget, r: Reference, name: string): string | undefined {
  const auth = t.options.authorizationType;
  const sub = nameAt(r, 1);
  if (auth !== undefined && name === 'authorizer' && sub !== undefined) {
    if (sub === 'claims' && auth !== 'COGNITO_USER_POOLS') return `$context.authorizer.claims is filled by a Cognito user pool authorizer; this method's authorization is ${auth}, so it renders empty`;
    if (sub !== 'claims' && auth !== 'CUSTOM' && auth !== 'COGNITO_USER_POOLS') {
      return `$context.authorizer.${sub} is filled by a Lambda authorizer; this method's authorization is ${auth}, so it renders empty`;
    }
  }
  if (name === 'identity' && sub !== undefined) {
    if (auth !== undefined && auth !== 'AWS_IAM' && IAM_IDENTITY.has(sub)) return `$context.identity.${sub} is filled only for requests signed with IAM credentials; this method's authorization is ${auth}, so it renders empty`;
    if ((sub === 'apiKey' || sub === 'apiKeyId') && t.options.apiKeyRequired === false) return `$context.identity.${sub} is null unless the method requires an API key, and this one does not`;
  }
  return undefined;
}

export function contextVariables(t: LintTarget): LintFinding[] {
  const findings: LintFinding[] = [];
  walkNodes(t.nodes, {
    reference(r) {
      if (r.root !== 'context') return;
      const name = nameAt(r, 0);
      if (name === undefined) return;
      const unknown = unknownVariable(t, r, name);
      if (unknown) {
        findings.push(t.finding('unknown-context-variable', unknown, r.position));
        return;
      }
      const unavailable = unavailableVariable(t, r, name);
      if (unavailable) findings.push(t.finding('context-variable-unavailable', unavailable, r.position));
    },
  });
  return findings;
}
