import { describe, expect, it } from 'vitest';
import { compileTemplate, coverage, lcovReport, mergeCoverage, textReport, type CoverageData } from '../../src/index.js';
import { setAmbientCoverage } from '../../src/coverage/ambient.js';

const TEMPLATE = `#set($n = $input.path('$.name'))
{
  "name": "$n",
#if($input.path('$.tag') == "a")
  "tag": "a",
#elseif($input.path('$.tag') == "b")
  "tag": "b",
#else
  "tag": null,
#end
  "items": [#foreach($i in $input.path('$.items'))"$i"#if($foreach.hasNext),#end#end]
}`;

const linesOf = (data: CoverageData) => Object.fromEntries(data.files[0]!.lines.map((l) => [l.line, l.count]));
const branchesOf = (data: CoverageData) => data.files[0]!.branches.map((b) => `${b.line}:${b.column} ${b.kind} ${b.outcomes.map((o) => `${o.label}=${o.count}`).join(' | ')}`);

describe('template coverage', () => {
  it('counts each executable line: statements, text lines that are not blank, #elseif lines when tested', () => {
    const cov = coverage();
    const t = compileTemplate(TEMPLATE, { coverage: cov, origin: 'templates/pet.vtl' });
    t.render({ body: { name: 'Rex', tag: 'a', items: [1, 2] } });
    t.render({ body: { tag: 'c' } });
    const data = cov.data();
    expect(data.files.map((f) => f.file)).toEqual(['templates/pet.vtl']);
    // Line 6 (#elseif) is tested once (the second render); line 7 never runs; line 8 (#else) and 10 (#end) are not executable.
    expect(linesOf(data)).toEqual({ 1: 2, 2: 2, 3: 2, 4: 2, 5: 1, 6: 1, 7: 0, 9: 1, 11: 2, 12: 2 });
  });

  it('counts the outcomes of #if chains, #foreach loops and printed references that can be empty', () => {
    const cov = coverage();
    const t = compileTemplate(TEMPLATE, { coverage: cov, origin: 'pet.vtl' });
    t.render({ body: { name: 'Rex', tag: 'a', items: [1, 2] } });
    t.render({ body: { tag: 'c' } });
    expect(branchesOf(cov.data())).toEqual([
      '3:12 reference $n with a value=1 | $n empty=1',
      '4:1 if #if line 4=1 | #elseif line 6=0 | #else=1',
      '11:13 foreach loop body ran=1 | loop body skipped=1',
      '11:52 reference $i with a value=2 | $i empty=0',
      '11:55 if #if line 11=1 | no branch taken=1',
    ]);
  });

  it('adds up renders of every compile of the same template, and forgets on reset()', () => {
    const cov = coverage();
    compileTemplate("#if($input.path('$.a') == 1)A#end", { coverage: cov, origin: 'a.vtl' }).render({ body: { a: 1 } });
    compileTemplate("#if($input.path('$.a') == 1)A#end", { coverage: cov, origin: 'a.vtl' }).render({ body: {} });
    expect(cov.size).toBe(1);
    expect(branchesOf(cov.data())).toEqual(['1:1 if #if line 1=1 | no branch taken=1']);
    cov.reset();
    expect(branchesOf(cov.data())).toEqual(['1:1 if #if line 1=0 | no branch taken=0']);
  });

  it('keeps a template compiled from a string with no file under its hash, with its text', () => {
    const cov = coverage();
    compileTemplate('hello', { coverage: cov }).render();
    const [file] = cov.data().files;
    expect(file!.file).toMatch(/^<template [0-9a-f]{16}>$/);
    expect(file!.source).toBe('hello');
  });

  it('keeps text after a comment on its own line', () => {
    const cov = coverage();
    compileTemplate('a ## note\nb ## note\nc\n#* a\n block *#d\n\\$e\n', { coverage: cov, origin: 'c.vtl' }).render();
    expect(Object.keys(linesOf(cov.data())).map(Number)).toEqual([1, 2, 3, 5, 6]);
  });

  it('counts nothing for a template that does not parse', () => {
    const cov = coverage();
    expect(() => compileTemplate('#if(', { coverage: cov })).toThrow();
    expect(cov.size).toBe(0);
  });

  it('stops adding templates past its limits (how many, how much text), and says how many it left out', () => {
    const cov = coverage({ maxTemplates: 2 });
    for (const n of [1, 2, 3, 4]) compileTemplate(`t${n}`, { coverage: cov }).render();
    expect(cov.size).toBe(2);
    expect(cov.skipped).toBe(2);
    const small = coverage({ maxCharacters: 10 });
    for (const t of ['12345', '67890', 'x']) compileTemplate(t, { coverage: small }).render();
    expect([small.size, small.skipped]).toEqual([2, 1]);
  });

  it('rejects options that are not a collector or an origin, with a typed error', () => {
    expect(() => compileTemplate('x', { coverage: {} as never })).toThrow(/options.coverage must be a collector/);
    expect(() => compileTemplate('x', { origin: 42 as never })).toThrow(/options.origin must be a file name/);
  });

  it('renders the same output with and without counters', () => {
    const input = { body: { name: 'Rex', tag: 'b', items: ['x'] } };
    expect(compileTemplate(TEMPLATE, { coverage: coverage() }).render(input).body).toBe(compileTemplate(TEMPLATE).render(input).body);
  });

  it('collects into the test run collector when one is installed, and into nothing otherwise', () => {
    const cov = coverage();
    setAmbientCoverage(cov);
    try {
      compileTemplate('a', { origin: 'x.vtl' }).render();
    } finally {
      setAmbientCoverage(undefined);
    }
    compileTemplate('b', { origin: 'y.vtl' }).render();
    expect(cov.data().files.map((f) => f.file)).toEqual(['x.vtl']);
  });
});

