/**
 * CloudFormation and SAM templates (JSON or YAML with short-form intrinsics): `AWS::ApiGateway::RestApi`
 * with its `AWS::ApiGateway::Resource` tree and `AWS::ApiGateway::Method`s (or an OpenAPI `Body`),
 * `AWS::Serverless::Api` with a `DefinitionBody` or local `DefinitionUri`, SAM function `Api` events
 * (proxy integrations), and stages with their variables.
 */
import type { ApiDefinition, Integration, MethodDefinition, MethodResponse, ModelSchema } from '../model/index.js';
import type { ParsedDocument } from './document.js';
import { fail, isObject, requiredString, statusCode, stringMap, type Path, type Reader } from './fields.js';
import { CLOUDFORMATION, readIntegration, readIntegrationResponse } from './integration-fields.js';
import { IntrinsicResolver, type CfnTemplate } from './intrinsics.js';
import { fromOpenApi } from './openapi.js';
import { setOwn } from '../own-property.js';

export interface CloudFormationOptions {
  /** The logical id of the API to load, when the template has more than one. */
  api?: string;
  /** Template parameter values (otherwise their defaults). */
  parameters?: Record<string, string>;
  /** Reads a SAM `DefinitionUri` that names a local file. */
  readDefinition?: (uri: string) => ParsedDocument;
}

type Resource = { Type?: string; Properties?: Record<string, unknown> };

const REST_API = 'AWS::ApiGateway::RestApi';
const SAM_API = 'AWS::Serverless::Api';
const SAM_FUNCTION = 'AWS::Serverless::Function';
/** The API SAM creates for function `Api` events that name no `RestApiId`. */
const IMPLICIT_API = 'ServerlessRestApi';

export function isCloudFormation(value: unknown): value is CfnTemplate & Record<string, unknown> {
  return isObject(value) && isObject(value['Resources']);
}

class TemplateReader {
  readonly resolver: IntrinsicResolver;
  readonly resources: Record<string, Resource>;

  constructor(
    readonly template: CfnTemplate & Record<string, unknown>,
    readonly reader: Reader,
    readonly options: CloudFormationOptions,
  ) {
    this.resolver = new IntrinsicResolver(template, options.parameters);
    this.resources = template.Resources as Record<string, Resource>;
  }

  ofType(type: string): [string, Resource][] {
    return Object.entries(this.resources).filter(([, r]) => isObject(r) && r.Type === type);
  }

  props(id: string): Record<string, unknown> {
    const p = this.resources[id]?.Properties;
    return isObject(p) ? p : {};
  }

  /** The logical id a `!Ref X` / `!GetAtt X.Attr` names. */
  referenced(v: unknown): string | undefined {
    if (typeof v === 'string') return Object.hasOwn(this.resources, v) ? v : undefined;
    if (!isObject(v)) return undefined;
    if (typeof v['Ref'] === 'string') return v['Ref'];
    const att = v['Fn::GetAtt'];
    if (typeof att === 'string') return att.split('.')[0];
    if (Array.isArray(att) && typeof att[0] === 'string') return att[0];
    return undefined;
  }

  resolved(v: unknown): unknown {
    return this.resolver.resolve(v);
  }
}

function apiIds(t: TemplateReader): string[] {
  const ids = [...t.ofType(REST_API), ...t.ofType(SAM_API)].map(([id]) => id);
  const implicit = t.ofType(SAM_FUNCTION).some(([id]) => functionEvents(t, id).some((e) => e.restApiId === undefined));
  if (implicit && !ids.includes(IMPLICIT_API)) ids.push(IMPLICIT_API);
  return ids;
}

