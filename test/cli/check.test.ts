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

describe('apigw-vtl check (built binary)', () => {
  it('fails the escapeJavaScript apostrophe bug with the shrunk counterexample, and passes the fix', () => {
    const buggy = file('buggy.vtl', `{"name": "$util.escapeJavaScript($input.path('$.name'))"}`);
    const r = runBin(['check', buggy, '--seed', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ buggy.vtl: renders valid JSON');
    expect(r.stdout).toContain(`body: {"name":"'"}`);
    expect(r.stdout).toContain('1 template: 0 passed, 1 failed (seed 1)');
    const fixed = file('fixed.vtl', `{"name": "$util.escapeJavaScript($input.path('$.name')).replaceAll("\\\\'","'")"}`);
    const ok = runBin(['check', fixed, '--seed', '1', '--runs', '300']);
    expect([ok.code, ok.stdout]).toEqual([0, '✓ fixed.vtl: renders valid JSON (300 runs)\n1 template: 1 passed, 0 failed (seed 1)\n']);
  });

  it('prints a replay command, and --seed with --path replays exactly the failing input in one run', () => {
    const buggy = file('replay.vtl', `{"name": "$util.escapeJavaScript($input.path('$.name'))"}`);
    const first = runBin(['check', buggy, '--seed', '1']);
    const replay = /replay: apigw-vtl check \S+ --seed 1 --path (\S+)/.exec(first.stdout);
    expect(replay).not.toBeNull();
    const again = runBin(['check', buggy, '--seed', '1', '--path', replay![1]!]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('failed after 1 run');
    expect(again.stdout).toContain(`body: {"name":"'"}`);
    expect(runBin(['check', buggy, '--path', replay![1]!]).stderr.split('\n')[0]).toMatch(/--path replays a failure of a given --seed/);
    expect(runBin(['check', buggy, '--seed', '1', '--path', 'x']).code).toBe(2);
  });

  it('generates bodies from --schema or --example', () => {
    const t = file('count.vtl', `{"count": $input.path('$.items').size()}`);
    const schema = file('schema.json', JSON.stringify({ type: 'object', required: ['items'], properties: { items: { type: 'array' } } }));
    expect(runBin(['check', t, '--schema', schema, '--runs', '50']).code).toBe(0);
    const bodyExample = file('example.json', '{"items": [1]}');
    // The example's key may be missing or null: size() of nothing prints nothing, which is not JSON.
    const r = runBin(['check', t, '--example', bodyExample, '--seed', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 | {"count": }');
  });

  it('checks every template of an API definition, MOCK request templates for their statusCode', () => {
    const r = runBin(['check', example('openapi.yaml'), '--runs', '50', '--seed', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ OPTIONS /pets request application/json: renders a MOCK statusCode (50 runs)');
    expect(r.stdout).toContain('8 templates: 8 passed, 0 failed (seed 3)');
    expect(runBin(['check', example('sam-template.yaml'), '--runs', '50']).code).toBe(0);
  });

  it('reports a template that does not compile, and usage mistakes', () => {
    const broken = file('broken.vtl', '#if($a)');
    const r = runBin(['check', broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ broken\.vtl: the template does not compile\nbroken\.vtl:1:1: error: VtlSyntaxError/);
    expect(runBin(['check', broken, '--runs', '0']).code).toBe(2);
    expect(runBin(['check', broken, '--property', 'fast']).stderr).toMatch(/--property must be auto, valid-json or no-error/);
  });

  it('prints no colour codes when the output is not a terminal', () => {
    expect(runBin(['check', example('openapi.yaml'), '--runs', '5']).stdout).not.toMatch(/\u001b\[/);
  });
});
