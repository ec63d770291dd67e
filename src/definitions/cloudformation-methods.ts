/**
 * `AWS::ApiGateway::Method`s of a template on their `AWS::ApiGateway::Resource` tree, with the models
 * (`AWS::ApiGateway::Model`) their `RequestModels` name, their authorization (`AuthorizationType`,
 * `AuthorizerId`, `AuthorizationScopes`, `ApiKeyRequired`) and method request (`RequestParameters`,
 * `RequestValidatorId`, `OperationName`).
 */
import type { Integration, MethodDefinition, MethodResponse, ModelSchema } from '../model/index.js';
import type { AuthorizationType } from '../model/method.js';
import { setOwn } from '../own-property.js';
import { AUTHORIZER, nameOf, REQUEST_VALIDATOR } from './cloudformation-auth.js';
import type { ModelLocator } from './check-models.js';
import { compact, fail, isObject, oneOf, optionalBoolean, optionalString, requiredString, statusCode, stringList, type Path } from './fields.js';
import { CLOUDFORMATION, readIntegration, readIntegrationResponse } from './integration-fields.js';
import type { TemplateReader } from './template-reader.js';

const AUTHORIZATION_TYPES: readonly AuthorizationType[] = ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'];
const MODEL = 'AWS::ApiGateway::Model';

/** `IntegrationResponses` as a list. */
function integration(t: TemplateReader, v: unknown, path: Path): Integration {
  return readIntegration(t.reader, v, path, CLOUDFORMATION, (x) => {
    const responses = x['IntegrationResponses'];
    const at = [...path, 'IntegrationResponses'];
    if (responses === undefined || responses === null) return [];
    if (!Array.isArray(responses)) fail(t.reader, at, 'expected a list of integration responses');
    return responses.map((response, i) => readIntegrationResponse(t.reader, response, [...at, i], CLOUDFORMATION));
  });
}

function methodResponses(t: TemplateReader, v: unknown, path: Path): Record<string, MethodResponse> | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: Record<string, MethodResponse> = {};
  v.forEach((response, i) => {
    if (!isObject(response)) fail(t.reader, [...path, i], 'expected a method response object');
    const status = statusCode(t.reader, response['StatusCode'], [...path, i, 'StatusCode']);
    const params = isObject(response['ResponseParameters']) ? response['ResponseParameters'] : {};
    out[status] = { statusCode: status, responseParameters: Object.fromEntries(Object.entries(params).map(([k, x]) => [k, x === true || x === 'true'])) };
  });
  return out;
}

/** The path of an `AWS::ApiGateway::Resource` (or the root), walking `ParentId` up. */
function resourcePath(t: TemplateReader, apiId: string, ref: unknown, path: Path, seen: string[] = []): string {
  const att = isObject(ref) ? ref['Fn::GetAtt'] : undefined;
  const attribute = typeof att === 'string' ? att.split('.')[1] : Array.isArray(att) ? att[1] : undefined;
  if (attribute === 'RootResourceId') return '/';
  const id = t.referenced(ref);
  if (!t.isA(id, 'AWS::ApiGateway::Resource')) {
    fail(t.reader, path, `expected !Ref to an AWS::ApiGateway::Resource or !GetAtt ${apiId}.RootResourceId`);
  }
  if (seen.includes(id)) fail(t.reader, path, `resources form a cycle (${[...seen, id].join(' → ')})`);
  const props = t.props(id);
  const part = requiredString(t.reader, t.resolved(props['PathPart']), ['Resources', id, 'Properties', 'PathPart']);
  const parent = resourcePath(t, apiId, props['ParentId'], ['Resources', id, 'Properties', 'ParentId'], [...seen, id]);
  return `${parent === '/' ? '' : parent}/${part}`;
}

/** `AWS::ApiGateway::Model`s of the API, by model name and by logical id, and where each is written. */
export interface TemplateModels {
  models: Record<string, ModelSchema>;
  /** Model name or logical id → the name API Gateway knows the model by. */
  names: Record<string, string>;
  locate: ModelLocator;
}

export function cfnModels(t: TemplateReader, apiId: string): TemplateModels {
  const models: Record<string, ModelSchema> = {};
  const names: Record<string, string> = {};
  const places: Record<string, Path> = {};
  for (const [id] of t.ofType(MODEL)) {
    const p = t.props(id);
    if (t.referenced(p['RestApiId']) !== apiId || p['Schema'] === undefined) continue;
    const at: Path = ['Resources', id, 'Properties', 'Schema'];
    let schema = t.resolved(p['Schema'], at);
    if (typeof schema === 'string') {
      try {
        schema = JSON.parse(schema);
      } catch {
        fail(t.reader, at, 'is not a JSON Schema (not valid JSON)');
      }
    }
    const name = nameOf(t, id);
    for (const key of new Set([id, name])) {
      setOwn(models, key, schema as ModelSchema);
      setOwn(names, key, name);
      setOwn(places, key, at);
    }
  }
  return { models, names, locate: (name) => (Object.hasOwn(places, name) ? places[name]! : ['Resources']) };
}

