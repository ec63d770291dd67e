import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Api } from '../../src/api/api.js';
import { DefinitionError } from '../../src/definitions/definition-error.js';
import { detectTerraform, parseTerraform, parseTerraformJson } from '../../src/definitions/terraform/index.js';
import { loadTerraform } from '../../src/definitions/terraform/read-files.js';

const FIXTURES = 'test/fixtures/terraform';
/** The pets module, shipped in examples/ (docs/usage.md loads it). */
const EXAMPLE = 'examples/terraform/pets';

/** A one-file module with the usual rest API, a resource and a MOCK method around `body`. */
function module(inner: string, extra = ''): { path: string; text: string }[] {
  return [
    {
      path: 'infra/main.tf',
      text: `resource "aws_api_gateway_rest_api" "api" {
  name = "t"
}

resource "aws_api_gateway_resource" "r" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "r"
}

resource "aws_api_gateway_integration" "i" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.r.id
  http_method = "GET"
  type        = "MOCK"
${inner}
}

resource "aws_api_gateway_integration_response" "ok" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.r.id
  http_method = "GET"
  status_code = "200"
}
${extra}`,
    },
  ];
}

function thrown(f: () => unknown): DefinitionError {
  try {
    f();
  } catch (e) {
    if (e instanceof DefinitionError) return e;
    throw e;
  }
  throw new Error('expected a DefinitionError');
}

