/**
 * Attacks on the HTTP adapter over raw sockets: malformed request lines, headers and bodies, and templates
 * that set headers HTTP cannot carry. After every case the same server must still answer a normal request.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../../src/api/api.js';
import { createApi } from '../../src/index.js';
import { createHttpHandler } from '../../src/http/handler.js';
import type { ApiDefinition, Integration } from '../../src/model/index.js';

const HOSTILE_TEMPLATE = `#set($c = $input.params('case'))
#if($c == 'trailer')#set($context.responseOverride.header.Trailer = "x")#end
#if($c == 'transfer-encoding')#set($context.responseOverride.header.Transfer-Encoding = "chunked")#end
#if($c == 'content-length')#set($context.responseOverride.header.Content-Length = "abc")#end
#if($c == 'connection')#set($context.responseOverride.header.Connection = "close")#end
#if($c == 'keep-alive')#set($context.responseOverride.header.Keep-Alive = "timeout=1")#end
#if($c == 'upgrade')#set($context.responseOverride.header.Upgrade = "websocket")#end
#if($c == 'host')#set($context.responseOverride.header.Host = "evil.example")#end
#if($c == 'date')#set($context.responseOverride.header.Date = "yesterday")#end
#if($c == 'space')#set($context.responseOverride.header["bad name"] = "v")#end
#if($c == 'colon')#set($context.responseOverride.header["a:b"] = "v")#end
#if($c == 'empty-name')#set($context.responseOverride.header[""] = "v")#end
#if($c == 'crlf')#set($context.responseOverride.header.X-Crlf = $util.urlDecode("a%0D%0AInjected: 1"))#end
#if($c == 'nul')#set($context.responseOverride.header.X-Nul = $util.urlDecode("a%00b"))#end
#if($c == 'non-latin1')#set($context.responseOverride.header.X-Text = "€ 日本")#end
#if($c == 'latin1')#set($context.responseOverride.header.X-Text = "café")#end
#if($c == 'status-100')#set($context.responseOverride.status = 100)#end
#if($c == 'status-101')#set($context.responseOverride.status = 101)#end
#if($c == 'status-204')#set($context.responseOverride.status = 204)#end
#if($c == 'everything')#set($context.responseOverride.header.Trailer = "x")#set($context.responseOverride.header.Transfer-Encoding = "chunked")#set($context.responseOverride.header.Content-Length = "abc")#set($context.responseOverride.header["bad name"] = "v")#set($context.responseOverride.header.X-Crlf = $util.urlDecode("a%0D%0Ab"))#set($context.responseOverride.header.X-Text = "€")#end
{"case": "$c"}`;

function mock(resourcePath: string, template: string, httpMethod = 'GET'): ApiDefinition['methods'][number] {
  return {
    httpMethod,
    resourcePath,
    integration: {
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': template } }],
    },
  };
}

const api = createApi({
  methods: [
    mock('/ok', '{"ok": true}'),
    mock('/echo', '{"length": $input.body.length()}', 'POST'),
    mock('/hostile/{case}', HOSTILE_TEMPLATE),
    mock('/{proxy+}', '{"proxy": "$input.params(\'proxy\')"}'),
    {
      httpMethod: 'GET',
      resourcePath: '/backend',
      integration: {
        type: 'HTTP',
        uri: 'https://backend.example/x',
        integrationResponses: [
          {
            statusCode: '200',
            responseParameters: {
              'method.response.header.X-Bad': 'integration.response.header.X-Bad',
              'method.response.header.Transfer-Encoding': "'chunked'",
              'method.response.header.Content-Length': "'7'",
            },
          },
        ],
      },
    },
  ],
}, { backend: () => ({ statusCode: 200, headers: { 'X-Bad': 'a\r\nb', 'Content-Type': 'application/json' }, body: '{"backend": true}' }) });

const lines: string[] = [];
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(createHttpHandler(api, { stage: 'dev', log: (l) => lines.push(l) }));
  // Short enough that a request left hanging cannot hold a socket for the whole run.
  server.headersTimeout = 2000;
  server.requestTimeout = 2000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface RawResponse {
  text: string;
  status: number | undefined;
  /** Header lines, lower-cased names. */
  headers: [string, string][];
  body: string;
}