function chooseApi(t: TemplateReader): string {
  const ids = apiIds(t);
  if (t.options.api !== undefined) {
    if (!ids.includes(t.options.api)) fail(t.reader, ['Resources'], `no API named '${t.options.api}' (APIs here: ${ids.join(', ') || 'none'})`);
    return t.options.api;
  }
  if (ids.length === 0) fail(t.reader, ['Resources'], `no ${REST_API} or ${SAM_API} in the template`);
  if (ids.length > 1) fail(t.reader, ['Resources'], `the template defines several APIs (${ids.join(', ')}); choose one with the api option`);
  return ids[0]!;
}

// ---------------------------------------------------------------- AWS::ApiGateway::Method

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
  if (!id || t.resources[id]?.Type !== 'AWS::ApiGateway::Resource') {
    fail(t.reader, path, `expected !Ref to an AWS::ApiGateway::Resource or !GetAtt ${apiId}.RootResourceId`);
  }
  if (seen.includes(id)) fail(t.reader, path, `resources form a cycle (${[...seen, id].join(' → ')})`);
  const props = t.props(id);
  const part = requiredString(t.reader, t.resolved(props['PathPart']), ['Resources', id, 'Properties', 'PathPart']);
  const parent = resourcePath(t, apiId, props['ParentId'], ['Resources', id, 'Properties', 'ParentId'], [...seen, id]);
  return `${parent === '/' ? '' : parent}/${part}`;
}

/** `AWS::ApiGateway::Model`s of the API, by model name and by logical id. */
function cfnModels(t: TemplateReader, apiId: string): Record<string, ModelSchema> {
  const out: Record<string, ModelSchema> = {};
  for (const [id] of t.ofType('AWS::ApiGateway::Model')) {
    const p = t.props(id);
    if (t.referenced(p['RestApiId']) !== apiId) continue;
    let schema = t.resolved(p['Schema']);
    if (typeof schema === 'string') {
      try {
        schema = JSON.parse(schema);
      } catch {
        fail(t.reader, ['Resources', id, 'Properties', 'Schema'], 'is not a JSON Schema (not valid JSON)');
      }
    }
    if (!isObject(schema)) continue;
    const name = t.resolved(p['Name']);
    setOwn(out, id, schema);
    if (typeof name === 'string') setOwn(out, name, schema);
  }
  return out;
}

