import { invokeMethod } from '../../../src/integration/invoke.js';
import type { Integration, MethodDefinition } from '../../../src/model/index.js';
import type { GatewayResponse, IntegrationRequest, IntegrationResult, InvokeOptions, LambdaHandler, MethodRequest } from '../../../src/integration/types.js';

export const PROXY_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn/invocations';

/** `ANY /{proxy+}` with a Lambda proxy integration, as SAM and the console set it up. */
export function lambdaProxy(integration: Partial<Integration> = {}, extra: Partial<MethodDefinition> = {}): MethodDefinition {
  return { httpMethod: 'ANY', resourcePath: '/{proxy+}', integration: { type: 'AWS_PROXY', httpMethod: 'POST', uri: PROXY_URI, ...integration }, ...extra };
}

/** `ANY /{proxy+}` passed to an HTTP backend. */
export function httpProxy(integration: Partial<Integration> = {}, extra: Partial<MethodDefinition> = {}): MethodDefinition {
  return {
    httpMethod: 'ANY',
    resourcePath: '/{proxy+}',
    integration: { type: 'HTTP_PROXY', httpMethod: 'ANY', uri: 'https://backend.example/{proxy}', requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' }, ...integration },
    ...extra,
  };
}

export function request(path: string, extra: Partial<MethodRequest> = {}): MethodRequest {
  return { httpMethod: 'GET', path, pathParameters: { proxy: path.slice(1) }, ...extra };
}

/** Invokes a Lambda proxy method with one handler, keeping the events it received. */
export async function withHandler(handler: LambdaHandler, req: MethodRequest, method = lambdaProxy(), options: InvokeOptions = {}): Promise<{ res: GatewayResponse; events: any[] }> {
  const events: any[] = [];
  const res = await invokeMethod(method, req, {
    ...options,
    backend: {
      lambda: (event, context) => {
        events.push(event);
        return handler(event, context);
      },
    },
  });
  return { res, events };
}

/** The event a request produces (the handler answers 200). */
export async function eventFor(req: MethodRequest, method = lambdaProxy(), options: InvokeOptions = {}): Promise<any> {
  const { events } = await withHandler(() => ({ statusCode: 200 }), req, method, options);
  return events[0];
}

/** Invokes an HTTP proxy method with a backend that answers `answer`, keeping the requests it saw. */
export async function throughBackend(
  req: MethodRequest,
  answer: IntegrationResult | ((r: IntegrationRequest) => IntegrationResult | Promise<IntegrationResult>) = { statusCode: 200 },
  method = httpProxy(),
  options: InvokeOptions = {},
): Promise<{ res: GatewayResponse; seen: IntegrationRequest[] }> {
  const seen: IntegrationRequest[] = [];
  const res = await invokeMethod(method, req, {
    ...options,
    backend: {
      http: (r) => {
        seen.push(r);
        return typeof answer === 'function' ? answer(r) : answer;
      },
    },
  });
  return { res, seen };
}

export const INTERNAL = '{"message": "Internal server error"}';
