/**
 * Body validation (`validateRequestBody`, pipeline.md §2.3): the body is checked against the method's
 * request model for the request's media type (no Content-Type means `application/json`; a media type with
 * no model is not validated). A body that does not parse as JSON, the empty body included, fails with
 * `[Unknown error parsing request body]`; otherwise fge's messages say why. The client gets 400
 * `Invalid request body`; `$context.error.validationErrorString` holds the bracketed messages.
 */
import { decodeUtf8Java } from '../../platform/java-utf8.js';
import { headerValue } from '../../integration/headers.js';
import { mediaTypeOf } from '../../integration/media-type.js';
import type { Meter } from '../../java/meter.js';
import { gatewayError } from '../gateway-responses/gateway-error.js';
import type { RoutedState, StageResult } from '../request-state.js';
import type { ModelValidators } from './model-validators.js';
import { parseBodyJson } from './schema/parse-body.js';

export const UNPARSEABLE_BODY = 'Unknown error parsing request body';

/**
 * What the client gets while BAD_REQUEST_BODY is not customised. Spaced, like API Gateway's other
 * built-in bodies (`{"message": "Internal server error"}`): the curl output in the developer guide's
 * Lambda walkthrough reads `{"message": "Invalid request body"}`, as does the console.
 */
export const INVALID_BODY_RESPONSE = '{"message": "Invalid request body"}';

/** The request model for the request's media type: its key, schema and name. */
export interface SelectedModel {
  mediaType: string;
  schema: unknown;
  name: string | undefined;
}

/** The model the body is validated against, or undefined when none applies (the body is not validated). */
export function selectModel(state: RoutedState): SelectedModel | undefined {
  const models = state.method.requestModels;
  if (!models || typeof models !== 'object') return undefined;
  const type = mediaTypeOf(headerValue(state.request.headers, 'content-type')) ?? 'application/json';
  for (const key of Object.keys(models)) {
    if (key.toLowerCase() !== type) continue;
    const names = state.method.requestModelNames;
    const name = names && Object.hasOwn(names, key) && typeof names[key] === 'string' ? names[key] : undefined;
    return { mediaType: key, schema: models[key], name };
  }
  return undefined;
}

/**
 * API Gateway's built-in `Empty` model (or a model just as unconstraining: at most `type: object`). AWS's
 * handling of an empty body against it is UNKNOWN (§2.3); rejecting every bodiless GET of a method that
 * only has `Empty` would surprise, so an empty body passes it.
 */
function isEmptyModel(model: SelectedModel): boolean {
  if (model.name === 'Empty') return true;
  const schema = model.schema;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return false;
  return Object.entries(schema).every(([k, v]) => k === '$schema' || k === 'title' || k === 'description' || (k === 'type' && v === 'object'));
}

function bodyText(body: string | Uint8Array | null): string {
  if (body === null || body === undefined) return '';
  return typeof body === 'string' ? body : decodeUtf8Java(body);
}

function isBlankJson(text: string): boolean {
  return /^[ \t\n\r]*$/.test(text);
}

function rejected(state: RoutedState, model: SelectedModel, messages: string, diagnostic: string): StageResult {
  const validationErrorString = `[${messages}]`;
  state.log.add(`Request body does not match model schema for content type ${model.mediaType}: ${validationErrorString}`);
  return gatewayError('BAD_REQUEST_BODY', 'validation', diagnostic, { body: INVALID_BODY_RESPONSE, validationErrorString });
}

/** The body stage: undefined when the body is valid (or not validated), else the BAD_REQUEST_BODY error. */
export function validateBody(state: RoutedState, validators: ModelValidators, meter: Meter): StageResult {
  const model = selectModel(state);
  if (!model) return undefined;
  const text = bodyText(state.request.body);
  if (isBlankJson(text) && isEmptyModel(model)) return undefined;
  const parsed = parseBodyJson(text, meter);
  if (!parsed.ok) {
    const why = isBlankJson(text) ? 'the body is empty' : `the body is not JSON (${parsed.reason} at offset ${parsed.offset})`;
    return rejected(state, model, UNPARSEABLE_BODY, `${why}; the ${model.mediaType} model requires a JSON body`);
  }
  const outcome = validators.validate(model.schema, parsed.value, meter, model.name);
  for (const w of outcome.warnings) state.warnings.push(`request model ${model.name ?? model.mediaType}: ${w}`);
  if (outcome.failure !== undefined) state.warnings.push(`request model ${model.name ?? model.mediaType} cannot be applied: ${outcome.failure}`);
  if (outcome.errors.length > 0) {
    return rejected(state, model, outcome.errors.join(', '), `the body does not match the ${model.name ?? model.mediaType} model: ${outcome.errors.join('; ')}`);
  }
  state.log.add(`Request validation succeeded for content type ${model.mediaType}`);
  return undefined;
}
