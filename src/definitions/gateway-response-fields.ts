/**
 * Customised gateway responses as the definition formats spell them: the map of
 * `x-amazon-apigateway-gateway-responses` (camelCase, keyed by type) and `AWS::ApiGateway::GatewayResponse`
 * (PascalCase, one resource per type).
 */
import { GATEWAY_RESPONSE_TYPES, type GatewayResponseDefinition, type GatewayResponseType } from '../model/index.js';
import { compact, fail, isObject, requiredString, statusCode, stringMap, type Path, type Reader } from './fields.js';

export interface GatewayResponseSpelling {
  statusCode: string;
  responseParameters: string;
  responseTemplates: string;
}

export const CAMEL_CASE_GATEWAY_RESPONSE: GatewayResponseSpelling = {
  statusCode: 'statusCode',
  responseParameters: 'responseParameters',
  responseTemplates: 'responseTemplates',
};

export const CLOUDFORMATION_GATEWAY_RESPONSE: GatewayResponseSpelling = {
  statusCode: 'StatusCode',
  responseParameters: 'ResponseParameters',
  responseTemplates: 'ResponseTemplates',
};

/** A response type: one of the 21 (as written; API Gateway's names are upper case). */
export function gatewayResponseType(r: Reader, v: unknown, path: Path): GatewayResponseType {
  const type = requiredString(r, v, path);
  if (!(GATEWAY_RESPONSE_TYPES as readonly string[]).includes(type)) {
    fail(r, path, `'${type}' is not a gateway response type (${GATEWAY_RESPONSE_TYPES.join(', ')})`);
  }
  return type as GatewayResponseType;
}

/** One customised response; a `statusCode` may be a string or a number (the docs show both). */
export function readGatewayResponse(r: Reader, v: unknown, path: Path, s: GatewayResponseSpelling, source?: string): GatewayResponseDefinition {
  if (!isObject(v)) fail(r, path, 'expected a gateway response object');
  const status = v[s.statusCode] === undefined || v[s.statusCode] === null ? undefined : statusCode(r, v[s.statusCode], [...path, s.statusCode]);
  return compact({
    statusCode: status,
    responseParameters: nonEmpty(stringMap(r, v[s.responseParameters], [...path, s.responseParameters]) as Record<string, string> | undefined),
    responseTemplates: nonEmpty(stringMap(r, v[s.responseTemplates], [...path, s.responseTemplates]) as Record<string, string> | undefined),
    source,
  });
}

/** An empty map says nothing (SAM writes `{}` for what it was not given): the type's default stays. */
function nonEmpty(map: Record<string, string> | undefined): Record<string, string> | undefined {
  return map && Object.keys(map).length > 0 ? map : undefined;
}

/** `x-amazon-apigateway-gateway-responses`: type → response. */
export function readGatewayResponseMap(r: Reader, v: unknown, path: Path, source?: string): Partial<Record<GatewayResponseType, GatewayResponseDefinition>> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) fail(r, path, 'expected a map from gateway response type to response');
  const out: Partial<Record<GatewayResponseType, GatewayResponseDefinition>> = {};
  for (const [type, response] of Object.entries(v)) {
    const at = [...path, type];
    out[gatewayResponseType(r, type, at)] = readGatewayResponse(r, response, at, CAMEL_CASE_GATEWAY_RESPONSE, source && `${source}.${type}`);
  }
  return out;
}
