/**
 * SAM function `Api` events: each is a Lambda proxy (`aws_proxy`) operation of its API, with what the
 * event adds to it as SAM writes it into the API's OpenAPI document — `Auth` (`Authorizer` by name,
 * `NONE` or `AWS_IAM`; `AuthorizationScopes`; `ApiKeyRequired`; `ResourcePolicy`), `RequestParameters`
 * (required and cache-key parameters), `RequestModel` (a `$ref` to the API's model, and a validator
 * named `body-and-params`, `body-only`, `params-only` or `no-validation`) and `TimeoutInMillis`.
 */
import { setOwn } from '../own-property.js';
import { describe, fail, isObject, optionalBoolean, optionalNumber, stringList, type Path } from './fields.js';
import { REGION } from './intrinsics.js';
import { httpMethodOfKey, keyOfHttpMethod } from './openapi-document.js';
import type { JsonObject, OpenApiEditor } from './openapi-editor.js';
import { addSecurity, API_KEY_SCHEME, IAM_SCHEME, markers } from './sam-security.js';
import { addCustomStatements, addResourcePolicy } from './sam-resource-policy.js';
import { IMPLICIT_API, SAM_FUNCTION, type TemplateReader } from './template-reader.js';

export interface ApiEvent {
  /** The API the event names with `RestApiId`; undefined for the implicit API. */
  restApiId?: string;
  path: string;
  method: string;
  functionId: string;
  eventPath: Path;
  /** The event's `Properties`, as written. */
  properties: Record<string, unknown>;
}

function functionEvents(t: TemplateReader, functionId: string): ApiEvent[] {
  const events = t.props(functionId)['Events'];
  if (!isObject(events)) return [];
  const out: ApiEvent[] = [];
  for (const [name, event] of Object.entries(events)) {
    if (!isObject(event) || event['Type'] !== 'Api' || !isObject(event['Properties'])) continue;
    const p = event['Properties'];
    const eventPath: Path = ['Resources', functionId, 'Properties', 'Events', name, 'Properties'];
    out.push({
      restApiId: p['RestApiId'] === undefined ? undefined : t.referenced(p['RestApiId']),
      path: String(t.resolved(p['Path'], [...eventPath, 'Path']) ?? '/'),
      method: String(t.resolved(p['Method'], [...eventPath, 'Method']) ?? 'ANY'),
      functionId,
      eventPath,
      properties: p,
    });
  }
  return out;
}

/** Every `Api` event of every SAM function. */
export function allApiEvents(t: TemplateReader): ApiEvent[] {
  return t.ofType(SAM_FUNCTION).flatMap(([id]) => functionEvents(t, id));
}

/** The events of one API (`ServerlessRestApi` for those that name none). */
export function apiEvents(t: TemplateReader, apiId: string): ApiEvent[] {
  return allApiEvents(t).filter((e) => (e.restApiId ?? IMPLICIT_API) === apiId);
}

/** What an event may refer to on its API. */
export interface EventContext {
  /** `Auth.Authorizers` of the API, resolved. */
  authorizers?: Record<string, unknown>;
  /** `Models` of the API, resolved. */
  models?: Record<string, unknown>;
  stage: string;
}

const REQUEST_PARAMETER = /^method\.request\.(querystring|path|header)\./;

/** `method.request.querystring.x` or `{ method.request.querystring.x: { Required, Caching } }`. */
function requestParameters(t: TemplateReader, editor: OpenApiEditor, e: ApiEvent, key: string, v: unknown, path: Path): void {
  if (v === undefined || v === null) return;
  if (!Array.isArray(v)) fail(t.reader, path, 'expected a list of request parameters');
  const op = editor.operation(e.path, key);
  const parameters = Array.isArray(op['parameters']) ? [...op['parameters']] : [];
  const cacheKeys: string[] = [];
  v.forEach((entry, i) => {
    const at = [...path, i];
    const [name, settings] = typeof entry === 'string' ? [entry, {}] : isObject(entry) && Object.keys(entry).length === 1 ? Object.entries(entry)[0]! : [undefined, undefined];
    if (name === undefined || !REQUEST_PARAMETER.test(name)) {
      fail(t.reader, at, `expected 'method.request.querystring|path|header.<name>' (or a map of it to { Required, Caching }), found ${describe(entry)}`);
    }
    if (!isObject(settings)) fail(t.reader, [...at, name], 'expected { Required, Caching }');
    const [place, ...rest] = name.slice('method.request.'.length).split('.');
    parameters.push({
      in: place === 'querystring' ? 'query' : place,
      name: rest.join('.'),
      required: optionalBoolean(t.reader, settings['Required'], [...at, name, 'Required']) ?? false,
      type: 'string',
    });
    if (optionalBoolean(t.reader, settings['Caching'], [...at, name, 'Caching'])) cacheKeys.push(name);
  });
  op['parameters'] = parameters;
  if (cacheKeys.length > 0) {
    const integration = editor.integration(e.path, key);
    const existing = Array.isArray(integration['cacheKeyParameters']) ? integration['cacheKeyParameters'] : [];
    integration['cacheKeyParameters'] = [...existing, ...cacheKeys];
  }
}

/** SAM's names for the validators it generates. */
export function validatorName(body: boolean, parameters: boolean): string {
  if (body && parameters) return 'body-and-params';
  if (body) return 'body-only';
  if (parameters) return 'params-only';
  return 'no-validation';
}

