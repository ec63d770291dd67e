/**
 * A property of a template over many generated requests, runnable as a one-liner in any test runner:
 * `rendersValidJson(template).assert()` throws a {@link TemplatePropertyError} whose message is the shrunk
 * counterexample, the rendered output and where the problem is in it.
 */
import fc from 'fast-check';
import type { RenderInput, RenderResult } from '../../gateway/request.js';
import { compileTemplate, type CompiledTemplate, type RenderOptions } from '../../template.js';
import type { Position } from '../../vtl/ast.js';
import { VtlBodyError, VtlError } from '../../vtl/errors.js';
import { inputsFor, type InputOptions } from './inputs.js';
import { DEFAULT_MINIMISE_BUDGET, minimiseInput } from './minimise.js';
import { failureReport, type Problem } from './report.js';
import { templatePositionOf } from './template-position.js';

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
  /**
   * After fast-check's shrinking, drop every body field, parameter, stage variable and the `$context`
   * the failure does not need (see minimise.ts), so the counterexample shows what the template reads.
   */
  minimise?: boolean | MinimiseOptions;
  /**
   * A {@link VtlBodyError} is API Gateway's own 400 for a body that is not JSON, not a template bug:
   * with this, it passes (for properties run on bodies outside a model, non-JSON text included).
   */
  acceptBodyErrors?: boolean;
  /**
   * Called after each input the property tried, with how many it has tried so far; shrinking a failure
   * tries more past `numRuns`. For progress indicators (the playground's worker posts it to the page).
   */
  onRun?: (runs: number) => void;
}

export interface MinimiseOptions {
  /** Inputs the minimised counterexample may become (e.g. only bodies inside the model); default all. */
  keep?: (input: RenderInput) => boolean;
  /** Renders allowed (default 300). */
  budget?: number;
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
  /**
   * Where in the template: the construct that failed, or that wrote the output where the problem is.
   * Undefined when the problem has no place (e.g. no statusCode anywhere in a MOCK body).
   */
  templatePosition?: Position;
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

  /** The same property with other options (inputs, minimising…): one verdict, checked on other bodies. */
  withOptions(options: CheckOptions): TemplateCheck {
    return new TemplateCheck(this.name, this.template, this.verdict, { ...this.options, ...options });
  }

  private judge(outcome: Outcome): Problem | undefined {
    if (this.options.acceptBodyErrors && outcome.error instanceof VtlBodyError) return undefined;
    return this.verdict(outcome);
  }

  /** The fast-check property, for `fc.assert` or a custom runner. */
  get property(): fc.IPropertyWithHooks<[RenderInput]> {
    const onRun = this.options.onRun;
    let runs = 0;
    return fc.property(inputsFor(this.template, this.options), (input) => {
      const problem = this.judge(this.outcome(input));
      onRun?.(++runs);
      if (problem) throw new Error(problem.message);
    });
  }

  /** The shrunk input without what the failure does not need; the same failure (message) must remain. */
  private minimised(input: RenderInput, problem: Problem): RenderInput {
    const option = this.options.minimise;
    if (!option) return input;
    const { keep, budget = DEFAULT_MINIMISE_BUDGET } = option === true ? {} : option;
    return minimiseInput(input, (candidate) => (keep?.(candidate) ?? true) && this.judge(this.outcome(candidate))?.message === problem.message, budget);
  }

  /** Runs the property; never throws for a failing property (see `failure`). */
  check(overrides: Pick<CheckOptions, 'numRuns' | 'seed' | 'path'> = {}): CheckResult {
    const numRuns = overrides.numRuns ?? this.options.numRuns ?? 200;
    const seed = overrides.seed ?? this.options.seed ?? Date.now() ^ (Math.random() * 0x7fffffff);
    const path = overrides.path ?? this.options.path;
    const details = fc.check(this.property, { numRuns, seed, path, endOnFailure: false });
    if (!details.failed || !details.counterexample) return { property: this.name, ok: true, numRuns: details.numRuns };
    const [shrunk] = details.counterexample;
    const first = this.judge(this.outcome(shrunk));
    const input = first ? this.minimised(shrunk, first) : shrunk;
    const outcome = this.outcome(input);
    const problem = this.judge(outcome) ?? { message: String(details.errorInstance ?? 'the property failed') };
    const output = outcome.result?.body;
    const templatePosition = templatePositionOf(this.template, input, { output, error: outcome.error }, problem, this.options.render);
    const run = { numRuns: details.numRuns, seed: details.seed, path: details.counterexamplePath ?? undefined };
    const failure: PropertyFailure = {
      property: this.name,
      input,
      output,
      problem,
      templatePosition,
      seed: details.seed,
      path: run.path,
      report: failureReport(this.name, input, output, problem, run, problem.line === undefined ? undefined : templatePosition),
    };
    return { property: this.name, ok: false, numRuns: details.numRuns, failure };
  }

  /** Runs the property and throws a TemplatePropertyError with the counterexample when it fails. */
  assert(overrides: Pick<CheckOptions, 'numRuns' | 'seed' | 'path'> = {}): void {
    const result = this.check(overrides);
    if (result.failure) throw new TemplatePropertyError(result.failure);
  }
}
