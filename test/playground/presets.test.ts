/** The playground's presets render what they say, for their own requests: users copy them. */
import { describe, expect, it } from 'vitest';
import { PRESETS, type Preset } from '../../playground/src/presets.js';
import { compileTemplate, lintTemplate, type RenderInput } from '../../src/browser.js';

const preset = (id: string): Preset => {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
};
const render = (id: string, input: RenderInput = preset(id).input) => compileTemplate(preset(id).template).render(input);

describe('presets', () => {
  it('are the five the page offers, in order, with unique kebab-case ids', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['method-request-passthrough', 'dynamodb-put-item', 'sqs-send-message', 'lambda-error-response', 'response-override']);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(PRESETS.map((p) => p.kind)).toEqual(['request', 'request', 'request', 'response', 'response']);
    for (const p of PRESETS) {
      expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.title.trim(), p.id).not.toBe('');
      expect(p.description.trim(), p.id).not.toBe('');
    }
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: plain data, with the body as raw text', (_id, p) => {
    expect(JSON.parse(JSON.stringify(p.input))).toEqual(p.input);
    expect(typeof p.input.body).toBe('string');
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: renders without warnings, and lints clean of anything but notes', (_id, p) => {
    expect(compileTemplate(p.template).render(p.input).warnings).toEqual([]);
    // AWS's own passthrough template keeps escapeJavaScript's apostrophe problem: it is shown as AWS writes it.
    const expected = p.id === 'method-request-passthrough' ? ['escape-javascript-in-json', 'escape-javascript-in-json'] : [];
    expect(lintTemplate(p.template).filter((f) => f.severity !== 'note').map((f) => f.rule)).toEqual(expected);
  });

  it.each(PRESETS.filter((p) => p.id !== 'sqs-send-message').map((p) => [p.id, p] as const))('%s: the output is valid JSON', (_id, p) => {
    const result = compileTemplate(p.template).render(p.input);
    expect(() => JSON.parse(result.body)).not.toThrow();
  });

  describe('method request passthrough', () => {
    it("is the console's text: its comments, its loops, its 18 $context fields", () => {
      const t = preset('method-request-passthrough').template;
      expect(t.startsWith('##  See http://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html\n')).toBe(true);
      expect(t).toContain('\n#set($allParams = $input.params())\n{\n"body-json" : $input.json(\'$\'),\n"params" : {\n#foreach($type in $allParams.keySet())\n    #set($params = $allParams.get($type))\n"$type" : {\n');
      expect(t).toContain('\n"stage-variables" : {\n#foreach($key in $stageVariables.keySet())\n"$key" : "$util.escapeJavaScript($stageVariables.get($key))"\n');
      expect(t.match(/^ {4}"[a-z-]+" : "\$context\.[A-Za-z.]+",?$/gm)).toHaveLength(18);
      expect(t.endsWith('    "resource-path" : "$context.resourcePath"\n    }\n}\n')).toBe(true);
      expect(t).not.toMatch(/[ \t]$|\t/m);
    });

    it('puts the body, every parameter, the stage variables and $context in one document', () => {
      const json = render('method-request-passthrough').json() as Record<string, Record<string, unknown>>;
      expect(Object.keys(json)).toEqual(['body-json', 'params', 'stage-variables', 'context']);
      expect(json['body-json']).toEqual({ name: 'Ada', languages: ['en', 'fr'] });
      // $input.params() is HashMaps: path, querystring, header, whatever the template asks.
      expect(Object.keys(json['params']!)).toEqual(['path', 'querystring', 'header']);
      expect(json['params']).toEqual({
        path: { id: '42' },
        querystring: { verbose: 'true' },
        header: { 'Content-Type': 'application/json', 'X-Trace': 'abc "quoted"' },
      });
      expect(json['stage-variables']).toEqual({ env: 'prod' });
      expect(json['context']).toMatchObject({
        'http-method': 'POST',
        stage: 'prod',
        'source-ip': '203.0.113.7',
        'user-agent': 'curl/8.5.0',
        'request-id': '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
        'resource-path': '/users/{id}',
        // An unauthenticated call without an API key: the identity fields are null, so they print empty.
        'api-key': '',
        'authorizer-principal-id': '',
        'user-arn': '',
        'cognito-identity-id': '',
      });
      expect(Object.keys(json['context']!)).toHaveLength(18);
    });

    it('escapes values as JavaScript: a quote and a slash stay valid JSON', () => {
      const { body } = render('method-request-passthrough');
      expect(body).toContain('"X-Trace" : "abc \\"quoted\\""');
      expect(body).toContain('"Content-Type" : "application\\/json"');
    });
  });

  describe('DynamoDB PutItem', () => {
    it('is valid JSON with an apostrophe, quotes and a newline in strings', () => {
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
    });

    it('leaves the string set out when there are no tags, and stays valid JSON', () => {
      for (const body of ['{"customer": "Al", "quantity": 1, "note": ""}', '{"customer": "Al", "quantity": 1, "note": "", "tags": []}']) {
        const item = (render('dynamodb-put-item', { ...preset('dynamodb-put-item').input, body }).json() as { Item: Record<string, unknown> }).Item;
        expect(item).toEqual({ orderId: { S: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' }, customer: { S: 'Al' }, quantity: { N: '1' }, note: { S: '' } });
      }
    });
  });

  describe('SQS SendMessage', () => {
    it('is exactly the form, each value URL-encoded as Java does (a space is +)', () => {
      expect(render('sqs-send-message').body).toBe(
        'Action=SendMessage' +
          '&MessageBody=%7B%22event%22%3A+%22signup%22%2C+%22email%22%3A+%22ada%2Btest%40example.com%22%7D' +
          '&MessageAttribute.1.Name=source&MessageAttribute.1.Value.DataType=String' +
          '&MessageAttribute.1.Value.StringValue=web+app',
      );
    });

    it('decodes to the request body, byte for byte, and the header value', () => {
      const form = [...new URLSearchParams(render('sqs-send-message').body)];
      expect(form).toEqual([
        ['Action', 'SendMessage'],
        ['MessageBody', '{"event": "signup", "email": "ada+test@example.com"}'],
        ['MessageAttribute.1.Name', 'source'],
        ['MessageAttribute.1.Value.DataType', 'String'],
        ['MessageAttribute.1.Value.StringValue', 'web app'],
      ]);
      expect(form[1]![1]).toBe(preset('sqs-send-message').input.body);
    });
  });

  describe('Lambda error response', () => {
    it("parses the function's JSON error message: a clean error, 404 for NotFound", () => {
      const result = render('lambda-error-response');
      expect(result.json()).toEqual({ error: 'NotFound', message: 'Order "o-17" wasn\'t found', requestId: '5b7a2f3e-0d0e-4e8b-9c1a-0123456789ab' });
      expect(result.responseOverride.status).toBe(404);
      expect(result.responseOverride.header).toEqual({});
    });

    it.each([
      ['Invalid', 400],
      ['Boom', 500],
    ])('maps the code %s to %i', (code, status) => {
      const body = JSON.stringify({ errorMessage: JSON.stringify({ code, message: 'm' }), errorType: 'Error', stackTrace: [] });
      const result = render('lambda-error-response', { ...preset('lambda-error-response').input, body });
      expect(result.responseOverride.status).toBe(status);
      expect(result.json()).toMatchObject({ error: code, message: 'm' });
    });
  });

  describe('responseOverride', () => {
    it('answers 201 with a Location for a created item, and passes the body through', () => {
      const result = render('response-override');
      expect(result.responseOverride.status).toBe(201);
      expect(result.responseOverride.header).toEqual({ Location: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/items/itm-7f3a9c' });
      expect(result.json()).toEqual({ id: 'itm-7f3a9c', name: 'Desk lamp' });
    });

    it('keeps the status and only marks the response not cacheable for a body without an id', () => {
      const result = render('response-override', { ...preset('response-override').input, body: '{"message": "queued"}' });
      expect(result.responseOverride.status).toBeUndefined();
      expect(result.responseOverride.header).toEqual({ 'Cache-Control': 'no-store' });
      expect(result.json()).toEqual({ message: 'queued' });
    });
  });
});
