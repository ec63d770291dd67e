import { describe, expect, it } from 'vitest';
import { call, echo, mock, post } from './helpers.js';

describe('request and response overrides across the pipeline', () => {
  const REQUEST_SETS_RESPONSE = [
    '#set($context.responseOverride.status = 444)',
    '#set($context.responseOverride.header.foo = "bar")',
    '#set($context.responseOverride.custom = "is also passed around")',
    '{"statusCode": 200}',
  ].join('\n');

  it('responseOverride set in the request template is applied to the final response and readable in the response template', async () => {
    const res = await call(
      mock({
        requestTemplates: { 'application/json': REQUEST_SETS_RESPONSE },
        integrationResponses: [
          {
            statusCode: '200',
            selectionPattern: '2\\d{2}',
            responseTemplates: { 'application/json': '$context.responseOverride.status|$context.responseOverride.header.foo|$context.responseOverride.custom' },
          },
        ],
      }),
      post(null),
    );
    expect(res.statusCode).toBe(444);
    expect(res.headers['foo']).toBe('bar');
    expect(res.body).toBe('444|bar|is also passed around');
  });

  it('response override headers API Gateway sets itself come out as x-amzn-Remapped-<Name>, as mapped ones do', async () => {
    const template = ['Trailer', 'Content-Length', 'Connection', 'Transfer-Encoding', 'X-Plain']
      .map((h) => `#set($context.responseOverride.header.${h} = "v")`)
      .join('');
    const res = await call(mock({ integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': template } }] }), post(null));
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-amzn-Remapped-Trailer']).toBe('v');
    expect(res.headers['x-amzn-Remapped-Content-Length']).toBe('v');
    expect(res.headers['x-amzn-Remapped-Connection']).toBe('v');
    expect(res.headers['X-Plain']).toBe('v');
    expect(res.headers['Trailer']).toBeUndefined();
    expect(res.headers['Content-Length']).toBeUndefined();
  });

  it('a responseOverride.status that is not a number is ignored, and the trace says so', async () => {
    const res = await call(mock({ integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '#set($context.responseOverride.status = "abc")ok' } }] }), post(null));
    expect([res.statusCode, res.body]).toEqual([200, 'ok']);
    expect(res.trace.warnings).toContain('responseOverride.status "abc" is not a number and was ignored');
  });

  it('…and also without a response template: empty body, status 444, header foo', async () => {
    const res = await call(mock({ requestTemplates: { 'application/json': REQUEST_SETS_RESPONSE }, integrationResponses: [{ statusCode: '200', responseTemplates: {} }] }), post(null));
    expect([res.statusCode, res.body, res.headers['foo']]).toEqual([444, '', 'bar']);
  });

  it('requestOverride values written in the request template are visible to the response template', async () => {
    const request = [
      '#set($name = "foo")',
      '#set($context.requestOverride.querystring[$name] = "bar")',
      '$context.requestOverride.querystring.put("putfoo", "putBar")',
      '#set($context["requestOverride"].querystring["nestedfoo"] = "nestedFoo")',
      '#set($context.requestOverride.path.body = $util.base64Decode($input.params("data")))',
      '{"statusCode": 200}',
    ].join('\n');
    const response = '$context.requestOverride.querystring["foo"] $context.requestOverride.querystring["putfoo"] $context.requestOverride.querystring["nestedfoo"] $util.parseJson($context.requestOverride.path.body).message';
    const res = await call(
      mock({ requestTemplates: { 'application/json': request }, integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': response } }] }),
      post(null, {}, { query: { data: Buffer.from('{"message": "path1"}').toString('base64') } }),
    );
    expect(res.body).toBe('bar putBar nestedFoo path1');
  });

  it('requestOverride reaches the integration and wins over parameter mappings', async () => {
    const { definition, options, seen } = echo({
      uri: 'https://backend.example/items/{id}',
      requestParameters: { 'integration.request.header.X-Mapped': "'mapped'", 'integration.request.path.id': "'1'" },
      requestTemplates: {
        'application/json': [
          '#set($context.requestOverride.header.X-Mapped = "overridden")',
          '#set($context.requestOverride.header.multi = ["a", "b"])',
          '#set($context.requestOverride.querystring.q = "v w")',
          '#set($context.requestOverride.path.id = "2")',
          'body',
        ].join('\n'),
      },
    });
    await call(definition, post('{}'), options);
    expect(seen[0]!.headers).toEqual({ 'X-Mapped': 'overridden', multi: ['a', 'b'] });
    expect(seen[0]!.querystring).toEqual({ q: 'v w' });
    expect(seen[0]!.url).toBe('https://backend.example/items/2?q=v+w');
  });

  it('an override may be set only once: setting it twice is a 500', async () => {
    const res = await call(
      mock({ requestTemplates: { 'application/json': '#set($context.responseOverride.status = 400)\n#set($context.responseOverride.status = 401)\n{"statusCode": 200}' } }),
      post(null),
    );
    expect(res.statusCode).toBe(500);
    expect(res.trace.error).toMatchObject({ phase: 'request-template', line: 2 });
  });

  it('a response template status override replaces the integration response status', async () => {
    const { definition, options } = echo({
      integrationResponses: [
        { statusCode: '200', responseTemplates: { 'application/json': '#if($input.path(\'$.body\') == "customerror")#set($context.responseOverride.status = 400)#end$input.json(\'$\')' } },
      ],
    });
    const res = await call(definition, post('{"statusCode": 200, "body": "customerror"}'), options);
    expect([res.statusCode, res.body]).toEqual([400, '{"statusCode":200,"body":"customerror"}']);
  });

  it('an override status outside 100-599 is ignored with a warning', async () => {
    const res = await call(mock({ requestTemplates: { 'application/json': '#set($context.responseOverride.status = 99)\n{"statusCode": 200}' } }), post(null));
    expect(res.statusCode).toBe(200);
    expect(res.trace.warnings).toContainEqual(expect.stringMatching(/99 is not an HTTP status/));
  });

  it('a forbidden integration header set by override is a 500', async () => {
    const res = await call(
      echo({ requestTemplates: { 'application/json': '#set($context.requestOverride.header.Content-Length = "5")x' } }).definition,
      post('{}'),
      echo().options,
    );
    expect(res.statusCode).toBe(500);
    expect(res.trace.error?.message).toMatch(/Content-Length/);
  });
});
