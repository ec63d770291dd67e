import { describe, expect, it } from 'vitest';
import type { ContentHandling } from '../../src/index.js';
import { call, echo, post } from './helpers.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
const PNG_BASE64 = Buffer.from(PNG).toString('base64');
const text = (b: string | Uint8Array) => (typeof b === 'string' ? { text: b } : { bytes: Array.from(b) });

describe('request payload conversion (aws-behaviour §5.6)', () => {
  it.each<[string, ContentHandling | undefined, readonly string[], string, string | Uint8Array, ReturnType<typeof text>]>([
    ['text, no binary types, no handling → text', undefined, [], 'text/plain', 'hello', text('hello')],
    ['text, no binary types, TO_BINARY → base64-decoded bytes', 'CONVERT_TO_BINARY', [], 'text/plain', PNG_BASE64, text(PNG)],
    ['text, no binary types, TO_TEXT → text', 'CONVERT_TO_TEXT', [], 'text/plain', 'hello', text('hello')],
    ['text type with a binary list, no handling → text', undefined, ['image/png'], 'text/plain', 'hello', text('hello')],
    ['text type with a binary list, TO_BINARY → bytes', 'CONVERT_TO_BINARY', ['image/png'], 'text/plain', PNG_BASE64, text(PNG)],
    ['binary, no handling → bytes as they are', undefined, ['image/png'], 'image/png', PNG, text(PNG)],
    ['binary, TO_BINARY → bytes as they are', 'CONVERT_TO_BINARY', ['image/*'], 'image/png', PNG, text(PNG)],
    ['binary, TO_TEXT → base64 text', 'CONVERT_TO_TEXT', ['*/*'], 'image/png', PNG, text(PNG_BASE64)],
  ])('%s', async (_name, contentHandling, binaryMediaTypes, contentType, body, expected) => {
    const { definition, options, seen } = echo({ contentHandling }, { body: '' });
    await call(definition, post(body, { 'Content-Type': contentType }), { ...options, binaryMediaTypes });
    expect(text(seen[0]!.body)).toEqual(expected);
  });

  it('text that is not base64 cannot become binary → 500', async () => {
    const { definition, options, seen } = echo({ contentHandling: 'CONVERT_TO_BINARY' });
    const res = await call(definition, post('not base64!', { 'Content-Type': 'text/plain' }), options);
    expect(res.statusCode).toBe(500);
    expect(res.trace.error?.phase).toBe('content-handling');
    expect(seen).toHaveLength(0);
  });

  it('a request template never runs on a binary payload → 500', async () => {
    const { definition, options } = echo({ contentHandling: 'CONVERT_TO_BINARY', requestTemplates: { 'text/plain': '$input.body' } });
    const res = await call(definition, post(PNG_BASE64, { 'Content-Type': 'text/plain' }), options);
    expect(res.statusCode).toBe(500);
    expect(res.trace.error?.message).toMatch(/binary payload/);
  });

  it('binary → text: the template sees the base64 text in $input.body', async () => {
    const { definition, options, seen } = echo({ contentHandling: 'CONVERT_TO_TEXT', requestTemplates: { 'image/png': '{"data": "$input.body"}' } });
    await call(definition, post(PNG, { 'Content-Type': 'image/png' }), { ...options, binaryMediaTypes: ['image/png'] });
    expect(seen[0]!.body).toBe(`{"data": "${PNG_BASE64}"}`);
  });
});