function parse(bytes: Buffer): RawResponse {
  const text = bytes.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const status = /^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1];
  const headers = headerLines.map((l): [string, string] => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]);
  return { text, status: status === undefined ? undefined : Number(status), headers, body: end < 0 ? '' : text.slice(end + 4) };
}

/**
 * Writes raw bytes, half-closes (so the server ends the exchange after answering), and collects what comes
 * back until the server closes or `timeoutMs` passes.
 */
function raw(request: string | Buffer, timeoutMs = 1000, halfClose = true): Promise<RawResponse> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port });
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks)));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('close', finish);
    socket.on('error', () => undefined);
    socket.write(request, () => {
      if (halfClose) socket.end();
    });
  });
}

async function expectHealthy(): Promise<void> {
  const res = await raw('GET /dev/ok HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
  expect(res.status, res.text).toBe(200);
  expect(JSON.parse(res.body)).toEqual({ ok: true });
}

function header(res: RawResponse, name: string): string[] {
  return res.headers.filter(([n]) => n === name.toLowerCase()).map(([, v]) => v);
}

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`;

describe('malformed requests', () => {
  const cases: [string, string | Buffer, number | undefined][] = [
    ['an absolute-form target that is not a URL', 'GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
    ['an absolute-form target', 'GET http://localhost/dev/ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 200],
    ['the asterisk-form', 'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
    ['a target of two slashes', get('//'), 403],
    ['a host-like path', get('//dev/ok'), 403],
    ['bad percent-encoding in the stage', get('/%zz/x'), 400],
    ['bad percent-encoding in the path', get('/dev/%zz'), 400],
    ['a trailing %', get('/dev/ok%'), 400],
    ['escapes that are not UTF-8 in the stage', get('/%C3/ok'), 403],
    ['escapes that are not UTF-8 in the path', get('/dev/%C3%28'), 200],
    ['dot segments', get('/dev/x/../ok'), 200],
    ['a very long path', get('/dev/' + 'a'.repeat(100_000)), 431],
    ['a long but acceptable path', get('/dev/' + 'a'.repeat(8000)), 200],
    ['a NUL byte in the target', get('/dev/o\0k'), 400],
    ['a NUL byte in a header', 'GET /dev/ok HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\nConnection: close\r\n\r\n', 400],
    ['a header without a colon', 'GET /dev/ok HTTP/1.1\r\nHost: x\r\nnonsense\r\nConnection: close\r\n\r\n', 400],
    ['a header name with a space', 'GET /dev/ok HTTP/1.1\r\nHost: x\r\nBad Name: v\r\nConnection: close\r\n\r\n', 400],
    ['a bare LF in a header', 'GET /dev/ok HTTP/1.1\r\nHost: x\r\nX-A: a\nb\r\nConnection: close\r\n\r\n', undefined],
    ['an obsolete folded header', 'GET /dev/ok HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\nConnection: close\r\n\r\n', undefined],
    ['non-latin1 header bytes', Buffer.concat([Buffer.from('GET /dev/ok HTTP/1.1\r\nHost: x\r\nX-A: '), Buffer.from('€日本'), Buffer.from('\r\nConnection: close\r\n\r\n')]), 200],
    ['a huge header', `GET /dev/ok HTTP/1.1\r\nHost: x\r\nX-A: ${'v'.repeat(70_000)}\r\nConnection: close\r\n\r\n`, 431],
    ['an unknown HTTP version', 'GET /dev/ok HTTP/9.9\r\nHost: x\r\n\r\n', undefined],
    ['a request line of garbage', '\x01\x02\x03 garbage\r\n\r\n', 400],
    ['an empty request line', '\r\n\r\n', undefined],
    ['an invalid Content-Length', 'POST /dev/echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\nxyz', 400],
    ['two different Content-Lengths', 'POST /dev/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\nConnection: close\r\n\r\nxyz', 400],
    ['a Content-Length longer than the body', 'POST /dev/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nConnection: close\r\n\r\nxyz', undefined],
    ['a Content-Length shorter than the body (the rest is a malformed next request)', 'POST /dev/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nxyz', undefined],
    ['Content-Length with Transfer-Encoding', 'POST /dev/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nxyz\r\n0\r\n\r\n', 400],
    ['chunked garbage', 'POST /dev/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nxyz\r\n', 400],
    ['a chunk longer than announced', 'POST /dev/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\nxyz\r\n0\r\n\r\n', 400],
    ['a chunked body that never ends', 'POST /dev/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nxyz\r\n', undefined],
    ['an unknown transfer coding', 'POST /dev/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\nxyz', 400],
    ['an upgrade request', 'GET /dev/ok HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n', 200],
    ['CONNECT', 'CONNECT localhost:1 HTTP/1.1\r\nHost: localhost:1\r\n\r\n', undefined],
    ['Expect: 100-continue', 'POST /dev/echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\nConnection: close\r\n\r\nxyz', 100],
    ['an unknown Expect', 'POST /dev/echo HTTP/1.1\r\nHost: x\r\nExpect: nonsense\r\nContent-Length: 3\r\nConnection: close\r\n\r\nxyz', 417],
    ['pipelined requests', get('/dev/ok').replace('Connection: close\r\n', '') + get('/dev/%zz'), 200],
  ];

  it.each(cases)('%s', async (_name, request, status) => {
    const res = await raw(request);
    if (status !== undefined) expect(res.status, res.text.slice(0, 300)).toBe(status);
    await expectHealthy();
  });

  it('answers bad percent-encoding with a JSON message, as API Gateway answers routing errors', async () => {
    const res = await raw(get('/%zz/x'));
    expect([res.status, res.body]).toEqual([400, '{"message":"Bad Request"}']);
    expect(header(res, 'content-type')).toEqual(['application/json']);
    expect(header(res, 'x-amzn-errortype')).toEqual(['BadRequestException']);
    const stage = await raw(get('/%C3/ok'));
    expect([stage.status, stage.body]).toEqual([403, '{"message":"Forbidden"}']);
    expect(header(stage, 'x-amzn-errortype')).toEqual(['ForbiddenException']);
  });

  it('survives a client that leaves mid-body or mid-response', async () => {
    await raw('POST /dev/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nxyz', 50);
    await raw(get('/dev/ok'), 0);
    await expectHealthy();
  });
});

describe('hostile response headers', () => {
  const hostile = (c: string) => raw(get(`/dev/hostile/${c}`));
  const body = (c: string) => ({ case: c });

  it.each(['trailer', 'content-length', 'connection', 'upgrade', 'host', 'date', 'transfer-encoding', 'keep-alive'])('remaps %s as x-amzn-Remapped-…', async (c) => {
    const res = await hostile(c);
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.body)).toEqual(body(c));
    const name = res.headers.find(([n]) => n === `x-amzn-remapped-${c}`);
    expect(name, res.text).toBeDefined();
    // The framing is Node's: one Content-Length with the true length, no Transfer-Encoding, no Trailer.
    expect(header(res, 'content-length')).toEqual([String(Buffer.byteLength(res.body))]);
    expect(header(res, 'transfer-encoding')).toEqual([]);
    expect(header(res, 'trailer')).toEqual([]);
    await expectHealthy();
  });

  it.each([
    ['space', 'bad name'],
    ['colon', 'a'],
    ['empty-name', ''],
    ['crlf', 'x-crlf'],
    ['nul', 'x-nul'],
  ])('leaves out a header HTTP cannot carry (%s)', async (c, name) => {
    const res = await hostile(c);
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.body)).toEqual(body(c));
    expect(header(res, name)).toEqual([]);
    expect(header(res, 'injected')).toEqual([]);
    expect(lines.at(-1)).toMatch(/dropped-header=/);
    await expectHealthy();
  });

  it('sends values beyond latin1 as UTF-8 bytes, and latin1 values as they are', async () => {
    const res = await raw(get('/dev/hostile/non-latin1'));
    expect(res.status).toBe(200);
    expect(Buffer.from(header(res, 'x-text')[0]!, 'latin1').toString('utf8')).toBe('€ 日本');
    const latin1 = await raw(get('/dev/hostile/latin1'));
    expect(Buffer.from(header(latin1, 'x-text')[0]!, 'latin1').toString('latin1')).toBe('café');
    await expectHealthy();
  });

  it('survives all of them at once', async () => {
    const res = await hostile('everything');
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.body)).toEqual(body('everything'));
    expect(header(res, 'x-amzn-remapped-transfer-encoding')).toEqual(['chunked']);
    expect(header(res, 'x-amzn-remapped-content-length')).toEqual(['abc']);
    await expectHealthy();
  });

  it('answers a 1xx override 500 (it cannot end an exchange) and a 204 without a body', async () => {
    for (const c of ['status-100', 'status-101']) {
      const res = await hostile(c);
      expect([res.status, res.body]).toEqual([500, '{"message": "Internal server error"}']);
      expect(header(res, 'x-amzn-errortype')).toEqual(['InternalServerErrorException']);
      await expectHealthy();
    }
    const empty = await hostile('status-204');
    expect([empty.status, empty.body, header(empty, 'content-length')]).toEqual([204, '', []]);
    await expectHealthy();
  });

  it('treats headers mapped from a backend the same way', async () => {
    const res = await raw(get('/dev/backend'));
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ backend: true });
    expect(header(res, 'x-bad')).toEqual([]);
    expect(header(res, 'x-amzn-remapped-transfer-encoding')).toEqual(['chunked']);
    expect(header(res, 'x-amzn-remapped-content-length')).toEqual(['7']);
    await expectHealthy();
  });
});

describe('failures inside the handler', () => {
  async function serveOnce(handler: ReturnType<typeof createHttpHandler>, request: string): Promise<RawResponse> {
    const s = createServer(handler);
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    const saved = port;
    port = (s.address() as AddressInfo).port;
    try {
      return await raw(request);
    } finally {
      port = saved;
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  }

  it('answers 500 from scratch when sending the response fails, without the headers that made it fail', async () => {
    const broken = {
      stages: ['dev'],
      stageVariables: () => ({}),
      // rawBody that is not bytes makes the first send throw after its headers were set.
      invoke: async () => ({ statusCode: 200, headers: { 'X-Leftover': 'yes' }, rawBody: 42, trace: { method: 'GET /', warnings: [] } }),
    } as unknown as Api;
    const res = await serveOnce(createHttpHandler(broken), get('/dev/x'));
    expect([res.status, res.body]).toEqual([500, '{"message": "Internal server error"}']);
    expect(header(res, 'x-amzn-errortype')).toEqual(['InternalServerErrorException']);
    expect(header(res, 'x-leftover')).toEqual([]);
    expect(header(res, 'x-amzn-requestid')).toHaveLength(1);
  });

  it('answers 500 when an option callback or the logger throws', async () => {
    const requestId = () => {
      throw new Error('no ids today');
    };
    const res = await serveOnce(createHttpHandler(api, { stage: 'dev', requestId }), get('/dev/ok'));
    expect([res.status, res.body]).toEqual([500, '{"message": "Internal server error"}']);
    const log = () => {
      throw new Error('disk full');
    };
    const logged = await serveOnce(createHttpHandler(api, { stage: 'dev', log }), get('/dev/ok'));
    expect(logged.status).toBe(200);
  });

  it('answers 500 when the API itself throws', async () => {
    const throwing = new Api({ methods: [] });
    throwing.invoke = () => Promise.reject(new Error('boom'));
    const res = await serveOnce(createHttpHandler(throwing, { stage: 'dev' }), get('/dev/x'));
    expect([res.status, res.body]).toEqual([500, '{"message": "Internal server error"}']);
  });
});

describe('integration timeouts', () => {
  const never = () => new Promise<never>(() => undefined);
  function slowApi(timeoutInMillis: number): Api {
    const integration = { type: 'HTTP', uri: 'https://backend.example/slow', timeoutInMillis, integrationResponses: [{ statusCode: '200' }] } as Integration;
    return new Api({ methods: [{ httpMethod: 'GET', resourcePath: '/slow', integration }] }, { backend: never });
  }

  it("honours the integration's timeoutInMillis: 504 after 50 ms from a backend that never answers", async () => {
    const s = createServer(createHttpHandler(slowApi(50), { stage: 'dev' }));
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    try {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${(s.address() as AddressInfo).port}/dev/slow`);
      const elapsed = performance.now() - started;
      expect([res.status, await res.text()]).toEqual([504, '{"message": "Endpoint request timed out"}']);
      expect(elapsed).toBeGreaterThanOrEqual(45);
      expect(elapsed).toBeLessThan(2000);
    } finally {
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });

  it('clamps a timeoutInMillis below 50 ms to 50, with a warning', async () => {
    const started = performance.now();
    const res = await slowApi(1).invoke({ httpMethod: 'GET', path: '/slow' });
    expect(res.statusCode).toBe(504);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(res.trace.warnings).toContainEqual(expect.stringMatching(/timeoutInMillis 1 is not a whole number of ms within .* taken as 50/));
  });
});

