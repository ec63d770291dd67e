import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, runBin } from './bin.js';

const dir = mkdtempSync(join(tmpdir(), 'apigw-vtl-check-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const integerN = JSON.stringify({ type: 'object', required: ['n'], properties: { n: { type: 'integer' } } });

describe('apigw-vtl check (built binary)', () => {
  it('fails the escapeJavaScript apostrophe bug with the shrunk counterexample, and passes the fix', () => {
    const buggy = file('buggy.vtl', `{"name": "$util.escapeJavaScript($input.path('$.name'))"}`);
    const r = runBin(['check', buggy, '--seed', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ buggy.vtl: renders valid JSON fails for a valid request (its body fits the shape the template reads)');
    expect(r.stdout).toContain(`body: {"name":"'"}`);
    expect(r.stdout).toContain('written by template line 1, column 11');
    expect(r.stdout).toContain('1 template: 0 passed, 1 failed (seed 1)');
    const fixed = file('fixed.vtl', `{"name": "$util.escapeJavaScript($input.path('$.name')).replaceAll("\\\\'","'")"}`);
    const ok = runBin(['check', fixed, '--seed', '1', '--runs', '300']);
    expect([ok.code, ok.stdout]).toEqual([0, '✓ fixed.vtl: renders valid JSON (600 runs: 300 valid, 300 outside the model)\n    coverage: 1/1 lines\n1 template: 1 passed, 0 failed (seed 1)\n']);
  });

  it('prints a replay command, and --seed with --path replays exactly the failing input in one run', () => {
    const buggy = file('replay.vtl', `{"name": "$util.escapeJavaScript($input.path('$.name'))"}`);
    const first = runBin(['check', buggy, '--seed', '1']);
    const replay = /replay: apigw-vtl check \S+ --seed 1 --path (\S+)\n/.exec(first.stdout);
    expect(replay).not.toBeNull();
    const again = runBin(['check', buggy, '--seed', '1', '--path', replay![1]!]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('failed after 1 run');
    expect(again.stdout).toContain(`body: {"name":"'"}`);
    expect(runBin(['check', buggy, '--path', replay![1]!]).stderr.split('\n')[0]).toMatch(/--path replays a failure of a given --seed/);
    expect(runBin(['check', buggy, '--seed', '1', '--path', 'x']).code).toBe(2);
    expect(runBin(['check', buggy, '--outside-model']).code).toBe(2);
  });

  it('generates bodies from --schema or --example', () => {
    const t = file('count.vtl', `{"count": $input.path('$.items').size()}`);
    const schema = file('schema.json', JSON.stringify({ type: 'object', required: ['items'], properties: { items: { type: 'array' } } }));
    // Valid bodies always have the list; a body without it is outside the schema, and breaks the template.
    const withSchema = runBin(['check', t, '--schema', schema, '--runs', '50', '--seed', '1']);
    expect(withSchema.code).toBe(1);
    expect(withSchema.stdout).toContain('✗ count.vtl: renders valid JSON fails only for a body outside the --schema (valid requests pass: 50 runs)');
    const bodyExample = file('example.json', '{"items": [1]}');
    // Every key of the example is there in its shape: the key missing, or null, is outside it.
    const r = runBin(['check', t, '--example', bodyExample, '--seed', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("fails only for a body outside the --example's shape (valid requests pass: 200 runs)");
    expect(r.stdout).toContain('1 | {"count": }');
  });

  it('tells a bug valid requests trigger from one only a body outside the model triggers', () => {
    const schema = file('name.json', JSON.stringify({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } }));
    const quoted = file('quoted.vtl', `{"name": "$input.path('$.name')"}`);
    const valid = runBin(['check', quoted, '--schema', schema, '--seed', '1', '--runs', '100']);
    expect(valid.code).toBe(1);
    expect(valid.stdout).toContain('✗ quoted.vtl: renders valid JSON fails for a valid request (its body fits the --schema)');
    expect(valid.stdout).not.toContain('--outside-model');

    const unquoted = file('unquoted.vtl', `{"n": $input.path('$.n')}`);
    const outside = runBin(['check', unquoted, '--schema', file('n.json', integerN), '--seed', '1', '--runs', '100']);
    expect(outside.code).toBe(1);
    expect(outside.stdout).toContain('✗ unquoted.vtl: renders valid JSON fails only for a body outside the --schema (valid requests pass: 100 runs)');
    // Its replay names the kind of body, and reproduces the report exactly.
    const replay = /replay: apigw-vtl check (.+)\n/.exec(outside.stdout)![1]!;
    expect(replay).toMatch(/--schema \S+n\.json --seed 1 --path \S+ --outside-model$/);
    const again = runBin(['check', ...replay.split(' ')]);
    // (The coverage line is what the runs reached: a replay renders the one input.)
    const block = (text: string) =>
      text
        .split('\n')
        .slice(1, -2)
        .filter((l) => !l.startsWith('    coverage:'))
        .join('\n')
        .replace(/failed after \d+ runs?/, 'failed');
    expect(block(again.stdout)).toBe(block(outside.stdout));
  });

  it('without a model, a template that reads a field unquoted fails for a valid request: a string is in its shape', () => {
    const unquoted = file('no-model.vtl', `{"n": $input.path('$.n')}`);
    const r = runBin(['check', unquoted, '--seed', '1', '--runs', '50']);
    expect(r.stdout).toContain('fails for a valid request (its body fits the shape the template reads)');
  });

  it('shrinks away the fields the template does not read', () => {
    const schema = file(
      'wide.json',
      JSON.stringify({
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, age: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } }, address: { type: 'object', properties: { city: { type: 'string' } } } },
      }),
    );
    // It reads a header or query string too (safely): those are generated, and must go as well.
    const t = file('wide.vtl', `{"name": "$input.path('$.name')", "id": "$util.urlEncode($input.params('id'))"}`);
    for (const seed of ['1', '2', '3']) {
      const r = runBin(['check', t, '--schema', schema, '--seed', seed, '--runs', '100', '--format', 'json']);
      const [entry] = JSON.parse(r.stdout) as { counterexample: { body: string; query: object; headers: object; context?: unknown } }[];
      expect(Object.keys(JSON.parse(entry!.counterexample.body))).toEqual(['name']);
      expect([entry!.counterexample.query, entry!.counterexample.headers, entry!.counterexample.context]).toEqual([{}, {}, undefined]);
    }
  });

  it('checks every template of an API definition, MOCK request templates for their statusCode', () => {
    const r = runBin(['check', example('openapi.yaml'), '--runs', '50', '--seed', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ OPTIONS /pets request application/json: renders a MOCK statusCode (100 runs: 50 valid, 50 outside the model)');
    expect(r.stdout).toContain('8 templates: 8 passed, 0 failed (seed 3)');
    expect(runBin(['check', example('sam-template.yaml'), '--runs', '50']).code).toBe(0);
    const one = runBin(['check', example('openapi.yaml'), '--runs', '5', '--template', 'OPTIONS /pets request application/json']);
    expect(one.stdout).toMatch(/^✓ OPTIONS \/pets request application\/json: [^\n]+\n {4}coverage: 1\/1 lines\n1 template: 1 passed/);
    expect(runBin(['check', example('openapi.yaml'), '--template', 'GET /nothing']).stderr).toMatch(/no template labelled 'GET \/nothing'/);
  });

  it('reports a template that does not compile, and usage mistakes', () => {
    const broken = file('broken.vtl', '#if($a)');
    const r = runBin(['check', broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ broken\.vtl: the template does not compile\nbroken\.vtl:1:1: error: VtlSyntaxError/);
    expect(runBin(['check', broken, '--runs', '0']).code).toBe(2);
    expect(runBin(['check', broken, '--property', 'fast']).stderr).toMatch(/--property must be auto, valid-json or no-error/);
    expect(runBin(['check', broken, '--template', 'x']).code).toBe(2);
  });

  it('documents its exit codes in --help', () => {
    expect(runBin(['check', '--help']).stdout).toMatch(/Exit codes: 0 every template passed; 1 a property failed or a template does not compile[^]*2 a usage error/);
  });

  it('prints no colour codes when the output is not a terminal', () => {
    expect(runBin(['check', example('openapi.yaml'), '--runs', '5']).stdout).not.toMatch(/\u001b\[/);
  });
});
