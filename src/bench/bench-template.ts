/**
 * `benchTemplate`: what a mapping template costs, measured the way the library's own benchmarks are —
 * renders per second, median and p99 latency, what a render allocates (the meter's count of the bytes
 * of the values it creates: deterministic, unlike heap snapshots), output size, how time grows with the
 * body, and an A/B comparison of two templates with a rank test.
 */
import type { RenderInput } from '../gateway/request.js';
import { compileTemplate, CompiledTemplate, type RenderOptions } from '../template.js';
import { InvalidInputError } from '../gateway/validate-input.js';
import { utf8Length } from '../platform/utf8-length.js';
import { formatSize, scaledBody } from './body-scaling.js';
import { sampleAlternating } from './measure.js';
import { growthExponent, mannWhitney, median, quantile } from './statistics.js';

export interface BenchOptions {
  /** The request to render (its body is the sample the sizes grow from). */
  input?: RenderInput;
  /** Body sizes in bytes: the body is grown to each, keeping its shape. Default: the body as given. */
  sizes?: readonly number[];
  /** A second template to compare with (A/B), rendered over the same inputs. */
  compare?: string | CompiledTemplate;
  /** Sampling time per size (ms, default 400). */
  timeMs?: number;
  /** Fewest samples per case (default 20). */
  minSamples?: number;
  /** Render options (limits, clock, request id) for every render. */
  render?: RenderOptions;
  /** Told what is being measured, for a progress line. */
  onProgress?: (text: string) => void;
  /** The clock in ms (default `performance.now`). */
  clock?: () => number;
}

export interface BenchCase {
  /** e.g. `100 KB body`. */
  label: string;
  bodyBytes: number;
  rendersPerSecond: number;
  medianMs: number;
  p99Ms: number;
  samples: number;
  /** Bytes the render allocated for values, as its meter counts them (RenderResult.cost.memory). */
  allocatedBytes: number;
  /** Units of work (RenderResult.cost.work). */
  work: number;
  outputBytes: number;
}

export interface BenchComparison {
  label: string;
  /** Median time of the compared template over this one's: above 1, the compared one is slower. */
  ratio: number;
  /** Two-sided Mann–Whitney p-value. */
  p: number;
  significant: boolean;
  /** e.g. `B is 1.32× slower than A (p < 0.001)`. */
  statement: string;
  other: BenchCase;
}

export interface BenchReport {
  cases: BenchCase[];
  /** How time grows with the body (log-log slope; 1 = linear), when several sizes were measured. */
  growth?: { exponent: number; statement: string };
  comparison?: BenchComparison[];
}

const SIGNIFICANCE = 0.01;

function compiled(t: string | CompiledTemplate): CompiledTemplate {
  return t instanceof CompiledTemplate ? t : compileTemplate(t);
}

function bodyText(input: RenderInput | undefined): string {
  const body = input?.body;
  if (body === undefined || body === null) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function caseOf(label: string, bodyBytes: number, times: number[], template: CompiledTemplate, input: RenderInput, render: RenderOptions | undefined): BenchCase {
  const result = template.render(input, render);
  const m = median(times);
  return {
    label,
    bodyBytes,
    rendersPerSecond: m > 0 ? 1000 / m : Infinity,
    medianMs: m,
    p99Ms: quantile(times, 0.99),
    samples: times.length,
    allocatedBytes: result.cost.memory,
    work: result.cost.work,
    outputBytes: utf8Length(result.body),
  };
}

function pValueText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

function growthStatement(exponent: number): string {
  if (!Number.isFinite(exponent)) return 'not enough sizes to tell how time grows';
  const kind = exponent < 1.2 ? 'linearly (or better)' : exponent < 1.6 ? 'faster than linearly' : 'about quadratically or worse';
  return `time grows ${kind} with the body (exponent ${exponent.toFixed(2)})`;
}

/**
 * Measures a template. A render that fails throws its error (a benchmark of a broken template means
 * nothing); timings are wall-clock on this machine, so compare runs made side by side.
 * @throws VtlError when the template does not compile or a render fails; InvalidInputError for bad options
 */
export function benchTemplate(template: string | CompiledTemplate, options: BenchOptions = {}): BenchReport {
  const a = compiled(template);
  const b = options.compare === undefined ? undefined : compiled(options.compare);
  const sample = bodyText(options.input);
  const sizes = options.sizes && options.sizes.length > 0 ? options.sizes : [undefined];
  for (const size of sizes) if (size !== undefined && (!Number.isFinite(size) || size < 0)) throw new InvalidInputError(`sizes must be byte counts, not ${String(size)}`);
  const clock = options.clock ?? (() => performance.now());
  const timing = { timeMs: options.timeMs ?? 400, minSamples: options.minSamples ?? 20, clock };
  const cases: BenchCase[] = [];
  const comparison: BenchComparison[] = [];
  for (const size of sizes) {
    let body = sample;
    if (size !== undefined) {
      try {
        body = scaledBody(sample, size);
      } catch (e) {
        throw new InvalidInputError(`the body must be JSON to grow it to other sizes: ${(e as Error).message}`);
      }
    }
    const input: RenderInput = { ...options.input, body };
    const bytes = utf8Length(body);
    const label = bytes === 0 ? 'empty body' : `${formatSize(bytes)} body`;
    options.onProgress?.(`measuring ${label}${b ? ' (A/B)' : ''}…`);
    // One render first: a failing template throws here, before any timing.
    a.render(input, options.render);
    b?.render(input, options.render);
    const runs = [() => void a.render(input, options.render)];
    if (b) runs.push(() => void b.render(input, options.render));
    const [timesA, timesB] = sampleAlternating(runs, timing);
    const caseA = caseOf(label, bytes, timesA!, a, input, options.render);
    cases.push(caseA);
    if (b && timesB) {
      const caseB = caseOf(label, bytes, timesB, b, input, options.render);
      const test = mannWhitney(timesA!, timesB);
      const ratio = caseB.medianMs / caseA.medianMs;
      const significant = test.p < SIGNIFICANCE;
      const direction = ratio >= 1 ? `${ratio.toFixed(2)}× slower than` : `${(1 / ratio).toFixed(2)}× faster than`;
      const statement = significant ? `B is ${direction} A (${pValueText(test.p)})` : `no significant difference (B/A ${ratio.toFixed(2)}×, ${pValueText(test.p)})`;
      comparison.push({ label, ratio, p: test.p, significant, statement, other: caseB });
    }
  }
  options.onProgress?.('');
  const report: BenchReport = { cases };
  if (cases.length > 1) {
    const exponent = growthExponent(cases.map((c) => ({ x: c.bodyBytes, y: c.medianMs })));
    report.growth = { exponent, statement: growthStatement(exponent) };
  }
  if (b) report.comparison = comparison;
  return report;
}
