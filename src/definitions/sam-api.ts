/**
 * A SAM API as the OpenAPI document SAM deploys for it, built the way SAM builds it: the API's
 * `DefinitionBody` (or an empty document when SAM generates it), its function events' operations (an
 * operation the body already has wins), then `Cors`, `Auth`, `GatewayResponses` and `Models` of the
 * API. The document is then read like any other, so what SAM writes and what a hand-written
 * `DefinitionBody` says mean the same.
 */
import { setOwn } from '../own-property.js';
import { describe, fail, isObject, type Path, type Reader } from './fields.js';
import { isOpenApi } from './openapi.js';
import { httpMethodOfKey, keyOfHttpMethod } from './openapi-document.js';
import { OpenApiEditor, type JsonObject } from './openapi-editor.js';
import { applyCors } from './sam-cors.js';
import { addEvent, apiEvents, type EventContext } from './sam-events.js';
import { applyGatewayResponses } from './sam-gateway-responses.js';
import type { SamApiProperties } from './sam-globals.js';
import { addCustomStatements, addResourcePolicy } from './sam-resource-policy.js';
import { applyAuth, readAuth, removeMarkers } from './sam-security.js';
import type { TemplateReader } from './template-reader.js';

/** An OpenAPI document and where it is written (a DefinitionBody in the template, or another file). */
export interface OpenApiSource {
  value: unknown;
  reader: Reader;
  base: Path;
}

/** Where what SAM wrote into the document comes from in the template, for the model's `source`. */
export interface SamSources {
  /** `PATH METHOD` → the function event or `Cors` an operation comes from. */
  methods: Map<string, string>;
  /** Authorizer name → its `Auth.Authorizers` entry. */
  authorizers: Map<string, string>;
  /** Response type → its `GatewayResponses` entry. */
  gatewayResponses: Map<string, string>;
}

export interface SamOpenApi extends OpenApiSource {
  sources: SamSources;
}

/** The document SAM starts from when the API has no DefinitionBody (its title is the API's). */
function skeleton(): JsonObject {
  return { swagger: '2.0', info: { version: '1.0' }, paths: {} };
}

/** `Models`: SAM lower-cases their names, and each must be a schema with a `type`. */
function applyModels(t: TemplateReader, editor: OpenApiEditor, v: unknown, path: Path): void {
  if (v === undefined || v === null) return;
  if (!isObject(v)) fail(t.reader, path, 'expected a map from model name to JSON Schema');
  const schemas = Object.entries(v);
  if (schemas.length === 0) return;
  const target = editor.schemas();
  for (const [name, schema] of schemas) {
    if (!isObject(schema)) fail(t.reader, [...path, name], `a model must be a JSON Schema object, found ${describe(schema)}`);
    if (schema['type'] === undefined) fail(t.reader, [...path, name], "a model needs a 'type'");
    setOwn<unknown>(target, name.toLowerCase(), schema);
  }
}

function sourceKey(path: string, method: string): string {
  return `${path} ${method}`;
}

/**
 * The document of the API: SAM's translation when `sam` is given (an `AWS::Serverless::Api` or the
 * implicit API), otherwise the body with only its function events added. Undefined when there is
 * neither a body nor an event.
 */
export function samOpenApi(t: TemplateReader, apiId: string, sam: SamApiProperties | undefined, stage: string, body: OpenApiSource | undefined): SamOpenApi | undefined {
  const events = apiEvents(t, apiId);
  if (!body && !sam && events.length === 0) return undefined;
  const reader = body?.reader ?? t.reader;
  const base = body?.base ?? ['Resources', apiId, 'Properties', 'DefinitionBody'];
  const sources: SamSources = { methods: new Map(), authorizers: new Map(), gatewayResponses: new Map() };
  // Not a document to edit: reading it will say why.
  if (body && !isOpenApi(body.value)) return { ...body, sources };
  const editor = new OpenApiEditor((body?.value as JsonObject | undefined) ?? skeleton());
  const auth = sam ? readAuth(t, sam.get('Auth'), sam.path('Auth')) : undefined;
  const models = sam?.get('Models');
  const context: EventContext = {
    authorizers: isObject(auth?.['Authorizers']) ? auth['Authorizers'] : undefined,
    models: isObject(models) ? models : undefined,
    stage,
  };
  for (const e of events) {
    if (addEvent(t, editor, e, context)) sources.methods.set(sourceKey(e.path, httpMethodOfKey(keyOfHttpMethod(e.method))!), t.sourceOf(e.eventPath.slice(0, -1)));
  }
  if (sam) {
    for (const p of applyCors(t, editor, sam.get('Cors'), sam.path('Cors'))) sources.methods.set(sourceKey(p, 'OPTIONS'), t.sourceOf(sam.path('Cors')));
    applyAuth(t, editor, auth, sam.path('Auth'));
    for (const name of Object.keys(context.authorizers ?? {})) sources.authorizers.set(name, t.sourceOf([...sam.path('Auth'), 'Authorizers', name]));
    const policy = auth?.['ResourcePolicy'];
    if (policy !== undefined && policy !== null) {
      const at = [...sam.path('Auth'), 'ResourcePolicy'];
      for (const p of Object.keys(editor.paths)) addResourcePolicy(t, editor, policy, at, p, stage);
      addCustomStatements(t, editor, policy, at);
    }
    const responses = sam.get('GatewayResponses');
    applyGatewayResponses(t, editor, responses, sam.path('GatewayResponses'));
    for (const type of Object.keys(isObject(responses) ? responses : {})) sources.gatewayResponses.set(type, t.sourceOf([...sam.path('GatewayResponses'), type]));
    applyModels(t, editor, models, sam.path('Models'));
  }
  removeMarkers(editor);
  return { value: editor.document, reader, base, sources };
}