describe('random requests', () => {
  const tokenChar = fc.constantFrom(...'abcXYZ019-_!#$%&*+.^`|~'.split(''));
  const anyChar = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...'abc/%?#&=:;@ .~-_[]'.split('')) },
    { weight: 1, arbitrary: fc.constantFrom('\0', '\r', '\n', '\t', '\x7f', 'é', '€', '\uD800', '%zz', '%C3', '%2F', '..', '//') },
  );
  const text = (max: number) => fc.array(anyChar, { maxLength: max }).map((a) => a.join(''));
  // Weighted towards requests Node's parser accepts, so that most runs reach the handler.
  const method = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'HEAD', 'OPTIONS', 'DELETE', 'PUT', 'PATCH') },
    { weight: 1, arbitrary: fc.constantFrom('get', 'CONNECT', 'TRACE', '') },
    { weight: 1, arbitrary: fc.array(tokenChar, { minLength: 1, maxLength: 8 }).map((a) => a.join('')) },
  );
  const target = fc.oneof(
    text(40).map((t) => `/dev/${t}`),
    text(40).map((t) => `/${t}`),
    text(40),
    text(20).map((t) => `http://${t}`),
  );
  const headerLine = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.array(tokenChar, { minLength: 1, maxLength: 10 }).map((a) => a.join('')), text(30)).map(([n, v]) => `${n}: ${v}`) },
    { weight: 2, arbitrary: fc.constantFrom('Content-Length: 5', 'Content-Length: -1', 'Transfer-Encoding: chunked', 'Connection: close', 'Expect: 100-continue', 'Host: a', 'Host: a\r\nHost: b') },
    { weight: 1, arbitrary: text(30) },
  );
  const request = fc.record({
    method,
    target,
    version: fc.oneof({ weight: 6, arbitrary: fc.constant('HTTP/1.1') }, { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 extra', '') }),
    headers: fc.array(headerLine, { maxLength: 4 }),
    body: text(20),
  });

  it('never stops the server answering a normal request', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const head = [`${r.method} ${r.target} ${r.version}`, ...r.headers].join('\r\n');
        // Bytes as written: characters beyond latin1 become UTF-8 as a real client would send them.
        const res = await raw(Buffer.from(`${head}\r\n\r\n${r.body}`, 'utf8'), 300);
        // Nothing here reaches a failing template: a 500 could only be the handler failing.
        expect(res.status, res.text.slice(0, 300)).not.toBe(500);
        await expectHealthy();
      }),
      { numRuns: 100 },
    );
  });
});
