/**
 * Test matchers for templates, runner-agnostic (`expect.extend(templateMatchers)` in vitest or jest;
 * `apigw-vtl/vitest` and `apigw-vtl/jest` register them with their types), and a snapshot serializer that
 * prints a render as text: the body verbatim, then any overrides and warnings.
 */
import type { RenderInput, RenderResult } from '../gateway/request.js';
import { parseJsonText, RenderedJsonError } from '../json-result.js';
import { compileTemplate, type CompiledTemplate } from '../template.js';
import type { JsonSchema } from './json-schema/validate.js';
import { rendersJsonMatchingSchema, rendersValidJson, roundTripsField, type RoundTrip, type SchemaCheckOptions } from './properties/checks.js';
import { excerpt } from './properties/report.js';
import type { CheckOptions, TemplateCheck, TemplateSource } from './properties/template-check.js';

/**
 * The part of a runner's matcher context the matchers read, typed structurally and as loosely as any
 * runner declares it: jest's `isNot` is optional (`boolean | undefined`), vitest's is required, and
 * their `equals` and `utils` take more than these matchers pass. A `this` type that asks for more would make
 * `expect.extend(templateMatchers)` fail to type-check under one runner or the other.
 */
export interface MatcherContext {
  readonly isNot?: boolean | undefined;
  equals(a: unknown, b: unknown): boolean;
  readonly utils?: {
    diff?(a: unknown, b: unknown): string | null | undefined;
    printExpected?(value: unknown): string;
    printReceived?(value: unknown): string;
  };
}

export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

function compiled(received: unknown): CompiledTemplate {
  if (typeof received === 'string') return compileTemplate(received);
  if (received !== null && typeof received === 'object' && typeof (received as CompiledTemplate).render === 'function') return received as CompiledTemplate;
  throw new TypeError('expected a template (its text or a CompiledTemplate)');
}

function render(received: unknown, input: RenderInput | undefined): RenderResult {
  return compiled(received).render(input ?? {});
}

function property(check: TemplateCheck, isNot: boolean | undefined): MatcherResult {
  const result = check.check();
  return {
    pass: result.ok,
    message: () => (isNot ? `expected the template not to satisfy "${check.name}", but it held for ${result.numRuns} inputs` : result.failure!.report),
  };
}

function jsonOf(body: string): { value?: unknown; error?: RenderedJsonError } {
  try {
    return { value: parseJsonText(body) };
  } catch (e) {
    if (e instanceof RenderedJsonError) return { error: e };
    throw e;
  }
}

export const templateMatchers = {
  /** The template renders exactly `expected` for the input. */
  toRender(this: MatcherContext, received: TemplateSource, expected: string, input?: RenderInput): MatcherResult {
    const body = render(received, input).body;
    return {
      pass: body === expected,
      message: () => (this.isNot ? `expected the template not to render ${JSON.stringify(expected)}` : `expected the template to render ${JSON.stringify(expected)}\nbut it rendered ${JSON.stringify(body)}`),
      actual: body,
      expected,
    };
  },

  /** The template renders JSON equal to `expected` (asymmetric matchers allowed) for the input. */
  toRenderJson(this: MatcherContext, received: TemplateSource, expected: unknown, input?: RenderInput): MatcherResult {
    const body = render(received, input).body;
    const { value, error } = jsonOf(body);
    if (error) {
      return { pass: false, message: () => `expected the template to render JSON, but ${error.reason} (line ${error.line}, column ${error.column}):\n${excerpt(body, error.line, error.column)}` };
    }
    const pass = this.equals(value, expected);
    return {
      pass,
      message: () =>
        pass
          ? `expected the template not to render ${JSON.stringify(expected)}`
          : `expected the template to render JSON equal to the expected value\n${this.utils?.diff?.(expected, value) ?? `expected: ${JSON.stringify(expected)}\nreceived: ${JSON.stringify(value)}`}`,
      actual: value,
      expected,
    };
  },

  /** The template renders valid JSON for the input; the message points at the error in the output. */
  toRenderValidJson(this: MatcherContext, received: TemplateSource, input?: RenderInput): MatcherResult {
    const body = render(received, input).body;
    const { error } = jsonOf(body);
    return {
      pass: !error,
      message: () =>
        error
          ? `expected valid JSON, but ${error.reason} (line ${error.line}, column ${error.column}):\n${excerpt(body, error.line, error.column)}`
          : `expected the template not to render valid JSON, but it rendered:\n${body}`,
    };
  },

  /** For every generated input, the template renders valid JSON (a property: the message is the counterexample). */
  toAlwaysRenderValidJson(this: MatcherContext, received: TemplateSource, options?: CheckOptions): MatcherResult {
    return property(rendersValidJson(compiled(received), options), this.isNot);
  },

  /** For every generated input, the template renders JSON valid against the schema. */
  toAlwaysRenderJsonMatching(this: MatcherContext, received: TemplateSource, schema: JsonSchema, options?: SchemaCheckOptions): MatcherResult {
    return property(rendersJsonMatchingSchema(compiled(received), schema, options), this.isNot);
  },

  /** For every generated input, the body's value at `field.from` comes out unchanged at `field.to`. */
  toRoundTrip(this: MatcherContext, received: TemplateSource, field: RoundTrip | string, options?: CheckOptions): MatcherResult {
    return property(roundTripsField(compiled(received), field, options), this.isNot);
  },
};

/** The matchers' types, for `declare module` augmentation (done by `apigw-vtl/vitest` and `apigw-vtl/jest`). */
export interface TemplateMatchers<R = unknown> {
  toRender(expected: string, input?: RenderInput): R;
  toRenderJson(expected: unknown, input?: RenderInput): R;
  toRenderValidJson(input?: RenderInput): R;
  toAlwaysRenderValidJson(options?: CheckOptions): R;
  toAlwaysRenderJsonMatching(schema: JsonSchema, options?: SchemaCheckOptions): R;
  toRoundTrip(field: RoundTrip | string, options?: CheckOptions): R;
}

function isRenderResult(value: unknown): value is RenderResult {
  const v = value as RenderResult | null;
  return v !== null && typeof v === 'object' && typeof v.body === 'string' && typeof v.requestOverride === 'object' && typeof v.responseOverride === 'object' && Array.isArray(v.warnings);
}

function nonEmpty(record: Record<string, unknown>): boolean {
  return Object.values(record).some((v) => v !== undefined && !(typeof v === 'object' && v !== null && Object.keys(v).length === 0));
}

/** Prints a RenderResult for snapshots: the body as it is, then overrides and warnings when there are any. */
export function renderSnapshot(result: RenderResult): string {
  const parts = [result.body];
  if (nonEmpty(result.requestOverride as unknown as Record<string, unknown>)) parts.push(`--- requestOverride ---\n${JSON.stringify(result.requestOverride, null, 2)}`);
  if (nonEmpty(result.responseOverride)) parts.push(`--- responseOverride ---\n${JSON.stringify(result.responseOverride, null, 2)}`);
  if (result.warnings.length > 0) parts.push(`--- warnings ---\n${result.warnings.join('\n')}`);
  return parts.join('\n');
}

/** A snapshot serializer (vitest / jest `addSnapshotSerializer`) for RenderResult values. */
export const renderResultSerializer = {
  test: isRenderResult,
  serialize: (value: unknown) => renderSnapshot(value as RenderResult),
};