/** `RequestModel`: the body is the API's model (SAM lower-cases model names), maybe validated. */
function requestModel(t: TemplateReader, editor: OpenApiEditor, e: ApiEvent, key: string, v: unknown, path: Path, context: EventContext): void {
  if (v === undefined || v === null) return;
  if (!isObject(v)) fail(t.reader, path, 'expected { Model, Required, ValidateBody, ValidateParameters }');
  const model = v['Model'];
  if (model === undefined) return;
  if (typeof model !== 'string') fail(t.reader, [...path, 'Model'], `expected the name of a model of the API's Models, found ${describe(model)}`);
  if (!context.models || !Object.hasOwn(context.models, model)) {
    fail(t.reader, [...path, 'Model'], `no model named '${model}' in the API's Models (${Object.keys(context.models ?? {}).join(', ') || 'none'})`);
  }
  const name = model.toLowerCase();
  const op = editor.operation(e.path, key);
  if (editor.openApi3) {
    op['requestBody'] = { content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } };
  } else {
    op['parameters'] = [...(Array.isArray(op['parameters']) ? op['parameters'] : []), { in: 'body', name, schema: { $ref: `#/definitions/${name}` } }];
  }
  const body = optionalBoolean(t.reader, v['ValidateBody'], [...path, 'ValidateBody']);
  const parameters = optionalBoolean(t.reader, v['ValidateParameters'], [...path, 'ValidateParameters']);
  if (body === undefined && parameters === undefined) return;
  const validator = validatorName(body ?? false, parameters ?? false);
  const validators = editor.extension('x-amazon-apigateway-request-validators');
  if (!Object.hasOwn(validators, validator)) setOwn<unknown>(validators, validator, { validateRequestBody: body ?? false, validateRequestParameters: parameters ?? false });
  op['x-amazon-apigateway-request-validator'] = validator;
}

/** `Auth` of the event: its security entries (and markers the API's defaults respect), its resource policy. */
function eventAuth(t: TemplateReader, editor: OpenApiEditor, e: ApiEvent, key: string, v: unknown, path: Path, context: EventContext): void {
  if (v === undefined || v === null) return;
  if (!isObject(v)) fail(t.reader, path, 'expected { Authorizer, AuthorizationScopes, ApiKeyRequired, ResourcePolicy }');
  const authorizer = v['Authorizer'];
  const scopes = stringList(t.reader, v['AuthorizationScopes'], [...path, 'AuthorizationScopes']);
  if (scopes && authorizer === undefined) fail(t.reader, [...path, 'AuthorizationScopes'], 'AuthorizationScopes work only with an Authorizer');
  if (authorizer !== undefined) {
    if (typeof authorizer !== 'string') fail(t.reader, [...path, 'Authorizer'], `expected the name of an authorizer, NONE or AWS_IAM, found ${describe(authorizer)}`);
    if (authorizer === 'AWS_IAM') addSecurity(editor, e.path, key, { [IAM_SCHEME]: [] });
    else if (authorizer === 'NONE') addSecurity(editor, e.path, key, { [markers.noAuthorizer]: [] });
    else {
      const defined = context.authorizers && Object.hasOwn(context.authorizers, authorizer) ? context.authorizers[authorizer] : undefined;
      if (defined === undefined) {
        fail(t.reader, [...path, 'Authorizer'], `no authorizer named '${authorizer}' in the API's Auth.Authorizers (${Object.keys(context.authorizers ?? {}).join(', ') || 'none'})`);
      }
      const own = isObject(defined) && Array.isArray(defined['AuthorizationScopes']) ? (defined['AuthorizationScopes'] as unknown[]) : [];
      addSecurity(editor, e.path, key, { [authorizer]: scopes ?? own });
    }
  }
  const apiKey = optionalBoolean(t.reader, v['ApiKeyRequired'], [...path, 'ApiKeyRequired']);
  if (apiKey !== undefined) addSecurity(editor, e.path, key, { [apiKey ? API_KEY_SCHEME : markers.noApiKey]: [] });
  if (v['ResourcePolicy'] !== undefined) {
    addResourcePolicy(t, editor, v['ResourcePolicy'], [...path, 'ResourcePolicy'], e.path, context.stage);
    addCustomStatements(t, editor, v['ResourcePolicy'], [...path, 'ResourcePolicy']);
  }
}

/**
 * Adds an event's operation to the API's document. An operation the document already has wins (SAM's
 * own document is the API's when it has a DefinitionBody): then nothing is added and this returns false.
 */
export function addEvent(t: TemplateReader, editor: OpenApiEditor, e: ApiEvent, context: EventContext): boolean {
  if (!e.path.startsWith('/')) fail(t.reader, [...e.eventPath, 'Path'], `'${e.path}' is not a path (a path starts with /)`);
  const key = keyOfHttpMethod(e.method);
  if (!httpMethodOfKey(key)) fail(t.reader, [...e.eventPath, 'Method'], `'${e.method}' is not an HTTP method (or ANY)`);
  if (editor.hasOperation(e.path, key)) return false;
  const p = t.resolvedObject(e.properties, e.eventPath);
  const functionArn = String(t.resolved({ 'Fn::GetAtt': [e.functionId, 'Arn'] }));
  const integration: JsonObject = {
    type: 'aws_proxy',
    httpMethod: 'POST',
    uri: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
  };
  const timeout = optionalNumber(t.reader, p['TimeoutInMillis'], [...e.eventPath, 'TimeoutInMillis']);
  if (timeout !== undefined) integration['timeoutInMillis'] = timeout;
  setOwn<unknown>(editor.pathItem(e.path), key, { 'x-amazon-apigateway-integration': integration, responses: {} });
  eventAuth(t, editor, e, key, p['Auth'], [...e.eventPath, 'Auth'], context);
  requestModel(t, editor, e, key, p['RequestModel'], [...e.eventPath, 'RequestModel'], context);
  requestParameters(t, editor, e, key, p['RequestParameters'], [...e.eventPath, 'RequestParameters']);
  return true;
}
