/**
 * Render inputs the way API Gateway delivers them: JSON bodies whose numbers keep awkward spellings
 * (`10.50`, `1e3`, `2^53+1`, `12345678.9`), strings with quotes, backslashes, control characters and
 * emoji, bodies that are not JSON, multi-valued headers and query strings, path parameters, stage
 * variables and `$context` values (identity, authorizer claims).
 */
import fc from 'fast-check';
import { formatRequestTime } from '../../gateway/context.js';
import type { GatewayContext, RenderInput } from '../../gateway/request.js';
import { plainWord, trickyString } from './strings.js';

/** Number spellings whose Java class or printed form differs from JavaScript's. */
export const awkwardNumber: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '0',
    '-0',
    '1',
    '-7',
    '42',
    '2147483647',
    '2147483648',
    '-2147483649',
    '9007199254740993',
    '12345678901234567890',
    '10.50',
    '1e3',
    '1E-4',
    '12345678.9',
    '0.1',
    '249.99',
    '-1.5',
    '100.0',
    '0.30000000000000004',
    '1.0E10',
    '5.',
  ),
  fc.integer({ min: -1000, max: 1000 }).map(String),
);

const jsonString = trickyString.map((s) => JSON.stringify(s));

/** A JSON value as text, numbers spelled as generated. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { weight: 3, arbitrary: jsonString },
    { weight: 3, arbitrary: awkwardNumber },
    { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null') },
    {
      weight: 1,
      arbitrary: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    },
    {
      weight: 1,
      arbitrary: fc
        .uniqueArray(fc.tuple(plainWord, tie('value')), { maxLength: 4, selector: ([k]) => k })
        .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
    },
  ),
})).value;

/** The body shape templates read from (`$.s`, `$.n`, `$.items[0].name`, …), with generated values. */
export const jsonBody: fc.Arbitrary<string> = fc
  .record({
    s: jsonString,
    n: awkwardNumber,
    d: awkwardNumber,
    b: fc.constantFrom('true', 'false'),
    nul: fc.constant('null'),
    arr: fc.array(fc.oneof(jsonString, awkwardNumber), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    obj: fc
      .record({ k: jsonString, id: awkwardNumber, nested: jsonText })
      .map((o) => `{"k":${o.k},"id":${o.id},"nested":${o.nested}}`),
    items: fc
      .array(fc.record({ id: awkwardNumber, name: jsonString, price: awkwardNumber, tags: fc.constantFrom('[]', '["a"]', '["a","b/c"]') }), {
        maxLength: 4,
      })
      .map((items) => `[${items.map((i) => `{"id":${i.id},"name":${i.name},"price":${i.price},"tags":${i.tags}}`).join(',')}]`),
    extra: jsonText,
  })
  .chain((fields) =>
    fc.constantFrom(', ', ',').map((separator) =>
      `{${Object.entries(fields)
        .map(([k, v]) => `"${k}":${v}`)
        .join(separator)}}`,
    ),
  );

/** Bodies that are not JSON, or are odd JSON; API Gateway reads them as strings or fails (400). */
export const oddBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'a=b&c=d', '<t>x</t>', '  padded  ', 'true', '42', '"quoted"', '[1,2]', '{}', '{a:b}', "{'k':'v',}", '{"a":1} trailing'),
  trickyString,
);

/** Header names a template can see (API Gateway hides Content-Length, Connection, …). */
const headerName = fc.constantFrom('Accept', 'Content-Type', 'User-Agent', 'X-Api-Key', 'x-custom', 'X-Forwarded-For', 'Authorization', 'id');

const parameterValue = fc.oneof(
  { weight: 4, arbitrary: trickyString },
  { weight: 1, arbitrary: fc.array(trickyString, { minLength: 1, maxLength: 3 }) },
);

const requestId = fc.uuid();

/** A complete `$context`: every field API Gateway provides is given, so no default stands in. */
export const gatewayContext: fc.Arbitrary<GatewayContext> = fc
  .record({
    stage: fc.constantFrom('prod', 'dev', 'test'),
    requestId,
    httpMethod: fc.constantFrom('GET', 'POST', 'PUT'),
    resourcePath: fc.constantFrom('/', '/pets', '/pets/{id}'),
    epoch: fc.integer({ min: 1_500_000_000_000, max: 1_800_000_000_000 }),
    sourceIp: fc.constantFrom('192.0.2.1', '203.0.113.7'),
    user: fc.option(fc.constantFrom('AIDAEXAMPLE', 'user'), { nil: null }),
    claims: fc.option(fc.record({ sub: fc.uuid(), email: fc.constantFrom('a@example.com', 'b+c@example.org'), 'custom:role': plainWord }), {
      nil: undefined,
    }),
  })
  .map((c) => {
    const apiId = 'a1b2c3d4e5';
    const context: GatewayContext = {
      resourceId: 'abc123',
      resourcePath: c.resourcePath,
      httpMethod: c.httpMethod,
      extendedRequestId: 'TgwN2EJqCYcFnFQ=',
      requestTime: formatRequestTime(c.epoch),
      path: `/${c.stage}${c.resourcePath === '/' ? '' : c.resourcePath}`,
      accountId: '123456789012',
      protocol: 'HTTP/1.1',
      stage: c.stage,
      domainPrefix: apiId,
      requestTimeEpoch: c.epoch,
      requestId: c.requestId,
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: c.user,
        sourceIp: c.sourceIp,
        principalOrgId: null,
        accessKey: null,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        userAgent: 'curl/8.5.0',
        user: c.user,
      },
      domainName: `${apiId}.execute-api.us-east-1.amazonaws.com`,
      deploymentId: 'dep123',
      apiId,
    };
    if (c.claims) context.authorizer = { principalId: c.claims.sub, claims: c.claims };
    return context;
  });

/** A whole render input. */
export const renderInput: fc.Arbitrary<RenderInput> = fc.record({
  body: fc.oneof({ weight: 4, arbitrary: jsonBody }, { weight: 1, arbitrary: oddBody }),
  headers: fc.dictionary(headerName, parameterValue, { maxKeys: 4 }),
  query: fc.dictionary(fc.constantFrom('q', 'page', 'id', 'tag', 'limit'), parameterValue, { maxKeys: 3 }),
  path: fc.dictionary(fc.constantFrom('id', 'name', 'proxy'), trickyString, { maxKeys: 2 }),
  stageVariables: fc.dictionary(fc.constantFrom('env', 'table', 'url', 'v'), fc.constantFrom('prod', 'Table_1', 'https://example.com/x?a=b', 'x'), {
    maxKeys: 3,
  }),
  context: gatewayContext,
});
