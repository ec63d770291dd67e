/** Hostile tokens, definitions and handlers: every one ends quickly in a typed outcome, never a throw or a hang. */
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../src/pipeline/authorizers/index.js';
import { copyAsJson } from '../../../src/pipeline/authorizers/safe-copy.js';
import { ApiRuntime } from '../../../src/pipeline/runtime.js';
import { api, messages, method, policyAnswer, recording, routedState, tokenAuthorizer } from './state.js';

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

function withHandler(handler: (event: any) => unknown, fields: Parameters<typeof routedState>[0] = {}) {
  return routedState({ headers: { Authorization: 'tok' }, handlers: { 'auth-fn': handler }, ...fields });
}

describe('red team: identityValidationExpression', () => {
  it('(a+)+$ against a long token stops at its budget with 401, quickly', async () => {
    const definition = api({ authorizers: { tokenAuth: tokenAuthorizer({ identityValidationExpression: '(a+)+$' }) } });
    const fn = recording(() => policyAnswer('Allow', '*'));
    const state = routedState({ api: definition, headers: { Authorization: 'a'.repeat(5000) + '!' }, handlers: { 'auth-fn': fn } });
    const { value, ms } = await timed(() => authorize(state));
    expect(value).toMatchObject({ type: 'UNAUTHORIZED' });
    expect(ms).toBeLessThan(3000);
    expect(fn.calls).toHaveLength(0);
    expect(state.warnings.join('\n')).toContain('work budget');
  });

  it('a deeply nested pattern is a configuration error, not a stack overflow', async () => {
    const definition = api({ authorizers: { tokenAuth: tokenAuthorizer({ identityValidationExpression: '('.repeat(50_000) + 'a' + ')'.repeat(50_000) }) } });
    expect(await authorize(routedState({ api: definition, headers: { Authorization: 'a' } }))).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR' });
  });
});

