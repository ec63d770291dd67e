/** Red-team cases for lint fixes, coverage and its reports: typed errors, no wrong edits, no injected records. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, compileTemplate, coverage, CoverageWriteError, InvalidInputError, lcovReport, lintTemplate, textReport, writeCoverageReports } from '../../src/index.js';

describe('lint fixes only where the span is certain', () => {
  it.each([
    '#set($id = $method.request.path.id)',
    '$util.urlEncode($method.request.path.id)',
    '#if( $method.request.path.id == "a" )x#end',
    '{"k": [$method.request.path.id]}',
    '#set($x = "a" + $method.request.path.id)',
  ])('%s: a finding, and applying the fixes leaves a template that compiles', (template) => {
    const findings = lintTemplate(template).filter((f) => f.rule === 'undefined-reference');
    expect(findings).toHaveLength(1);
    const fixed = applyFixes(template, findings).text;
    expect(() => compileTemplate(fixed)).not.toThrow();
    expect(fixed.includes('$util.urlEncode(') || !template.includes('$util.urlEncode(')).toBe(true);
  });

  it('applyFixes skips fixes with positions lint never writes, and refuses what is not a list', () => {
    const template = '{"id": "$method.request.path.id"}';
    const [finding] = lintTemplate(template);
    expect(applyFixes(template, [{ ...finding!, fix: { ...finding!.fix!, start: { line: 1, column: Number.NaN } } }])).toEqual({ text: template, applied: 0 });
    expect(() => applyFixes(template, null as never)).toThrow(InvalidInputError);
  });

  it('reads only the options own fields: an inherited rule setting does nothing', () => {
    const rules = Object.create({ 'undefined-reference': 'off' }) as Record<string, string>;
    expect(lintTemplate('$nope', { rules }).map((f) => f.rule)).toEqual(['undefined-reference']);
    expect(() => lintTemplate('x', [] as never)).toThrow(InvalidInputError);
  });

  it('stops at template-too-large: a template API Gateway refuses is not read further', () => {
    const big = '$a '.repeat(200_000);
    const started = performance.now();
    expect(lintTemplate(big).map((f) => f.rule)).toEqual(['template-too-large']);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('coverage reports against hostile names and data', () => {
  it('writes a file name with line breaks as one lcov record', () => {
    const cov = coverage();
    compileTemplate('a', { coverage: cov, origin: 'x.vtl\nSF:/etc/injected.vtl\nDA:1,999' }).render();
    const lcov = lcovReport(cov.data(), 'run\nSF:evil');
    expect(lcov.match(/^SF:/gm)).toHaveLength(1);
    expect(lcov).not.toMatch(/^DA:1,999$/m);
  });

  it('keeps the template position when an origin mapping throws or answers nonsense', () => {
    let calls = 0;
    const cov = coverage();
    const origin = { file: 'o.vtl', at: () => (++calls > 1 ? { line: Number.NaN, column: -1 } : { line: 5, column: 1 }) };
    compileTemplate('a\nb', { coverage: cov, origin }).render();
    expect(cov.data().files[0]!.lines.map((l) => l.line)).toEqual([1, 2]);
    const throwing = coverage();
    compileTemplate('a', { coverage: throwing, origin: { file: 't.vtl', at: () => { throw new Error('boom'); } } }).render();
    expect(throwing.data().files[0]!.lines).toEqual([{ line: 1, count: 1 }]);
  });

  it('reports what is not coverage data, and bad options, with typed errors', () => {
    expect(() => lcovReport(null as never)).toThrow(InvalidInputError);
    expect(() => textReport({ format: 'apigw-vtl-coverage', version: 1, files: [null] } as never)).toThrow(InvalidInputError);
    expect(() => coverage({ maxTemplates: Number.NaN })).toThrow(InvalidInputError);
    expect(coverage(null).size).toBe(0);
  });

  it('formats a run of very many files', () => {
    const files = Array.from({ length: 150_000 }, (_, i) => ({ file: `f${i}.vtl`, lines: [{ line: 1, count: 1 }], branches: [] }));
    expect(textReport({ format: 'apigw-vtl-coverage', version: 1, files }, { summaryOnly: true })).toContain('All templates');
  });

  it('says which path it cannot write, as a CoverageWriteError', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigw-vtl-covw-'));
    writeFileSync(join(dir, 'file'), '');
    expect(() => writeCoverageReports(join(dir, 'file'), coverage().data())).toThrow(CoverageWriteError);
    expect(() => writeCoverageReports(join(dir, 'file', 'below'), coverage().data())).toThrow(/cannot write template coverage/);
  });
});
