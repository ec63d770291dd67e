/**
 * How lint, check, render and serve treat definition files: a serverless.yml is read as the API it
 * deploys, and a .json/.yaml/.yml/.tf file that is no definition gets the definition error, never a VTL one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runBin, startBin } from './bin.js';

const dir = mkdtempSync(join(tmpdir(), 'apigw-vtl-definitions-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const serverlessYml = join(root, 'examples', 'serverless', 'serverless.yml');
const NOT_A_DEFINITION = /^apigw-vtl: .*: not an API definition: found (.*); tried OpenAPI 3 .* Serverless Framework .*Terraform .*if this is a mapping template, name it \.vtl or pass it on standard input \(-\)\)\n$/;

describe('serverless.yml on the command line (built binary)', () => {
  it("lints every template the service defines (not the framework's defaults), warning about the skipped httpApi event", () => {
    const r = runBin(['lint', serverlessYml]);
    expect([r.code, r.stdout]).toEqual([0, '14 templates: 0 errors, 0 warnings\n']);
    expect(r.stderr).toMatch(/^apigw-vtl: warning: .*serverless\.yml: functions\.health\.events\.1\.httpApi: skipped/);
  });

  it('checks every template, resolving variables for --stage', () => {
    const r = runBin(['check', serverlessYml, '--runs', '30', '--seed', '1', '--stage', 'prod', '--opt', 'region=eu-central-1']);
    expect(r.code).toBe(1);
    // The path parameter is printed into a JSON string unescaped: a quote in it breaks the JSON.
    expect(r.stdout).toMatch(/✗ GET \/pets\/\{id\} request application\/json: renders valid JSON fails for a valid request[\s\S]*"log": "warn"/);
    expect(r.stdout).toMatch(/✓ POST \/pets request application\/json: renders valid JSON/);
    expect(r.stdout).toMatch(/"table": "pets-prod-pets"/);
  });

  it('names the variable that has no value', () => {
    const missing = file('serverless.yml', 'service: s\nprovider: { name: aws }\nfunctions:\n  f:\n    handler: h\n    name: ${param:fnName}\n    events: [{ http: GET / }]\n');
    const r = runBin(['lint', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/serverless\.yml:6:11: functions\.f\.name: \$\{param:fnName\} has no value offline/);
    expect(runBin(['lint', missing, '--param', 'fnName=x']).code).toBe(0);
  });

  it('serves it at its stage', async () => {
    const server = await startBin(['serve', serverlessYml, '--port', '0', '--stage', 'prod']);
    try {
      expect(server.firstLine).toMatch(/http:\/\/127\.0\.0\.1:\d+\/prod/);
    } finally {
      server.stop();
    }
  });
});

describe('a file that is no API definition (built binary)', () => {
  it.each([
    ['lint', 'a plain YAML map', 'pet.yaml', 'name: Rex\nkind: dog\n', 'a YAML map with keys name, kind'],
    ['check', 'a JSON array', 'list.json', '[1, 2]', 'a JSON list of 2 items'],
    ['lint', 'an empty file', 'empty.yml', '', 'an empty document'],
    ['render', 'a JSON template', 'template.json', '{"id": "$input.params(\'id\')"}', 'a JSON map with key id'],
  ])('%s reports %s with the definition error, not as a template', (command, _what, name, text, found) => {
    const r = runBin([command, file(name, text)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(NOT_A_DEFINITION);
    expect(NOT_A_DEFINITION.exec(r.stderr)![1]).toMatch(new RegExp(`^${found}$`));
  });


  it('lint and check read a .tf file as the Terraform module of its directory', () => {
    const main = join(root, 'examples', 'terraform', 'pets', 'main.tf');
    const lint = runBin(['lint', main]);
    expect(lint.stdout).toMatch(/5 templates: 0 errors/);
    const check = runBin(['check', main, '--runs', '20']);
    expect(check.stdout).toMatch(/5 templates:/);
  });

  it('render refuses a definition: it holds many templates', () => {
    const r = runBin(['render', serverlessYml]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^apigw-vtl: .*serverless\.yml is an API definition \(5 methods\), not a template: lint and check read every template/);
  });

  it('still reads a template from a .vtl file or standard input', () => {
    expect(runBin(['render', file('t.vtl', '{"id": "$input.params(\'id\')"}'), '--input', file('in.json', '{"path": {"id": "7"}}')]).stdout).toBe('{"id": "7"}');
    expect(runBin(['lint', '-'], { input: '$context.stage' }).stdout).toBe('1 template: 0 errors, 0 warnings\n');
  });
});
