/** The playground's presets render what they say, for their own requests: users copy them. */
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../playground/src/presets.js';
import { compileTemplate, lintTemplate } from '../../src/browser.js';

const preset = (id: string) => PRESETS.find((p) => p.id === id)!;
const render = (id: string) => compileTemplate(preset(id).template).render(preset(id).input);

describe('presets', () => {
  it('are the five the page offers, with stable kebab-case ids and plain-data requests', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['method-request-passthrough', 'dynamodb-put-item', 'sqs-send-message', 'lambda-error-response', 'response-override']);
    for (const p of PRESETS) {
      expect(p.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(JSON.parse(JSON.stringify(p.input))).toEqual(p.input);
      expect(compileTemplate(p.template).render(p.input).warnings, p.id).toEqual([]);
      // AWS's own passthrough template has escapeJavaScript's apostrophe problem; it is shown as AWS writes it.
      const expected = p.id === 'method-request-passthrough' ? ['escape-javascript-in-json', 'escape-javascript-in-json'] : [];
      expect(lintTemplate(p.template).filter((f) => f.severity !== 'note').map((f) => f.rule), p.id).toEqual(expected);
    }
  });

  it('method request passthrough: $input.params() lists path, querystring, header; all escaped; context filled', () => {
    const json = render('method-request-passthrough').json() as Record<string, Record<string, unknown>>;
    expect(json['body-json']).toEqual({ name: 'Ada', languages: ['en', 'fr'] });
    expect(Object.keys(json['params']!)).toEqual(['path', 'querystring', 'header']);
    expect(json['params']).toEqual({ path: { id: '42' }, querystring: { verbose: 'true' }, header: { 'Content-Type': 'application/json', 'X-Trace': 'abc "quoted"' } });
    expect(json['stage-variables']).toEqual({ env: 'prod' });
    expect(json['context']).toMatchObject({ 'http-method': 'POST', stage: 'prod', 'source-ip': '203.0.113.7', 'user-agent': 'curl/8.5.0', 'resource-path': '/users/{id}', 'api-key': '' });
  });

  it('DynamoDB PutItem: valid JSON with an apostrophe, quotes and a newline in strings', () => {
    expect(render('dynamodb-put-item').json()).toEqual({
      TableName: 'Orders-prod',
      Item: {
        orderId: { S: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' },
        customer: { S: 'O\'Brien "Bob"' },
        quantity: { N: '3' },
        note: { S: 'ring twice\nthen wait' },
        tags: { SS: ['gift', 'express'] },
      },
      ConditionExpression: 'attribute_not_exists(orderId)',
    });
    // Without tags the set is left out, and the JSON stays valid.
    const input = { ...preset('dynamodb-put-item').input, body: '{"customer": "Al", "quantity": 1, "note": ""}' };
    expect((compileTemplate(preset('dynamodb-put-item').template).render(input).json() as { Item: object }).Item).not.toHaveProperty('tags');
  });

  it('SQS SendMessage: a form whose MessageBody decodes to the request body', () => {
    const body = render('sqs-send-message').body;
    const form = new URLSearchParams(body);
    expect(form.get('Action')).toBe('SendMessage');
    expect(form.get('MessageBody')).toBe(preset('sqs-send-message').input.body);
    expect(form.get('MessageAttribute.1.Value.StringValue')).toBe('web app');
    expect(body).toContain('StringValue=web+app');
  });

  it('Lambda error response: the JSON error message parsed, 404 for NotFound', () => {
    const result = render('lambda-error-response');
    expect(result.json()).toEqual({ error: 'NotFound', message: 'No order "o-17"', requestId: '5b7a2f3e-0d0e-4e8b-9c1a-0123456789ab' });
    expect(result.responseOverride.status).toBe(404);
  });

  it('responseOverride: 201 and an encoded Location for a created item, no-store otherwise', () => {
    const result = render('response-override');
    expect(result.responseOverride.status).toBe(201);
    expect(result.responseOverride.header).toEqual({ Location: '/prod/items/item+7' });
    expect(result.json()).toEqual({ id: 'item 7', name: 'Lamp' });
    const other = compileTemplate(preset('response-override').template).render({ body: '{"name": "x"}' });
    expect(other.responseOverride.status).toBeUndefined();
    expect(other.responseOverride.header).toEqual({ 'Cache-Control': 'no-store' });
  });
});
