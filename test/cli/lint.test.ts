import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, runBin } from './bin.js';

const dir = mkdtempSync(join(tmpdir(), 'apigw-vtl-lint-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('apigw-vtl lint (built binary)', () => {
  const warned = file('warned.vtl', `{"name": "$util.escapeJavaScript($input.path('$.name'))", "ip": "$context.identity.sourceIP"}`);

  it('prints file:line:column findings; warnings alone exit 0', () => {
    const r = runBin(['lint', warned]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `${warned}:1:11: warning $util.escapeJavaScript turns ' into \\', which is not valid JSON: add .replaceAll("\\\\'","'") to the result (escape-javascript-in-json)`,
      `${warned}:1:66: warning $context.identity.sourceIP is not a context variable; it renders empty (unknown-context-variable)`,
      '1 template: 0 errors, 2 warnings',
      '',
    ]);
  });

  it('exits 1 on errors, or on more warnings than --max-warnings', () => {
    expect(runBin(['lint', file('include.vtl', '#include("x.vm")')]).code).toBe(1);
    expect(runBin(['lint', warned, '--max-warnings', '0']).code).toBe(1);
    expect(runBin(['lint', warned, '--max-warnings', '2']).code).toBe(0);
  });

  it('--format json (or --json) prints an array of findings: rule, severity, message, file, line, column', () => {
    for (const flag of [['--format', 'json'], ['--json']]) {
      const r = runBin(['lint', warned, ...flag]);
      expect(JSON.parse(r.stdout)).toEqual([
        { rule: 'escape-javascript-in-json', severity: 'warning', message: expect.stringContaining('escapeJavaScript'), file: warned, line: 1, column: 11 },
        { rule: 'unknown-context-variable', severity: 'warning', message: expect.stringContaining('sourceIP'), file: warned, line: 1, column: 66 },
      ]);
    }
  });

  it('--fix applies the certain fixes in place, and reports what is left', () => {
    const path = file('fixable.vtl', `{"id": "$method.request.path.id", "tags": "$input.json('$.tags')", "ip": "$context.identity.sourceIP"}`);
    const r = runBin(['lint', path, '--fix']);
    expect(readFileSync(path, 'utf8')).toBe(`{"id": "$input.params().path.get('id')", "tags": $input.json('$.tags'), "ip": "$context.identity.sourceIP"}`);
    expect(r.stderr).toContain('2 fixes applied');
    expect(r.stdout).toContain('1 template: 0 errors, 1 warning');
  });

  it('--fix on - prints the fixed template', () => {
    const r = runBin(['lint', '-', '--fix'], { input: `{"a": "$input.json('$.a')"}` });
    expect(r.stdout).toBe(`{"a": $input.json('$.a')}`);
  });

  it('takes severities from the nearest .apigw-vtl.json, or the "apigw-vtl" key of package.json', () => {
    const project = mkdtempSync(join(tmpdir(), 'apigw-vtl-lintcfg-'));
    mkdirSync(join(project, 'templates'));
    const template = join(project, 'templates', 'a.vtl');
    writeFileSync(template, '#set($x = 1)$y');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'p', 'apigw-vtl': { lint: { rules: { 'undefined-reference': 'error', 'unused-variable': 'off' } } } }));
    const r = runBin(['lint', template, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((f: { rule: string; severity: string }) => `${f.rule} ${f.severity}`)).toEqual(['undefined-reference error']);
    writeFileSync(join(project, 'templates', '.apigw-vtl.json'), JSON.stringify({ lint: { rules: { 'undefined-reference': 'note' } } }));
    expect(JSON.parse(runBin(['lint', template, '--format', 'json']).stdout).map((f: { rule: string; severity: string }) => `${f.rule} ${f.severity}`)).toEqual([
      'unused-variable warning',
      'undefined-reference note',
    ]);
    writeFileSync(join(project, 'templates', '.apigw-vtl.json'), JSON.stringify({ lint: { rules: { 'no-such-rule': 'off' } } }));
    const bad = runBin(['lint', template]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("there is no lint rule 'no-such-rule'");
  });

  it('lints every template of an API definition', () => {
    expect(runBin(['lint', example('openapi.yaml')]).stdout).toBe('8 templates: 0 errors, 0 warnings\n');
  });

  const api = `openapi: 3.0.1
info: { title: pets, version: '1' }
paths:
  /pets/{id}:
    put:
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:dynamodb:action/PutItem
        requestTemplates:
          application/json: |
            {
              "TableName": "pets",
              "Item": {"id": {"S": "$method.request.path.id"}, "owner": $input.path('$.owner')},
              "who": "$context.authorizer.claims.sub"
            }
          text/plain: "{\\"tags\\": \\"$input.json('$.tags')\\"}"
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Pet' }
components:
  schemas:
    Pet:
      type: object
      properties:
        owner: { type: object }
`;

  it('shows findings in a definition at the lines and columns of the file, using its models and methods', () => {
    const path = file('api.yaml', api);
    const r = runBin(['lint', path, '--format', 'json']);
    expect(r.stderr).toBe('');
    const where = JSON.parse(r.stdout).map((f: { rule: string; line: number; column: number; template: string }) => `${f.line}:${f.column} ${f.rule} [${f.template}]`);
    expect(where).toEqual([
      '14:37 undefined-reference [PUT /pets/{id} request application/json]',
      '14:73 structured-value-printed [PUT /pets/{id} request application/json]',
      '15:23 context-variable-unavailable [PUT /pets/{id} request application/json]',
      '17:37 input-json-in-quotes [PUT /pets/{id} request text/plain]',
    ]);
  });

  it('--fix edits templates inside a definition: a YAML block as written, a quoted string escaped', () => {
    const path = file('fix-api.yaml', api);
    runBin(['lint', path, '--fix']);
    const fixed = readFileSync(path, 'utf8').split('\n');
    expect(fixed[13]).toBe(`              "Item": {"id": {"S": "$input.params().path.get('id')"}, "owner": $input.path('$.owner')},`);
    expect(fixed[16]).toBe(`          text/plain: "{\\"tags\\": $input.json('$.tags')}"`);
  });

  it('--fix writes a fix into the file that holds the template: the DefinitionUri file of a SAM template', () => {
    const project = mkdtempSync(join(tmpdir(), 'apigw-vtl-lintsam-'));
    const openapi = `openapi: 3.0.1
info: { title: t, version: '1' }
paths:
  /pets/{id}:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: |
            {"statusCode": 200, "id": "$method.request.path.id"}
`;
    writeFileSync(join(project, 'openapi.yaml'), openapi);
    const sam = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionUri: openapi.yaml
`;
    writeFileSync(join(project, 'template.yaml'), sam);
    const r = runBin(['lint', join(project, 'template.yaml'), '--fix']);
    expect(r.stderr).toContain('1 fix applied');
    expect(readFileSync(join(project, 'template.yaml'), 'utf8')).toBe(sam);
    expect(readFileSync(join(project, 'openapi.yaml'), 'utf8')).toContain(`"id": "$input.params().path.get('id')"}`);
  });

  it('maps a literal block with an indentation indicator, and a !Sub block, without writing fixes into the latter', () => {
    const cfn = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: a }
  Method:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: MOCK
        RequestTemplates:
          application/json: |2
              {"a": "$method.request.path.id"}
          text/plain: !Sub |
            {"t": "\${AWS::StackName}", "id": "$method.request.path.id"}
`;
    const path = file('cfn.yaml', cfn);
    const r = runBin(['lint', path, '--format', 'json']);
    expect(JSON.parse(r.stdout).map((f: { line: number; column: number }) => `${f.line}:${f.column}`)).toEqual(['17:22', '19:13']);
    runBin(['lint', path, '--fix']);
    const fixed = readFileSync(path, 'utf8').split('\n');
    expect(fixed[16]).toBe(`              {"a": "$input.params().path.get('id')"}`);
    expect(fixed[18]).toBe(`            {"t": "\${AWS::StackName}", "id": "$method.request.path.id"}`);
  });
});
