/**
 * A property of a template over many generated requests, runnable as a one-liner in any test runner:
 * `rendersValidJson(template).assert()` throws a {@link TemplatePropertyError} whose message is the shrunk
 * counterexample, the rendered output and where the problem is in it.
 */
import fc from 'fast-check';
import type { RenderInput, RenderResult } from '../../gateway/request.js';
import { compileTemplate, type CompiledTemplate, type RenderOptions } from '../../template.js';
import { VtlError } from '../../vtl/errors.js';
import { inputsFor, type InputOptions } from './inputs.js';
import { failureReport, type Problem } from './report.js';

export type TemplateSource = string | CompiledTemplate;

export interface CheckOptions extends InputOptions {
  /** Runs (default 200). */
  numRuns?: number;
  /** Seed, to replay a failure. */
  seed?: number;
  /** Replay path from a failure report. */
  path?: string;
  /** Render options (clock, limits). */
  render?: RenderOptions;
}

/** What one render gave: output, or the error it threw. */
export interface Outcome {
  input: RenderInput;
  result?: RenderResult;
  error?: unknown;
}

export interface PropertyFailure {
  property: string;
  /** The shrunk input. */
  input: RenderInput;
  output?: string;
  problem: Problem;
  seed: number;
  path?: string;
  /** The readable report (the TemplatePropertyError message). */
  report: string;
}

export interface CheckResult {
  property: string;
  ok: boolean;
  numRuns: number;
  failure?: PropertyFailure;
}

export class TemplatePropertyError extends Error {
  override readonly name = 'TemplatePropertyError';

  constructor(readonly failure: PropertyFailure) {
    super(failure.report);
  }
}

/** Judges one outcome: undefined when the property holds. */
export type Verdict = (outcome: Outcome) => Problem | undefined;

export function errorProblem(error: unknown): Problem {
  if (error instanceof VtlError) return { message: `${error.name}: ${error.message}` };
  return { message: `${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message ?? String(error)}` };
}

export class TemplateCheck {
  readonly template: CompiledTemplate;

  constructor(
    /** What the property says, e.g. `renders valid JSON`. */
    readonly name: string,
    template: TemplateSource,
    private readonly verdict: Verdict,
    private readonly options: CheckOptions = {},
  ) {
    this.template = typeof template === 'string' ? compileTemplate(template) : template;
  }

  private outcome(input: RenderInput): Outcome {
    try {
      return { input, result: this.template.render(input, this.options.render) };
    } catch (error) {
      return { input, error };
    }
  }

  /** The fast-check property, for `fc.assert` or a custom runner. */
  get property(): fc.IPropertyWithHooks<[RenderInput]> {
    return fc.property(inputsFor(this.template, this.options), (input) => {
      const problem = this.verdict(this.outcome(input));
      if (problem) throw new Error(problem.message);
    });
  }

  /** Runs the property; never throws for a failing property (see `failure`). */
  check(overrides: Pick<CheckOptions, 'numRuns' | 'seed' | 'path'> = {}): CheckResult {
    const numRuns = overrides.numRuns ?? this.options.numRuns ?? 200;
    const seed = overrides.seed ?? this.options.seed ?? Date.now() ^ (Math.random() * 0x7fffffff);
    const path = overrides.path ?? this.options.path;
    const details = fc.check(this.property, { numRuns, seed, path, endOnFailure: false });
    if (!details.failed || !details.counterexample) return { property: this.name, ok: true, numRuns: details.numRuns };
    const [input] = details.counterexample;
    const outcome = this.outcome(input);
    const problem = this.verdict(outcome) ?? { message: String(details.errorInstance ?? 'the property failed') };
    const output = outcome.result?.body;
    const failure: PropertyFailure = {
      property: this.name,
      input,
      output,
      problem,
      seed: details.seed,
      path: details.counterexamplePath ?? undefined,
      report: failureReport(this.name, input, output, problem, { numRuns: details.numRuns, seed: details.seed, path: details.counterexamplePath ?? undefined }),
    };
    return { property: this.name, ok: false, numRuns: details.numRuns, failure };
  }

  /** Runs the property and throws a TemplatePropertyError with the counterexample when it fails. */
  assert(overrides: Pick<CheckOptions, 'numRuns' | 'seed' | 'path'> = {}): void {
    const result = this.check(overrides);
    if (result.failure) throw new TemplatePropertyError(result.failure);
  }
}
