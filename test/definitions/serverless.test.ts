/**
 * Serverless Framework services: `serverless.yml` read as the REST API the framework deploys (its
 * defaults filled in, variables resolved offline), and the CloudFormation `serverless package` writes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DefinitionError, LambdaFunctionError, loadApi, parseApiDefinition } from '../../src/index.js';
import { loadApiDefinition } from '../../src/definitions/load-file.js';

const dir = join(import.meta.dirname, '..', '..', 'examples', 'serverless');
const yml = join(dir, 'serverless.yml');
const packaged = join(dir, '.serverless', 'cloudformation-template-update-stack.json');
const env = {};

function load(options: { stage?: string; region?: string; env?: Record<string, string> } = {}) {
  const warnings: string[] = [];
  const definition = loadApiDefinition(yml, { serverless: { env, ...options }, onWarning: (m) => warnings.push(m) });
  return { definition, warnings };
}

const method = (d: ReturnType<typeof load>['definition'], verb: string, path: string) => {
  const found = d.methods.find((m) => m.httpMethod === verb && m.resourcePath === path);
  if (!found) throw new Error(`no ${verb} ${path}`);
  return found;
};

describe('serverless.yml', () => {
  it('loads the http events as REST API methods, with a CORS preflight, and skips httpApi with a warning', () => {
    const { definition, warnings } = load();
    expect(definition.methods.map((m) => `${m.httpMethod} ${m.resourcePath} ${m.integration.type}`)).toEqual([
      'GET /pets AWS',
      'GET /pets/{id} AWS',
      'POST /pets AWS',
      'GET /health AWS_PROXY',
      'OPTIONS /pets MOCK',
    ]);
    expect(definition.title).toBe('dev-pets');
    expect(definition.stages).toEqual({ dev: {} });
    expect(definition.binaryMediaTypes).toEqual(['image/png']);
    expect(warnings).toEqual([expect.stringMatching(/functions\.health\.events\.1\.httpApi: skipped: an HTTP API route runs no mapping templates/)]);
  });

  it('invokes the deployed function names, with the function keys as aliases', () => {
    const { definition } = load();
    expect(method(definition, 'GET', '/pets/{id}').integration.uri).toBe(
      'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:pets-dev-getPet/invocations',
    );
    expect(definition.functionAliases).toEqual({ listPets: 'pets-dev-listPets', getPet: 'pets-dev-getPet', createPet: 'pets-create-dev', health: 'pets-dev-health' });
  });

  it('resolves self, custom, nested, sls, opt, env and file variables', () => {
    const dev = method(load().definition, 'GET', '/pets').integration.requestTemplates!['application/json'];
    expect(dev).toBe(`{"limit": $input.params('limit'), "default": 25, "stage": "$context.stage", "table": "pets-dev-pets", "owner": "nobody"}`);
    const prod = load({ stage: 'prod', region: 'us-west-2', env: { PETS_OWNER: 'ada' } }).definition;
    expect(method(prod, 'GET', '/pets').integration.requestTemplates!['application/json']).toContain('"table": "pets-prod-pets", "owner": "ada"');
    expect(method(prod, 'GET', '/pets/{id}').integration.requestTemplates!['application/json']).toBe(`{"id": "$input.params('id')", "log": "warn"}`);
    expect(method(prod, 'POST', '/pets').integration.uri).toMatch(/^arn:aws:apigateway:us-west-2:.*:function:pets-create-prod\/invocations$/);
    expect(prod.stages).toEqual({ prod: {} });
  });

  it('maps request parameters, passThrough, response headers and status code patterns as the framework does', () => {
    const { definition } = load();
    const list = method(definition, 'GET', '/pets').integration;
    expect(list.passthroughBehavior).toBe('WHEN_NO_TEMPLATES');
    expect(list.requestParameters).toEqual({ 'integration.request.querystring.limit': 'method.request.querystring.limit' });
    // No statusCodes: the framework's defaults, each with the CORS origin and the shared headers.
    expect(list.integrationResponses!.map((r) => [r.statusCode, r.selectionPattern ?? ''])).toEqual([
      ['200', ''],
      ['400', '[\\s\\S]*\\[400\\][\\s\\S]*'],
      ['401', '[\\s\\S]*\\[401\\][\\s\\S]*'],
      ['403', '[\\s\\S]*\\[403\\][\\s\\S]*'],
      ['404', '[\\s\\S]*\\[404\\][\\s\\S]*'],
      ['422', '[\\s\\S]*\\[422\\][\\s\\S]*'],
      ['500', '[\\s\\S]*(Process\\s?exited\\s?before\\s?completing\\s?request|\\[500\\])[\\s\\S]*'],
      ['502', '[\\s\\S]*\\[502\\][\\s\\S]*'],
      ['504', '([\\s\\S]*\\[504\\][\\s\\S]*)|(.*Task timed out after \\d+\\.\\d+ seconds$)'],
    ]);
    expect(list.integrationResponses![0]).toMatchObject({
      responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'", 'method.response.header.Cache-Control': "'max-age=60'" },
      responseTemplates: { 'application/json': "$input.json('$.items')" },
    });
    const get = method(definition, 'GET', '/pets/{id}');
    expect(get.integration.passthroughBehavior).toBe('NEVER');
    expect(get.integration.integrationResponses!.map((r) => r.statusCode)).toEqual(['200', '404']);
    expect(get.methodResponses!['404']!.responseParameters).toEqual({ 'method.response.header.X-Error': true });
    const options = method(definition, 'OPTIONS', '/pets').integration;
    expect(options.integrationResponses![0]!.responseParameters).toEqual({
      'method.response.header.Access-Control-Allow-Origin': "'*'",
      'method.response.header.Access-Control-Allow-Headers': "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent,X-Amzn-Trace-Id'",
      'method.response.header.Access-Control-Allow-Methods': "'OPTIONS,GET'",
    });
  });

  it('gives integration: lambda without templates the default request templates', () => {
    const templates = method(load().definition, 'POST', '/pets').integration.requestTemplates!;
    expect(Object.keys(templates)).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    expect(templates['application/json']).toMatch(/^\n {4}#set\( \$body = \$input\.json\("\$"\) \)\n\n {4}\n {2}#define\( \$loop \)/);
    expect(templates['application/json']).not.toContain('extraCognitoPoolClaims');
  });
});

describe('running a serverless.yml', () => {
  const api = (lambda: Record<string, (event: unknown) => unknown>) => loadApi(yml, { serverless: { env }, backend: { lambda } });

  it('runs a Lambda integration whose handler is keyed by the function key', async () => {
    const pets = api({ getPet: (e) => ({ id: (e as { id: string }).id, name: "O'Brien", log: (e as { log: string }).log }) });
    const r = await pets.invoke({ httpMethod: 'GET', path: '/pets/7', headers: { Accept: 'application/json' } });
    expect([r.statusCode, r.json()]).toEqual([200, { id: '7', name: "O'Brien" }]);
  });

  it('selects a status code by its pattern on the Lambda error message', async () => {
    const pets = api({
      getPet: () => {
        throw new LambdaFunctionError({ errorMessage: '[404] no pet 9', errorType: 'NotFound' });
      },
    });
    const r = await pets.invoke({ httpMethod: 'GET', path: '/pets/9' });
    expect([r.statusCode, r.json(), r.headers['X-Error']]).toEqual([404, { message: 'no such pet' }, 'not-found']);
  });

  it('sends the default template event, and maps a [400] error with the default status codes', async () => {
    let seen: Record<string, unknown> = {};
    const pets = api({
      createPet: (e) => {
        seen = e as Record<string, unknown>;
        if ((seen['body'] as { name?: string }).name === '') throw new Error('[400] a pet needs a name');
        return { id: 'p-1' };
      },
    });
    const created = await pets.invoke({ httpMethod: 'POST', path: '/pets', query: { tag: 'new' }, headers: { 'Content-Type': 'application/json' }, body: '{"name": "Rex"}' });
    expect([created.statusCode, created.json()]).toEqual([200, { id: 'p-1' }]);
    expect(seen).toMatchObject({ body: { name: 'Rex' }, method: 'POST', stage: 'dev', query: { tag: 'new' }, path: {}, requestPath: '/pets' });
    const refused = await pets.invoke({ httpMethod: 'POST', path: '/pets', headers: { 'Content-Type': 'application/json' }, body: '{"name": ""}' });
    expect(refused.statusCode).toBe(400);
  });

  it('answers the CORS preflight from its MOCK', async () => {
    const r = await api({}).invoke({ httpMethod: 'OPTIONS', path: '/pets' });
    expect([r.statusCode, r.headers['Access-Control-Allow-Methods']]).toEqual([200, 'OPTIONS,GET']);
  });
});

describe('serverless.yml from text', () => {
  const text = `
service: shop
provider: { name: aws, stage: '\${opt:stage, "test"}' }
custom: { size: '\${file(./sizes.json):default}', region: '\${aws:region}', secret: '\${ssm:/shop/key}' }
functions:
  order:
    handler: h.order
    events:
      - http:
          path: orders
          method: post
          integration: lambda
          request:
            template:
              application/json: '{"size": "\${self:custom.size}", "region": "\${self:custom.region}", "key": "\${self:custom.secret}"}'
              application/x-www-form-urlencoded: null
`;

  it('leaves file() and AWS-only variables as placeholders, with warnings', () => {
    const warnings: string[] = [];
    const d = parseApiDefinition(text, { onWarning: (m) => warnings.push(m) });
    expect(d.methods[0]!.integration.requestTemplates).toEqual({
      'application/json': '{"size": "<file(./sizes.json):default>", "region": "us-east-1", "key": "<ssm:/shop/key>"}',
    });
    expect(d.stages).toEqual({ test: {} });
    expect(warnings).toEqual([expect.stringMatching(/not read from a file/), expect.stringMatching(/needs AWS/)]);
  });

  it('names the path of a variable without a value', () => {
    const missing = 'service: s\nprovider: { name: aws }\nfunctions:\n  f:\n    handler: h\n    name: ${env:FN_NAME}\n';
    expect(() => parseApiDefinition(missing, { serverless: { env: {} } })).toThrow(DefinitionError);
    expect(() => parseApiDefinition(missing, { serverless: { env: {} } })).toThrow(/functions\.f\.name: \$\{env:FN_NAME\} has no value offline/);
    expect(parseApiDefinition(missing, { serverless: { env: { FN_NAME: 'x' } } }).functionAliases).toBeUndefined();
  });

  it('reads params of the stage, chained fallbacks, and leaves other ${…} alone', () => {
    const config = `
service: s
provider: { name: aws, stage: prod }
params:
  default: { domain: example.org, tier: free }
  prod: { tier: paid }
functions:
  f:
    handler: h
    events:
      - http:
          path: a
          method: get
          integration: lambda
          request:
            template:
              application/json: '{"d": "\${param:domain}", "t": "\${param:tier}", "x": "\${env:NOPE, opt:nope, self:params.default.tier}", "vtl": "\${foo}", "cfn": "\${AWS::Region}"}'
`;
    const d = parseApiDefinition(config, { serverless: { env: {} } });
    expect(d.methods[0]!.integration.requestTemplates!['application/json']).toBe('{"d": "example.org", "t": "paid", "x": "free", "vtl": "${foo}", "cfn": "${AWS::Region}"}');
    expect(parseApiDefinition(config, { serverless: { env: {}, params: { tier: 'given' } } }).methods[0]!.integration.requestTemplates!['application/json']).toContain('"t": "given"');
  });

  it('refuses a provider other than aws and a cycle of variables', () => {
    expect(() => parseApiDefinition('service: s\nprovider: { name: azure }\n')).toThrow(/provider\.name: only the aws provider deploys API Gateway/);
    expect(() => parseApiDefinition('service: s\nprovider: { name: aws }\ncustom: { a: "${self:custom.b}", b: "${self:custom.a}" }\n')).toThrow(/cycle/);
  });
});

describe('serverless.yml variables from files', () => {
  it('reads a whole file as a value, resolving the variables in it, relative to the configuration', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'apigw-vtl-sls-'));
    writeFileSync(join(tmp, 'custom.yml'), 'greeting: hello from ${sls:stage}\n');
    writeFileSync(
      join(tmp, 'serverless.yml'),
      'service: s\nprovider: { name: aws }\ncustom: ${file(./custom.yml)}\nfunctions:\n  f:\n    handler: h\n    events:\n      - http: { method: get, path: hi, integration: lambda, request: { template: { application/json: \'"${self:custom.greeting}"\' } } }\n      - http: { method: get, path: proxy, request: { template: { application/json: x } } }\n',
    );
    const warnings: string[] = [];
    const d = loadApiDefinition(join(tmp, 'serverless.yml'), { serverless: { stage: 'qa' }, onWarning: (m) => warnings.push(m) });
    expect(d.methods[0]!.integration.requestTemplates!['application/json']).toBe('"hello from qa"');
    expect(d.methods[1]!.integration).toMatchObject({ type: 'AWS_PROXY' });
    expect(warnings).toEqual([expect.stringMatching(/functions\.f\.events\.1\.http: request\.template ignored: an AWS_PROXY integration has no mapping templates/)]);
  });
});

describe('serverless package output', () => {
  it('loads through the CloudFormation reader and runs keyed by deployed name or logical id', async () => {
    const definition = loadApiDefinition(packaged);
    expect(definition.methods.map((m) => `${m.httpMethod} ${m.resourcePath} ${m.integration.type}`).sort()).toEqual(['GET /health AWS_PROXY', 'GET /pets/{id} AWS']);
    expect([definition.title, definition.stages, definition.binaryMediaTypes]).toEqual(['dev-pets', { dev: {} }, ['image/png']]);
    for (const key of ['pets-dev-getPet', 'GetPetLambdaFunction']) {
      const api = loadApi(packaged, { backend: { lambda: { [key]: (e) => ({ id: (e as { id: string }).id, name: 'Rex' }) } } });
      const r = await api.invoke({ httpMethod: 'GET', path: '/pets/3' });
      expect([r.statusCode, r.json()]).toEqual([200, { id: '3', name: 'Rex' }]);
    }
  });

  it('matches what the serverless.yml it came from loads to', () => {
    const fromYml = method(load().definition, 'GET', '/pets/{id}').integration;
    const fromCfn = method(loadApiDefinition(packaged), 'GET', '/pets/{id}').integration;
    expect(fromCfn.requestTemplates).toEqual(fromYml.requestTemplates);
    expect(fromCfn.integrationResponses!.map((r) => [r.statusCode, r.selectionPattern || '', r.responseTemplates])).toEqual(
      fromYml.integrationResponses!.map((r) => [r.statusCode, r.selectionPattern || '', r.responseTemplates]),
    );
  });
});

describe('a file that is no API definition', () => {
  const tried = /tried OpenAPI 3 \(openapi and paths\), Swagger 2 .*CloudFormation\/SAM .*get-resources output .*Serverless Framework .*Terraform/;

  it.each([
    ['a plain YAML map', 'name: Rex\nkind: dog\nage: 3\n', 'a YAML map with keys name, kind, age'],
    ['a JSON array', '[1, 2, 3]', 'a JSON list of 3 items'],
    ['an empty file', '', 'an empty document'],
    ['a YAML string', 'just some text', 'a YAML string "just some text"'],
  ])('says so for %s, naming what it found and the formats tried', (_what, text, found) => {
    let error: unknown;
    try {
      parseApiDefinition(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DefinitionError);
    expect((error as Error).message).toMatch(new RegExp(`^not an API definition: found ${found.replace(/[()[\]]/g, '\\$&')}; `));
    expect((error as Error).message).toMatch(tried);
  });

  it('reads a .tf file as the Terraform module of its directory, never as YAML', () => {
    const definition = loadApiDefinition(join(import.meta.dirname, '..', 'fixtures', 'main-only.tf'));
    expect([definition.title, definition.methods]).toEqual(['pets', []]);
    expect(() => parseApiDefinition('resource "aws_api_gateway_rest_api" "pets" {}', {})).toThrow(/not an API definition/);
  });
});