/** `RequestModels`: media type → model name or `!Ref` to a Model resource; the schemas and the names. */
function requestModels(t: TemplateReader, v: unknown, models: TemplateModels): Pick<MethodDefinition, 'requestModels' | 'requestModelNames'> {
  if (!isObject(v)) return {};
  const schemas: Record<string, ModelSchema> = {};
  const names: Record<string, string> = {};
  for (const [mediaType, ref] of Object.entries(v)) {
    const name = t.referenced(ref) ?? (typeof ref === 'string' ? ref : undefined);
    if (name === undefined || !Object.hasOwn(models.models, name)) continue;
    setOwn(schemas, mediaType, models.models[name]!);
    setOwn(names, mediaType, models.names[name]!);
  }
  return Object.keys(schemas).length > 0 ? { requestModels: schemas, requestModelNames: names } : {};
}

/** The logical id a property references, which must be a resource of that type of this API. */
function apiResource(t: TemplateReader, apiId: string, v: unknown, type: string, path: Path): string {
  const id = t.referenced(v);
  if (!t.isA(id, type) || t.referenced(t.props(id)['RestApiId']) !== apiId) fail(t.reader, path, `expected !Ref to an ${type} of this API`);
  return id;
}

type MethodAuth = Pick<MethodDefinition, 'authorizationType' | 'authorizer' | 'authorizationScopes' | 'apiKeyRequired'>;

function methodAuth(t: TemplateReader, apiId: string, raw: Record<string, unknown>, props: Record<string, unknown>, at: Path): MethodAuth {
  let type = oneOf(t.reader, props['AuthorizationType'], [...at, 'AuthorizationType'], AUTHORIZATION_TYPES);
  let authorizer: string | undefined;
  if (raw['AuthorizerId'] !== undefined) {
    const id = apiResource(t, apiId, raw['AuthorizerId'], AUTHORIZER, [...at, 'AuthorizerId']);
    authorizer = nameOf(t, id);
    // Without an AuthorizationType the authorizer's own type says which it is.
    type ??= t.resolved(t.props(id)['Type']) === 'COGNITO_USER_POOLS' ? 'COGNITO_USER_POOLS' : 'CUSTOM';
  }
  if ((type === 'CUSTOM' || type === 'COGNITO_USER_POOLS') && authorizer === undefined) {
    fail(t.reader, [...at, 'AuthorizationType'], `${type} authorization needs an AuthorizerId (!Ref to an ${AUTHORIZER})`);
  }
  const scopes = stringList(t.reader, props['AuthorizationScopes'], [...at, 'AuthorizationScopes']);
  return compact({
    authorizationType: type,
    authorizer: type === 'CUSTOM' || type === 'COGNITO_USER_POOLS' ? authorizer : undefined,
    authorizationScopes: scopes && scopes.length > 0 ? scopes : undefined,
    apiKeyRequired: optionalBoolean(t.reader, props['ApiKeyRequired'], [...at, 'ApiKeyRequired']),
  });
}

function requestParameters(t: TemplateReader, v: unknown, path: Path): Record<string, boolean> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) fail(t.reader, path, 'expected a map from method.request.* parameter to whether it is required');
  const out: Record<string, boolean> = {};
  for (const [name, required] of Object.entries(v)) setOwn(out, name, optionalBoolean(t.reader, required, [...path, name]) ?? false);
  return out;
}

export function cfnMethods(t: TemplateReader, apiId: string, models: TemplateModels): MethodDefinition[] {
  const methods: MethodDefinition[] = [];
  for (const [id] of t.ofType('AWS::ApiGateway::Method')) {
    const raw = t.props(id);
    if (t.referenced(raw['RestApiId']) !== apiId) continue;
    const at: Path = ['Resources', id, 'Properties'];
    const props = t.resolvedObject(raw, at);
    if (props['Integration'] === undefined) continue;
    const validator = raw['RequestValidatorId'] === undefined ? undefined : nameOf(t, apiResource(t, apiId, raw['RequestValidatorId'], REQUEST_VALIDATOR, [...at, 'RequestValidatorId']));
    const { requestModels: schemas, requestModelNames } = requestModels(t, raw['RequestModels'], models);
    methods.push({
      httpMethod: requiredString(t.reader, props['HttpMethod'], [...at, 'HttpMethod']).toUpperCase(),
      resourcePath: resourcePath(t, apiId, raw['ResourceId'], [...at, 'ResourceId']),
      integration: integration(t, props['Integration'], [...at, 'Integration']),
      methodResponses: methodResponses(t, props['MethodResponses'], [...at, 'MethodResponses']),
      requestModels: schemas,
      ...compact({
        requestModelNames,
        requestParameters: requestParameters(t, props['RequestParameters'], [...at, 'RequestParameters']),
        ...methodAuth(t, apiId, raw, props, at),
        requestValidator: validator,
        operationName: optionalString(t.reader, props['OperationName'], [...at, 'OperationName']),
      }),
      source: t.sourceOf(['Resources', id]),
    });
  }
  return methods;
}
