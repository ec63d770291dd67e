/**
 * SAM `Auth.ResourcePolicy` (of an API, or of one function event) as SAM writes it into
 * `x-amazon-apigateway-policy`: for each method of the path(s), statements on
 * `execute-api:/{stage}/{METHOD}/{path}` (path parameters as `*`; API Gateway expands `execute-api:/`
 * to the API's ARN) — `AwsAccountWhitelist`/`Blacklist` (Allow/Deny for those principals),
 * `IpRangeWhitelist`/`Blacklist` (Allow everyone, Deny outside/inside the ranges), `SourceVpcWhitelist`/
 * `Blacklist` and the `Intrinsic…` VPC lists (Allow, Deny by `aws:SourceVpc`/`aws:SourceVpce`), and
 * `CustomStatements` as written. Version `2012-10-17`.
 */
import { describe, fail, isObject, type Path } from './fields.js';
import { ANY_METHOD_KEY, httpMethodOfKey } from './openapi-document.js';
import type { JsonObject, OpenApiEditor } from './openapi-editor.js';
import type { TemplateReader } from './template-reader.js';

const POLICY = 'x-amazon-apigateway-policy';
const PROPERTIES = [
  'AwsAccountWhitelist',
  'AwsAccountBlacklist',
  'IpRangeWhitelist',
  'IpRangeBlacklist',
  'SourceVpcWhitelist',
  'SourceVpcBlacklist',
  'IntrinsicVpcWhitelist',
  'IntrinsicVpceWhitelist',
  'IntrinsicVpcBlacklist',
  'IntrinsicVpceBlacklist',
  'CustomStatements',
];

/** `execute-api:/{stage}/{METHOD}{path}` for each method of the path (`*` for ANY). */
function resources(editor: OpenApiEditor, path: string, stage: string): string[] {
  const item = editor.paths[path];
  if (!isObject(item)) return [];
  const wildcard = path.replace(/\{[^}]+\}/g, '*');
  return Object.keys(item)
    .filter((k) => httpMethodOfKey(k) !== undefined)
    .map((k) => `execute-api:/${stage}/${k.toLowerCase() === ANY_METHOD_KEY ? '*' : k.toUpperCase()}${wildcard}`);
}

function list(v: unknown): unknown[] | undefined {
  if (v === undefined || v === null) return undefined;
  return Array.isArray(v) ? v : [v];
}

function strings(t: TemplateReader, v: unknown, path: Path): string[] | undefined {
  const items = list(v);
  if (items?.some((x) => typeof x !== 'string')) fail(t.reader, path, `expected a list of strings, found ${describe(v)}`);
  return items as string[] | undefined;
}

function statements(t: TemplateReader, policy: JsonObject, path: Path, resource: string[]): JsonObject[] {
  const out: JsonObject[] = [];
  const allow = { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: resource, Principal: '*' };
  const denyWhen = (condition: JsonObject) => ({ Effect: 'Deny', Action: 'execute-api:Invoke', Resource: resource, Principal: '*', Condition: condition });
  const accounts = (key: string, effect: string) => {
    const principals = list(policy[key]);
    if (principals?.length) out.push({ Effect: effect, Action: 'execute-api:Invoke', Resource: resource, Principal: { AWS: principals } });
  };
  accounts('AwsAccountWhitelist', 'Allow');
  accounts('AwsAccountBlacklist', 'Deny');
  const ips = (key: string, operator: string) => {
    const ranges = strings(t, policy[key], [...path, key]);
    if (ranges?.length) out.push(allow, denyWhen({ [operator]: { 'aws:SourceIp': ranges } }));
  };
  ips('IpRangeWhitelist', 'NotIpAddress');
  ips('IpRangeBlacklist', 'IpAddress');
  const vpcs = (listKey: string, vpcKey: string, vpceKey: string, operator: string) => {
    const endpoints = strings(t, policy[listKey], [...path, listKey]) ?? [];
    const vpc = [...endpoints.filter((e) => e.startsWith('vpc-')), ...(list(policy[vpcKey]) ?? [])];
    const vpce = [...endpoints.filter((e) => e.startsWith('vpce-')), ...(list(policy[vpceKey]) ?? [])];
    if (vpc.length === 0 && vpce.length === 0) return;
    const condition: JsonObject = {};
    if (vpc.length > 0) condition['aws:SourceVpc'] = vpc;
    if (vpce.length > 0) condition['aws:SourceVpce'] = vpce;
    out.push(allow, denyWhen({ [operator]: condition }));
  };
  vpcs('SourceVpcBlacklist', 'IntrinsicVpcBlacklist', 'IntrinsicVpceBlacklist', 'StringEquals');
  vpcs('SourceVpcWhitelist', 'IntrinsicVpcWhitelist', 'IntrinsicVpceWhitelist', 'StringNotEquals');
  return out;
}

/** Adds the statements of a `ResourcePolicy` for one path (the API's: call it for each path). */
export function addResourcePolicy(t: TemplateReader, editor: OpenApiEditor, v: unknown, path: Path, resourcePath: string, stage: string): void {
  if (!isObject(v)) fail(t.reader, path, 'expected a ResourcePolicy map');
  for (const key of Object.keys(v)) if (!PROPERTIES.includes(key)) fail(t.reader, [...path, key], `not a ResourcePolicy property (${PROPERTIES.join(', ')})`);
  appendStatements(editor, statements(t, v, path, resources(editor, resourcePath, stage)));
}

/** `CustomStatements`, once for the API. */
export function addCustomStatements(t: TemplateReader, editor: OpenApiEditor, v: unknown, path: Path): void {
  if (!isObject(v) || v['CustomStatements'] === undefined || v['CustomStatements'] === null) return;
  const custom = list(v['CustomStatements'])!;
  if (custom.some((s) => !isObject(s))) fail(t.reader, [...path, 'CustomStatements'], 'expected policy statements');
  appendStatements(editor, custom as JsonObject[]);
}

/** Statements already in the policy are not added twice. */
function appendStatements(editor: OpenApiEditor, added: JsonObject[]): void {
  if (added.length === 0) return;
  const policy = editor.extension(POLICY);
  const existing = policy['Statement'] === undefined ? [] : Array.isArray(policy['Statement']) ? [...policy['Statement']] : [policy['Statement']];
  const seen = new Set(existing.map((s) => JSON.stringify(s)));
  for (const s of added) {
    const text = JSON.stringify(s);
    if (!seen.has(text)) existing.push(s);
    seen.add(text);
  }
  policy['Version'] = '2012-10-17';
  policy['Statement'] = existing;
}
