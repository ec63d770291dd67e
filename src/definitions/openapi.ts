/**
 * OpenAPI 3 and Swagger 2 documents with API Gateway's extensions — what `aws apigateway get-export`
 * produces and what `import-rest-api`, SAM `DefinitionBody` and CDK `SpecRestApi` take:
 * `x-amazon-apigateway-integration` per operation (its `responses` keyed by selection pattern, `default`
 * for the default response), `x-amazon-apigateway-any-method`, `x-amazon-apigateway-binary-media-types`;
 * and the request pipeline around it: security schemes and `security` (authorizers, IAM, API keys),
 * `x-amazon-apigateway-api-key-source`, request validators, parameters and models,
 * `x-amazon-apigateway-gateway-responses` and `x-amazon-apigateway-policy`.
 * Paths are taken as written (API Gateway's default `basepath=ignore`).
 */
import type { ApiDefinition, ApiKeySource, Integration, IntegrationResponse, MethodDefinition, MethodResponse, ModelSchema, RequestValidatorDefinition } from '../model/index.js';
import { setOwn } from '../own-property.js';
import { checkModels, type ModelLocator } from './check-models.js';
import { compact, fail, isObject, oneOf, optionalString, requiredString, type Path, type Reader } from './fields.js';
import { readGatewayResponseMap } from './gateway-response-fields.js';
import { CAMEL_CASE, readIntegration, readIntegrationResponse } from './integration-fields.js';
import { httpMethodOfKey } from './openapi-document.js';
import { requestModels, requestParameters } from './openapi-request.js';
import { methodAuth, readSecuritySchemes, type SecuritySchemes } from './openapi-security.js';
import { readPolicyDocument } from './policy-fields.js';
import { CAMEL_CASE_VALIDATOR, namedValidator, readValidator } from './validator-fields.js';

const API_KEY_SOURCES: readonly ApiKeySource[] = ['HEADER', 'AUTHORIZER'];

export function isOpenApi(value: unknown): value is Record<string, unknown> {
  return isObject(value) && (typeof value['openapi'] === 'string' || value['swagger'] !== undefined) && isObject(value['paths']);
}

/** `responses` keyed by selection pattern, `default` for the default response. */
function integrationResponses(r: Reader, v: unknown, path: Path): IntegrationResponse[] {
  if (v === undefined || v === null) return [];
  if (!isObject(v)) fail(r, path, 'expected a map from selection pattern to response');
  return Object.entries(v).map(([pattern, response]) => readIntegrationResponse(r, response, [...path, pattern], CAMEL_CASE, { selectionPattern: pattern === 'default' ? null : pattern }));
}

/** `x-amazon-apigateway-integration` → the integration model. */
export function integrationFromExtension(r: Reader, v: unknown, path: Path): Integration {
  return readIntegration(r, v, path, CAMEL_CASE, (x) => integrationResponses(r, x['responses'], [...path, 'responses']));
}

/** The operation's `responses` (OpenAPI method responses); undefined when the operation declares none. */
function methodResponses(v: unknown): Record<string, MethodResponse> | undefined {
  if (!isObject(v) || Object.keys(v).length === 0) return undefined;
  const out: Record<string, MethodResponse> = {};
  for (const [code, response] of Object.entries(v)) {
    if (!/^[1-5]\d\d$/.test(code)) continue;
    const headers = isObject(response) && isObject(response['headers']) ? Object.keys(response['headers']) : [];
    out[code] = { statusCode: code, responseParameters: Object.fromEntries(headers.map((h) => [`method.response.header.${h}`, false])) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Named schemas `$ref`s may point at, as written: OpenAPI 3 `components.schemas`, Swagger 2 `definitions`. */
function models(document: Record<string, unknown>, base: Path): { models?: Record<string, ModelSchema>; locate: ModelLocator } {
  const components = isObject(document['components']) ? document['components']['schemas'] : undefined;
  const [found, at]: [unknown, Path] = isObject(components) ? [components, [...base, 'components', 'schemas']] : [document['definitions'], [...base, 'definitions']];
  const locate: ModelLocator = (name) => [...at, name];
  if (!isObject(found)) return { locate };
  const out: Record<string, ModelSchema> = {};
  for (const [name, schema] of Object.entries(found)) setOwn(out, name, schema as ModelSchema);
  return { models: out, locate };
}

function binaryMediaTypes(r: Reader, v: unknown, path: Path): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) fail(r, path, 'expected a list of media types');
  return v.map((t, i) => requiredString(r, t, [...path, i]));
}

function validators(r: Reader, v: unknown, path: Path): Record<string, RequestValidatorDefinition> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) fail(r, path, 'expected a map from name to request validator');
  const out: Record<string, RequestValidatorDefinition> = {};
  for (const [name, validator] of Object.entries(v)) setOwn(out, name, readValidator(r, validator, [...path, name], CAMEL_CASE_VALIDATOR));
  return out;
}

/** What every operation of the document shares. */
interface DocumentContext {
  document: Record<string, unknown>;
  base: Path;
  schemes: SecuritySchemes;
  validators?: Record<string, RequestValidatorDefinition>;
}

