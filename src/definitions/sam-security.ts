/**
 * SAM `Auth` of an `AWS::Serverless::Api` as SAM writes it into the API's OpenAPI document:
 * `Authorizers` become security schemes with `x-amazon-apigateway-authorizer` (Lambda `TOKEN` /
 * `REQUEST` with `FunctionArn`, `FunctionPayloadType`, `Identity`; Cognito with `UserPoolArn`), the
 * `DefaultAuthorizer` (or `AWS_IAM`) goes on every operation that names none (the CORS preflight too,
 * unless `AddDefaultAuthorizerToCorsPreflight: false`), and `ApiKeyRequired` puts the `api_key` scheme on
 * every operation (the preflight too, unless `AddApiKeyRequiredToCorsPreflight: false`). An event's
 * `Authorizer: NONE` / `ApiKeyRequired: false` opt its operation out of these defaults.
 */
import { setOwn } from '../own-property.js';
import { describe, fail, isObject, type Path } from './fields.js';
import { REGION } from './intrinsics.js';
import type { JsonObject, OpenApiEditor } from './openapi-editor.js';
import type { TemplateReader } from './template-reader.js';

export const IAM_SCHEME = 'AWS_IAM';
export const API_KEY_SCHEME = 'api_key';

/** Security entries SAM uses to remember an event's opt-outs until the defaults are applied. */
export const markers = { noAuthorizer: 'NONE', noApiKey: 'api_key_false' } as const;

const AUTH_PROPERTIES = ['Authorizers', 'DefaultAuthorizer', 'InvokeRole', 'AddDefaultAuthorizerToCorsPreflight', 'AddApiKeyRequiredToCorsPreflight', 'ApiKeyRequired', 'ResourcePolicy', 'UsagePlan'];
const AUTHORIZER_PROPERTIES = ['FunctionArn', 'FunctionPayloadType', 'FunctionInvokeRole', 'Identity', 'UserPoolArn', 'AuthorizationScopes', 'DisableFunctionDefaultPermissions'];

function securityOf(op: JsonObject): JsonObject[] {
  return Array.isArray(op['security']) ? (op['security'].filter(isObject) as JsonObject[]) : [];
}

/** Appends a security requirement to an operation. */
export function addSecurity(editor: OpenApiEditor, path: string, key: string, requirement: JsonObject): void {
  const op = editor.operation(path, key);
  op['security'] = [...securityOf(op), requirement];
  if (Object.hasOwn(requirement, IAM_SCHEME)) addIamScheme(editor);
  if (Object.hasOwn(requirement, API_KEY_SCHEME)) addApiKeyScheme(editor);
}

