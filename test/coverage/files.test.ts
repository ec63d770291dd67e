import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTemplate, coverage, writeCoverageReports, type CoverageData } from '../../src/index.js';
import { recordTestFileCoverage } from '../../src/coverage/test-run.js';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-vtl-covfiles-'));
  mkdirSync(join(dir, 'templates'));
  mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
  writeFileSync(join(dir, 'templates', 'get-pet.vtl'), '{"id": "$input.params(\'id\')"}');
  // The same text inside node_modules is not the project's template.
  writeFileSync(join(dir, 'node_modules', 'dep', 'a.vtl'), 'not searched');
  return dir;
}

function covered(...sources: string[]): CoverageData {
  const cov = coverage();
  for (const s of sources) compileTemplate(s, { coverage: cov }).render({ path: { id: '1' } });
  return cov.data();
}

describe('coverage report files', () => {
  it('names a template compiled from a string after the project file with the same text', () => {
    const cwd = project();
    const out = join(cwd, 'coverage-vtl');
    const text = writeCoverageReports(out, covered('{"id": "$input.params(\'id\')"}'), { cwd });
    const lcov = readFileSync(join(out, 'lcov.info'), 'utf8');
    expect(lcov).toContain('SF:templates/get-pet.vtl\n');
    expect(text).toContain('templates/get-pet.vtl');
    expect(JSON.parse(readFileSync(join(out, 'coverage.json'), 'utf8')).files[0].file).toBe('templates/get-pet.vtl');
    expect(readFileSync(join(out, 'coverage.txt'), 'utf8')).toBe(text);
  });

  it('writes the text of a template with no file into the report folder, so viewers can show it', () => {
    const cwd = project();
    const out = join(cwd, 'coverage-vtl');
    writeCoverageReports(out, covered('not searched'), { cwd });
    const sf = /^SF:(.*)$/m.exec(readFileSync(join(out, 'lcov.info'), 'utf8'))![1]!;
    expect(sf).toMatch(/^coverage-vtl\/templates\/[0-9a-f]{16}\.vtl$/);
    expect(readFileSync(join(cwd, sf), 'utf8')).toBe('not searched');
  });

  it('merges the test files of a run, replaces a rerun file, and drops test files that are gone', () => {
    const cwd = project();
    const out = join(cwd, 'coverage-vtl');
    const testA = join(cwd, 'a.test.ts');
    const testB = join(cwd, 'b.test.ts');
    writeFileSync(testA, '');
    writeFileSync(testB, '');
    const one = coverage();
    compileTemplate('A', { coverage: one, origin: join(cwd, 'x.vtl') }).render();
    recordTestFileCoverage(out, testA, one.data());
    recordTestFileCoverage(out, testB, one.data());
    const count = () => /^DA:1,(\d+)$/m.exec(readFileSync(join(out, 'lcov.info'), 'utf8'))?.[1];
    expect(count()).toBe('2');
    recordTestFileCoverage(out, testA, one.data());
    expect(count()).toBe('2');
    rmSync(testB);
    recordTestFileCoverage(out, testA, one.data());
    expect(count()).toBe('1');
    expect(existsSync(join(out, '.lock'))).toBe(false);
  });

  it('skips fragments that are not coverage data: half-written, edited, or not files at all', () => {
    const cwd = project();
    const out = join(cwd, 'coverage-vtl');
    mkdirSync(join(out, 'fragments', 'folder.json'), { recursive: true });
    writeFileSync(join(out, 'fragments', 'half.json'), '{"testFile": "", "cov');
    writeFileSync(join(out, 'fragments', 'edited.json'), JSON.stringify({ testFile: '', coverage: { format: 'apigw-vtl-coverage', version: 1, files: [{ file: 'x', lines: 5, branches: [] }] } }));
    const one = coverage();
    compileTemplate('A', { coverage: one, origin: join(cwd, 'x.vtl') }).render();
    recordTestFileCoverage(out, '', one.data());
    expect(readFileSync(join(out, 'lcov.info'), 'utf8')).toContain('DA:1,1');
  });
});
