import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/gateway/context.js';
import { Meter } from '../../src/java/meter.js';
import type { ApiDefinition, GatewayResponseDefinition, GatewayResponseType } from '../../src/model/index.js';
import { GATEWAY_RESPONSE_TYPES } from '../../src/model/index.js';
import { DEFAULT_GATEWAY_RESPONSES } from '../../src/pipeline/gateway-responses/defaults.js';
import { errorContext } from '../../src/pipeline/gateway-responses/error-context.js';
import { gatewayError, type GatewayError } from '../../src/pipeline/gateway-responses/gateway-error.js';
import { resolveGatewayResponse } from '../../src/pipeline/gateway-responses/resolve.js';
import { gatewayResponseParts, type GatewayResponseInput } from '../../src/pipeline/gateway-responses/respond.js';
import { DEFAULT_LIMITS } from '../../src/vtl/runtime/limits.js';

function api(gatewayResponses?: Partial<Record<GatewayResponseType, GatewayResponseDefinition>>): ApiDefinition {
  return { methods: [], gatewayResponses };
}

function respond(error: GatewayError, definition: ApiDefinition = api(), extra: Partial<GatewayResponseInput> = {}) {
  const meter = new Meter(DEFAULT_LIMITS);
  const context = { requestId: 'req-1', stage: 'dev', resourcePath: '/pets/{id}', ...extra.context };
  return gatewayResponseParts({
    api: definition,
    error,
    headers: {},
    query: {},
    pathParameters: {},
    stageVariables: {},
    contextMap: () => buildContext(context, null, {}, {}, meter).context,
    meter,
    ...extra,
    context,
  });
}

describe('gateway response defaults', () => {
  it('AWS: a new API lists 21 response types; DEFAULT_4XX and DEFAULT_5XX have no status (pipeline.md §3.1, V6)', () => {
    expect(GATEWAY_RESPONSE_TYPES).toHaveLength(21);
    expect(DEFAULT_GATEWAY_RESPONSES.DEFAULT_4XX.status).toBeUndefined();
    expect(DEFAULT_GATEWAY_RESPONSES.DEFAULT_5XX.status).toBeUndefined();
    const statuses = Object.fromEntries(GATEWAY_RESPONSE_TYPES.filter((t) => !t.startsWith('DEFAULT')).map((t) => [t, DEFAULT_GATEWAY_RESPONSES[t].status]));
    expect(statuses).toEqual({
      ACCESS_DENIED: 403,
      API_CONFIGURATION_ERROR: 500,
      AUTHORIZER_CONFIGURATION_ERROR: 500,
      AUTHORIZER_FAILURE: 500,
      BAD_REQUEST_BODY: 400,
      BAD_REQUEST_PARAMETERS: 400,
      EXPIRED_TOKEN: 403,
      INTEGRATION_FAILURE: 504,
      INTEGRATION_TIMEOUT: 504,
      INVALID_API_KEY: 403,
      INVALID_SIGNATURE: 403,
      MISSING_AUTHENTICATION_TOKEN: 403,
      QUOTA_EXCEEDED: 429,
      REQUEST_TOO_LARGE: 413,
      RESOURCE_NOT_FOUND: 404,
      THROTTLED: 429,
      UNAUTHORIZED: 401,
      UNSUPPORTED_MEDIA_TYPE: 415,
      WAF_FILTERED: 403,
    });
  });

  it('AWS: built-in responses from the default template are compact: {"message":"Unauthorized"} is 26 bytes (§3.2)', () => {
    const parts = respond(gatewayError('UNAUTHORIZED', 'authorizer', 'no token'));
    expect(parts.statusCode).toBe(401);
    expect(parts.body).toBe('{"message":"Unauthorized"}');
    expect(parts.body.length).toBe(26);
    expect(parts.headers).toEqual({ 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'UnauthorizedException' });
  });

  it('AWS: a null message renders messageString as null unquoted: {"message":null} (§3.4, O2)', () => {
    const parts = respond(gatewayError('AUTHORIZER_CONFIGURATION_ERROR', 'authorizer', 'handler threw'));
    expect(parts.body).toBe('{"message":null}');
    expect(parts.statusCode).toBe(500);
    expect(parts.headers['x-amzn-ErrorType']).toBe('AuthorizerConfigurationException');
  });

  it('AWS: the 403 for an invalid API key is {"message":"Forbidden"} (23 bytes) with ForbiddenException (§5.1, O5)', () => {
    const parts = respond(gatewayError('INVALID_API_KEY', 'api-key', 'no key'));
    expect(parts.body).toBe('{"message":"Forbidden"}');
    expect(parts.body.length).toBe(23);
    expect(parts.headers['x-amzn-ErrorType']).toBe('ForbiddenException');
  });

  it('AWS: an exact built-in body (the spaced 500) is kept while the type is not customised (§3.2)', () => {
    const parts = respond(gatewayError('INTEGRATION_FAILURE', 'integration', 'backend failed', { status: 502, body: '{"message": "Internal server error"}' }));
    expect(parts).toMatchObject({ statusCode: 502, body: '{"message": "Internal server error"}', source: 'built-in' });
  });
});

