/**
 * SAM `GatewayResponses` of an `AWS::Serverless::Api` as SAM writes them into
 * `x-amazon-apigateway-gateway-responses`: `StatusCode`, `ResponseTemplates`, and `ResponseParameters`
 * grouped as `Headers` / `Paths` / `QueryStrings` → `gatewayresponse.header|path|querystring.<name>`.
 */
import { setOwn } from '../own-property.js';
import { describe, fail, isObject, statusCode, type Path } from './fields.js';
import { gatewayResponseType } from './gateway-response-fields.js';
import type { JsonObject, OpenApiEditor } from './openapi-editor.js';
import type { TemplateReader } from './template-reader.js';

const PROPERTIES = ['ResponseParameters', 'ResponseTemplates', 'StatusCode'];
const PARAMETER_GROUPS: [string, string][] = [
  ['Headers', 'header'],
  ['Paths', 'path'],
  ['QueryStrings', 'querystring'],
];

function responseParameters(t: TemplateReader, v: unknown, path: Path): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (!isObject(v)) fail(t.reader, path, 'expected { Headers, Paths, QueryStrings }');
  const groups = PARAMETER_GROUPS.map(([group]) => group);
  for (const key of Object.keys(v)) if (!groups.includes(key)) fail(t.reader, [...path, key], `not a gateway response parameter group (${groups.join(', ')})`);
  const out: Record<string, unknown> = {};
  for (const [group, place] of PARAMETER_GROUPS) {
    const values = v[group];
    if (values === undefined || values === null) continue;
    if (!isObject(values)) fail(t.reader, [...path, group], `expected a map from name to value, found ${describe(values)}`);
    for (const [name, value] of Object.entries(values)) setOwn(out, `gatewayresponse.${place}.${name}`, value);
  }
  return out;
}

export function applyGatewayResponses(t: TemplateReader, editor: OpenApiEditor, v: unknown, path: Path): void {
  if (v === undefined || v === null) return;
  if (!isObject(v)) fail(t.reader, path, 'expected a map from gateway response type to response');
  const responses = Object.entries(v);
  if (responses.length === 0) return;
  const target = editor.extension('x-amazon-apigateway-gateway-responses');
  for (const [type, response] of responses) {
    const at = [...path, type];
    gatewayResponseType(t.reader, type, at);
    if (!isObject(response)) fail(t.reader, at, 'expected { StatusCode, ResponseParameters, ResponseTemplates }');
    for (const key of Object.keys(response)) if (!PROPERTIES.includes(key)) fail(t.reader, [...at, key], `not a gateway response property (${PROPERTIES.join(', ')})`);
    const status = response['StatusCode'] === undefined || response['StatusCode'] === null ? undefined : statusCode(t.reader, response['StatusCode'], [...at, 'StatusCode']);
    const written: JsonObject = {
      responseParameters: responseParameters(t, response['ResponseParameters'], [...at, 'ResponseParameters']),
      responseTemplates: response['ResponseTemplates'] ?? {},
    };
    if (status !== undefined) written['statusCode'] = status;
    setOwn<unknown>(target, type, written);
  }
}
