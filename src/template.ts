/**
 * The public entry points: compile a mapping template once, render it many times.
 */
import { Meter } from './java/meter.js';
import { PatternCache } from './java/regex/index.js';
import { JavaMap } from './java/values.js';
import { buildContext, type ContextOptions } from './gateway/context.js';
import { InputObject } from './gateway/input.js';
import { buildParameters, userAgentOf } from './gateway/parameters.js';
import { createOverrideMaps, requestOverridesOf, responseOverridesOf, type OverrideMaps } from './gateway/overrides.js';
import type { RenderInput, RenderResult } from './gateway/request.js';
import { UTIL } from './gateway/util/util-object.js';
import { bodyText, checkContextOptions, validateInput } from './gateway/validate-input.js';
import { JsonPathCache } from './gateway/jsonpath/cache.js';
import { compileBlock } from './vtl/compiler/compile.js';
import { CompileContext } from './vtl/compiler/context.js';
import { InvalidInputError, VtlError, VtlLimitError } from './vtl/errors.js';
import { parseTemplate } from './vtl/parser/parse.js';
import { compileGuarded } from './vtl/parser/limits.js';
import { Frame, type Render } from './vtl/runtime/frame.js';
import { TracingFrame, type OutputSpan } from './vtl/runtime/tracing-frame.js';
import { locate } from './vtl/runtime/failures.js';
import { ControlSignal } from './vtl/runtime/control-signal.js';
import { checkLimits, DEFAULT_LIMITS, MAX_TEMPLATE_BYTES, type RenderLimits } from './vtl/runtime/limits.js';
import { parseJsonText } from './json-result.js';
import type { CoverageCollector, CoverageSink } from './coverage/collector.js';
import { ambientCoverage } from './coverage/ambient.js';
import { ownFile, type TemplateOrigin } from './definitions/template-origin.js';
import { utf8Length } from './platform/utf8-length.js';

export interface CompileOptions {
  /** Limits applied to every render of this template (each render may tighten or loosen them). */
  limits?: Partial<RenderLimits>;
  /**
   * Count which lines and branches of this template run, into this collector (see {@link coverage}).
   * Without it, a test run's collector is used when `apigw-vtl/vitest` or `apigw-vtl/jest` collects
   * coverage; otherwise the template is compiled without counters and renders at full speed.
   */
  coverage?: CoverageCollector;
  /**
   * Where the template comes from, for coverage reports: a file name (`templates/get-pet.vtl`), or the
   * origin of a template inline in a definition (`mappingTemplatesOf(api)[i].origin`).
   */
  origin?: string | TemplateOrigin;
}

export interface RenderOptions extends ContextOptions {
  limits?: Partial<RenderLimits>;
}

const START = { line: 1, column: 1 };

/** A template compiled to closures: render it as often as needed, it never re-parses. */
export class CompiledTemplate {
  private readonly renderBody: Render;
  private readonly slotCount: number;
  private readonly inputSlot: number;
  private readonly utilSlot: number;
  private readonly contextSlot: number;
  private readonly stageVariablesSlot: number;
  private readonly limits: RenderLimits;
  private readonly uses: { input: boolean; context: boolean; stageVariables: boolean };
  /** Compiled regexes and parsed JSONPaths, reused across renders; bounded, and owned by this template. */
  private readonly patterns = new PatternCache();
  private readonly paths = new JsonPathCache();

  /** @internal Use {@link compileTemplate}. */
  constructor(
    /** The template text. */
    readonly source: string,
    options: CompileOptions = {},
  ) {
    if (typeof source !== 'string') throw new InvalidInputError('the template must be a string');
    if (utf8Length(source) > MAX_TEMPLATE_BYTES) {
      throw new VtlLimitError(`the template is larger than API Gateway's limit of 300 KB`, START, 'template-size');
    }
    const ctx = new CompileContext();
    const sink = coverageSinkOf(options) ?? ambientCoverage();
    const origin = originOption(options.origin);
    this.inputSlot = ctx.slots.slot('input');
    this.utilSlot = ctx.slots.slot('util');
    this.contextSlot = ctx.slots.slot('context');
    this.stageVariablesSlot = ctx.slots.slot('stageVariables');
    ctx.slots.requested.clear();
    this.renderBody = compileGuarded(() => {
      const nodes = parseTemplate(source);
      // Only a template that parses is counted: one that does not has no lines that could run.
      if (sink) ctx.coverage = sink.probesFor(source, origin);
      return compileBlock(nodes, ctx);
    });
    this.slotCount = ctx.slots.size;
    // What a render must build: API Gateway's variables the template never names are left out.
    this.uses = { input: ctx.slots.requested.has('input'), context: ctx.slots.requested.has('context'), stageVariables: ctx.slots.requested.has('stageVariables') };
    this.limits = { ...DEFAULT_LIMITS, ...checkLimits(options.limits, 'options.limits') };
  }

  /**
   * Renders the template for one request.
   * @throws VtlRuntimeError when rendering fails (API Gateway: 500), VtlBodyError when the template reads
   *   a malformed JSON body (API Gateway: 400), VtlLimitError when a safety limit stops the template.
   */
  render(input: RenderInput = {}, options: RenderOptions = {}): RenderResult {
    return this.run(input, options, undefined);
  }

