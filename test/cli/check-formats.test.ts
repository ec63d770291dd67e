import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../reports/xml.js';
import { example, runBin } from './bin.js';

const dir = mkdtempSync(join(tmpdir(), 'apigw-vtl-check-formats-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const quoted = file('quoted.vtl', `{\n  "name": "$input.path('$.name')"\n}`);
const unquoted = file('unquoted.vtl', `{"n": $input.path('$.n')}`);
const schema = file('n.json', JSON.stringify({ type: 'object', required: ['n'], properties: { n: { type: 'integer' } } }));
const broken = file('broken.vtl', 'ok\n#if($a)');

interface Entry {
  label: string;
  file: string;
  line: number;
  column: number;
  check: string;
  ok: boolean;
  runs: number;
  bugClass: string | null;
  counterexample: { body?: string } | null;
  problem: { message: string; output: { line: number; column: number } | null; template: { line: number; column: number } | null } | null;
  replay: string | null;
  coverage: { lines: { total: number; covered: number }; branches: { total: number; covered: number } } | null;
}

const json = (args: string[]) => {
  const r = runBin(['check', ...args, '--format', 'json'], { cwd: dir });
  return { ...r, entries: JSON.parse(r.stdout) as Entry[] };
};

describe('apigw-vtl check --format', () => {
  it('json: one entry per template, the failure placed at the template line that wrote the broken JSON', () => {
    const r = json(['quoted.vtl', '--seed', '1', '--runs', '50']);
    expect([r.code, r.stderr]).toEqual([1, '']);
    expect(r.entries).toHaveLength(1);
    const [e] = r.entries;
    expect(e).toMatchObject({ label: 'quoted.vtl', file: 'quoted.vtl', line: 2, column: 12, check: 'renders valid JSON', ok: false, bugClass: 'valid-request' });
    expect(e!.problem).toMatchObject({ message: expect.stringMatching(/not valid JSON/), output: { line: 2 }, template: { line: 2, column: 12 } });
    expect(JSON.parse(e!.counterexample!.body!)).toEqual({ name: expect.stringMatching(/["\\]/) });
    expect(e!.replay).toMatch(/^apigw-vtl check quoted\.vtl --seed 1 --path [\d:]+$/);
    expect(Object.keys(e!)).toEqual(['label', 'file', 'line', 'column', 'check', 'ok', 'runs', 'runsBy', 'model', 'bugClass', 'counterexample', 'problem', 'replay', 'coverage']);
    // The name was printed with a value and (a body without it) empty.
    expect(e!.coverage).toEqual({ lines: { total: 3, covered: 3 }, branches: { total: 2, covered: 2 } });
  });

  it('json: the class of a failure only a body outside the model shows; passes and compile errors too', () => {
    const [outside] = json(['unquoted.vtl', '--schema', 'n.json', '--seed', '1', '--runs', '50']).entries;
    expect(outside).toMatchObject({ ok: false, bugClass: 'outside-model', model: 'the --schema', replay: expect.stringMatching(/--outside-model$/) });
    const [compileError] = json(['broken.vtl']).entries;
    expect(compileError).toMatchObject({ check: 'compiles', ok: false, line: 2, column: 1, bugClass: 'valid-request', counterexample: null, problem: { message: expect.stringMatching(/^VtlSyntaxError: /) } });
    const passing = json([example('openapi.yaml'), '--runs', '5']);
    expect(passing.code).toBe(0);
    expect(passing.entries).toHaveLength(8);
    expect(passing.entries.every((e) => e.ok && e.bugClass === null && e.runs === 10 && e.file === example('openapi.yaml'))).toBe(true);
  });

  it('junit: a test case per template, the class in the failure message, the report as its text', () => {
    const r = runBin(['check', example('openapi.yaml'), '--runs', '5', '--format', 'junit']);
    expect(r.code).toBe(0);
    const suite = parseXml(r.stdout).children[0]!;
    expect(suite.attributes).toMatchObject({ tests: '8', failures: '0' });
    const failing = runBin(['check', unquoted, '--schema', schema, '--seed', '1', '--runs', '50', '--format', 'junit']);
    expect(failing.code).toBe(1);
    const failure = parseXml(failing.stdout).children[0]!.children[0]!.children[0]!;
    expect(failure.attributes['message']).toMatch(/^unquoted\.vtl: renders valid JSON fails only for a body outside the --schema \(valid requests pass: 50 runs\): the rendered output is not valid JSON/);
    expect(failure.attributes['type']).toBe('renders-valid-json');
    expect(failure.text).toMatch(/shrunk counterexample:\n {2}body: /);
    expect(failure.text).toMatch(/replay: apigw-vtl check .* --outside-model$/);
  });

  it('sarif: the result at the template line, its class in the message and the property bag; stdout holds only the document', () => {
    const r = runBin(['check', 'quoted.vtl', '--seed', '1', '--runs', '50', '--format', 'sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { runs: { results: Record<string, any>[] }[] };
    const [result] = log.runs[0]!.results;
    expect(result).toMatchObject({
      ruleId: 'renders-valid-json',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'quoted.vtl', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 12 } } }],
      properties: { bugClass: 'valid-request', check: 'renders valid JSON' },
    });
    expect(result!['message'].text).toMatch(/^quoted\.vtl: renders valid JSON fails for a valid request/);
    const outside = runBin(['check', 'unquoted.vtl', '--schema', 'n.json', '--seed', '1', '--runs', '50', '--format', 'sarif'], { cwd: dir });
    const [warning] = (JSON.parse(outside.stdout) as typeof log).runs[0]!.results;
    expect(warning).toMatchObject({ level: 'warning', properties: { bugClass: 'outside-model' }, message: { text: expect.stringMatching(/fails only for a body outside the --schema/) } });
  });

  it('--output writes the document to a file, and stdout stays empty', () => {
    const out = join(dir, 'report.sarif');
    const r = runBin(['check', broken, '--format', 'sarif', '--output', out]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results: Record<string, any>[] }[] };
    expect(log.runs[0]!.results[0]).toMatchObject({ ruleId: 'template-compiles', level: 'error', locations: [{ physicalLocation: { region: { startLine: 2, startColumn: 1 } } }] });
    const text = join(dir, 'report.txt');
    expect(runBin(['check', broken, '--output', text]).stdout).toBe('');
    expect(readFileSync(text, 'utf8')).toMatch(/^✗ broken\.vtl: the template does not compile\n/);
  });

  it('an unknown format or an unwritable --output is a usage error (exit 2)', () => {
    const r = runBin(['check', quoted, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be text, json, junit, sarif, got 'xml'/);
    expect(runBin(['check', quoted, '--runs', '1', '--output', join(dir, 'missing', 'dir', 'x.json'), '--format', 'json']).code).toBe(2);
  });
});
