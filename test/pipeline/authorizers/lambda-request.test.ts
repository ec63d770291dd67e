import { describe, expect, it } from 'vitest';
import type { AuthorizerDefinition } from '../../../src/model/index.js';
import { authorize } from '../../../src/pipeline/authorizers/index.js';
import { ACCOUNT, API_ID, AUTH_URI, api, method, policyAnswer, recording, routedState } from './state.js';

function requestAuthorizer(fields: Partial<AuthorizerDefinition> = {}): AuthorizerDefinition {
  return { name: 'reqAuth', type: 'REQUEST', authorizerUri: AUTH_URI('req-fn'), identitySource: 'method.request.header.HeaderAuth1', ...fields };
}

function requestState(authorizer: AuthorizerDefinition, fields: Parameters<typeof routedState>[0] = {}) {
  const fn = recording(() => policyAnswer('Allow', '*'));
  const definition = api({ authorizers: { reqAuth: authorizer } }, [method({ authorizer: 'reqAuth', resourcePath: '/request' })]);
  const state = routedState({ api: definition, path: '/request', pathParameters: {}, handlers: { 'req-fn': fn }, ...fields });
  return { state, fn };
}

describe('Lambda REQUEST authorizer: the event (pipeline.md §4.3)', () => {
  it('AWS: the event has the documented keys in the documented order, and no body', async () => {
    const { state, fn } = requestState(requestAuthorizer(), {
      headers: { HeaderAuth1: 'headerValue1', Accept: ['text/html', '*/*'] },
      query: { QueryString1: 'queryValue1' },
      stageVariables: { StageVar1: 'stageValue1' },
    });
    expect(await authorize(state)).toBeUndefined();
    const event = fn.calls[0];
    expect(Object.keys(event)).toEqual(['type', 'methodArn', 'resource', 'path', 'httpMethod', 'headers', 'multiValueHeaders', 'queryStringParameters', 'multiValueQueryStringParameters', 'pathParameters', 'stageVariables', 'requestContext']);
    expect(event).toMatchObject({
      type: 'REQUEST',
      methodArn: `arn:aws:execute-api:us-east-1:${ACCOUNT}:${API_ID}/prod/GET/request`,
      resource: '/request',
      path: '/request',
      httpMethod: 'GET',
      headers: { HeaderAuth1: 'headerValue1', Accept: '*/*' },
      multiValueHeaders: { HeaderAuth1: ['headerValue1'], Accept: ['text/html', '*/*'] },
      queryStringParameters: { QueryString1: 'queryValue1' },
      multiValueQueryStringParameters: { QueryString1: ['queryValue1'] },
      pathParameters: {},
      stageVariables: { StageVar1: 'stageValue1' },
    });
    expect('body' in event).toBe(false);
  });

  it('AWS: requestContext has the fixture keys first, from $context, identity starting with apiKey and sourceIp', async () => {
    const { state, fn } = requestState(requestAuthorizer(), { headers: { HeaderAuth1: 'v' } });
    await authorize(state);
    const rc = fn.calls[0].requestContext;
    expect(Object.keys(rc).slice(0, 9)).toEqual(['path', 'accountId', 'resourceId', 'stage', 'requestId', 'identity', 'resourcePath', 'httpMethod', 'apiId']);
    expect(rc).toMatchObject({ path: '/prod/request', accountId: ACCOUNT, resourceId: 'abc123', stage: 'prod', resourcePath: '/request', httpMethod: 'GET', apiId: API_ID });
    expect(Object.keys(rc.identity).slice(0, 2)).toEqual(['apiKey', 'sourceIp']);
    expect(rc.identity).toMatchObject({ apiKey: null, sourceIp: '203.0.113.7', userAgent: 'curl/8.0' });
  });

  it('path parameters reach the event decoded', async () => {
    const definition = api({ authorizers: { reqAuth: requestAuthorizer() } }, [method({ authorizer: 'reqAuth' })]);
    const fn = recording(() => policyAnswer('Allow', '*'));
    const state = routedState({ api: definition, headers: { HeaderAuth1: 'v' }, pathParameters: { id: 'a b' }, handlers: { 'req-fn': fn } });
    await authorize(state);
    expect(fn.calls[0].pathParameters).toEqual({ id: 'a b' });
  });
});

