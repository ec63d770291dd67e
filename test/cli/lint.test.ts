import { mkdtempSync, writeFileSync } from 'node:fs';
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

  it('--json prints the findings per template', () => {
    const r = runBin(['lint', warned, '--json']);
    expect(JSON.parse(r.stdout)).toEqual([{ template: warned, findings: [expect.objectContaining({ rule: 'escape-javascript-in-json', line: 1, column: 11 }), expect.objectContaining({ rule: 'unknown-context-variable' })] }]);
  });

  it('lints every template of an API definition', () => {
    expect(runBin(['lint', example('openapi.yaml')]).stdout).toBe('8 templates: 0 errors, 0 warnings\n');
  });
});