/** `RequestModels`: media type → model name or `!Ref` to a Model resource. */
function requestModels(t: TemplateReader, v: unknown, models: Record<string, ModelSchema>): Record<string, ModelSchema> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, ModelSchema> = {};
  for (const [mediaType, ref] of Object.entries(v)) {
    const name = t.referenced(ref) ?? (typeof ref === 'string' ? ref : undefined);
    if (name !== undefined && Object.hasOwn(models, name)) setOwn(out, mediaType, models[name]!);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function cfnMethods(t: TemplateReader, apiId: string, models: Record<string, ModelSchema>): MethodDefinition[] {
  const methods: MethodDefinition[] = [];
  for (const [id] of t.ofType('AWS::ApiGateway::Method')) {
    const raw = t.props(id);
    if (t.referenced(raw['RestApiId']) !== apiId) continue;
    const at: Path = ['Resources', id, 'Properties'];
    const props = t.resolved(raw) as Record<string, unknown>;
    if (props['Integration'] === undefined) continue;
    methods.push({
      httpMethod: requiredString(t.reader, props['HttpMethod'], [...at, 'HttpMethod']).toUpperCase(),
      resourcePath: resourcePath(t, apiId, raw['ResourceId'], [...at, 'ResourceId']),
      integration: integration(t, props['Integration'], [...at, 'Integration']),
      methodResponses: methodResponses(t, props['MethodResponses'], [...at, 'MethodResponses']),
      requestModels: requestModels(t, raw['RequestModels'], models),
      source: `${t.reader.doc?.file ? `${t.reader.doc.file} ` : ''}Resources.${id}`,
    });
  }
  return methods;
}

// ---------------------------------------------------------------- SAM function events

interface ApiEvent {
  restApiId?: string;
  path: string;
  method: string;
  functionId: string;
  eventPath: Path;
}

function functionEvents(t: TemplateReader, functionId: string): ApiEvent[] {
  const events = t.props(functionId)['Events'];
  if (!isObject(events)) return [];
  const out: ApiEvent[] = [];
  for (const [name, event] of Object.entries(events)) {
    if (!isObject(event) || event['Type'] !== 'Api' || !isObject(event['Properties'])) continue;
    const p = event['Properties'];
    out.push({
      restApiId: p['RestApiId'] === undefined ? undefined : t.referenced(p['RestApiId']),
      path: String(t.resolved(p['Path']) ?? '/'),
      method: String(t.resolved(p['Method']) ?? 'ANY'),
      functionId,
      eventPath: ['Resources', functionId, 'Properties', 'Events', name],
    });
  }
  return out;
}

function eventMethods(t: TemplateReader, apiId: string): MethodDefinition[] {
  const methods: MethodDefinition[] = [];
  for (const [functionId] of t.ofType(SAM_FUNCTION)) {
    for (const e of functionEvents(t, functionId)) {
      if ((e.restApiId ?? IMPLICIT_API) !== apiId) continue;
      const method = e.method.toLowerCase() === 'any' ? 'ANY' : e.method.toUpperCase();
      methods.push({
        httpMethod: method,
        resourcePath: e.path,
        integration: {
          type: 'AWS_PROXY',
          httpMethod: 'POST',
          uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${String(t.resolved({ 'Fn::GetAtt': [functionId, 'Arn'] }))}/invocations`,
        },
        source: `${t.reader.doc?.file ? `${t.reader.doc.file} ` : ''}${e.eventPath.join('.')}`,
      });
    }
  }
  return methods;
}

// ---------------------------------------------------------------- stages and the API itself

function variables(t: TemplateReader, v: unknown, path: Path): Record<string, string> {
  return (stringMap(t.reader, t.resolved(v), path) ?? {}) as Record<string, string>;
}

function stages(t: TemplateReader, apiId: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  const add = (name: unknown, vars: Record<string, string>) => {
    const stage = t.resolved(name);
    if (typeof stage !== 'string' || stage === '') return;
    const merged = { ...(Object.hasOwn(out, stage) ? out[stage] : {}), ...vars };
    setOwn(out, stage, merged);
  };
  for (const [id] of t.ofType('AWS::ApiGateway::Stage')) {
    const p = t.props(id);
    if (t.referenced(p['RestApiId']) === apiId) add(p['StageName'], variables(t, p['Variables'], ['Resources', id, 'Properties', 'Variables']));
  }
  for (const [id] of t.ofType('AWS::ApiGateway::Deployment')) {
    const p = t.props(id);
    if (t.referenced(p['RestApiId']) !== apiId || p['StageName'] === undefined) continue;
    const description = isObject(p['StageDescription']) ? p['StageDescription'] : {};
    add(p['StageName'], variables(t, description['Variables'], ['Resources', id, 'Properties', 'StageDescription', 'Variables']));
  }
  if (t.resources[apiId]?.Type === SAM_API) {
    const p = t.props(apiId);
    add(p['StageName'] ?? 'Prod', variables(t, p['Variables'], ['Resources', apiId, 'Properties', 'Variables']));
  }
  if (apiId === IMPLICIT_API && !t.resources[apiId]) add('Prod', {});
  return out;
}

function mediaTypes(t: TemplateReader, v: unknown, path: Path): string[] | undefined {
  const list = t.resolved(v);
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) fail(t.reader, path, 'expected a list of media types');
  // CloudFormation and SAM write the `/` of a media type as `~1`.
  return list.map((x, i) => requiredString(t.reader, x, [...path, i]).replace(/~1/g, '/'));
}

function openApiBody(t: TemplateReader, apiId: string, props: Record<string, unknown>, bodyKey: string, uriKey: string): ApiDefinition | undefined {
  const at: Path = ['Resources', apiId, 'Properties'];
  if (props[bodyKey] !== undefined) {
    return fromOpenApi(t.resolved(props[bodyKey]), t.reader, [...at, bodyKey]);
  }
  const uri = props[uriKey];
  if (uri === undefined) return undefined;
  if (typeof uri !== 'string' || /^s3:\/\//.test(uri)) {
    fail(t.reader, [...at, uriKey], 'only a local file path can be read offline; put the OpenAPI document in a local file or inline it');
  }
  if (!t.options.readDefinition) fail(t.reader, [...at, uriKey], 'names a file, but the template was not loaded from a file');
  const doc = t.options.readDefinition(uri);
  return fromOpenApi(doc.value, { doc });
}

const FUNCTION_TYPES = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

/**
 * The names a template's functions go by besides the one they are deployed under: the logical id when
 * `FunctionName` is set, and for CDK output (`Metadata['aws:cdk:path']`, e.g. `PetsStack/CreatePetFn/Resource`)
 * the construct path and id, so handlers can be keyed as the CDK code names the function instead of by
 * its hash-suffixed logical id (`CreatePetFn4E8DD9B6`).
 */
function functionAliases(t: TemplateReader): Record<string, string> | undefined {
  const aliases: Record<string, string> = {};
  for (const [logicalId, resource] of Object.entries(t.resources)) {
    if (!isObject(resource) || !FUNCTION_TYPES.has(resource.Type ?? '')) continue;
    const given = t.resolved(t.props(logicalId)['FunctionName']);
    const deployed = typeof given === 'string' ? given : logicalId;
    if (deployed !== logicalId) setOwn(aliases, logicalId, deployed);
    const metadata = (resource as { Metadata?: unknown }).Metadata;
    const path = isObject(metadata) ? metadata['aws:cdk:path'] : undefined;
    if (typeof path !== 'string') continue;
    const construct = path.replace(/\/Resource$/, '');
    setOwn(aliases, construct, deployed);
    const id = construct.slice(construct.lastIndexOf('/') + 1);
    // A construct id two functions share (in different scopes) would be ambiguous: keep only paths then.
    if (Object.hasOwn(aliases, id) && aliases[id] !== deployed) aliases[id] = '';
    else setOwn(aliases, id, deployed);
  }
  for (const [k, v] of Object.entries(aliases)) if (v === '') delete aliases[k];
  return Object.keys(aliases).length > 0 ? aliases : undefined;
}

/**
 * Reads the API of a CloudFormation / SAM template.
 * @throws DefinitionError naming the path (and line) of a bad value, or listing the APIs to choose from
 */
export function fromCloudFormation(template: unknown, reader: Reader = {}, options: CloudFormationOptions = {}): ApiDefinition {
  if (!isCloudFormation(template)) fail(reader, [], 'not a CloudFormation template (no Resources)');
  const t = new TemplateReader(template, reader, options);
  const apiId = chooseApi(t);
  const resource = t.resources[apiId];
  const props = t.props(apiId);
  const sam = resource?.Type === SAM_API;
  const body = resource ? openApiBody(t, apiId, props, sam ? 'DefinitionBody' : 'Body', sam ? 'DefinitionUri' : 'BodyS3Location') : undefined;
  const models = cfnModels(t, apiId);
  const methods = [...(body?.methods ?? []), ...cfnMethods(t, apiId, models), ...eventMethods(t, apiId)];
  const name = t.resolved(props['Name']);
  return {
    title: typeof name === 'string' ? name : (body?.title ?? apiId),
    functionAliases: functionAliases(t),
    methods,
    binaryMediaTypes: mediaTypes(t, props['BinaryMediaTypes'], ['Resources', apiId, 'Properties', 'BinaryMediaTypes']) ?? body?.binaryMediaTypes,
    stages: stages(t, apiId),
    models: { ...body?.models, ...models },
  };
}