  /**
   * @internal Renders and reports which template position wrote each piece of the output (the testing
   * kit places a problem found in the output at the template line that wrote it). The spans are filled
   * even when the render fails.
   */
  renderTraced(input: RenderInput, options: RenderOptions, spans: OutputSpan[]): RenderResult {
    return this.run(input, options, spans);
  }

  private run(input: RenderInput, options: RenderOptions, spans: OutputSpan[] | undefined): RenderResult {
    validateInput(input);
    checkContextOptions(options, 'options');
    const limits: RenderLimits = options.limits ? { ...this.limits, ...checkLimits(options.limits, 'options.limits') } : this.limits;
    const meter = new Meter(limits);
    const frame = spans ? new TracingFrame(this.slotCount, limits, meter, this.patterns, spans) : new Frame(this.slotCount, limits, meter, this.patterns);
    if (this.uses.input) {
      const text = bodyText(input.body);
      frame.vars[this.inputSlot] = new InputObject(text === '' ? '{}' : text, () => buildParameters(input.path, input.query, input.headers), meter, this.paths);
    }
    frame.vars[this.utilSlot] = UTIL;
    let overrides: OverrideMaps | undefined;
    if (this.uses.context) {
      const built = buildContext(input.context, userAgentOf(input.headers), input.path ?? {}, options, meter);
      frame.vars[this.contextSlot] = built.context;
      overrides = built.overrides;
    }
    if (this.uses.stageVariables) {
      const stageVariables = new JavaMap('hash');
      for (const [k, v] of Object.entries(input.stageVariables ?? {})) stageVariables.set(k, String(v));
      frame.vars[this.stageVariablesSlot] = stageVariables;
    }

    try {
      try {
        this.renderBody(frame);
      } catch (e) {
        // #stop (or #break outside a loop) inside a string literal ends the template, as it does outside one.
        if (!(e instanceof ControlSignal)) throw e;
      }
      const body = frame.out;
      // A template that never names $context cannot have changed the overrides: they are the presets.
      overrides ??= createOverrideMaps(input.context?.requestOverride, input.context?.responseOverride, meter);
      return {
        body,
        json: () => parseJsonText(body),
        requestOverride: requestOverridesOf(overrides, meter),
        responseOverride: responseOverridesOf(overrides, meter, (message) => frame.warn(message)),
        warnings: [...frame.warnings],
        cost: { work: Math.ceil(meter.work), memory: Math.ceil(meter.memory) },
      };
    } catch (e) {
      // A caller's value that cannot be used (a preset override that contains itself) stays the caller's error.
      throw e instanceof VtlError || e instanceof InvalidInputError ? e : locate(e, START, 'rendering');
    }
  }

  /** @internal How many compiled patterns and parsed paths this template keeps (for tests of boundedness). */
  get cacheSizes(): { patterns: number; paths: number } {
    return { patterns: this.patterns.size, paths: this.paths.size };
  }
}

function coverageSinkOf(options: CompileOptions): CoverageSink | undefined {
  const sink = options.coverage;
  if (sink === undefined) return undefined;
  if (typeof (sink as Partial<CoverageSink> | null)?.probesFor !== 'function') throw new InvalidInputError('options.coverage must be a collector made by coverage()');
  return sink;
}

function originOption(origin: CompileOptions['origin']): TemplateOrigin | undefined {
  if (origin === undefined) return undefined;
  if (typeof origin === 'string') return ownFile(origin);
  let file: unknown;
  let at: unknown;
  try {
    file = (origin as Partial<TemplateOrigin> | null)?.file;
    at = (origin as Partial<TemplateOrigin> | null)?.at;
  } catch {
    file = undefined;
  }
  if (typeof file !== 'string' || typeof at !== 'function') throw new InvalidInputError('options.origin must be a file name or a template origin ({ file, at })');
  const map = at as TemplateOrigin['at'];
  // A caller's mapping that throws or answers nonsense leaves the position as it is in the template.
  const checked = (p: { line: number; column: number }) => {
    try {
      const r = map.call(origin, { line: p.line, column: p.column });
      return r && Number.isSafeInteger(r.line) && Number.isSafeInteger(r.column) && r.line >= 1 && r.column >= 1 ? { line: r.line, column: r.column } : p;
    } catch {
      return p;
    }
  };
  return { file, at: checked };
}

/**
 * Compiles a mapping template.
 * @throws VtlSyntaxError (with `line` and `column`) when the template does not parse;
 *   VtlLimitError when it is over API Gateway's 300 KB limit.
 */
export function compileTemplate(source: string, options?: CompileOptions): CompiledTemplate {
  return new CompiledTemplate(source, options);
}

/** Compiles and renders in one call (compile once with {@link compileTemplate} to render many times). */
export function renderTemplate(source: string, input?: RenderInput, options?: RenderOptions & CompileOptions): RenderResult {
  return compileTemplate(source, options).render(input, options);
}
