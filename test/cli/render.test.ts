import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './bin.js';

const dir = mkdtempSync(join(tmpdir(), 'apigw-vtl-render-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const template = file('t.vtl', `#set($context.responseOverride.status = 201)
{"name": "$input.path('$.name')", "id": "$input.params('id')", "stage": "$context.stage", "env": "$stageVariables.env"}`);

describe('apigw-vtl render (built binary)', () => {
  it('renders with --input and prints the output exactly', () => {
    const input = file('in.json', JSON.stringify({ body: { name: 'Ada' }, path: { id: '7' }, context: { stage: 'prod' } }));
    const r = runBin(['render', template, '--input', input, '--stage-var', 'env=e1']);
    expect(r).toEqual({ code: 0, stdout: '{"name": "Ada", "id": "7", "stage": "prod", "env": "e1"}', stderr: '' });
  });

  it('takes a Lambda proxy event, --body and --context, and --json prints the overrides', () => {
    const event = file('event.json', JSON.stringify({ httpMethod: 'GET', pathParameters: { id: '9' }, body: '{"name": "x"}', requestContext: { stage: 'dev' } }));
    const r = runBin(['render', template, '--event', event, '--body', '{"name": "Bo"}', '--context', '{"stage": "qa"}', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      body: '{"name": "Bo", "id": "9", "stage": "qa", "env": ""}',
      requestOverride: { header: {}, path: {}, querystring: {} },
      responseOverride: { header: {}, status: 201 },
      warnings: [],
    });
  });

  it('reads the template from standard input with -', () => {
    expect(runBin(['render', '-', '--body', '{"a": [1, 2]}'], { input: "$input.path('$.a').size()" }).stdout).toBe('2');
  });

  it('reports a template error as file:line:column with the line, and exits 1', () => {
    const broken = file('broken.vtl', '{\n  "a": $input.path("$.s").substring(9)\n}');
    const r = runBin(['render', broken, '--body', '{"s": "abc"}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:8: error: VtlRuntimeError: .*StringIndexOutOfBoundsException`));
    expect(r.stderr).toContain('2 |   "a": $input.path("$.s").substring(9)\n  |        ^');
    expect(r.stderr).toContain('API Gateway answers 500 {"message": "Internal server error"}');
  });

  it('says when API Gateway would answer 400 for a malformed body', () => {
    const r = runBin(['render', template, '--body', '{"name": ']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('API Gateway answers 400 {"message": "Could not process payload');
  });

  it('explains usage mistakes with exit code 2', () => {
    expect(runBin(['render']).code).toBe(2);
    const both = runBin(['render', template, '--input', 'a.json', '--event', 'b.json']);
    expect([both.code, both.stderr.split('\n')[0]]).toEqual([2, 'apigw-vtl: give --input or --event, not both']);
    expect(runBin(['render', join(dir, 'nope.vtl')]).stderr).toMatch(/cannot read the template .*nope\.vtl: no such file/);
  });
});