function validatorOf(r: Reader, c: DocumentContext, operation: Record<string, unknown>, at: Path): string | undefined {
  const key = 'x-amazon-apigateway-request-validator';
  // An operation's validator overrides the document's.
  const [v, path] = operation[key] !== undefined ? [operation[key], [...at, key]] : [c.document[key], [...c.base, key]];
  const name = optionalString(r, v, path);
  return name === undefined ? undefined : namedValidator(r, name, path, c.validators);
}

function readOperation(r: Reader, c: DocumentContext, resourcePath: string, item: Record<string, unknown>, key: string, operation: Record<string, unknown>): MethodDefinition {
  const itemPath: Path = [...c.base, 'paths', resourcePath];
  const at: Path = [...itemPath, key];
  const [security, securityPath] = operation['security'] !== undefined ? [operation['security'], [...at, 'security']] : [c.document['security'], [...c.base, 'security']];
  const op = { document: c.document, pathItem: item, operation, key };
  const models = requestModels(op);
  return {
    httpMethod: httpMethodOfKey(key)!,
    resourcePath,
    integration: integrationFromExtension(r, operation['x-amazon-apigateway-integration'], [...at, 'x-amazon-apigateway-integration']),
    methodResponses: methodResponses(operation['responses']),
    requestModels: models.schemas,
    ...compact({
      requestModelNames: models.names,
      requestParameters: requestParameters(r, op, resourcePath, itemPath),
      ...methodAuth(r, security, securityPath, c.schemes),
      requestValidator: validatorOf(r, c, operation, at),
      operationName: typeof operation['operationId'] === 'string' ? operation['operationId'] : undefined,
    }),
    source: `${r.doc?.file ? `${r.doc.file} ` : ''}paths.${resourcePath}.${key}`,
  };
}

/** A document read, with where its models are (for checking them with others, e.g. a template's). */
export interface OpenApiRead {
  definition: ApiDefinition;
  locateModel: ModelLocator;
}

/**
 * Reads an OpenAPI 3 / Swagger 2 document without checking its models; {@link fromOpenApi} checks them.
 * @throws DefinitionError naming the path (and line) of a bad value
 */
export function readOpenApi(document: unknown, reader: Reader = {}, base: Path = []): OpenApiRead {
  if (!isOpenApi(document)) fail(reader, base, 'not an OpenAPI 3 or Swagger 2 document (no openapi/swagger version or no paths)');
  const context: DocumentContext = {
    document,
    base,
    schemes: readSecuritySchemes(reader, document, base),
    validators: validators(reader, document['x-amazon-apigateway-request-validators'], [...base, 'x-amazon-apigateway-request-validators']),
  };
  const methods: MethodDefinition[] = [];
  const paths = document['paths'] as Record<string, unknown>;
  for (const [resourcePath, item] of Object.entries(paths)) {
    const at: Path = [...base, 'paths', resourcePath];
    if (!resourcePath.startsWith('/')) fail(reader, at, 'a path must start with /');
    if (!isObject(item)) fail(reader, at, 'expected a path item object');
    for (const [key, operation] of Object.entries(item)) {
      if (!httpMethodOfKey(key) || !isObject(operation)) continue;
      // Operations without an integration are left out (API Gateway's import rejects them unless told to ignore).
      if (operation['x-amazon-apigateway-integration'] === undefined) continue;
      methods.push(readOperation(reader, context, resourcePath, item, key, operation));
    }
  }
  const info = isObject(document['info']) ? document['info'] : {};
  const source = `${reader.doc?.file ? `${reader.doc.file} ` : ''}x-amazon-apigateway-gateway-responses`;
  const found = models(document, base);
  const definition: ApiDefinition = {
    title: typeof info['title'] === 'string' ? info['title'] : undefined,
    methods,
    binaryMediaTypes: binaryMediaTypes(reader, document['x-amazon-apigateway-binary-media-types'], [...base, 'x-amazon-apigateway-binary-media-types']),
    models: found.models,
    ...compact({
      authorizers: context.schemes.authorizers,
      apiKeySource: oneOf(reader, document['x-amazon-apigateway-api-key-source'], [...base, 'x-amazon-apigateway-api-key-source'], API_KEY_SOURCES),
      requestValidators: context.validators,
      gatewayResponses: readGatewayResponseMap(reader, document['x-amazon-apigateway-gateway-responses'], [...base, 'x-amazon-apigateway-gateway-responses'], source),
      policy: readPolicyDocument(reader, document['x-amazon-apigateway-policy'], [...base, 'x-amazon-apigateway-policy']),
    }),
  };
  return { definition, locateModel: found.locate };
}

/**
 * Reads an OpenAPI 3 / Swagger 2 document with API Gateway extensions, and checks its models.
 * @throws DefinitionError naming the path (and line) of a bad value
 */
export function fromOpenApi(document: unknown, reader: Reader = {}, base: Path = []): ApiDefinition {
  const { definition, locateModel } = readOpenApi(document, reader, base);
  checkModels(definition, reader, locateModel);
  return definition;
}