describe('red team: handler answers', () => {
  it('a policy of 1e6 statements answers 500, not a crash, quickly', async () => {
    const statements = Array.from({ length: 1_000_000 }, () => ({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }));
    const { value, ms } = await timed(() => authorize(withHandler(() => ({ principalId: 'p', policyDocument: { Statement: statements } }))));
    expect(value).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR', message: null });
    expect(value!.diagnostic).toContain('more than');
    expect(ms).toBeLessThan(3000);
  });

  it('a cyclic answer answers 500', async () => {
    const answer: Record<string, unknown> = policyAnswer('Allow', '*');
    answer.self = answer;
    const error = await authorize(withHandler(() => answer));
    expect(error).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR' });
    expect(error!.diagnostic).toContain('cycle');
  });

  it('a throwing getter answers 500', async () => {
    const answer = policyAnswer('Allow', '*');
    Object.defineProperty(answer, 'context', {
      enumerable: true,
      get() {
        throw new Error('gotcha');
      },
    });
    expect(await authorize(withHandler(() => answer))).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR' });
  });

  it('a proxy whose every trap throws answers 500', async () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        ownKeys() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    expect(await authorize(withHandler(() => hostile))).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR' });
  });

  it('throwing a hostile value (a trapping proxy, an object whose message getter throws) answers 500', async () => {
    const trap = new Proxy(new Error('x'), {
      get() {
        throw new Error('trap');
      },
      getPrototypeOf() {
        throw new Error('trap');
      },
    });
    expect(await authorize(withHandler(() => Promise.reject(trap)))).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR' });
    const sly = Object.create(Error.prototype, {
      message: {
        get() {
          throw new Error('no');
        },
      },
    });
    expect(await authorize(withHandler(() => Promise.reject(sly)))).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR' });
  });

  it('a thenable whose then throws, a BigInt, a throwing toJSON, a sparse array of 2^32-1 all answer 500', async () => {
    const answers: unknown[] = [
      {
        get then() {
          throw new Error('then');
        },
      },
      { ...policyAnswer('Allow', '*'), context: { n: 10n } },
      {
        toJSON() {
          throw new Error('toJSON');
        },
      },
      { principalId: 'p', policyDocument: { Statement: new Array(2 ** 32 - 1) } },
    ];
    for (const answer of answers) expect(await authorize(withHandler(() => answer))).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR' });
  });

  it('a policy of costly wildcard patterns stops at the evaluation budget with 500', async () => {
    const statements = Array.from({ length: 200 }, () => ({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' + 'a'.repeat(250) + 'b' }));
    const state = withHandler(() => ({ principalId: 'p', policyDocument: { Statement: statements } }), { path: '/' + 'a'.repeat(1500) });
    const { value, ms } = await timed(() => authorize(state));
    expect(value).toMatchObject({ type: 'AUTHORIZER_CONFIGURATION_ERROR' });
    expect(value!.diagnostic).toContain('work budget');
    expect(ms).toBeLessThan(3000);
  });

  it('the copy of a result never keeps a reference to the handler\'s objects', () => {
    const inner = { a: 1 };
    const copied = copyAsJson({ inner, list: [inner, inner] });
    expect(copied.ok).toBe(true);
    if (copied.ok) {
      expect((copied.value as any).inner).not.toBe(inner);
      expect((copied.value as any).list[0]).toEqual({ a: 1 });
    }
  });
});

describe('red team: huge tokens', () => {
  it('a 1 MB token reaches the authorizer; the log and the cache stay within their bounds', async () => {
    const runtime = new ApiRuntime(api());
    const token = 'x'.repeat(1024 * 1024);
    const fn = recording(() => policyAnswer('Allow', '*'));
    const state = routedState({ runtime, headers: { Authorization: token }, handlers: { 'auth-fn': fn } });
    const { value, ms } = await timed(() => authorize(state));
    expect(value).toBeUndefined();
    expect(fn.calls[0].authorizationToken).toHaveLength(token.length);
    for (const line of messages(state)) expect(line.length).toBeLessThanOrEqual(1024 + ' [TRUNCATED]'.length);
    expect(runtime.authorizerCache.chars).toBeLessThanOrEqual(runtime.authorizerCache.maxChars);
    for (let i = 0; i < 20; i++) await authorize(routedState({ runtime, headers: { Authorization: token + i }, handlers: { 'auth-fn': fn } }));
    expect(runtime.authorizerCache.chars).toBeLessThanOrEqual(runtime.authorizerCache.maxChars);
    expect(ms).toBeLessThan(3000);
  });

  it('a 1 MB Cognito token with a deeply nested claim ends in a typed outcome', async () => {
    const nested = '['.repeat(200_000) + ']'.repeat(200_000);
    const payload = Buffer.from(`{"exp":9999999999,"token_use":"id","deep":${nested}}`).toString('base64url');
    const definition = api({ authorizers: { pool: { name: 'pool', type: 'COGNITO_USER_POOLS', identitySource: 'method.request.header.Authorization' } } }, [method({ authorizationType: 'COGNITO_USER_POOLS', authorizer: 'pool' })]);
    const result = await authorize(routedState({ api: definition, headers: { Authorization: `e30.${payload}.c2ln` } }));
    expect(result === undefined || result.type === 'UNAUTHORIZED').toBe(true);
  });

  it('hostile header names (__proto__, constructor) do not reach prototypes', async () => {
    const definition = api({ authorizers: { r: { name: 'r', type: 'REQUEST', authorizerUri: tokenAuthorizer().authorizerUri, identitySource: 'method.request.header.__proto__' } } }, [method({ authorizer: 'r' })]);
    const headers = JSON.parse('{"__proto__":"p","constructor":"c"}');
    const fn = recording(() => policyAnswer('Allow', '*'));
    const state = routedState({ api: definition, headers, handlers: { 'auth-fn': fn } });
    expect(await authorize(state)).toBeUndefined();
    expect(Object.getPrototypeOf(fn.calls[0].headers)).toBe(Object.prototype);
    expect(Object.hasOwn(fn.calls[0].headers, '__proto__')).toBe(true);
  });
});
