/**
 * What an `AWS_PROXY` integration's definition may hold, and what of it API Gateway uses. Only the URI (a
 * Lambda function) and the invoke method count: request templates, parameter mappings and integration
 * responses are not applied (LS-lambda `test_lambda_aws_proxy_integration_request_data_mapping`,
 * AWS-REC 2024-07: mapped headers and query strings never reach the event). A parameter mapping onto a
 * header API Gateway does not let integrations set still fails the request with 500 (LS-integrations
 * `TestApiGatewayHeaderRemapping[AWS_PROXY]`, 2024-12).
 */
import { internalError } from '../failure.js';
import { mappingTarget } from '../mapping.js';
import { forbiddenRequestHeader } from '../remapping.js';
import { isLambdaUri } from '../lambda.js';
import type { InvocationState } from '../state.js';

function defined(value: object | null | undefined): boolean {
  return value !== null && value !== undefined && Object.keys(value).length > 0;
}

/**
 * Checks the integration before the function is invoked, and notes in the trace what AWS ignores.
 * @throws InvocationFailure 500 for what AWS answers with 500
 */
export function checkLambdaProxyIntegration(state: InvocationState): void {
  const { integration } = state.method;
  const method = integration.httpMethod;
  // Lambda's Invoke is a POST; AWS_PROXY with another method fails every request (V7, AWS-REC 2024-03).
  if (typeof method === 'string' && method.toUpperCase() !== 'POST') {
    throw internalError('integration', `an AWS_PROXY integration must invoke Lambda with POST, not ${method} (API Gateway answers 500)`);
  }
  if (!isLambdaUri(integration.uri)) {
    throw internalError('integration', `an AWS_PROXY integration invokes a Lambda function: its uri must be arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations, not ${JSON.stringify(integration.uri ?? null)}`);
  }
  for (const target of Object.keys(integration.requestParameters ?? {})) {
    const t = mappingTarget(target, 'integration.request');
    if (t?.location === 'header' && forbiddenRequestHeader(t.name, true)) {
      throw internalError('request-parameters', `requestParameters['${target}']: API Gateway does not allow setting the integration request header ${t.name}`);
    }
  }
  // Integration responses are left unmentioned: AWS's own OpenAPI examples give AWS_PROXY a default one.
  const ignored = [defined(integration.requestTemplates) && 'requestTemplates', defined(integration.requestParameters) && 'requestParameters'].filter(
    (x): x is string => typeof x === 'string',
  );
  if (ignored.length > 0) state.trace.warnings.push(`an AWS_PROXY integration ignores its ${ignored.join(', ')}: the function receives the request as a proxy event and answers the client itself`);
}
