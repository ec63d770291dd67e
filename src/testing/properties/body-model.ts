/**
 * What a "valid request" body is, for telling a template's bugs apart: bodies inside the model (the
 * method's model, a JSON Schema, the shape of an example, or — with none of those — the shape the
 * template reads), and a test of whether a body is inside, so bodies just outside it can be made.
 *
 * Without a model or an example, "inside the shape" means: every path the template reads is present,
 * with objects and lists along the way, and each value it reads is a string or a number. Missing
 * fields, nulls, booleans, objects or lists where it reads a value, and bodies that are not a JSON
 * object are outside. A template that reads no body path (or only the whole body, `$input.json('$')`)
 * has the generic shape: any JSON object. A request template for `application/x-www-form-urlencoded`
 * takes form bodies (`a=1&b=x`), and a JSON object or list is outside.
 */
import fc from 'fast-check';
import type { CompiledTemplate } from '../../template.js';
import { templateReads, type BodyShape } from '../analysis/body-shape.js';
import { jsonInShape } from '../arbitraries/body-shape.js';
import { formBody } from '../arbitraries/form-body.js';
import { jsonBody } from '../arbitraries/input.js';
import { jsonLikeExample } from '../arbitraries/json-example.js';
import { jsonFromSchema } from '../arbitraries/json-schema.js';
import { schemaValidator } from '../json-schema/validate.js';
import type { BodySource } from './inputs.js';

/** Where the model came from; says how a report names it. */
export type BodyModelKind = 'schema' | 'example' | 'template-reads' | 'any-object' | 'form' | 'custom';

export interface BodyModel {
  kind: BodyModelKind;
  /** Bodies inside the model (JSON text). */
  inside: fc.Arbitrary<string>;
  /**
   * Whether a body is inside; absent when the model cannot tell (a caller's own arbitrary), and then
   * no body outside it is generated.
   */
  contains?: (body: string | undefined) => boolean;
  /** Bodies outside, when they are not best made by changing one inside (see `bodiesOutside`). */
  outside?: fc.Arbitrary<string>;
}

export interface BodyModelOptions {
  /**
   * The request's media type. A template for `application/x-www-form-urlencoded` without a model gets
   * form bodies (`a=1&b=x`); a JSON object sent to it is outside.
   */
  mediaType?: string;
}

function parsed(body: string | undefined): { value: unknown } | undefined {
  if (body === undefined) return undefined;
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Inside the shape a template reads (see the file comment). */
export function fitsShape(value: unknown, shape: BodyShape): boolean {
  switch (shape.kind) {
    case 'any':
      return typeof value === 'string' || typeof value === 'number';
    case 'array':
      return Array.isArray(value) && value.every((item) => fitsShape(item, shape.item));
    case 'object':
      return isObject(value) && [...shape.fields].every(([key, s]) => Object.hasOwn(value, key) && fitsShape(value[key], s));
  }
}

/**
 * Of the example's shape: every key of the example is there (more are allowed) with a value of the same
 * JSON type; a list's items are shaped like the example's first; where the example has null, null or a
 * string (what an example's null usually stands for).
 */
export function fitsExample(value: unknown, example: unknown): boolean {
  if (example === null) return value === null || typeof value === 'string';
  if (Array.isArray(example)) return Array.isArray(value) && (example.length === 0 || value.every((item) => fitsExample(item, example[0])));
  if (isObject(example)) return isObject(value) && Object.entries(example).every(([key, v]) => Object.hasOwn(value, key) && fitsExample(value[key], v));
  return typeof value === typeof example;
}

function judged(test: (value: unknown) => boolean): (body: string | undefined) => boolean {
  return (body) => {
    const json = parsed(body);
    return json !== undefined && test(json.value);
  };
}

function parsedExample(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new TypeError(`the example body is not JSON text (${(e as Error).message})`);
  }
}

/**
 * The model of a body source; without one, the shape `template` reads.
 * @throws TypeError when a schema cannot be generated from (see `jsonFromSchema`), or an example is not JSON
 */
export function bodyModelOf(source: BodySource | undefined, template: CompiledTemplate, options: BodyModelOptions = {}): BodyModel {
  if (source instanceof fc.Arbitrary) return { kind: 'custom', inside: source };
  if (source && 'schema' in source) {
    const validate = schemaValidator(source.schema, source.definitions);
    return { kind: 'schema', inside: jsonFromSchema(source.schema, { definitions: source.definitions }), contains: judged((v) => validate(v).valid) };
  }
  if (source && 'example' in source) {
    // As jsonLikeExample takes it: a parsed JSON value, or JSON text.
    const example = typeof source.example === 'string' ? parsedExample(source.example) : source.example;
    return { kind: 'example', inside: jsonLikeExample(source.example, { missingKeys: 0, nulls: 0 }), contains: judged((v) => fitsExample(v, example)) };
  }
  if (/^application\/x-www-form-urlencoded\b/i.test(options.mediaType ?? '')) {
    return { kind: 'form', inside: formBody, contains: (body) => !judged((v) => v !== null && typeof v === 'object')(body), outside: jsonBody };
  }
  const shape = templateReads(template.source).body;
  // `$input.json('$')` reads the whole body as one value: any object is inside that.
  if (!shape || shape.kind === 'any') return { kind: 'any-object', inside: jsonBody, contains: judged(isObject) };
  return { kind: 'template-reads', inside: jsonInShape(shape), contains: judged((v) => fitsShape(v, shape)) };
}
