/**
 * CloudFormation and SAM templates (JSON or YAML with short-form intrinsics): `AWS::ApiGateway::RestApi`
 * with its `AWS::ApiGateway::Resource` tree and `AWS::ApiGateway::Method`s (or an OpenAPI `Body`),
 * `AWS::Serverless::Api` with a `DefinitionBody` or local `DefinitionUri` (or none: SAM generates it),
 * SAM function `Api` events (proxy integrations), and around them the request pipeline's resources:
 * authorizers, request validators, models, gateway responses, API keys and usage plans, stages with their
 * variables and settings, and the API's key source and resource policy.
 */
import type { ApiDefinition, ApiKeySource } from '../model/index.js';
import { setOwn } from '../own-property.js';
import { checkModels } from './check-models.js';
import { cfnAuthorizers, cfnGatewayResponses, cfnValidators } from './cloudformation-auth.js';
import { cfnMethods, cfnModels } from './cloudformation-methods.js';
import { cfnStages, samStageName } from './cloudformation-stages.js';
import { cfnUsagePlans } from './cloudformation-usage-plans.js';
import { compact, fail, isObject, oneOf, requiredString, type Path, type Reader } from './fields.js';
import type { CfnTemplate } from './intrinsics.js';
import { readOpenApi, type OpenApiRead } from './openapi.js';
import { readPolicyDocument } from './policy-fields.js';
import { samOpenApi, type OpenApiSource, type SamSources } from './sam-api.js';
import { allApiEvents } from './sam-events.js';
import { SamApiProperties } from './sam-globals.js';
import { samUsagePlan } from './sam-usage-plan.js';
import { IMPLICIT_API, REST_API, SAM_API, TemplateReader, type CloudFormationOptions } from './template-reader.js';

export type { CloudFormationOptions } from './template-reader.js';

const API_KEY_SOURCES: readonly ApiKeySource[] = ['HEADER', 'AUTHORIZER'];

export function isCloudFormation(value: unknown): value is CfnTemplate & Record<string, unknown> {
  return isObject(value) && isObject(value['Resources']);
}

function apiIds(t: TemplateReader): string[] {
  const ids = [...t.ofType(REST_API), ...t.ofType(SAM_API)].map(([id]) => id);
  const implicit = allApiEvents(t).some((e) => e.restApiId === undefined);
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

function mediaTypes(t: TemplateReader, v: unknown, path: Path): string[] | undefined {
  const list = t.resolved(v, path);
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) fail(t.reader, path, 'expected a list of media types');
  // CloudFormation and SAM write the `/` of a media type as `~1`.
  return list.map((x, i) => requiredString(t.reader, x, [...path, i]).replace(/~1/g, '/'));
}

/** An API's properties whatever its kind: a SAM API's with its Globals, a RestApi's as written. */
interface ApiProperties {
  raw(key: string): unknown;
  path(key: string): Path;
}

function restApiProperties(t: TemplateReader, apiId: string): ApiProperties {
  const props = t.props(apiId);
  return { raw: (key) => (Object.hasOwn(props, key) ? props[key] : undefined), path: (key) => ['Resources', apiId, 'Properties', key] };
}

