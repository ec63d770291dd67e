import { describe, expect, it } from 'vitest';
import { LambdaFunctionError } from '../../../src/integration/lambda.js';
import { authorize } from '../../../src/pipeline/authorizers/index.js';
import { ACCOUNT, API_ID, AUTH_URI, api, messages, method, policyAnswer, recording, routedState, tokenAuthorizer } from './state.js';

const ARN = `arn:aws:execute-api:us-east-1:${ACCOUNT}:${API_ID}/prod/GET/pets/42`;
const allowAll = () => policyAnswer('Allow', `arn:aws:execute-api:us-east-1:${ACCOUNT}:${API_ID}/*`);

function run(handler: (event: any) => unknown, fields: Parameters<typeof routedState>[0] = {}) {
  const fn = recording(handler);
  const state = routedState({ headers: { Authorization: 'Bearer abc.def' }, handlers: { 'auth-fn': fn }, ...fields });
  return { state, fn, result: authorize(state) };
}

describe('Lambda TOKEN authorizer: the event', () => {
  it('AWS: the event is exactly {"type":"TOKEN","authorizationToken":…,"methodArn":…} in that key order (pipeline.md §4.1)', async () => {
    const { fn, result } = run(allowAll);
    expect(await result).toBeUndefined();
    expect(JSON.stringify(fn.calls[0])).toBe(`{"type":"TOKEN","authorizationToken":"Bearer abc.def","methodArn":"${ARN}"}`);
  });

  it('AWS: the token is the raw header value, prefix included, found case-insensitively (pipeline.md §4.1)', async () => {
    const { fn, result } = run(allowAll, { headers: { authorization: 'Bearer  xyz ' } });
    await result;
    expect(fn.calls[0].authorizationToken).toBe('Bearer  xyz ');
  });

  it('AWS: the method ARN carries the actual request path, not the resource template (pipeline.md §4.1)', async () => {
    const { fn, result } = run(allowAll, { path: '/pets/7' });
    await result;
    expect(fn.calls[0].methodArn).toBe(`arn:aws:execute-api:us-east-1:${ACCOUNT}:${API_ID}/prod/GET/pets/7`);
  });

  it('the handler gets the function name, ARN and request id as its context', async () => {
    let seen: any;
    const state = routedState({ headers: { Authorization: 't' }, handlers: { 'auth-fn': (_e, ctx) => ((seen = ctx), allowAll()) } });
    await authorize(state);
    expect(seen).toEqual({ functionName: 'auth-fn', invokedFunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:auth-fn`, awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' });
  });
});

describe('Lambda TOKEN authorizer: identity checks before invoking (pipeline.md §4.1, O1)', () => {
  it('AWS: a missing token header answers 401 without invoking the authorizer', async () => {
    const { fn, result } = run(allowAll, { headers: {} });
    const error = await result;
    expect(error).toMatchObject({ type: 'UNAUTHORIZED', message: 'Unauthorized', stage: 'authorizer' });
    expect(fn.calls).toHaveLength(0);
  });

  it('AWS: an empty token header answers 401 without invoking the authorizer', async () => {
    const { fn, result } = run(allowAll, { headers: { Authorization: '' } });
    expect(await result).toMatchObject({ type: 'UNAUTHORIZED' });
    expect(fn.calls).toHaveLength(0);
  });

  it('AWS: a token failing identityValidationExpression answers 401 without invoking the authorizer', async () => {
    const definition = api({ authorizers: { tokenAuth: tokenAuthorizer({ identityValidationExpression: '^Bearer [a-z.]+$' }) } });
    const { fn, result } = run(allowAll, { api: definition, headers: { Authorization: 'Basic Zm9v' } });
    expect(await result).toMatchObject({ type: 'UNAUTHORIZED' });
    expect(fn.calls).toHaveLength(0);
  });

  it('identityValidationExpression is a Java regex matched against the whole token', async () => {
    const definition = api({ authorizers: { tokenAuth: tokenAuthorizer({ identityValidationExpression: 'Bearer [a-z.]+' }) } });
    expect(await run(allowAll, { api: definition, headers: { Authorization: 'Bearer abc.def' } }).result).toBeUndefined();
    // A partial match is not enough: full-match semantics.
    expect(await run(allowAll, { api: definition, headers: { Authorization: 'Bearer abc.def!' } }).result).toMatchObject({ type: 'UNAUTHORIZED' });
  });

  it('an identityValidationExpression that is not a valid regex is a configuration error', async () => {
    const definition = api({ authorizers: { tokenAuth: tokenAuthorizer({ identityValidationExpression: '(unclosed' }) } });
    const error = await run(allowAll, { api: definition }).result;
    expect(error).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR', message: null });
    expect(error!.diagnostic).toContain('not a valid Java regular expression');
  });

  it('a TOKEN authorizer whose identity source is not one header is a configuration error', async () => {
    const definition = api({ authorizers: { tokenAuth: tokenAuthorizer({ identitySource: 'method.request.querystring.token' }) } });
    expect(await run(allowAll, { api: definition }).result).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR' });
  });
});

describe('Lambda authorizer outcomes (pipeline.md §4.2)', () => {
  it('AWS: a policy Allow covering the method ARN proceeds', async () => {
    const { state, result } = run(() => policyAnswer('Allow', ARN));
    expect(await result).toBeUndefined();
    expect(state.context.authorizer).toEqual({ principalId: 'user-1234567' });
  });

  it('AWS: a Deny statement covering the method ARN answers 403 with the capital-M explicit-deny body (O3)', async () => {
    const error = await run(() => policyAnswer('Deny', ARN)).result;
    expect(error).toMatchObject({ type: 'ACCESS_DENIED', message: 'User is not authorized to access this resource with an explicit deny in an identity-based policy' });
    expect(error!.body).toBe('{"Message":"User is not authorized to access this resource with an explicit deny in an identity-based policy"}');
  });

  it('AWS: a policy with no statement covering the method ARN is the implicit deny, 403 "User is not authorized to access this resource"', async () => {
    const error = await run(() => policyAnswer('Allow', `arn:aws:execute-api:us-east-1:${ACCOUNT}:${API_ID}/prod/POST/*`)).result;
    expect(error).toMatchObject({ type: 'ACCESS_DENIED', message: 'User is not authorized to access this resource' });
    expect(error!.body).toBe('{"Message":"User is not authorized to access this resource"}');
  });

  it('AWS: a function throwing an Error whose message is exactly "Unauthorized" answers 401 (O1)', async () => {
    const error = await run(() => {
      throw new Error('Unauthorized');
    }).result;
    expect(error).toMatchObject({ type: 'UNAUTHORIZED', message: 'Unauthorized' });
  });

  it('AWS: a LambdaFunctionError with errorMessage "Unauthorized" (a Python raise) answers 401', async () => {
    const error = await run(() => {
      throw new LambdaFunctionError({ errorMessage: 'Unauthorized', errorType: 'Exception' });
    }).result;
    expect(error).toMatchObject({ type: 'UNAUTHORIZED' });
  });

  it('AWS: a thrown "Unauthorized" string (callback("Unauthorized")) answers 401', async () => {
    const error = await run(() => Promise.reject('Unauthorized')).result;
    expect(error).toMatchObject({ type: 'UNAUTHORIZED' });
  });

  it('AWS: any other thrown message answers 500 {"message":null} AUTHORIZER_CONFIGURATION_ERROR (O2)', async () => {
    for (const message of ['unauthorized', 'Unauthorized: token expired', 'boom']) {
      const error = await run(() => {
        throw new Error(message);
      }).result;
      expect(error).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR', message: null });
      expect(error!.diagnostic).toContain(JSON.stringify(message));
    }
  });

  it('AWS: a function that times out answers 500 AUTHORIZER_CONFIGURATION_ERROR (the integration timeout applies)', async () => {
    const error = await run(() => new Promise(() => {}), { options: { integrationTimeoutMs: 20 } }).result;
    expect(error).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR', message: null });
    expect(error!.diagnostic).toContain('did not answer within 20 ms');
  });

  it('AWS: a null answer is malformed output: 500, logged as "Could not parse policy"', async () => {
    const { state, result } = run(() => null);
    expect(await result).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR' });
    expect(messages(state)).toContain('Authorizer result body before parsing: null');
    expect(messages(state)).toContain('Execution failed due to configuration error: Could not parse policy');
  });

  it.each([
    ['no policyDocument', { principalId: 'u' }],
    ['a policy that is a string', { principalId: 'u', policyDocument: 'allow' }],
    ['a statement without Resource', { principalId: 'u', policyDocument: { Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke' }] } }],
    ['a lowercase effect', { principalId: 'u', policyDocument: { Statement: [{ Effect: 'allow', Action: 'execute-api:Invoke', Resource: '*' }] } }],
    ['a context value that is an object', { ...policyAnswer('Allow', '*'), context: { nested: { a: 1 } } }],
    ['a context value that is an array', { ...policyAnswer('Allow', '*'), context: { list: [1, 2] } }],
    ['a principalId that is an object', { ...policyAnswer('Allow', '*'), principalId: { id: 1 } }],
    ['an HTTP response instead of a policy', { statusCode: 401, body: 'Unauthorized' }],
  ])('malformed output (%s) answers 500 AUTHORIZER_CONFIGURATION_ERROR (pipeline.md §4.2, §4.5)', async (_what, answer) => {
    expect(await run(() => answer).result).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR', message: null });
  });

  it('an Allow without principalId is malformed (the principal is required): 500', async () => {
    const answer = policyAnswer('Allow', '*');
    delete answer.principalId;
    const error = await run(() => answer).result;
    expect(error).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR' });
    expect(error!.diagnostic).toContain('principalId');
  });

  it('AWS: a Deny without principalId still denies normally with 403 (observed, file id 39913470942)', async () => {
    const answer = policyAnswer('Deny', ARN);
    delete answer.principalId;
    expect(await run(() => answer).result).toMatchObject({ type: 'ACCESS_DENIED', message: expect.stringContaining('explicit deny') });
  });

  it('AWS: principalId "" is accepted (file id 8961002744)', async () => {
    const { state, result } = run(() => policyAnswer('Allow', '*', { principalId: '' }));
    expect(await result).toBeUndefined();
    expect(state.context.authorizer).toEqual({ principalId: '' });
  });

  it('an async handler (a Promise of the answer) works like a sync one', async () => {
    expect(await run(async () => allowAll()).result).toBeUndefined();
  });
});

describe('Lambda authorizer: configuration errors', () => {
  it('a method naming an authorizer the API does not define answers 500 with a diagnostic naming it', async () => {
    const state = routedState({ method: method({ authorizer: 'missing' }), headers: { Authorization: 't' } });
    const error = await authorize(state);
    expect(error).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR', message: null });
    expect(error!.diagnostic).toContain("names authorizer 'missing'");
    expect(error!.diagnostic).toContain('defined: tokenAuth');
  });

  it('a method with CUSTOM authorization naming no authorizer answers 500', async () => {
    const state = routedState({ method: method({ authorizer: null }) });
    expect(await authorize(state)).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR' });
  });

  it('no handler for the function answers 500 with a diagnostic saying which function name to register', async () => {
    const state = routedState({ headers: { Authorization: 't' }, handlers: {} });
    const error = await authorize(state);
    expect(error).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR', message: null });
    expect(error!.diagnostic).toContain("backend.lambda['auth-fn']");
  });

  it('${stageVariables.x} in authorizerUri picks the function per stage', async () => {
    const definition = api({ authorizers: { tokenAuth: tokenAuthorizer({ authorizerUri: AUTH_URI('auth-${stageVariables.env}') }) } });
    const fn = recording(allowAll);
    const state = routedState({ api: definition, headers: { Authorization: 't' }, stageVariables: { env: 'blue' }, handlers: { 'auth-blue': fn } });
    expect(await authorize(state)).toBeUndefined();
    expect(fn.calls).toHaveLength(1);
  });

  it('a handler registered under an alias of the function name answers', async () => {
    const fn = recording(allowAll);
    const state = routedState({ api: api({ functionAliases: { AuthFunction: 'auth-fn' } }), headers: { Authorization: 't' }, handlers: { AuthFunction: fn } });
    expect(await authorize(state)).toBeUndefined();
    expect(fn.calls).toHaveLength(1);
  });

  it('authorizationType NONE (or absent) runs nothing', async () => {
    expect(await authorize(routedState({ method: method({ authorizationType: 'NONE' }) }))).toBeUndefined();
    expect(await authorize(routedState({ method: method({ authorizationType: undefined }) }))).toBeUndefined();
  });
});

describe('Lambda authorizer: what reaches $context (pipeline.md §4.5)', () => {
  it('AWS: context values are stringified (1 → "1", true → "true"); numbers print as Java reads them', async () => {
    const { state, result } = run(() => ({ ...policyAnswer('Allow', '*'), context: { s: 'v', n: 1, f: 1.5, big: 1e21, small: 0.0001, t: true, no: false, nil: null } }));
    expect(await result).toBeUndefined();
    expect(state.context.authorizer).toEqual({ principalId: 'user-1234567', s: 'v', n: '1', f: '1.5', big: '1.0E21', small: '1.0E-4', t: 'true', no: 'false', nil: null });
  });

  it('$context.authorizer is a new object; the object the caller passed in context is not mutated', async () => {
    const given = { principalId: 'old', keep: 'x' };
    const { state, result } = run(allowAll, { context: { authorizer: given } });
    await result;
    expect(state.context.authorizer).not.toBe(given);
    expect(given).toEqual({ principalId: 'old', keep: 'x' });
  });

  it('usageIdentifierKey is handed to the API-key stage', async () => {
    const { state, result } = run(() => policyAnswer('Allow', '*', { usageIdentifierKey: 'key-abc' }));
    await result;
    expect(state.found.usageIdentifierKey).toBe('key-abc');
  });

  it('a context key named __proto__ is just a key', async () => {
    const answer = JSON.parse('{"principalId":"p","policyDocument":{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]},"context":{"__proto__":"x"}}');
    const { state, result } = run(() => answer);
    await result;
    expect(Object.getPrototypeOf(state.context.authorizer)).toBe(Object.prototype);
    expect(Object.hasOwn(state.context.authorizer!, '__proto__')).toBe(true);
  });
});

describe('Lambda authorizer: execution log (pipeline.md §1)', () => {
  it('AWS: writes the recorded lines, with the token and principal masked but for their last 6 characters', async () => {
    const { state, result } = run(() => policyAnswer('Allow', '*', { principalId: 'UkoTIwQiZZsx03SlU9t_y|24u62kim5mn0slhwigdt7v4ybkwef5' }), { headers: { Authorization: 'Bearer abcdefghij123456' } });
    await result;
    const log = messages(state);
    expect(log[0]).toBe('Starting authorizer: tokenAuth for request: c6af9ac6-7b61-11e6-9a41-93e8deadbeef');
    expect(log[1]).toBe(`Incoming identity: ${'*'.repeat(17)}123456`);
    expect(log[2]).toBe(`Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:${ACCOUNT}:function:auth-fn/invocations`);
    expect(log[3]).toContain(`X-Amz-Source-Arn=arn:aws:execute-api:us-east-1:${ACCOUNT}:${API_ID}/authorizers/tokenAuth`);
    expect(log[4]).toBe(`Endpoint request body after transformations: {"type":"TOKEN","authorizationToken":"Bearer abcdefghij123456","methodArn":"${ARN}"}`);
    expect(log[5]).toMatch(/^Authorizer result body before parsing: \{"principalId":/);
    expect(log[6]).toBe(`Using valid authorizer policy for principal: ${'*'.repeat(46)}bkwef5`);
    expect(log[7]).toBe('Successfully completed authorizer execution');
  });

  it('AWS: log messages longer than 1024 characters are cut and end " [TRUNCATED]"', async () => {
    const { state, result } = run(allowAll, { headers: { Authorization: 'x'.repeat(5000) } });
    await result;
    const body = messages(state).find((m) => m.startsWith('Endpoint request body'))!;
    expect(body).toHaveLength(1024 + ' [TRUNCATED]'.length);
    expect(body.endsWith(' [TRUNCATED]')).toBe(true);
  });

  it('a failed authorizer logs "Execution failed due to configuration error: Authorizer error"', async () => {
    const { state, result } = run(() => {
      throw new Error('db down');
    });
    await result;
    expect(messages(state)).toContain('Execution failed due to configuration error: Authorizer error');
  });
});