describe('response payload conversion (the key is the request Accept type)', () => {
  type Row = [string, 'text' | 'binary', string, readonly string[], ContentHandling | undefined, 'text' | 'bytes' | 'base64'];
  it.each<Row>([
    ['text, Accept text, no binary types', 'text', 'application/json', [], undefined, 'text'],
    ['text, Accept text, no binary types, TO_BINARY', 'text', 'application/json', [], 'CONVERT_TO_BINARY', 'bytes'],
    ['text, Accept text, binary types set', 'text', 'application/json', ['image/png'], undefined, 'text'],
    ['text, Accept text, TO_TEXT', 'text', 'application/json', ['image/png'], 'CONVERT_TO_TEXT', 'text'],
    ['text, Accept binary', 'text', 'image/png', ['image/png'], undefined, 'bytes'],
    ['text, Accept binary, TO_TEXT', 'text', 'image/png', ['image/png'], 'CONVERT_TO_TEXT', 'text'],
    ['binary, Accept text', 'binary', 'application/json', ['image/png'], undefined, 'base64'],
    ['binary, Accept text, TO_BINARY', 'binary', 'application/json', ['image/png'], 'CONVERT_TO_BINARY', 'bytes'],
    ['binary, Accept text, TO_TEXT', 'binary', 'application/json', ['image/png'], 'CONVERT_TO_TEXT', 'base64'],
    ['binary, Accept binary', 'binary', 'image/png', ['image/png'], undefined, 'bytes'],
    ['binary, Accept binary, TO_TEXT', 'binary', 'image/png', ['image/png'], 'CONVERT_TO_TEXT', 'base64'],
  ])('%s', async (_name, payload, accept, binaryMediaTypes, contentHandling, expected) => {
    const { definition, options } = echo(
      { integrationResponses: [{ statusCode: '200', contentHandling }] },
      payload === 'binary' ? { headers: { 'Content-Type': 'image/png' }, body: PNG } : { headers: { 'Content-Type': 'text/plain' }, body: PNG_BASE64 },
    );
    const res = await call(definition, post(null, { Accept: accept }), { ...options, binaryMediaTypes });
    if (expected === 'bytes') {
      expect(res.isBase64Encoded).toBe(true);
      expect(Array.from(res.rawBody)).toEqual(Array.from(PNG));
      expect(res.body).toBe(PNG_BASE64);
    } else {
      expect(res.isBase64Encoded).toBe(false);
      expect(res.body).toBe(PNG_BASE64);
    }
  });

  it('a response template on a binary payload → 500', async () => {
    const { definition, options } = echo(
      { integrationResponses: [{ statusCode: '200', contentHandling: 'CONVERT_TO_BINARY', responseTemplates: { 'application/json': '$input.body' } }] },
      { body: PNG_BASE64 },
    );
    const res = await call(definition, post(null), options);
    expect(res.statusCode).toBe(500);
    expect(res.trace.error?.phase).toBe('response-template');
  });
});

describe('response template selection by Accept', () => {
  const templates = { 'application/xml': '<xml/>', 'application/json': '{"json": true}', 'text/html': '<p>html</p>' };
  const { definition, options } = echo({ integrationResponses: [{ statusCode: '200', responseTemplates: templates }] }, { body: '' });

  it.each([
    ['text/html', '<p>html</p>', 'text/html'],
    ['text/html, application/xml;q=0.9', '<p>html</p>', 'text/html'],
    ['application/xml, text/html', '<xml/>', 'application/xml'],
    ['image/png', '{"json": true}', 'application/json'],
    [undefined, '{"json": true}', 'application/json'],
  ])('Accept %s → %s', async (accept, body, contentType) => {
    const res = await call(definition, post(null, accept ? { Accept: accept } : {}), options);
    expect(res.body).toBe(body);
    expect(res.headers['Content-Type']).toBe(contentType);
  });

  it('without an application/json template, the first defined one is used', async () => {
    const only = echo({ integrationResponses: [{ statusCode: '200', responseTemplates: { 'text/plain': 'plain', 'text/csv': 'csv' } }] }, { body: '' });
    const res = await call(only.definition, post(null, { Accept: 'image/png' }), only.options);
    expect(res.body).toBe('plain');
  });

  it('an empty application/json template passes the body through while others exist', async () => {
    const passthrough = echo({ integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '', 'text/html': '<p/>' } }] }, { body: '{"raw": 1}' });
    const res = await call(passthrough.definition, post(null), passthrough.options);
    expect([res.body, res.trace.responseTemplate]).toEqual(['{"raw": 1}', 'passthrough']);
  });

  it('no templates: the body passes through with Content-Type application/json', async () => {
    const none = echo({}, { headers: { 'Content-Type': 'text/plain' }, body: 'raw text' });
    const res = await call(none.definition, post(null), none.options);
    expect([res.body, res.headers['Content-Type']]).toEqual(['raw text', 'application/json']);
  });
});
