import { describe, expect, it } from 'vitest';
import { mockStatus } from '../../src/integration/mock.js';
import { call, mock, post } from './helpers.js';

describe('MOCK status code: read leniently from the rendered request body', () => {
  it.each([
    ['{"statusCode": 200}', 200],
    ['{statusCode: 200}', 200], // CDK's CORS mock, accepted by AWS (LS-MOCK-01)
    ['{ statusCode: 404 }', 404],
    ["{'statusCode': 201, '': ''}", 201],
    ['{"statusCode": 200 ,, }', 200],
    ['{"statusCode": 200 , null: null }', 200],
    ["{statusCode: 200, \"value\": 'goog'}", 200],
    ['{statusCode: 200,super{ f}oo: [ba r]}', 200],
    ['{"statusCode": 0}', 0],
    ['{"statusCode": -1000}', -1000],
    ['\n$context.requestOverride.querystring.put($k, "v")\n{\n  "statusCode": 200\n}\n', 200], // LS-OVR-06
    ['', 200],
  ])('%j → %d', (body, status) => {
    expect(mockStatus(body)).toBe(status);
  });

  it.each([
    '{"statusCode": "200"}', // a string status code fails on AWS (GH-03)
    '{"statusCode": 200',
    '{"statusCode\': 200 }',
    '{\'statusCode": 200 }',
    "{'statusCode: 200 }",
    'statusCode: 200',
    '{statusCode: 200, {foo: [ba r]}',
    '{"statusCode": 2.5}',
    '{"other": 1}',
  ])('%j cannot be read', (body) => {
    expect(mockStatus(body)).toBeUndefined();
  });

  it('a string statusCode answers 500 Internal server error with the execution-log diagnostic', async () => {
    const res = await call(mock({ requestTemplates: { 'application/json': '{\n "statusCode": "200"\n}' } }), post(null));
    expect(res.statusCode).toBe(500);
    expect(res.body).toBe('{"message": "Internal server error"}');
    expect(res.trace.error).toMatchObject({ phase: 'integration', message: expect.stringContaining('Unable to parse statusCode') });
  });

  it('the status selects the integration response; the MOCK response body is empty', async () => {
    const definition = mock({
      requestTemplates: { 'application/json': '{"statusCode": $input.params(\'code\')}' },
      integrationResponses: [
        { statusCode: '200', responseTemplates: { 'application/json': 'body=[$input.body] json=$input.json(\'$\')' } },
        { statusCode: '404', selectionPattern: '4\\d{2}' },
      ],
    });
    const ok = await call(definition, post(null, {}, { query: { code: '204' } }));
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('body=[{}] json={}');
    const missing = await call(definition, post(null, {}, { query: { code: '418' } }));
    expect([missing.statusCode, missing.body, missing.trace.selectionValue]).toEqual([404, '', '418']);
  });
});
