import { describe, expect, it } from 'vitest';
import { LambdaFunctionError, type IntegrationResponse } from '../../src/index.js';
import { call, echo, LAMBDA_URI, method, post } from './helpers.js';

const LAMBDA_RESPONSES: IntegrationResponse[] = [
  { statusCode: '200', selectionPattern: '' },
  { statusCode: '405', selectionPattern: '.*four hundred.*' },
  { statusCode: '502', selectionPattern: '.+' },
  { statusCode: '504', selectionPattern: '200' },
];

function lambdaMethod(responses = LAMBDA_RESPONSES) {
  return method({ type: 'AWS', httpMethod: 'POST', uri: LAMBDA_URI, requestTemplates: { 'application/json': '{"mode": "$input.params(\'mode\')"}' }, integrationResponses: responses });
}

const handler = (event: unknown) => {
  const mode = (event as { mode: string }).mode;
  if (mode === '400') throw new Error('Error: Raising four hundred from within the Lambda function');
  if (mode === '500') throw new Error('Error: Raising five hundred from within the Lambda function');
  if (mode === 'multiline') throw new Error('first line\nsecond line');
  return 'Pass';
};

const invoke = (mode: string, responses?: IntegrationResponse[]) => call(lambdaMethod(responses), post(null, {}, { query: { mode } }), { backend: { lambda: handler } });

describe('integration response selection by Lambda errorMessage', () => {
  it('a successful invocation selects the default response, even when a pattern is "200"', async () => {
    const res = await invoke('ok');
    expect([res.statusCode, res.body, res.trace.selectionValue]).toEqual([200, '"Pass"', '']);
  });

  it('the error message is matched as a whole: ".*four hundred.*" selects 405', async () => {
    const res = await invoke('400');
    expect(res.statusCode).toBe(405);
    expect(res.json()).toMatchObject({ errorType: 'Error', errorMessage: 'Error: Raising four hundred from within the Lambda function' });
  });

  it('".+" catches the other errors: 502', async () => {
    expect((await invoke('500')).statusCode).toBe(502);
  });

  it('"." does not match a line break, so ".+" misses a multi-line message (default response)', async () => {
    expect((await invoke('multiline')).statusCode).toBe(200);
  });

  it('".+" does not match a success (empty message)', async () => {
    const res = await invoke('ok', [{ statusCode: '200', selectionPattern: '.+' }]);
    expect(res.statusCode).toBe(500);
    expect(res.trace.error?.message).toMatch(/no integration response matches "" and none is the default/);
  });

  it('a LambdaFunctionError chooses the exact error payload (e.g. a Python function\'s)', async () => {
    const payload = { errorMessage: 'boom', errorType: 'Exception', requestId: 'r-1', stackTrace: ['  File "x.py", line 1'] };
    const res = await call(lambdaMethod(), post(null), { backend: { lambda: () => { throw new LambdaFunctionError(payload); } } });
    expect(res.statusCode).toBe(502);
    expect(res.body).toBe(JSON.stringify(payload));
  });

  it('handlers may be chosen by function name; async handlers are awaited', async () => {
    const res = await call(lambdaMethod(), post(null), { backend: { lambda: { fn: async () => ({ ok: true }) } } });
    expect(res.body).toBe('{"ok":true}');
  });
});

describe('integration response selection by status code (HTTP, AWS, MOCK)', () => {
  const responses: IntegrationResponse[] = [{ statusCode: '200' }, { statusCode: '400', selectionPattern: '4\\d{2}' }];

  it('404 matches 4\\d{2} → method status 400', async () => {
    const { definition, options } = echo({ integrationResponses: responses }, { statusCode: 404, body: '' });
    expect((await call(definition, post(null), options)).statusCode).toBe(400);
  });

  it('201 matches nothing → the default response → 200', async () => {
    const { definition, options } = echo({ integrationResponses: responses }, { statusCode: 201, body: '' });
    const res = await call(definition, post(null), options);
    expect([res.statusCode, res.trace.selectionValue, res.trace.integrationResponse]).toEqual([200, '201', '200']);
  });

  it('no match and no default → 500', async () => {
    const { definition, options } = echo({ integrationResponses: [{ statusCode: '400', selectionPattern: '4\\d{2}' }] }, { statusCode: 201, body: '' });
    const res = await call(definition, post(null), options);
    expect([res.statusCode, res.body]).toEqual([500, '{"message": "Internal server error"}']);
    expect(res.trace.error?.phase).toBe('response-selection');
  });

  it('a selected status that is not a method response → 500', async () => {
    const { definition, options } = echo({ integrationResponses: responses }, { statusCode: 404, body: '' });
    const res = await call({ ...definition, methodResponses: { '200': { statusCode: '200' } } }, post(null), options);
    expect(res.statusCode).toBe(500);
    expect(res.trace.error?.message).toMatch(/status 400, which is not a method response/);
  });

  it('when several patterns match, the lowest status code wins (API Gateway keys responses by status)', async () => {
    const { definition, options } = echo(
      { integrationResponses: [{ statusCode: '502', selectionPattern: '.+' }, { statusCode: '405', selectionPattern: '4.*' }] },
      { statusCode: 404, body: '' },
    );
    expect((await call(definition, post(null), options)).statusCode).toBe(405);
  });

  it('a selection pattern that is not a Java regex → 500 with the reason', async () => {
    const { definition, options } = echo({ integrationResponses: [{ statusCode: '400', selectionPattern: '4(' }] }, { statusCode: 404, body: '' });
    const res = await call(definition, post(null), options);
    expect(res.statusCode).toBe(500);
    expect(res.trace.error?.message).toMatch(/not a valid Java regular expression/);
  });
});