describe('Terraform .tf modules', () => {
  const pets = loadTerraform(EXAMPLE);

  it('reads resources, methods, integrations and their responses into the API definition', () => {
    expect(pets.title).toBe('pets-dev');
    expect(pets.binaryMediaTypes).toEqual(['image/png']);
    expect(pets.stages).toEqual({ dev: { backend: 'lambda', env: 'DEV' } });
    expect(pets.methods.map((m) => `${m.httpMethod} ${m.resourcePath}`)).toEqual(['GET /pets', 'GET /pets/{id}']);
    const get = pets.methods[1]!;
    expect(get.integration).toMatchObject({
      type: 'AWS',
      httpMethod: 'POST',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets-handler/invocations',
      passthroughBehavior: 'WHEN_NO_TEMPLATES',
      timeoutInMillis: 5000,
    });
    expect(get.integration.integrationResponses?.map((r) => [r.statusCode, r.selectionPattern])).toEqual([
      ['200', undefined],
      ['404', '.*not found.*'],
    ]);
    expect(Object.keys(get.methodResponses ?? {})).toEqual(['200', '404']);
    expect(get.source).toBe(`${EXAMPLE}/main.tf aws_api_gateway_integration.get`);
  });

  it('reads heredocs (<<EOF keeps indentation, <<-EOF strips it, $${ is a literal ${) and file()', () => {
    const [list, get] = pets.methods;
    expect(list!.integration.requestTemplates).toEqual({ 'application/json': '{"statusCode":200}' });
    expect(list!.integration.integrationResponses?.[0]?.responseTemplates?.['application/json']).toBe(
      '#set($limit = $input.params(\'limit\'))\n{\n  "stage": "${stageVariables.env}",\n  "limit": "$limit",\n  "pets": [{"id": 1, "name": "Rex"}]\n}\n',
    );
    expect(get!.integration.requestTemplates?.['application/json']).toBe('{"id": "$input.params(\'id\')", "stage": "$context.stage"}\n');
    expect(get!.integration.integrationResponses?.[0]?.responseTemplates?.['application/json']).toBe(readFileSync(`${EXAMPLE}/templates/pet-response.vtl`, 'utf8'));
  });

  it('renders the MOCK method end to end with stage variables and response parameters', async () => {
    const res = await new Api(pets).invoke({ httpMethod: 'GET', path: '/pets', query: { limit: '5' }, stage: 'dev', stageVariables: pets.stages!['dev'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stage: 'DEV', limit: '5', pets: [{ id: 1, name: 'Rex' }] });
    expect(res.headers['X-Stage']).toBe('DEV');
  });

  it('renders the Lambda method end to end, selecting the 404 response by the error message', async () => {
    const api = new Api(pets, {
      backend: {
        lambda: {
          'pets-handler': (event) => {
            const { id } = event as { id: string };
            if (id === '0') throw new Error('pet 0 not found');
            return { id: Number(id), name: 'Rex "the dog"' };
          },
        },
      },
    });
    const ok = await api.invoke({ httpMethod: 'GET', path: '/pets/7', stage: 'dev', stageVariables: pets.stages!['dev'] });
    expect([ok.statusCode, ok.json()]).toEqual([200, { id: 7, name: 'Rex "the dog"', stage: 'DEV' }]);
    const missing = await api.invoke({ httpMethod: 'GET', path: '/pets/0', stage: 'dev' });
    expect([missing.statusCode, missing.json()]).toEqual([404, { error: 'pet 0 not found' }]);
  });

  it('takes variables from the option over .tfvars and defaults, and reads files given in memory', () => {
    const dir = EXAMPLE;
    const files = ['main.tf', 'locals.tf', 'variables.tf', 'templates/pet-response.vtl'].map((f) => ({ path: `${dir}/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') }));
    const fromTfvars = parseTerraform([...files, { path: `${dir}/terraform.tfvars`, text: 'stage = "qa"\nfunction_name = "from-tfvars"\n' }], { variables: { function_name: 'given' } });
    expect(fromTfvars.title).toBe('pets-qa');
    expect(fromTfvars.stages).toEqual({ qa: { backend: 'lambda', env: 'QA' } });
    expect(fromTfvars.methods[1]!.integration.uri).toContain('function:given/invocations');
  });

  it('keeps what cannot be known offline as an <unresolved:…> placeholder', () => {
    const def = parseTerraform(module(`  uri = "\${data.aws_lambda_function.existing.arn}/x"\n  request_templates = { "application/json" = "\${data.aws_region.current.name} \${local.nope}" }`));
    expect(def.methods[0]!.integration.uri).toBe('<unresolved:data.aws_lambda_function.existing.arn>/x');
    expect(def.methods[0]!.integration.requestTemplates).toEqual({ 'application/json': 'us-east-1 <unresolved:local.nope>' });
  });

  it('evaluates expressions: conditionals, for expressions, template directives, format, replace, jsonencode', () => {
    const def = parseTerraform(
      module(
        `  request_templates = {
    "application/json" = jsonencode({ b = "<&>", a = [for n in [1, 2, 3] : n * 2 if n != 2] })
    "text/plain"       = "%{ if 1 < 2 ~} yes %{~ else }no%{ endif } \${format("%03d-%s-%q", 7, upper("x"), "q")}"
    "text/csv"         = replace("a.b.c", "/[.]/", "_") # a comment
    "text/xml"         = /* inline */ true ? lower("XML") : "never"
  }`,
      ),
    );
    expect(def.methods[0]!.integration.requestTemplates).toEqual({
      'application/json': '{"a":[2,6],"b":"\\u003c\\u0026\\u003e"}',
      'text/plain': 'yes 007-X-"q"',
      'text/csv': 'a_b_c',
      'text/xml': 'xml',
    });
  });
});

describe('Terraform REST APIs with an OpenAPI body', () => {
  it('reads a jsonencode body and renders it', async () => {
    const def = loadTerraform(`${FIXTURES}/openapi-body`, { api: 'inline' });
    expect(def.title).toBe('inline');
    expect(def.methods.map((m) => `${m.httpMethod} ${m.resourcePath}`)).toEqual(['GET /hello/{name}']);
    const res = await new Api(def).invoke({ httpMethod: 'GET', path: '/hello/ada' });
    expect(res.json()).toEqual({ message: 'Hello, ada' });
  });

  it('reads a templatefile body (YAML, %{for}) relative to the .tf file and renders it with its stage', async () => {
    const def = loadTerraform(`${FIXTURES}/openapi-body/main.tf`, { api: 'aws_api_gateway_rest_api.templated', variables: { greeting: 'Hi' } });
    expect(def.title).toBe('templated');
    expect(def.stages).toEqual({ prod: { suffix: '!' } });
    const api = new Api(def);
    const ok = await api.invoke({ httpMethod: 'GET', path: '/greet', query: { code: '200' }, stage: 'prod', stageVariables: def.stages!['prod'] });
    expect([ok.statusCode, ok.json()]).toEqual([200, { greeting: 'Hi!', status: 200 }]);
    const missing = await api.invoke({ httpMethod: 'GET', path: '/greet', query: { code: '404' }, stageVariables: { suffix: '?' } });
    expect([missing.statusCode, missing.json()]).toEqual([404, { greeting: 'Hi?', status: 404 }]);
  });

  it('asks which API to load when several are defined', () => {
    const e = thrown(() => loadTerraform(`${FIXTURES}/openapi-body`));
    expect(e.message).toMatch(/several REST APIs are defined \(aws_api_gateway_rest_api.inline, aws_api_gateway_rest_api.templated\); choose one with the api option/);
    expect(thrown(() => loadTerraform(`${FIXTURES}/openapi-body`, { api: 'nope' })).message).toMatch(/no REST API named 'nope'/);
  });
});

describe('terraform show -json', () => {
  const text = readFileSync(`${FIXTURES}/orders-plan.json`, 'utf8');

  it('reads a plan, child modules included, rebuilding links AWS has not assigned yet', () => {
    const def = parseTerraformJson(text, { file: 'orders-plan.json' });
    expect(def.title).toBe('orders');
    expect(def.stages).toEqual({ live: { table: 'orders-live' } });
    expect(def.methods.map((m) => `${m.httpMethod} ${m.resourcePath} ${m.integration.type}`)).toEqual(['GET /orders/{orderId} AWS', 'POST /orders MOCK']);
    expect(def.methods[0]!.integration.uri).toBe('arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders-fn/invocations');
    expect(def.methods[0]!.integration.integrationResponses?.map((r) => r.selectionPattern ?? null)).toEqual([null, '.*Error.*']);
  });

  it('renders the planned API end to end', async () => {
    const def = parseTerraformJson(text);
    const api = new Api(def, {
      backend: {
        lambda: {
          'orders-fn': (event) => {
            const { orderId } = event as { orderId: string };
            if (orderId === 'bad') throw new Error('ValidationError: bad id');
            return { id: orderId, total: 12.5 };
          },
        },
      },
    });
    const ok = await api.invoke({ httpMethod: 'GET', path: '/orders/42', stage: 'live', stageVariables: def.stages!['live'] });
    expect([ok.statusCode, ok.json()]).toEqual([200, { id: '42', total: 12.5 }]);
    const failed = await api.invoke({ httpMethod: 'GET', path: '/orders/bad', stage: 'live' });
    expect([failed.statusCode, failed.json()]).toEqual([500, { message: 'ValidationError: bad id' }]);
    const created = await api.invoke({ httpMethod: 'POST', path: '/orders', body: '{}', headers: { 'Content-Type': 'application/json' }, stage: 'live' });
    expect([created.statusCode, created.json()]).toEqual([201, { created: true, stage: 'live' }]);
  });

  it('reads state, whose ids are real', () => {
    const resource = (type: string, name: string, values: Record<string, unknown>) => ({ address: `${type}.${name}`, mode: 'managed', type, name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values, sensitive_values: {} });
    const state = {
      format_version: '1.0',
      terraform_version: '1.9.5',
      values: {
        root_module: {
          resources: [
            resource('aws_api_gateway_rest_api', 'api', { id: 'a1b2c3', root_resource_id: 'root1', name: 'state-api', binary_media_types: ['application/octet-stream'] }),
            resource('aws_api_gateway_resource', 'items', { id: 'res1', rest_api_id: 'a1b2c3', parent_id: 'root1', path_part: 'items', path: '/items' }),
            resource('aws_api_gateway_integration', 'get', { id: 'agi-a1b2c3-res1-GET', rest_api_id: 'a1b2c3', resource_id: 'res1', http_method: 'GET', type: 'MOCK', request_templates: { 'application/json': '{"statusCode": 200}' } }),
            resource('aws_api_gateway_integration_response', 'get', { rest_api_id: 'a1b2c3', resource_id: 'res1', http_method: 'GET', status_code: '200', response_templates: { 'application/json': '{"path": "$context.resourcePath"}' } }),
          ],
        },
      },
    };
    const def = parseTerraformJson(JSON.stringify(state));
    expect(def.binaryMediaTypes).toEqual(['application/octet-stream']);
    expect(def.methods.map((m) => `${m.httpMethod} ${m.resourcePath}`)).toEqual(['GET /items']);
  });

  it('rejects an unsupported major format version with its line', () => {
    const e = thrown(() => parseTerraformJson('{\n  "format_version": "2.0",\n  "values": {}\n}', { file: 'state.json' }));
    expect([e.file, e.line, e.message]).toEqual(['state.json', 2, expect.stringMatching(/format_version 2.0 is not supported/)]);
  });
});

describe('errors name the file, line and column', () => {
  it('HCL that does not parse', () => {
    const e = thrown(() => parseTerraform([{ path: 'bad.tf', text: 'resource "a" "b" {\n  x = [1, 2\n  y = 3\n}\n' }]));
    expect([e.file, e.line, e.column]).toEqual(['bad.tf', 3, 3]);
    expect(e.message).toMatch(/^bad\.tf:3:3: expected ',' or ']' in the list/);
    expect(thrown(() => parseTerraform([{ path: 'h.tf', text: 'locals {\n  t = <<EOF\nno end\n' }])).message).toMatch(/^h\.tf:2:7: the heredoc is not closed: no line 'EOF'/);
    expect(thrown(() => parseTerraform([{ path: 's.tf', text: 'locals {\n  t = "a\n' }])).message).toMatch(/^s\.tf:2:9: a quoted string cannot span lines/);
  });

  it('a value the API needs that is unknown offline, with the resource address', () => {
    const files = module('', 'variable "part" {}\n');
    files[0]!.text = files[0]!.text.replace('path_part   = "r"', 'path_part   = var.part');
    const e = thrown(() => parseTerraform(files));
    expect(e.message).toBe('infra/main.tf:8:17: aws_api_gateway_resource.r.path_part: needs a value known without AWS, found "<unresolved:var.part>"; give the variable a default or a value in the variables option');
    expect(parseTerraform(files, { variables: { part: 'given' } }).methods[0]!.resourcePath).toBe('/given');
  });

  it('a link to no resource, a bad field value, a list in a string template', () => {
    const files = module('');
    files[0]!.text = files[0]!.text.replace('resource_id = aws_api_gateway_resource.r.id', 'resource_id = "elsewhere"');
    expect(thrown(() => parseTerraform(files)).message).toBe(
      'infra/main.tf:13:17: aws_api_gateway_integration.i.resource_id: "elsewhere" is neither an aws_api_gateway_resource of aws_api_gateway_rest_api.api nor its root_resource_id',
    );
    expect(thrown(() => parseTerraform(module('  passthrough_behavior = "SOMETIMES"'))).message).toMatch(/^infra\/main\.tf:16:26: aws_api_gateway_integration\.i\.passthrough_behavior: 'SOMETIMES' is not one of/);
    expect(thrown(() => parseTerraform(module('  uri = "x${[1]}"'))).message).toMatch(/^infra\/main\.tf:16:13: aws_api_gateway_integration\.i\.uri: cannot include a list in a string template/);
  });

  it('a file() that is not there', () => {
    expect(thrown(() => parseTerraform(module('  uri = file("missing.txt")'))).message).toMatch(/^infra\/main\.tf:16:9: aws_api_gateway_integration\.i\.uri: file\(\): cannot read 'missing.txt'/);
  });

  it('no REST API at all', () => {
    expect(thrown(() => parseTerraform([{ path: 'x.tf', text: 'resource "aws_s3_bucket" "b" {}\n' }])).message).toBe('x.tf: no aws_api_gateway_rest_api resource');
  });
});

describe('detectTerraform', () => {
  it('recognises .tf files, HCL text and terraform show -json output', () => {
    expect(detectTerraform('', 'main.tf')).toBe(true);
    expect(detectTerraform('resource "aws_api_gateway_rest_api" "api" {\n}\n')).toBe(true);
    expect(detectTerraform(readFileSync(`${FIXTURES}/orders-plan.json`, 'utf8'), 'plan.json')).toBe(true);
    expect(detectTerraform('{"format_version": "1.0", "values": {"root_module": {}}}')).toBe(true);
    expect(detectTerraform('{"openapi": "3.0.1", "paths": {}}', 'api.json')).toBe(false);
    expect(detectTerraform('Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n', 'template.yaml')).toBe(false);
  });
});

describe('loadApi reads Terraform as it reads every other format', () => {
  it('a module directory, one of its .tf files, and terraform show -json output', async () => {
    const { loadApi } = await import('../../src/index.js');
    const fromDirectory = loadApi(EXAMPLE);
    const fromFile = loadApi(`${EXAMPLE}/main.tf`);
    expect(fromFile.methods.map((m) => `${m.httpMethod} ${m.resourcePath}`)).toEqual(fromDirectory.methods.map((m) => `${m.httpMethod} ${m.resourcePath}`));
    expect(fromDirectory.methods.length).toBeGreaterThan(0);
    const plan = loadApi(`${FIXTURES}/orders-plan.json`);
    expect(plan.methods.length).toBeGreaterThan(0);
  });
});