describe('gateway response customisation', () => {
  it('AWS: a customised type replaces the whole default: only a statusCode keeps the default template (§3.3)', () => {
    const parts = respond(gatewayError('MISSING_AUTHENTICATION_TOKEN', 'route', 'no route'), api({ MISSING_AUTHENTICATION_TOKEN: { statusCode: '404' } }));
    expect(parts).toMatchObject({ statusCode: 404, body: '{"message":"Missing Authentication Token"}', source: 'MISSING_AUTHENTICATION_TOKEN' });
    expect(parts.headers['x-amzn-ErrorType']).toBe('MissingAuthenticationTokenException');
  });

  it('AWS: customising only responseParameters keeps the type default status (§3.3)', () => {
    const parts = respond(gatewayError('MISSING_AUTHENTICATION_TOKEN', 'route', 'no route'), api({ MISSING_AUTHENTICATION_TOKEN: { responseParameters: { 'gatewayresponse.header.x-foo': "'bar'" } } }));
    expect(parts.statusCode).toBe(403);
    expect(parts.headers['x-foo']).toBe('bar');
  });

  it('AWS: a customised DEFAULT_5XX reaches 5xx types that are not customised themselves, and not 4xx ones (§3.3 test_gateway_response_put)', () => {
    const definition = api({
      DEFAULT_5XX: { statusCode: '599', responseParameters: { 'gatewayresponse.header.x-request-header': 'method.request.header.Accept' }, responseTemplates: { 'application/json': '{"custom":"$context.error.responseType"}' } },
      AUTHORIZER_FAILURE: { responseParameters: { 'gatewayresponse.header.foo': "'bar'" } },
    });
    const headers = { Accept: 'application/json' };
    const integration = respond(gatewayError('INTEGRATION_TIMEOUT', 'integration', 'slow'), definition, { headers });
    expect(integration).toMatchObject({ statusCode: 599, body: '{"custom":"INTEGRATION_TIMEOUT"}', source: 'DEFAULT_5XX' });
    expect(integration.headers['x-request-header']).toBe('application/json');
    const explicit = respond(gatewayError('AUTHORIZER_FAILURE', 'authorizer', 'failed'), definition, { headers });
    expect(explicit).toMatchObject({ statusCode: 500, body: '{"message":null}', source: 'AUTHORIZER_FAILURE' });
    expect(explicit.headers).not.toHaveProperty('x-request-header');
    expect(explicit.headers['foo']).toBe('bar');
    expect(respond(gatewayError('UNAUTHORIZED', 'authorizer', 'no'), definition).source).toBe('built-in');
  });

  it('AWS: an INTEGRATION_FAILURE customised with only parameters keeps the failure\'s own status, 500 not 504 (§3.2, V7)', () => {
    const definition = api({ INTEGRATION_FAILURE: { responseParameters: {} } });
    const parts = respond(gatewayError('INTEGRATION_FAILURE', 'integration', 'invalid invoke', { status: 500, body: '{"message": "Internal server error"}' }), definition);
    expect(parts.statusCode).toBe(500);
    expect(JSON.parse(parts.body)).toEqual({ message: 'Internal server error' });
  });

  it('AWS: REQUEST_TOO_LARGE cannot be customised (DG known issues, §3.1)', () => {
    const definition = api({ REQUEST_TOO_LARGE: { statusCode: '400', responseTemplates: { 'application/json': 'custom' } }, DEFAULT_4XX: { statusCode: '499' } });
    const parts = respond(gatewayError('REQUEST_TOO_LARGE', 'integration', 'too large', { body: '{"message": "Request Too Long"}' }), definition);
    expect(parts).toMatchObject({ statusCode: 413, body: '{"message": "Request Too Long"}', source: 'built-in' });
  });

  it('AWS: a Deny authorizer context is readable in an ACCESS_DENIED template: custom 403 messages (§3.4)', () => {
    const definition = api({ ACCESS_DENIED: { responseTemplates: { 'application/json': '{"message":"$context.authorizer.message"}' } } });
    const parts = respond(gatewayError('ACCESS_DENIED', 'authorizer', 'explicit deny'), definition, { context: { authorizer: { message: 'account suspended' } } });
    expect(parts.body).toBe('{"message":"account suspended"}');
  });

  it('AWS: validationErrorString goes inside quotes already JSON-escaped (§2.4, O8)', () => {
    const definition = api({ BAD_REQUEST_BODY: { responseTemplates: { 'application/json': '{ "message": "$context.error.validationErrorString"}' } } });
    const error = gatewayError('BAD_REQUEST_BODY', 'validation', 'invalid', { validationErrorString: '[object has missing required properties (["schedule","team"])]' });
    const parts = respond(error, definition);
    expect(parts.body).toBe('{ "message": "[object has missing required properties ([\\"schedule\\",\\"team\\"])]"}');
    expect(JSON.parse(parts.body)).toEqual({ message: '[object has missing required properties (["schedule","team"])]' });
  });

  it('templates see $context, $stageVariables and the method request parameters; the body is empty (read as {})', () => {
    const definition = api({ DEFAULT_4XX: { responseTemplates: { 'application/json': '{"stage":"$context.stage","type":"$context.error.responseType","v":"$stageVariables.v","q":"$input.params(\'q\')","body":"$input.body"}' } } });
    const parts = respond(gatewayError('THROTTLED', 'throttle', 'over'), definition, { stageVariables: { v: 'x' }, query: { q: 'y' } });
    expect(JSON.parse(parts.body)).toEqual({ stage: 'dev', type: 'THROTTLED', v: 'x', q: 'y', body: '{}' });
    expect(parts.statusCode).toBe(429);
  });

  it('the template is chosen by Accept, falling back to application/json', () => {
    const definition = api({ DEFAULT_4XX: { responseTemplates: { 'application/json': '{"json":true}', 'application/xml': '<xml/>' } } });
    const xml = respond(gatewayError('UNAUTHORIZED', 'authorizer', 'no'), definition, { headers: { Accept: 'application/xml' } });
    expect(xml.body).toBe('<xml/>');
    expect(xml.headers['Content-Type']).toBe('application/xml');
    expect(respond(gatewayError('UNAUTHORIZED', 'authorizer', 'no'), definition, { headers: { Accept: 'text/html' } }).body).toBe('{"json":true}');
  });

  it('header values come from static values, request parameters, context and stage variables; a missing source leaves the header out', () => {
    const definition = api({
      DEFAULT_4XX: {
        responseParameters: {
          'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
          'gatewayresponse.header.x-id': 'context.requestId',
          'gatewayresponse.header.x-stage-var': 'stageVariables.v',
          'gatewayresponse.header.x-missing': 'method.request.header.Nope',
          'gatewayresponse.header.x-path': 'method.request.path.id',
        },
      },
    });
    const parts = respond(gatewayError('INVALID_API_KEY', 'api-key', 'no'), definition, { stageVariables: { v: 'sv' }, pathParameters: { id: '7' } });
    expect(parts.headers).toMatchObject({ 'Access-Control-Allow-Origin': '*', 'x-id': 'req-1', 'x-stage-var': 'sv', 'x-path': '7' });
    expect(parts.headers).not.toHaveProperty('x-missing');
  });

  it('a customised template that does not compile or fails falls back to the built-in response with a warning', () => {
    const broken = respond(gatewayError('UNAUTHORIZED', 'authorizer', 'no'), api({ UNAUTHORIZED: { responseTemplates: { 'application/json': '#if(' } } }));
    expect(broken.body).toBe('{"message":"Unauthorized"}');
    expect(broken.warnings.join(' ')).toMatch(/does not compile/);
    const failing = respond(gatewayError('UNAUTHORIZED', 'authorizer', 'no'), api({ UNAUTHORIZED: { responseTemplates: { 'application/json': '$util.parseJson("{")' } } }));
    expect(failing.body).toBe('{"message":"Unauthorized"}');
    expect(failing.warnings.join(' ')).toMatch(/failed/);
  });

  it('front-door answers ignore every customisation and carry no API Gateway headers', () => {
    const error = gatewayError('REQUEST_TOO_LARGE', 'limits', 'big', { status: 413, body: 'HTTP content length exceeded 10485760 bytes.', contentType: 'text; charset=utf-8', frontDoor: true });
    const parts = respond(error, api({ DEFAULT_4XX: { statusCode: '400' } }));
    expect(parts).toEqual({ statusCode: 413, headers: { 'Content-Type': 'text; charset=utf-8' }, body: 'HTTP content length exceeded 10485760 bytes.', source: 'front-door', warnings: [] });
    expect(parts.body.length).toBe(44);
  });

  it('a gatewayResponses map from a stranger (keys like __proto__) resolves nothing it does not own', () => {
    const definition = JSON.parse('{"methods":[],"gatewayResponses":{"__proto__":{"statusCode":"599"}}}') as ApiDefinition;
    expect(resolveGatewayResponse(definition, 'UNAUTHORIZED', 401)).toEqual({ kind: 'built-in' });
  });

  it('messageString JSON-escapes a message with quotes', () => {
    expect(errorContext(gatewayError('DEFAULT_4XX', 'route', 'x', { message: 'say "hi"\n' })).messageString).toBe('"say \\"hi\\"\\n"');
  });
});
