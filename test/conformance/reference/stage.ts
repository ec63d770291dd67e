/**
 * The reference stage of `npm run conformance`: seeded batches of generated cases, one corpus per family
 * (families.ts: templates, text codecs, mutated JSON, JSONPath, large bodies), rendered by apigw-vtl and
 * by the reference renderer; disagreements are shrunk by fast-check to minimal cases for the report.
 */
import fc from 'fast-check';
import { renderTemplate, type RenderInput } from '../../../src/index.js';
import type { CorpusResult } from '../types.js';
import { ReferenceRenderer, type ReferenceAnswer } from './client.js';
import { families, type Family } from './families.js';

export interface ReferenceStageOptions {
  dir: string;
  /** Multiplies every family's default case count. */
  scale: number;
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

/** One family: its cases rendered both ways; disagreements shrunk to minimal cases for the report. */
async function runFamily(reference: ReferenceRenderer, family: Family, options: ReferenceStageOptions): Promise<CorpusResult> {
  const result: CorpusResult = { corpus: family.corpus, passed: 0, failed: 0, failures: [] };
  const failedRuns: number[] = [];
  let run = 0;
  await fc.assert(
    fc.asyncProperty(family.arbitrary, async ([template, input]) => {
      const index = run++;
      if (agree(ours(template, input), await reference.render(template, input))) result.passed++;
      else {
        result.failed++;
        failedRuns.push(index);
      }
      return true;
    }),
    { numRuns: family.count, seed: options.seed },
  );
  for (const index of failedRuns.slice(0, options.shrink)) {
    const check = await fc.check(
      fc.asyncProperty(family.arbitrary, async ([template, input]) => agree(ours(template, input), await reference.render(template, input))),
      { seed: options.seed, path: String(index), numRuns: family.count },
    );
    const [template, input] = check.counterexample?.[0] ?? [];
    if (template === undefined || input === undefined) continue;
    const answer = await reference.render(template, input);
    result.failures.push({ id: `seed ${options.seed}, run ${index}`, expected: { template, input, reference: answer }, actual: ours(template, input) });
  }
  return result;
}

/** Every family (families.ts), one corpus each, through one reference process. */
export async function runReferenceStage(options: ReferenceStageOptions): Promise<CorpusResult[]> {
  const reference = new ReferenceRenderer(options.dir);
  try {
    const results: CorpusResult[] = [];
    for (const family of families(options.scale)) results.push(await runFamily(reference, family, options));
    return results;
  } finally {
    reference.stop();
  }
}
