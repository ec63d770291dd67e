import type { GatewayResponse, Integration, IntegrationRequest, InvokeOptions, MethodDefinition, MethodRequest } from '../../src/index.js';
import { invokeMethod } from '../../src/index.js';

export const LAMBDA_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn/invocations';

export function method(integration: Integration, extra: Partial<MethodDefinition> = {}): MethodDefinition {
  return { httpMethod: 'POST', resourcePath: '/items', integration, ...extra };
}

export function mock(integration: Partial<Integration> = {}): MethodDefinition {
  return method({ type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' }, integrationResponses: [{ statusCode: '200' }], ...integration });
}

/** An HTTP integration whose backend answers with the body it received; the requests it saw are kept. */
export function echo(integration: Partial<Integration> = {}, answer: Partial<{ statusCode: number; headers: Record<string, string>; body: string | Uint8Array }> = {}) {
  const seen: IntegrationRequest[] = [];
  const definition = method({ type: 'HTTP', httpMethod: 'POST', uri: 'https://backend.example/items', integrationResponses: [{ statusCode: '200' }], ...integration });
  const options: InvokeOptions = {
    backend: (request) => {
      seen.push(request);
      return { statusCode: answer.statusCode ?? 200, headers: answer.headers, body: answer.body ?? request.body };
    },
  };
  return { definition, options, seen };
}

export function post(body: MethodRequest['body'], headers: Record<string, string> = {}, extra: Partial<MethodRequest> = {}): MethodRequest {
  return { httpMethod: 'POST', path: '/items', headers, body, ...extra };
}

export async function call(definition: MethodDefinition, request: MethodRequest, options?: InvokeOptions): Promise<GatewayResponse> {
  return invokeMethod(definition, request, options);
}