describe('coverage reports', () => {
  const cov = coverage();
  const t = compileTemplate('#if($input.path(\'$.a\'))\n  "a"\n#end\n$input.json(\'$\')', { coverage: cov, origin: 'templates/a.vtl' });
  t.render({ body: { a: 1 } });

  it('writes lcov: BRDA per outcome, DA per line, totals, one record per file', () => {
    expect(lcovReport(cov.data())).toBe(
      ['TN:', 'SF:templates/a.vtl', 'BRDA:1,0,0,1', 'BRDA:1,0,1,0', 'BRF:2', 'BRH:1', 'DA:1,1', 'DA:2,1', 'DA:4,1', 'LF:3', 'LH:3', 'end_of_record', ''].join('\n'),
    );
  });

  it('marks a branch point never reached with "-"', () => {
    const c = coverage();
    compileTemplate('#if($a)#if($b)x#end#end', { coverage: c, origin: 'n.vtl' }).render({});
    expect(lcovReport(c.data())).toContain('BRDA:1,1,0,1\nBRDA:1,1,1,0');
    const never = coverage();
    compileTemplate('#if(false)#if($b)x#end#end', { coverage: never, origin: 'n.vtl' }).render({});
    expect(lcovReport(never.data())).toContain('BRDA:1,1,0,-\nBRDA:1,1,1,-');
  });

  it('summarises as text, naming the lines and outcomes that never ran', () => {
    expect(textReport(cov.data())).toBe(
      ['File             Lines            Branches', 'templates/a.vtl  100.0% 3/3        50.0% 1/2', '    line 1: never taken: no branch taken', ''].join('\n'),
    );
  });

  it('refuses to merge what is not coverage data, with a typed error', () => {
    expect(() => mergeCoverage({ format: 'apigw-vtl-coverage', version: 1, files: [{ file: 'x', lines: 'no' }] } as never)).toThrow(/run 1 is not apigw-vtl coverage data/);
  });

  it('merges runs by summing, without changing them', () => {
    const a = cov.data();
    const b = cov.data();
    const merged = mergeCoverage(a, b);
    expect(merged.files[0]!.lines.map((l) => l.count)).toEqual([2, 2, 2]);
    expect(a.files[0]!.lines.map((l) => l.count)).toEqual([1, 1, 1]);
  });
});
