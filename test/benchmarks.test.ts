import { describe, expect, it } from 'vitest';
import { handWritten } from '../benchmarks/competitors/hand-written.js';
import { velocityjsCachedAst } from '../benchmarks/competitors/velocityjs.js';
import { verify } from '../benchmarks/verify.js';
import { WORKLOADS, paged, pagedBody, withBody } from '../benchmarks/workloads.js';
import { compileTemplate } from '../src/index.js';
import { renderInput } from '../benchmarks/competitors/render-input.js';

/**
 * The benchmark compares only outputs that are byte-identical; this keeps its workloads honest as the
 * library changes: the hand-written baseline and velocityjs must keep producing exactly our output.
 */
describe('benchmark workloads', () => {
  for (const workload of WORKLOADS) {
    const variant = workload.variants[0]!;
    it(`${workload.name} (${variant.label}): the baselines render exactly what apigw-vtl renders`, () => {
      const expected = compileTemplate(workload.template).render(renderInput(variant.request)).body;
      expect(expected.length).toBeGreaterThan(10);
      for (const competitor of [handWritten, velocityjsCachedAst]) {
        expect(verify(competitor, workload, variant, expected)).toMatchObject({ renderer: expect.any(Function) });
      }
    });
  }

  it('paged (the loop-scaling chart, 250 items in pages of 100): the baselines render exactly what apigw-vtl renders', () => {
    const variant = { label: '250 items', request: withBody(pagedBody(250)) };
    const expected = compileTemplate(paged.template).render(renderInput(variant.request)).body;
    expect(expected.split('"sku"').length - 1).toBe(250);
    for (const competitor of [handWritten, velocityjsCachedAst]) {
      expect(verify(competitor, paged, variant, expected)).toMatchObject({ renderer: expect.any(Function) });
    }
  });
});