function addIamScheme(editor: OpenApiEditor): void {
  const schemes = editor.securitySchemes();
  if (!Object.hasOwn(schemes, IAM_SCHEME)) setOwn<unknown>(schemes, IAM_SCHEME, { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' });
}

function addApiKeyScheme(editor: OpenApiEditor): void {
  const schemes = editor.securitySchemes();
  if (!Object.hasOwn(schemes, API_KEY_SCHEME)) setOwn<unknown>(schemes, API_KEY_SCHEME, { type: 'apiKey', name: 'x-api-key', in: 'header' });
}

/** `Identity` of a REQUEST authorizer → `identitySource`, in SAM's order: headers, query strings, stage variables, context. */
function requestIdentitySource(t: TemplateReader, identity: JsonObject, path: Path): string {
  const places: [string, string][] = [
    ['Headers', 'method.request.header.'],
    ['QueryStrings', 'method.request.querystring.'],
    ['StageVariables', 'stageVariables.'],
    ['Context', 'context.'],
  ];
  const sources: string[] = [];
  for (const [key, prefix] of places) {
    const list = identity[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) fail(t.reader, [...path, key], `expected a list of names, found ${describe(list)}`);
    for (const name of list as string[]) sources.push(prefix + name);
  }
  return sources.join(', ');
}

/** One `Auth.Authorizers` entry → the security scheme SAM writes for it. */
function authorizerScheme(t: TemplateReader, name: string, v: unknown, path: Path): JsonObject {
  if (!isObject(v)) fail(t.reader, path, 'expected an authorizer (FunctionArn or UserPoolArn, Identity, …)');
  for (const key of Object.keys(v)) if (!AUTHORIZER_PROPERTIES.includes(key)) fail(t.reader, [...path, key], `not an authorizer property (${AUTHORIZER_PROPERTIES.join(', ')})`);
  const identity = v['Identity'] ?? {};
  if (!isObject(identity)) fail(t.reader, [...path, 'Identity'], 'expected an Identity map');
  const header = typeof identity['Header'] === 'string' && identity['Header'] !== '' ? identity['Header'] : 'Authorization';
  const validation = identity['ValidationExpression'];
  const given = identity['ReauthorizeEvery'];
  // A template parameter gives the number as text.
  const ttl = typeof given === 'string' && /^\d+$/.test(given) ? Number(given) : given;
  if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0 || ttl > 3600)) {
    fail(t.reader, [...path, 'Identity', 'ReauthorizeEvery'], `expected a whole number of seconds from 0 to 3600, found ${describe(ttl)}`);
  }
  if (v['UserPoolArn'] !== undefined && v['UserPoolArn'] !== null) {
    const pools = Array.isArray(v['UserPoolArn']) ? v['UserPoolArn'] : [v['UserPoolArn']];
    if (pools.length === 0 || pools.some((p) => typeof p !== 'string')) fail(t.reader, [...path, 'UserPoolArn'], `expected a user pool ARN or a list of them, found ${describe(v['UserPoolArn'])}`);
    const extension: JsonObject = { type: 'cognito_user_pools', providerARNs: pools };
    if (validation !== undefined) extension['identityValidationExpression'] = validation;
    return { type: 'apiKey', name: header, in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools', 'x-amazon-apigateway-authorizer': extension };
  }
  const payload = v['FunctionPayloadType'] ?? 'TOKEN';
  if (payload !== 'TOKEN' && payload !== 'REQUEST') fail(t.reader, [...path, 'FunctionPayloadType'], `'${String(payload)}' is not TOKEN or REQUEST`);
  if (typeof v['FunctionArn'] !== 'string' || v['FunctionArn'] === '') fail(t.reader, path, `the Lambda authorizer '${name}' needs a FunctionArn (or a UserPoolArn for Cognito)`);
  const extension: JsonObject = {
    type: payload.toLowerCase(),
    authorizerUri: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${v['FunctionArn']}/invocations`,
  };
  if (ttl !== undefined) extension['authorizerResultTtlInSeconds'] = ttl;
  const role = v['FunctionInvokeRole'];
  if (typeof role === 'string' && role !== '' && role !== 'NONE') extension['authorizerCredentials'] = role;
  if (payload === 'REQUEST') {
    const source = requestIdentitySource(t, identity, [...path, 'Identity']);
    // Without identity sources a REQUEST authorizer cannot cache, so SAM asks for ReauthorizeEvery: 0.
    if (source === '' && ttl !== 0) {
      fail(t.reader, [...path, 'Identity'], `the REQUEST authorizer '${name}' needs Identity with at least one of Headers, QueryStrings, StageVariables or Context (or ReauthorizeEvery: 0)`);
    }
    if (source !== '') extension['identitySource'] = source;
  } else if (validation !== undefined) {
    extension['identityValidationExpression'] = validation;
  }
  return { type: 'apiKey', name: payload === 'REQUEST' ? 'Unused' : header, in: 'header', 'x-amazon-apigateway-authtype': 'custom', 'x-amazon-apigateway-authorizer': extension };
}

/** `Auth`, checked: a map of SAM's Auth properties. */
export function readAuth(t: TemplateReader, v: unknown, path: Path): JsonObject | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) fail(t.reader, path, 'expected an Auth map');
  for (const key of Object.keys(v)) if (!AUTH_PROPERTIES.includes(key)) fail(t.reader, [...path, key], `not an Auth property (${AUTH_PROPERTIES.join(', ')})`);
  const authorizers = v['Authorizers'];
  if (authorizers !== undefined && authorizers !== null && !isObject(authorizers)) fail(t.reader, [...path, 'Authorizers'], 'expected a map from name to authorizer');
  return v;
}

/** The default authorizer on an operation, unless it names one or opted out with `NONE`. */
function withDefaultAuthorizer(security: JsonObject[], authorizerNames: Set<string>, defaultAuthorizer: string, scopes: unknown[]): JsonObject[] {
  const isAuthorizer = (s: JsonObject) => Object.keys(s).some((k) => authorizerNames.has(k));
  const others = security.filter((s) => !isAuthorizer(s));
  const named = security.filter(isAuthorizer);
  const optOut = others.findIndex((s) => Object.hasOwn(s, markers.noAuthorizer));
  if (optOut >= 0) return others.filter((_, i) => i !== optOut);
  if (named.length > 0) return [...others, ...named];
  return [...others, { [defaultAuthorizer]: [...scopes] }];
}

/** `api_key` on an operation, unless it opted out with `ApiKeyRequired: false`. */
function withApiKey(security: JsonObject[], preflight: boolean, addToPreflight: boolean): JsonObject[] {
  const isApiKey = (s: JsonObject) => Object.hasOwn(s, API_KEY_SCHEME) || Object.hasOwn(s, markers.noApiKey);
  const others = security.filter((s) => !isApiKey(s));
  if (preflight && !addToPreflight) return others;
  const optedOut = security.some((s) => Object.hasOwn(s, markers.noApiKey));
  return optedOut ? others : [...others, { [API_KEY_SCHEME]: [] }];
}

/** Writes an API's `Auth` into its document (after its events' and CORS's operations are in). */
export function applyAuth(t: TemplateReader, editor: OpenApiEditor, auth: JsonObject | undefined, path: Path): void {
  if (!auth) return;
  const authorizers = isObject(auth['Authorizers']) ? auth['Authorizers'] : {};
  const schemes = editor.securitySchemes();
  for (const [name, authorizer] of Object.entries(authorizers)) setOwn<unknown>(schemes, name, authorizerScheme(t, name, authorizer, [...path, 'Authorizers', name]));
  const defaultAuthorizer = auth['DefaultAuthorizer'];
  if (defaultAuthorizer !== undefined && defaultAuthorizer !== null) {
    if (typeof defaultAuthorizer !== 'string') fail(t.reader, [...path, 'DefaultAuthorizer'], `expected the name of an authorizer, found ${describe(defaultAuthorizer)}`);
    if (defaultAuthorizer !== IAM_SCHEME && !Object.hasOwn(authorizers, defaultAuthorizer)) {
      fail(t.reader, [...path, 'DefaultAuthorizer'], `no authorizer named '${defaultAuthorizer}' in Auth.Authorizers (${Object.keys(authorizers).join(', ') || 'none'})`);
    }
    const own = defaultAuthorizer === IAM_SCHEME ? undefined : authorizers[defaultAuthorizer];
    const scopes = isObject(own) && Array.isArray(own['AuthorizationScopes']) ? own['AuthorizationScopes'] : [];
    const names = new Set([IAM_SCHEME, ...Object.keys(authorizers)]);
    const toPreflight = auth['AddDefaultAuthorizerToCorsPreflight'] !== false;
    for (const [p, key, op] of [...editor.operations()]) {
      if (key === 'options' && !toPreflight) continue;
      const security = withDefaultAuthorizer(securityOf(op), names, defaultAuthorizer, scopes);
      editor.operation(p, key)['security'] = security;
      if (security.some((s) => Object.hasOwn(s, IAM_SCHEME))) addIamScheme(editor);
    }
  }
  if (auth['ApiKeyRequired'] === true) {
    addApiKeyScheme(editor);
    const toPreflight = auth['AddApiKeyRequiredToCorsPreflight'] !== false;
    for (const [p, key] of [...editor.operations()]) {
      const op = editor.operation(p, key);
      op['security'] = withApiKey(securityOf(op), key === 'options', toPreflight);
    }
  }
}

/** Drops the opt-out markers left where no default applied (they name no scheme). */
export function removeMarkers(editor: OpenApiEditor): void {
  const isMarker = (s: JsonObject) => Object.hasOwn(s, markers.noAuthorizer) || Object.hasOwn(s, markers.noApiKey);
  for (const [p, key, op] of [...editor.operations()]) {
    const security = securityOf(op);
    if (security.some(isMarker)) editor.operation(p, key)['security'] = security.filter((s) => !isMarker(s));
  }
}
