/**
 * The integration model as the definition formats spell it: camelCase in OpenAPI and the REST API
 * (`requestTemplates`), PascalCase in CloudFormation (`RequestTemplates`, `IntegrationHttpMethod`). How each
 * format lists integration responses differs and is read by the format; the fields are read here.
 */
import type { ContentHandling, Integration, IntegrationResponse, IntegrationType, PassthroughBehavior } from '../model/index.js';
import { compact, fail, isObject, oneOf, optionalNumber, optionalString, statusCode, stringList, stringMap, templatesMap, type Path, type Reader } from './fields.js';

export const INTEGRATION_TYPES: readonly IntegrationType[] = ['AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY', 'MOCK'];
export const PASSTHROUGH_BEHAVIORS: readonly PassthroughBehavior[] = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'];
export const CONTENT_HANDLINGS: readonly ContentHandling[] = ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'];

export interface Spelling {
  type: string;
  uri: string;
  httpMethod: string;
  requestTemplates: string;
  passthroughBehavior: string;
  requestParameters: string;
  contentHandling: string;
  statusCode: string;
  selectionPattern: string;
  responseTemplates: string;
  responseParameters: string;
  timeoutInMillis: string;
  /** Formats that have no stage cache settings leave these out. */
  cacheKeyParameters?: string;
  cacheNamespace?: string;
}

export const CAMEL_CASE: Spelling = {
  type: 'type',
  uri: 'uri',
  httpMethod: 'httpMethod',
  requestTemplates: 'requestTemplates',
  passthroughBehavior: 'passthroughBehavior',
  requestParameters: 'requestParameters',
  contentHandling: 'contentHandling',
  statusCode: 'statusCode',
  selectionPattern: 'selectionPattern',
  responseTemplates: 'responseTemplates',
  responseParameters: 'responseParameters',
  timeoutInMillis: 'timeoutInMillis',
  cacheKeyParameters: 'cacheKeyParameters',
  cacheNamespace: 'cacheNamespace',
};

export const CLOUDFORMATION: Spelling = {
  type: 'Type',
  uri: 'Uri',
  httpMethod: 'IntegrationHttpMethod',
  requestTemplates: 'RequestTemplates',
  passthroughBehavior: 'PassthroughBehavior',
  requestParameters: 'RequestParameters',
  contentHandling: 'ContentHandling',
  statusCode: 'StatusCode',
  selectionPattern: 'SelectionPattern',
  responseTemplates: 'ResponseTemplates',
  responseParameters: 'ResponseParameters',
  timeoutInMillis: 'TimeoutInMillis',
  cacheKeyParameters: 'CacheKeyParameters',
  cacheNamespace: 'CacheNamespace',
};

/**
 * One integration response. `statusCodeFallback` is the map key a format may key responses by;
 * `selectionPattern` given explicitly overrides the field (OpenAPI keys responses by pattern).
 */
export function readIntegrationResponse(
  r: Reader,
  response: unknown,
  at: Path,
  s: Spelling,
  keyed: { statusCode?: string; selectionPattern?: string | null } = {},
): IntegrationResponse {
  if (!isObject(response)) fail(r, at, 'expected an integration response object');
  return {
    statusCode: statusCode(r, response[s.statusCode] ?? keyed.statusCode, [...at, s.statusCode]),
    selectionPattern: keyed.selectionPattern !== undefined ? (keyed.selectionPattern ?? undefined) : optionalString(r, response[s.selectionPattern], [...at, s.selectionPattern]),
    responseTemplates: templatesMap(r, response[s.responseTemplates], [...at, s.responseTemplates]),
    responseParameters: stringMap(r, response[s.responseParameters], [...at, s.responseParameters]) as Record<string, string> | undefined,
    contentHandling: oneOf(r, response[s.contentHandling], [...at, s.contentHandling], CONTENT_HANDLINGS),
  };
}

/** An integration whose responses the format has already read. */
export function readIntegration(r: Reader, v: unknown, path: Path, s: Spelling, responses: (integration: Record<string, unknown>) => IntegrationResponse[]): Integration {
  if (!isObject(v)) fail(r, path, 'expected an integration object');
  return {
    type: oneOf(r, v[s.type], [...path, s.type], INTEGRATION_TYPES) ?? fail(r, [...path, s.type], 'is required (AWS, AWS_PROXY, HTTP, HTTP_PROXY or MOCK)'),
    uri: optionalString(r, v[s.uri], [...path, s.uri]),
    httpMethod: optionalString(r, v[s.httpMethod], [...path, s.httpMethod]),
    requestTemplates: templatesMap(r, v[s.requestTemplates], [...path, s.requestTemplates]),
    passthroughBehavior: oneOf(r, v[s.passthroughBehavior], [...path, s.passthroughBehavior], PASSTHROUGH_BEHAVIORS),
    requestParameters: stringMap(r, v[s.requestParameters], [...path, s.requestParameters]) as Record<string, string> | undefined,
    contentHandling: oneOf(r, v[s.contentHandling], [...path, s.contentHandling], CONTENT_HANDLINGS),
    integrationResponses: responses(v),
    timeoutInMillis: optionalNumber(r, v[s.timeoutInMillis], [...path, s.timeoutInMillis]),
    ...cacheFields(r, v, path, s),
  };
}

/** `cacheKeyParameters` and `cacheNamespace`, only when the definition gives them (existing models stay as they were). */
function cacheFields(r: Reader, v: Record<string, unknown>, path: Path, s: Spelling): Pick<Integration, 'cacheKeyParameters' | 'cacheNamespace'> {
  const keys = s.cacheKeyParameters === undefined ? undefined : stringList(r, v[s.cacheKeyParameters], [...path, s.cacheKeyParameters]);
  const namespace = s.cacheNamespace === undefined ? undefined : optionalString(r, v[s.cacheNamespace], [...path, s.cacheNamespace]);
  return compact({ cacheKeyParameters: keys, cacheNamespace: namespace });
}
