/**
 * `$context` variables API Gateway does not provide to mapping templates (aws-behaviour §1.1): a typo,
 * an HTTP API ($context.http…) or access-log variable, or a gateway-response-only one renders empty.
 */
import type { TemplateNode } from '../../vtl/ast.js';
import { walkNodes } from '../../testing/analysis/walk.js';
import type { LintFinding } from '../finding.js';

const TEMPLATE_VARIABLES = new Set([
  'accountId', 'apiId', 'authorizer', 'awsEndpointRequestId', 'deploymentId', 'domainName', 'domainPrefix', 'extendedRequestId',
  'httpMethod', 'identity', 'isCanaryRequest', 'path', 'protocol', 'requestId', 'requestOverride', 'responseOverride',
  'requestTime', 'requestTimeEpoch', 'resourceId', 'resourcePath', 'stage', 'wafResponseCode', 'webaclArn',
]);

const IDENTITY = new Set([
  'accountId', 'apiKey', 'apiKeyId', 'accessKey', 'caller', 'cognitoAuthenticationProvider', 'cognitoAuthenticationType', 'cognitoIdentityId',
  'cognitoIdentityPoolId', 'principalOrgId', 'sourceIp', 'clientCert', 'user', 'userAgent', 'userArn', 'vpcId', 'vpceId',
]);

const ACCESS_LOG_ONLY = new Set([
  'authorize', 'authenticate', 'customDomain', 'integration', 'integrationErrorMessage', 'integrationLatency', 'integrationStatus',
  'responseLatency', 'responseLength', 'status', 'waf', 'xrayTraceId',
]);

/** Map methods called on `$context` itself are fine (`$context.keySet()`), and are method steps. */
function firstName(steps: readonly { kind: string; name?: string; index?: unknown }[]): string | undefined {
  const first = steps[0];
  if (!first) return undefined;
  if (first.kind === 'property') return first.name;
  if (first.kind === 'index' && (first.index as { kind?: string; value?: unknown })?.kind === 'literal') {
    const value = (first.index as { value?: unknown }).value;
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

export function contextVariables(nodes: readonly TemplateNode[]): LintFinding[] {
  const findings: LintFinding[] = [];
  walkNodes(nodes, {
    reference(r) {
      if (r.root !== 'context') return;
      const name = firstName(r.steps);
      if (name === undefined) return;
      const at = { line: r.position.line, column: r.position.column };
      if (name === 'error') {
        findings.push({ rule: 'unknown-context-variable', severity: 'warning', message: '$context.error.* is only set in gateway response templates; it renders empty in a mapping template', ...at });
      } else if (ACCESS_LOG_ONLY.has(name)) {
        findings.push({ rule: 'unknown-context-variable', severity: 'warning', message: `$context.${name} exists only in access logs; it renders empty in a mapping template`, ...at });
      } else if (!TEMPLATE_VARIABLES.has(name)) {
        const hint = name === 'http' ? ' ($context.http.* is an HTTP API variable)' : '';
        findings.push({ rule: 'unknown-context-variable', severity: 'warning', message: `$context.${name} is not a REST API context variable; it renders empty${hint}`, ...at });
      } else if (name === 'identity') {
        const sub = firstName(r.steps.slice(1));
        if (sub !== undefined && !IDENTITY.has(sub)) {
          findings.push({ rule: 'unknown-context-variable', severity: 'warning', message: `$context.identity.${sub} is not a context variable; it renders empty`, ...at });
        }
      }
    },
  });
  return findings;
}
