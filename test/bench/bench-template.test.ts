import { describe, expect, it } from 'vitest';
import { benchTemplate, svgChart, textChart, VtlError } from '../../src/index.js';

/** A clock that moves 1 ms per reading: timings are deterministic, so the report's arithmetic is testable. */
const steppingClock = () => {
  let t = 0;
  return () => (t += 1);
};

const TEMPLATE = '#set($r = $input.path(\'$\'))[#foreach($i in $r.items)$i.id#if($foreach.hasNext),#end#end]';

describe('benchTemplate', () => {
  it('reports renders/s, latency, allocation and output size per body size, and the growth', () => {
    const report = benchTemplate(TEMPLATE, { input: { body: '{"items":[{"id":1},{"id":2}]}' }, sizes: [1024, 8192], timeMs: 20, minSamples: 5, clock: steppingClock() });
    expect(report.cases.map((c) => c.label)).toEqual(['1 KB body', '8 KB body']);
    expect(report.cases[0]!.bodyBytes).toBeGreaterThanOrEqual(1024);
    for (const c of report.cases) {
      expect(c.samples).toBeGreaterThanOrEqual(5);
      expect(c.medianMs).toBeGreaterThan(0);
      expect(c.rendersPerSecond).toBeCloseTo(1000 / c.medianMs, 6);
      expect(c.p99Ms).toBeGreaterThanOrEqual(c.medianMs);
      expect(c.allocatedBytes).toBeGreaterThan(0);
      expect(c.work).toBeGreaterThan(0);
    }
    // Allocation and output follow the body: eight times the items, about eight times the bytes.
    expect(report.cases[1]!.allocatedBytes / report.cases[0]!.allocatedBytes).toBeGreaterThan(6);
    expect(report.cases[1]!.outputBytes).toBeGreaterThan(report.cases[0]!.outputBytes * 6);
    expect(report.growth?.statement).toMatch(/exponent/);
  });

  it('compares two templates over the same inputs with a rank test', () => {
    const report = benchTemplate(TEMPLATE, { input: { body: '{"items":[{"id":1}]}' }, compare: '$input.body', timeMs: 20, minSamples: 10, clock: steppingClock() });
    expect(report.comparison).toHaveLength(1);
    const c = report.comparison![0]!;
    // Same fake timings for both: nothing to tell them apart.
    expect(c.significant).toBe(false);
    expect(c.statement).toMatch(/no significant difference/);
    expect(textChart(report)).toMatch(/^A .*\nB /);
    const svg = svgChart(report);
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('A solid, B dashed');
  });

  it('on the real clock, a template doing much more work is reported significantly slower', () => {
    const heavy = '#foreach($i in [1..400])#set($t = "$i")#set($s = $t.replaceAll("[0-9]", "x"))#end$s';
    const report = benchTemplate('ok', { compare: heavy, timeMs: 150, minSamples: 20 });
    const c = report.comparison![0]!;
    expect(c.ratio).toBeGreaterThan(1);
    expect(c.significant).toBe(true);
    expect(c.statement).toMatch(/^B is [\d.]+× slower than A/);
  });

  it('a template that fails throws its error before any timing; bad sizes are typed errors', () => {
    expect(() => benchTemplate('$util.parseJson("{")', { timeMs: 10 })).toThrow(VtlError);
    expect(() => benchTemplate('x', { sizes: [-1] })).toThrow(/byte counts/);
    expect(() => benchTemplate('x', { input: { body: 'not json' }, sizes: [100] })).toThrow(/must be JSON/);
  });

  it('svg text is escaped', () => {
    const report = benchTemplate('x', { timeMs: 5, minSamples: 2, clock: steppingClock() });
    expect(svgChart(report, '<script>')).not.toContain('<script>');
  });
});
