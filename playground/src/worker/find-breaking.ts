/**
 * "Find a breaking input": one of the testing kit's properties over generated requests, with
 * progress, returning the shrunk and minimised counterexample as plain data.
 */
import { compileTemplate, type RenderInput } from '../../../src/browser.js';
import { rendersValidJson, rendersWithoutError, roundTripsField, type CheckOptions, type TemplateCheck } from '../../../src/testing/index.js';
import type { FindOutcome, PropertyChoice } from '../protocol.js';
import { errorReport } from './error-report.js';

export interface FindOptions {
  numRuns: number;
  seed?: number;
  /** Called with the inputs tried so far (shrinking goes past numRuns). */
  onProgress?: (runs: number) => void;
}

function propertyFor(template: string, choice: PropertyChoice, options: CheckOptions): TemplateCheck {
  const compiled = compileTemplate(template);
  switch (choice.kind) {
    case 'renders-without-error':
      return rendersWithoutError(compiled, options);
    case 'renders-valid-json':
      return rendersValidJson(compiled, options);
    case 'round-trips-field':
      return roundTripsField(compiled, choice.to ? { from: choice.from, to: choice.to } : choice.from, options);
  }
}

export function findBreakingInput(template: string, choice: PropertyChoice, options: FindOptions): FindOutcome {
  try {
    // A body that is not JSON is API Gateway's own 400, not a bug of the template: it passes.
    const check = propertyFor(template, choice, { minimise: true, acceptBodyErrors: true, onRun: options.onProgress });
    const result = check.check({ numRuns: options.numRuns, ...(options.seed === undefined ? {} : { seed: options.seed }) });
    if (!result.failure) return { ok: true, property: result.property, numRuns: result.numRuns };
    const f = result.failure;
    return {
      ok: false,
      counterexample: {
        property: f.property,
        input: withoutEmptyRecords(f.input),
        ...(f.output === undefined ? {} : { output: f.output }),
        problem: f.problem.message,
        ...(f.templatePosition ? { place: f.templatePosition } : {}),
        seed: f.seed,
        report: f.report,
      },
    };
  } catch (error) {
    return { ok: false, error: errorReport(error) };
  }
}

/** The counterexample without the `{}` records minimising left behind: what the request panes show. */
function withoutEmptyRecords(input: RenderInput): RenderInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const empty = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
    if (!empty || key === 'body') out[key] = value;
  }
  return out as RenderInput;
}