/** The API's OpenAPI document, inline (`DefinitionBody` / `Body`) or in a local file (`DefinitionUri` / `BodyS3Location`). */
function bodySource(t: TemplateReader, props: ApiProperties, sam: boolean): OpenApiSource | undefined {
  const [bodyKey, uriKey] = sam ? ['DefinitionBody', 'DefinitionUri'] : ['Body', 'BodyS3Location'];
  if (props.raw(bodyKey) !== undefined) return { value: t.resolved(props.raw(bodyKey), props.path(bodyKey)), reader: t.reader, base: props.path(bodyKey) };
  const uri = props.raw(uriKey);
  if (uri === undefined) return undefined;
  if (typeof uri !== 'string' || /^s3:\/\//.test(uri)) {
    fail(t.reader, props.path(uriKey), 'only a local file path can be read offline; put the OpenAPI document in a local file or inline it');
  }
  if (!t.options.readDefinition) fail(t.reader, props.path(uriKey), 'names a file, but the template was not loaded from a file');
  const doc = t.options.readDefinition(uri);
  return { value: doc.value, reader: { doc }, base: [] };
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

/** The body's and the template's of one kind, the template's winning; undefined when neither has any. */
function merged<T>(fromBody: Record<string, T> | undefined, fromTemplate: Record<string, T> | undefined): Record<string, T> | undefined {
  if (!fromBody && !fromTemplate) return undefined;
  return { ...fromBody, ...fromTemplate };
}

/** With `source` naming where in the template SAM took it from, for what SAM wrote. */
function withSource<T extends { source?: string }>(value: T, source: string | undefined): T {
  return source === undefined ? value : { ...value, source };
}

/** The document's definition, its `source`s naming what in the template SAM made each part from. */
function documentDefinition(read: OpenApiRead | undefined, sources: SamSources | undefined): ApiDefinition | undefined {
  if (!read) return undefined;
  const d = read.definition;
  const methods = d.methods.map((m) => withSource(m, sources?.methods.get(`${m.resourcePath} ${m.httpMethod}`)));
  const authorizers = d.authorizers && Object.fromEntries(Object.entries(d.authorizers).map(([name, a]) => [name, withSource(a, sources?.authorizers.get(name))]));
  const gatewayResponses = d.gatewayResponses && Object.fromEntries(Object.entries(d.gatewayResponses).map(([type, g]) => [type, withSource(g, sources?.gatewayResponses.get(type))]));
  return compact({ ...d, methods, authorizers, gatewayResponses });
}

/**
 * Reads the API of a CloudFormation / SAM template.
 * @throws DefinitionError naming the path (and line) of a bad value, or listing the APIs to choose from
 */
export function fromCloudFormation(template: unknown, reader: Reader = {}, options: CloudFormationOptions = {}): ApiDefinition {
  if (!isCloudFormation(template)) fail(reader, [], 'not a CloudFormation template (no Resources)');
  const t = new TemplateReader(template, reader, options);
  const apiId = chooseApi(t);
  const isSam = t.isA(apiId, SAM_API) || (apiId === IMPLICIT_API && !Object.hasOwn(t.resources, apiId));
  const sam = isSam ? new SamApiProperties(t, apiId) : undefined;
  const props: ApiProperties = sam ?? restApiProperties(t, apiId);
  const stage = sam ? samStageName(sam) : 'Prod';
  const document = samOpenApi(t, apiId, sam, stage, bodySource(t, props, isSam));
  const read = document ? readOpenApi(document.value, document.reader, document.base) : undefined;
  const body = documentDefinition(read, document?.sources);
  const templateModels = cfnModels(t, apiId);
  const { stages, stageSettings } = cfnStages(t, apiId, sam);
  const { usagePlans, apiKeys } = cfnUsagePlans(t, apiId, Object.keys(stages), sam ? samUsagePlan(t, sam, stage) : undefined);
  const name = t.resolved(props.raw('Name'), props.path('Name'));
  const definition: ApiDefinition = {
    title: typeof name === 'string' ? name : (body?.title ?? apiId),
    functionAliases: functionAliases(t),
    methods: [...(body?.methods ?? []), ...cfnMethods(t, apiId, templateModels)],
    binaryMediaTypes: mediaTypes(t, props.raw('BinaryMediaTypes'), props.path('BinaryMediaTypes')) ?? body?.binaryMediaTypes,
    stages,
    models: { ...body?.models, ...templateModels.models },
  };
  const extras: Partial<ApiDefinition> = {
    stageSettings,
    authorizers: merged(body?.authorizers, cfnAuthorizers(t, apiId)),
    apiKeySource: oneOf(t.reader, t.resolved(props.raw('ApiKeySourceType')), props.path('ApiKeySourceType'), API_KEY_SOURCES) ?? body?.apiKeySource,
    apiKeys: apiKeys.length > 0 ? apiKeys : undefined,
    usagePlans: usagePlans.length > 0 ? usagePlans : undefined,
    requestValidators: merged(body?.requestValidators, cfnValidators(t, apiId)),
    gatewayResponses: merged(body?.gatewayResponses, cfnGatewayResponses(t, apiId)),
    policy: readPolicyDocument(t.reader, t.resolved(props.raw('Policy'), props.path('Policy')), props.path('Policy')) ?? body?.policy,
  };
  for (const [key, value] of Object.entries(extras)) if (value !== undefined) (definition as unknown as Record<string, unknown>)[key] = value;
  const templateNames = Object.keys(templateModels.models);
  if (read && document) checkModels(definition, document.reader, read.locateModel, Object.keys(body?.models ?? {}).filter((n) => !templateNames.includes(n)));
  checkModels(definition, t.reader, templateModels.locate, templateNames);
  return definition;
}
