/**
 * The `reference` stage of `npm run conformance`: a seeded batch of generated templates and inputs,
 * rendered by apigw-vtl and by the reference renderer; every disagreement is shrunk by fast-check to a
 * minimal case and written to the report.
 */
import fc from 'fast-check';
import { renderTemplate, type RenderInput } from '../../../src/index.js';
import { renderInput } from '../../../src/testing/arbitraries/input.js';
import { templateArbitrary } from '../../../src/testing/arbitraries/template.js';
import type { CorpusResult } from '../types.js';
import { ReferenceRenderer, type ReferenceAnswer } from './client.js';

export interface ReferenceStageOptions {
  dir: string;
  count: number;
  seed: number;
  /** How many disagreements to shrink (each costs a few hundred reference calls). */
  shrink: number;
}

type Ours = { body: string } | { error: string };

const LIMITS = { maxWork: 1_000_000, maxOutputLength: 1_000_000 };

function ours(template: string, input: RenderInput): Ours {
  try {
    return { body: renderTemplate(template, input, { limits: LIMITS }).body };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/** Both fail, or both print the same text. A reference timeout counts as agreement (nothing to compare). */
function agree(a: Ours, b: ReferenceAnswer): boolean {
  if ('timeout' in b) return true;
  if ('error' in b) return 'error' in a;
  return 'body' in a && a.body === b.body;
}

export async function runReferenceStage(options: ReferenceStageOptions): Promise<CorpusResult> {
  const reference = new ReferenceRenderer(options.dir);
  const result: CorpusResult = { corpus: 'reference', passed: 0, failed: 0, failures: [] };
  const failedRuns: number[] = [];
  let run = 0;
  try {
    await fc.assert(
      fc.asyncProperty(templateArbitrary, renderInput, async (template, input) => {
        const index = run++;
        if (agree(ours(template, input), await reference.render(template, input))) result.passed++;
        else {
          result.failed++;
          failedRuns.push(index);
        }
        return true;
      }),
      { numRuns: options.count, seed: options.seed },
    );
    for (const index of failedRuns.slice(0, options.shrink)) {
      const check = await fc.check(
        fc.asyncProperty(templateArbitrary, renderInput, async (template, input) => agree(ours(template, input), await reference.render(template, input))),
        { seed: options.seed, path: String(index), numRuns: options.count },
      );
      const [template, input] = check.counterexample ?? [];
      if (template === undefined || input === undefined) continue;
      const answer = await reference.render(template, input);
      result.failures.push({
        id: `seed ${options.seed}, run ${index}`,
        expected: { template, input, reference: answer },
        actual: ours(template, input),
      });
    }
  } finally {
    reference.stop();
  }
  return result;
}