describe('Lambda REQUEST authorizer: identity sources (pipeline.md §4.3)', () => {
  const sources = 'method.request.header.HeaderAuth1, method.request.querystring.QueryString1, stageVariables.StageVar1, context.identity.sourceIp';

  it('every kind of identity source is read: header (any case), query string, stage variable, context', async () => {
    const { state, fn } = requestState(requestAuthorizer({ identitySource: sources }), {
      headers: { headerauth1: 'h' },
      query: { QueryString1: 'q' },
      stageVariables: { StageVar1: 's' },
    });
    expect(await authorize(state)).toBeUndefined();
    expect(fn.calls).toHaveLength(1);
  });

  it.each([
    ['the header', { query: { QueryString1: 'q' }, stageVariables: { StageVar1: 's' } }],
    ['the query string parameter', { headers: { HeaderAuth1: 'h' }, stageVariables: { StageVar1: 's' } }],
    ['the stage variable', { headers: { HeaderAuth1: 'h' }, query: { QueryString1: 'q' } }],
    ['the context variable', { headers: { HeaderAuth1: 'h' }, query: { QueryString1: 'q' }, stageVariables: { StageVar1: 's' }, context: { identity: {} } }],
  ])('AWS: with caching on, a missing identity source (%s) answers 401 without invoking', async (_what, fields) => {
    const { state, fn } = requestState(requestAuthorizer({ identitySource: sources }), fields);
    expect(await authorize(state)).toMatchObject({ type: 'UNAUTHORIZED', message: 'Unauthorized' });
    expect(fn.calls).toHaveLength(0);
  });

  it('AWS: an empty identity source answers 401 without invoking', async () => {
    const { state, fn } = requestState(requestAuthorizer(), { headers: { HeaderAuth1: '' } });
    expect(await authorize(state)).toMatchObject({ type: 'UNAUTHORIZED' });
    expect(fn.calls).toHaveLength(0);
  });

  it('with caching off, a missing identity source still answers 401 (UNKNOWN on AWS; the same rule is kept)', async () => {
    const { state, fn } = requestState(requestAuthorizer({ authorizerResultTtlInSeconds: 0 }));
    expect(await authorize(state)).toMatchObject({ type: 'UNAUTHORIZED' });
    expect(fn.calls).toHaveLength(0);
  });

  it('AWS: with caching off, no identity source is needed: the authorizer runs for every request', async () => {
    const { state, fn } = requestState(requestAuthorizer({ identitySource: null, authorizerResultTtlInSeconds: 0 }));
    expect(await authorize(state)).toBeUndefined();
    expect(fn.calls).toHaveLength(1);
  });

  it('AWS: path parameters cannot be identity sources: a configuration error', async () => {
    const { state } = requestState(requestAuthorizer({ identitySource: 'method.request.path.id' }));
    const error = await authorize(state);
    expect(error).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR' });
    expect(error!.diagnostic).toContain('path parameters cannot be identity sources');
  });

  it('the outcomes of a REQUEST authorizer are those of a TOKEN one: Deny → 403', async () => {
    const definition = api({ authorizers: { reqAuth: requestAuthorizer() } }, [method({ authorizer: 'reqAuth', resourcePath: '/request' })]);
    const state = routedState({ api: definition, path: '/request', headers: { HeaderAuth1: 'v' }, handlers: { 'req-fn': () => policyAnswer('Deny', '*') } });
    expect(await authorize(state)).toMatchObject({ type: 'ACCESS_DENIED' });
  });
});
