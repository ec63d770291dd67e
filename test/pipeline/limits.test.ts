import { describe, expect, it } from 'vitest';
import { checkLimits, checkMethodArn, MAX_PAYLOAD_BYTES } from '../../src/pipeline/limits.js';
import { requestState } from './helpers.js';

const api = { methods: [] };

describe('front-door limits', () => {
  it('AWS: a body over 10,485,760 bytes gets the edge\'s plain-text 413 (44 bytes), which no gateway response customises (pipeline.md §6, O10)', () => {
    const e = checkLimits(requestState(api, { body: new Uint8Array(MAX_PAYLOAD_BYTES + 1) }));
    expect(e).toMatchObject({ status: 413, body: 'HTTP content length exceeded 10485760 bytes.', contentType: 'text; charset=utf-8', frontDoor: true });
    expect(e!.body!.length).toBe(44);
    expect(checkLimits(requestState(api, { body: new Uint8Array(MAX_PAYLOAD_BYTES) }))).toBeUndefined();
  });

  it('the body limit counts UTF-8 bytes, not characters', () => {
    expect(checkLimits(requestState(api, { body: 'é'.repeat(MAX_PAYLOAD_BYTES / 2 + 1) }))?.status).toBe(413);
  });

  it('header values over 10,240 bytes in total and URLs over 10,240 characters are refused at the front door (statuses UNKNOWN on AWS: 431, 414)', () => {
    expect(checkLimits(requestState(api, { headers: { a: 'x'.repeat(6000), b: ['y'.repeat(3000), 'z'.repeat(2000)] } }))?.status).toBe(431);
    expect(checkLimits(requestState(api, { headers: { a: 'x'.repeat(10_240) } }))).toBeUndefined();
    expect(checkLimits(requestState(api, { path: '/' + 'p'.repeat(10_240) }))?.status).toBe(414);
    expect(checkLimits(requestState(api, { query: { q: 'v'.repeat(10_237) } }))?.status).toBe(414);
  });

  it('AWS: an authorised method ARN over 1600 bytes is 414 Request URI too long (DG limits, §4.4)', () => {
    const arn = 'arn:aws:execute-api:us-east-1:123456789012:abc/dev/GET/' + 'x'.repeat(1600);
    expect(checkMethodArn(arn, 'CUSTOM')).toMatchObject({ status: 414, message: 'Request URI too long' });
    expect(checkMethodArn(arn, 'NONE')).toBeUndefined();
    expect(checkMethodArn(arn, undefined)).toBeUndefined();
  });
});

describe('the request head', () => {
  it('many empty headers are bounded by the 20,480-byte request head (names count there), not only the value total', () => {
    const headers: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) headers[`x-h${i}`] = '';
    expect(checkLimits(requestState({ methods: [] }, { headers }))?.status).toBe(431);
    expect(checkLimits(requestState({ methods: [] }, { headers: { a: 'x'.repeat(9000), b: 'y'.repeat(1000) } }))).toBeUndefined();
  });
});
