/** The inputs a property tries: given by the caller, or derived from what the template reads. */
import fc from 'fast-check';
import type { RenderInput } from '../../gateway/request.js';
import type { CompiledTemplate } from '../../template.js';
import { templateReads } from '../analysis/body-shape.js';
import { jsonForShape } from '../arbitraries/body-shape.js';
import { jsonBody, oddBody } from '../arbitraries/input.js';
import { jsonLikeExample } from '../arbitraries/json-example.js';
import { jsonFromSchema, type JsonSchema } from '../arbitraries/json-schema.js';
import { renderInputs, type RequestShape } from '../arbitraries/request.js';

/** Where bodies come from: an arbitrary of JSON text, a JSON Schema, or an example body. */
export type BodySource = fc.Arbitrary<string> | { schema: JsonSchema; definitions?: Record<string, JsonSchema> } | { example: unknown };

export interface InputOptions {
  /** Whole render inputs; overrides everything below. */
  input?: fc.Arbitrary<RenderInput>;
  /** The body (default: built from the JSON paths the template reads). */
  body?: BodySource;
  /** Parameters, stage variables and context (default: the parameters the template reads). */
  request?: Omit<RequestShape, 'body'>;
}

export function bodyArbitrary(source: BodySource): fc.Arbitrary<string> {
  if (source instanceof fc.Arbitrary) return source;
  if ('schema' in source) return jsonFromSchema(source.schema, { definitions: source.definitions });
  return jsonLikeExample(source.example);
}

/** What a template reads, as a request shape with a body arbitrary. */
export function inferredShape(template: CompiledTemplate): RequestShape {
  const reads = templateReads(template.source);
  const params = [...reads.params];
  const body = reads.body ? jsonForShape(reads.body) : reads.rawBody ? fc.oneof({ weight: 3, arbitrary: jsonBody }, { weight: 1, arbitrary: oddBody }) : jsonBody;
  return { body, query: params, headers: params };
}

export function inputsFor(template: CompiledTemplate, options: InputOptions): fc.Arbitrary<RenderInput> {
  if (options.input) return options.input;
  const inferred = inferredShape(template);
  return renderInputs({ ...inferred, ...options.request, body: options.body ? bodyArbitrary(options.body) : inferred.body });
}
