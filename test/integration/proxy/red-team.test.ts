import { describe, expect, it } from 'vitest';
import { invokeMethod } from '../../../src/integration/invoke.js';
import { LambdaFunctionError } from '../../../src/integration/lambda.js';
import { INTERNAL, lambdaProxy, request, throughBackend, withHandler } from './helpers.js';

async function answerOf(result: () => unknown) {
  const { res } = await withHandler(result, request('/x'));
  return res;
}

describe('hostile Lambda proxy results: a typed 502, never a crash', () => {
  it('a cyclic result', async () => {
    const result: Record<string, unknown> = { statusCode: 200 };
    result['self'] = result;
    const res = await answerOf(() => result);
    expect(res.statusCode).toBe(502);
    expect(res.body).toBe(INTERNAL);
    expect(res.trace.error).toMatchObject({ responseType: 'INTEGRATION_FAILURE', message: expect.stringMatching(/cannot be serialised as JSON/) });
  });

  it('a getter that throws, a toJSON that throws, a BigInt, a Proxy whose traps throw', async () => {
    const results: Array<() => unknown> = [
      () => ({
        statusCode: 200,
        get body(): string {
          throw new Error('getter');
        },
      }),
      () => ({
        statusCode: 200,
        toJSON() {
          throw new Error('toJSON');
        },
      }),
      () => ({ statusCode: 200n }),
      () =>
        new Proxy(
          {},
          {
            ownKeys() {
              throw new Error('trap');
            },
          },
        ),
    ];
    for (const result of results) {
      const res = await answerOf(result);
      expect(res.statusCode).toBe(502);
      expect(res.trace.error?.responseType).toBe('INTEGRATION_FAILURE');
    }
  });

  it('a thenable whose then throws is a function error', async () => {
    const res = await answerOf(
      () =>
        ({
          get then() {
            throw new Error('then');
          },
        }) as never,
    );
    expect(res.statusCode).toBe(502);
    expect(res.trace.error?.message).toBe('Lambda Customer Function Error: then');
  });

  it('1e6 headers: over the 6 MB result limit → 502, quickly', async () => {
    const headers: Record<string, string> = {};
    for (let i = 0; i < 1e6; i++) headers[`h${i}`] = 'v';
    const started = Date.now();
    const res = await answerOf(() => ({ statusCode: 200, headers }));
    expect(res.statusCode).toBe(502);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('200k headers under the limit are merged in linear time', async () => {
    const headers: Record<string, string> = {};
    const multiValueHeaders: Record<string, string[]> = {};
    for (let i = 0; i < 100_000; i++) {
      headers[`h${i}`] = 'v';
      multiValueHeaders[`H${i}`] = ['m'];
    }
    const started = Date.now();
    const res = await answerOf(() => ({ statusCode: 200, headers, multiValueHeaders }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['H99999']).toEqual(['m', 'v']);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a body that is not a string → 502', async () => {
    for (const body of [42, true, { a: 1 }, ['a']]) expect((await answerOf(() => ({ statusCode: 200, body }))).statusCode).toBe(502);
  });

  it('odd header names are just names: __proto__, constructor', async () => {
    const res = await answerOf(() => JSON.parse('{"statusCode": 200, "headers": {"__proto__": "x", "constructor": "y"}}'));
    expect(res.statusCode).toBe(200);
    expect(Object.hasOwn(res.headers, '__proto__')).toBe(true);
    expect(res.headers['constructor']).toBe('y');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('anything thrown: null, undefined, a string, an object whose getters throw, a LambdaFunctionError with a cyclic payload', async () => {
    const cyclic: Record<string, unknown> = { errorMessage: 'loop' };
    cyclic['again'] = cyclic;
    const hostile = new Proxy(new Error('x'), {
      get() {
        throw new Error('no');
      },
    });
    for (const thrown of [null, undefined, 'str', hostile, new LambdaFunctionError(cyclic)]) {
      const { res } = await withHandler(() => {
        throw thrown;
      }, request('/x'));
      expect(res.statusCode).toBe(502);
      expect(res.body).toBe(INTERNAL);
      expect(res.trace.error?.responseType).toBe('INTEGRATION_FAILURE');
    }
  });

  it("a handler that changes its event changes neither the caller's request nor the trace", async () => {
    const req = request('/x', { headers: { 'X-A': '1' }, query: { q: ['1'] } });
    const { res } = await withHandler((event) => {
      const e = event as { headers: Record<string, string>; multiValueQueryStringParameters: Record<string, string[]> };
      e.headers['X-A'] = 'changed';
      e.multiValueQueryStringParameters['q']!.push('2');
      return { statusCode: 200 };
    }, req);
    expect(req.headers).toEqual({ 'X-A': '1' });
    expect(req.query).toEqual({ q: ['1'] });
    expect(JSON.parse(res.trace.integrationRequest!.body as string).headers['X-A']).toBe('1');
  });
});

describe('hostile requests to proxies', () => {
  it('an authorizer whose getter throws, or an identity that contains itself → 500, not a crash', async () => {
    const authorizer = {
      get principalId(): string {
        throw new Error('gotcha');
      },
    };
    const identity: Record<string, unknown> = {};
    identity['self'] = identity;
    for (const context of [{ authorizer }, { identity }]) {
      const { res } = await withHandler(() => ({ statusCode: 200 }), request('/x', { context: context as never }));
      expect(res.statusCode).toBe(500);
      expect(res.body).toBe(INTERNAL);
    }
  });

  it('a megabyte trace header is passed through, not parsed into anything larger', async () => {
    const header = `Root=1-${'a'.repeat(1_000_000)};Parent=1`;
    const { res } = await withHandler(() => ({ statusCode: 200 }), request('/x', { headers: { 'X-Amzn-Trace-Id': header } }));
    expect(res.headers['X-Amzn-Trace-Id']).toBe(header);
  });

  it('a __proto__ header or query name stays a name in the event', async () => {
    const headers = JSON.parse('{"__proto__": "h"}');
    const query = JSON.parse('{"__proto__": "q"}');
    const { events } = await withHandler(() => ({ statusCode: 200 }), request('/x', { headers, query }));
    expect(Object.hasOwn(events[0].headers, '__proto__')).toBe(true);
    expect(Object.hasOwn(events[0].queryStringParameters, '__proto__')).toBe(true);
    expect(events[0].queryStringParameters.__proto__).toBe('q');
  });

  it('an HTTP backend whose answer cannot even be awaited (a Proxy that throws on .then) counts as unreachable → 504', async () => {
    const answer = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    const { res } = await throughBackend(request('/x'), () => answer as never);
    expect(res.statusCode).toBe(504);
    expect(res.trace.error?.responseType).toBe('INTEGRATION_FAILURE');
  });

  it('an HTTP backend that answers headers whose getters throw → 500', async () => {
    const answers = [
      {
        statusCode: 200,
        get headers() {
          throw new Error('no');
        },
      },
      {
        statusCode: 200,
        headers: {
          get a() {
            throw new Error('no');
          },
        },
      },
    ];
    for (const answer of answers) {
      const { res } = await throughBackend(request('/x'), () => answer as never);
      expect(res.statusCode).toBe(500);
      expect(res.body).toBe(INTERNAL);
    }
  });

  it('an HTTP backend rejecting with a hostile value → 504 network error', async () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    const { res } = await throughBackend(request('/x'), () => Promise.reject(hostile));
    expect(res.statusCode).toBe(504);
    expect(res.trace.error?.responseType).toBe('INTEGRATION_FAILURE');
  });

  it('a definition with an odd integration type still answers 500 rather than throwing', async () => {
    const res = await invokeMethod(lambdaProxy({ type: 'WEIRD' as never }), request('/x'));
    expect(res.statusCode).toBe(500);
  });
});
