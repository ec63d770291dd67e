import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../src/platform/base64.js';
import { sha256 } from '../../src/platform/sha256.js';
import { encodeUtf8 } from '../../src/platform/utf8.js';
import type { GatewayError } from '../../src/pipeline/gateway-responses/gateway-error.js';
import type { RoutedState } from '../../src/pipeline/request-state.js';
import { routeRequest } from '../../src/pipeline/routing.js';
import { mock, requestState } from './helpers.js';

const api = { methods: [mock('GET', '/existing'), mock('GET', '/pets/{id}'), mock('DELETE', '/pets/{id}')], stages: { dev: {} } };

function error(result: RoutedState | GatewayError): GatewayError {
  if ('method' in result) throw new Error('expected a gateway error');
  return result;
}

describe('routing', () => {
  it('AWS: an unknown path and a known path with an undefined method answer MISSING_AUTHENTICATION_TOKEN (pipeline.md §10, V4)', () => {
    expect(error(routeRequest(requestState(api, { path: '/random-non-existing' }))).type).toBe('MISSING_AUTHENTICATION_TOKEN');
    expect(error(routeRequest(requestState(api, { httpMethod: 'POST', path: '/existing' }))).type).toBe('MISSING_AUTHENTICATION_TOKEN');
  });

  it('AWS: an unknown route with a Bearer Authorization header reports the SHA-256 of the header as IncompleteSignatureException (§10, O13)', () => {
    const e = error(routeRequest(requestState(api, { path: '/nope', headers: { Authorization: 'Bearer abc.def' } })));
    const hash = encodeBase64(sha256(encodeUtf8('Bearer abc.def')));
    expect(e).toMatchObject({ type: 'DEFAULT_4XX', status: 403, errorType: 'IncompleteSignatureException' });
    expect(e.message).toBe(`Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${hash}'.`);
  });

  it('a readable SigV4 Authorization header on an unknown route is the plain Missing Authentication Token; a bare API key is not SigV4', () => {
    const sigv4 = 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=abc';
    expect(error(routeRequest(requestState(api, { path: '/nope', headers: { Authorization: sigv4, 'X-Amz-Date': '20260101T000000Z' } }))).type).toBe('MISSING_AUTHENTICATION_TOKEN');
    expect(error(routeRequest(requestState(api, { path: '/nope', headers: { Authorization: 'my-api-key' } }))).errorType).toBe('IncompleteSignatureException');
  });

  it('AWS: X-HTTP-Method-Override replaces the method for routing (DG known issues, §10)', () => {
    const routed = routeRequest(requestState(api, { httpMethod: 'POST', path: '/pets/1', headers: { 'x-http-method-override': 'delete' } }));
    expect('method' in routed && routed.method.httpMethod).toBe('DELETE');
  });

  it('AWS: a stage the API does not have is 403 Forbidden with ForbiddenException (§10)', () => {
    const e = error(routeRequest(requestState(api, { stage: 'prod', path: '/existing' })));
    expect(e).toMatchObject({ type: 'DEFAULT_4XX', status: 403, message: 'Forbidden', errorType: 'ForbiddenException' });
  });

  it('the method ARN names the actual path, the root with a trailing slash (§4.1)', () => {
    const routed = routeRequest(requestState(api, { path: '/pets/42' }));
    expect('method' in routed && routed.methodArn).toBe('arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/dev/GET/pets/42');
    const root = routeRequest(requestState({ methods: [mock('GET', '/')] }, { path: '/' }));
    expect('method' in root && root.methodArn).toBe('arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/dev/GET/');
  });
});

describe('X-HTTP-Method-Override downstream', () => {
  it('the routed request carries the overridden method, so policies, cache keys and the integration agree', () => {
    const routed = routeRequest(requestState(api, { httpMethod: 'POST', path: '/pets/1', headers: { 'X-HTTP-Method-Override': 'delete' } }));
    if (!('method' in routed)) throw new Error('expected a route');
    expect(routed.request.httpMethod).toBe('DELETE');
    expect(routed.methodArn).toMatch(/\/dev\/DELETE\/pets\/1$/);
  });
});
