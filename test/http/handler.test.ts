import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type IntegrationRequest } from '../../src/index.js';
import { createHttpHandler } from '../../src/http/handler.js';

const seen: IntegrationRequest[] = [];
const api = createApi(
  {
    openapi: '3.0.1',
    info: { title: 't', version: '1' },
    'x-amazon-apigateway-binary-media-types': ['image/png'],
    paths: {
      '/echo/{id}': {
        post: {
          'x-amazon-apigateway-integration': {
            type: 'mock',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            responses: {
              default: {
                statusCode: '200',
                responseTemplates: {
                  'application/json':
                    '{"id": "$input.params(\'id\')", "q": "$input.params(\'q\')", "all": "$input.params().querystring", "h": "$input.params(\'X-Multi\')", "stage": "$context.stage", "v": "$stageVariables.v", "ip": "$context.identity.sourceIp"}',
                },
              },
            },
          },
        },
      },
      '/upload': {
        put: {
          'x-amazon-apigateway-integration': { type: 'http', uri: 'https://b.example/upload', httpMethod: 'PUT', responses: { default: { statusCode: '200' } } },
        },
      },
    },
  },
  { backend: (r) => (seen.push(r), { statusCode: 200, headers: { 'Content-Type': 'image/png' }, body: r.body }) },
);

const lines: string[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(createHttpHandler(api, { stage: 'dev', stageVariables: { v: 'sv' }, log: (l) => lines.push(l), maxBodyBytes: 1000 }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the node:http adapter', () => {
  it('serves /{stage}/path with path parameters, query strings, repeated headers and stage variables', async () => {
    // Sent as two header lines (fetch would fold them into one).
    const res = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = request(`${base}/dev/echo/a%20b?q=1&q=2&r=x`, { method: 'POST', headers: ['Host', 'localhost', 'X-Multi', 'one', 'X-Multi', 'two'] as unknown as Record<string, string> }, (r) => {
        let body = '';
        r.on('data', (c) => (body += c));
        r.on('end', () => resolve({ status: r.statusCode!, headers: r.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(res.body)).toEqual({ id: 'a b', q: '2', all: '{q=2, r=x}', h: 'two', stage: 'dev', v: 'sv', ip: '127.0.0.1' });
    expect(lines.at(-1)).toMatch(/^POST \/dev\/echo\/a%20b 200 request-template=application\/json integration-response=200 response-template=application\/json [\d.]+ ms$/);
  });

  it('passes binary bodies through untouched', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const res = await fetch(`${base}/dev/upload`, { method: 'PUT', headers: { 'Content-Type': 'image/png', Accept: 'image/png' }, body: png });
    expect(Array.from(new Uint8Array(await res.arrayBuffer()))).toEqual(Array.from(png));
    expect(seen.at(-1)!.body).toBeInstanceOf(Uint8Array);
  });

  it('answers an unknown stage 403, an unknown route 403, and an oversized body 413', async () => {
    const stage = await fetch(`${base}/prod/echo/1`, { method: 'POST' });
    expect([stage.status, await stage.text()]).toEqual([403, '{"message":"Forbidden"}']);
    const route = await fetch(`${base}/dev/nothing`);
    expect([route.status, await route.text()]).toEqual([403, '{"message":"Missing Authentication Token"}']);
    const big = await fetch(`${base}/dev/echo/1`, { method: 'POST', body: 'x'.repeat(2000) });
    expect(big.status).toBe(413);
    expect(lines.at(-1)).toMatch(/413 body over 1000 bytes/);
  });
});
