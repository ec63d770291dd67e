/** Invariants of the analysis tools over generated templates: they never change what renders, never crash. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes, compileTemplate, coverage, lintTemplate, VtlError } from '../../src/index.js';
import { templateArbitrary } from './template-arbitrary.js';

function outcome(render: () => string): string {
  try {
    return `ok:${render()}`;
  } catch (e) {
    if (e instanceof VtlError) return `error:${e.message}`;
    throw e;
  }
}

const input = { body: '{"a": [1, "x"], "s": "it\'s"}', query: { q: 'v' } };

describe('properties of coverage and lint', () => {
  it('a template renders the same with coverage counters as without', () => {
    fc.assert(
      fc.property(templateArbitrary, (source) => {
        let plain;
        try {
          plain = compileTemplate(source);
        } catch (e) {
          if (e instanceof VtlError) return;
          throw e;
        }
        const counted = compileTemplate(source, { coverage: coverage(), origin: 'generated.vtl' });
        expect(outcome(() => counted.render(input).body)).toBe(outcome(() => plain.render(input).body));
      }),
      { numRuns: 300 },
    );
  });

  it('coverage data lists only lines of the template, with counts that never go negative', () => {
    fc.assert(
      fc.property(templateArbitrary, (source) => {
        const collector = coverage();
        try {
          compileTemplate(source, { coverage: collector, origin: 'g.vtl' }).render(input);
        } catch (e) {
          if (!(e instanceof VtlError)) throw e;
        }
        const lineCount = source.split(/\r\n|\r|\n/).length;
        for (const f of collector.data().files) {
          for (const l of f.lines) expect(l.line >= 1 && l.line <= lineCount && l.count >= 0).toBe(true);
          for (const b of f.branches) expect(b.line >= 1 && b.line <= lineCount && b.outcomes.every((o) => o.count >= 0)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lint never throws on a template, and applying its fixes leaves a template that parses as well as before', () => {
    fc.assert(
      fc.property(templateArbitrary, (source) => {
        const findings = lintTemplate(source);
        for (const f of findings) expect(f.line >= 1 && f.column >= 1).toBe(true);
        const parsedBefore = !findings.some((f) => f.rule === 'syntax-error');
        const fixed = applyFixes(source, findings).text;
        if (parsedBefore) expect(lintTemplate(fixed).some((f) => f.rule === 'syntax-error')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
