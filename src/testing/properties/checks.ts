/** The ready-made properties. Each takes a template (text or compiled) and options for its inputs. */
import { parseJsonPath } from '../../gateway/jsonpath/parse-path.js';
import { parseJsonPermissive } from '../../java/json-parse.js';
import { toJsonText } from '../../java/json-write.js';
import { unlimitedMeter } from '../../java/meter.js';
import { parseJsonText, RenderedJsonError } from '../../json-result.js';
import { MOCK_STATUS_ERROR, mockStatus } from '../../integration/mock.js';
import { schemaValidator, type JsonSchema } from '../json-schema/validate.js';
import type { Problem } from './report.js';
import { errorProblem, TemplateCheck, type CheckOptions, type Outcome, type TemplateSource } from './template-check.js';

function parsedOutput(outcome: Outcome): { value?: unknown; problem?: Problem } {
  if (outcome.error !== undefined) return { problem: errorProblem(outcome.error) };
  try {
    return { value: parseJsonText(outcome.result!.body) };
  } catch (e) {
    if (e instanceof RenderedJsonError) return { problem: { message: e.reason, line: e.line, column: e.column } };
    throw e;
  }
}

/** The template renders for every input (no VTL error; a body error counts, as on AWS it is a 400). */
export function rendersWithoutError(template: TemplateSource, options?: CheckOptions): TemplateCheck {
  return new TemplateCheck('renders without error', template, (o) => (o.error === undefined ? undefined : errorProblem(o.error)), options);
}

/** The template renders, and what it renders parses as JSON. */
export function rendersValidJson(template: TemplateSource, options?: CheckOptions): TemplateCheck {
  return new TemplateCheck('renders valid JSON', template, (o) => parsedOutput(o).problem, options);
}

export interface SchemaCheckOptions extends CheckOptions {
  /** Schemas the schema's `$ref`s name (API Gateway models, OpenAPI components). */
  definitions?: Record<string, JsonSchema>;
}

/** The template renders JSON valid against a JSON Schema (draft-04, like API Gateway models). */
export function rendersJsonMatchingSchema(template: TemplateSource, schema: JsonSchema, options: SchemaCheckOptions = {}): TemplateCheck {
  const validate = schemaValidator(schema, options.definitions);
  return new TemplateCheck(
    'renders JSON matching the schema',
    template,
    (o) => {
      const parsed = parsedOutput(o);
      if (parsed.problem) return parsed.problem;
      const result = validate(parsed.value);
      return result.valid ? undefined : { message: `the output does not match the schema: ${result.errors.join('; ')}` };
    },
    options,
  );
}

const MISSING = Symbol('missing');

/** A definite JSONPath (`$.a.b[0]`) read from plain JSON. */
function at(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const segment of parseJsonPath(path).segments) {
    if (segment.kind === 'property') {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, segment.name)) return MISSING;
      current = (current as Record<string, unknown>)[segment.name];
    } else if (segment.kind === 'index') {
      if (!Array.isArray(current) || segment.index >= current.length || segment.index < 0) return MISSING;
      current = current[segment.index];
    } else throw new TypeError(`roundTripsField needs a definite path (no wildcards or filters): ${path}`);
  }
  return current;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface RoundTrip {
  /** JSONPath into the request body, e.g. `$.name`. */
  from: string;
  /** JSONPath into the rendered JSON (default: the same path). */
  to?: string;
}

/**
 * The value at `from` in the body comes out unchanged at `to` in the rendered JSON (when the body has a
 * non-null value there): what "escapes correctly" means for a string field.
 */
export function roundTripsField(template: TemplateSource, field: RoundTrip | string, options?: CheckOptions): TemplateCheck {
  const { from, to = from } = typeof field === 'string' ? { from: field } : field;
  at({}, from);
  at({}, to);
  return new TemplateCheck(
    `round-trips ${from}${to === from ? '' : ` to ${to}`}`,
    template,
    (o) => {
      // The body as the template sees it: read by API Gateway's JSON parser (json-smart drops control
      // characters and DEL from strings that contain escapes), not by JSON.parse.
      let body: unknown;
      try {
        const text = typeof o.input.body === 'string' ? o.input.body : JSON.stringify(o.input.body ?? null);
        body = JSON.parse(toJsonText(parseJsonPermissive(text), unlimitedMeter()));
      } catch {
        return undefined; // not a JSON body: nothing to round-trip
      }
      const sent = at(body, from);
      // API Gateway's null model: a null reads like a missing value (both print as ""), so neither round-trips.
      if (sent === MISSING || sent === null) return undefined;
      const parsed = parsedOutput(o);
      if (parsed.problem) return parsed.problem;
      const received = at(parsed.value, to);
      if (received === MISSING) return { message: `${to} is missing from the output (the body had ${JSON.stringify(sent)} at ${from})` };
      return sameJson(sent, received) ? undefined : { message: `${from} was ${JSON.stringify(sent)} but the output has ${JSON.stringify(received)} at ${to}` };
    },
    options,
  );
}

/**
 * The request template of a MOCK integration renders a body API Gateway reads an integer `statusCode`
 * from (leniently, as it does: `{statusCode: 200}` is fine, `"200"` is not).
 */
export function rendersMockStatus(template: TemplateSource, options?: CheckOptions): TemplateCheck {
  return new TemplateCheck(
    'renders a MOCK statusCode',
    template,
    (o) => {
      if (o.error !== undefined) return errorProblem(o.error);
      return mockStatus(o.result!.body) === undefined ? { message: `API Gateway cannot read an integer statusCode from this body: ${MOCK_STATUS_ERROR}` } : undefined;
    },
    options,
  );
}
