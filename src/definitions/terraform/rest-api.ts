/**
 * Builds the `ApiDefinition` of one `aws_api_gateway_rest_api` from Terraform resources, linking them as
 * AWS does, by id: `rest_api_id`, `parent_id` and `resource_id` values must equal the id of the API, of an
 * `aws_api_gateway_resource`, or the API's `root_resource_id`. Methods, integrations and their responses
 * meet on (resource, HTTP method, status code). An OpenAPI `body` contributes its paths too.
 */
import type { ApiDefinition, MethodDefinition, MethodResponse, ModelSchema } from '../../model/index.js';
import { setOwn } from '../../own-property.js';
import { DefinitionError } from '../definition-error.js';
import { parseDefinitionText, type ParsedDocument } from '../document.js';
import { fail, isObject, requiredString, statusCode, stringMap } from '../fields.js';
import { readIntegration, readIntegrationResponse, type Spelling } from '../integration-fields.js';
import { fromOpenApi } from '../openapi.js';
import { rootResourceId } from './computed.js';
import type { TerraformOptions } from './options.js';
import type { TfResource } from './resource.js';
import { isUnresolved } from './values.js';

/** The integration fields as the AWS provider names its arguments. */
export const TERRAFORM: Spelling = {
  type: 'type',
  uri: 'uri',
  httpMethod: 'integration_http_method',
  requestTemplates: 'request_templates',
  passthroughBehavior: 'passthrough_behavior',
  requestParameters: 'request_parameters',
  contentHandling: 'content_handling',
  statusCode: 'status_code',
  selectionPattern: 'selection_pattern',
  responseTemplates: 'response_templates',
  responseParameters: 'response_parameters',
  timeoutInMillis: 'timeout_milliseconds',
};

const REST_API = 'aws_api_gateway_rest_api';

/** A value the API cannot be built without must be known offline. */
function known(r: TfResource, attribute: string): void {
  const v = r.values[attribute];
  if (isUnresolved(v)) {
    fail(r.reader, [r.address, attribute], `needs a value known without AWS, found ${JSON.stringify(v)}; give the variable a default or a value in the variables option`);
  }
}

function required(r: TfResource, attribute: string): string {
  known(r, attribute);
  return requiredString(r.reader, r.values[attribute], [r.address, attribute]);
}

function chooseApi(resources: readonly TfResource[], options: TerraformOptions, origin: string | undefined): TfResource {
  const apis = resources.filter((r) => r.type === REST_API);
  const names = apis.map((a) => a.address).join(', ') || 'none';
  if (options.api !== undefined) {
    const found = apis.find((a) => a.address === options.api || a.name === options.api || a.address.endsWith(`.${REST_API}.${options.api}`));
    if (!found) throw new DefinitionError(`no REST API named '${options.api}' (REST APIs here: ${names})`, '', origin);
    return found;
  }
  if (apis.length === 0) throw new DefinitionError(`no ${REST_API} resource`, '', origin);
  if (apis.length > 1) throw new DefinitionError(`several REST APIs are defined (${names}); choose one with the api option`, '', origin);
  return apis[0]!;
}

class ApiBuilder {
  readonly apiId: string;
  readonly rootId: string;
  readonly tree = new Map<string, TfResource>();
  readonly single: boolean;

  constructor(
    readonly api: TfResource,
    readonly resources: readonly TfResource[],
  ) {
    this.apiId = String(api.values['id'] ?? api.address);
    const root = api.values['root_resource_id'];
    this.rootId = typeof root === 'string' && root !== '' ? root : rootResourceId(this.apiId);
    this.single = resources.filter((r) => r.type === REST_API).length === 1;
    for (const r of this.of('aws_api_gateway_resource')) this.tree.set(String(r.values['id'] ?? r.address), r);
  }

  /**
   * Resources of a type that belong to the API. With a single API, one whose `rest_api_id` cannot be
   * known offline (a module input, say) is taken to be it.
   */
  of(type: string): TfResource[] {
    return this.resources.filter((r) => {
      if (r.type !== type) return false;
      const id = r.values['rest_api_id'];
      return id === this.apiId || (this.single && (id === undefined || id === null || isUnresolved(id)));
    });
  }

  path(r: TfResource, attribute: string, seen: readonly string[] = []): string {
    known(r, attribute);
    const id = r.values[attribute];
    if (id === this.rootId) return '/';
    const resource = typeof id === 'string' ? this.tree.get(id) : undefined;
    if (!resource) {
      fail(r.reader, [r.address, attribute], `${JSON.stringify(id)} is neither an aws_api_gateway_resource of ${this.api.address} nor its root_resource_id`);
    }
    if (seen.includes(resource.address)) fail(r.reader, [r.address, attribute], `resources form a cycle (${[...seen, resource.address].join(' → ')})`);
    const part = required(resource, 'path_part');
    const parent = this.path(resource, 'parent_id', [...seen, resource.address]);
    return `${parent === '/' ? '' : parent}/${part}`;
  }

  /** Resource id and HTTP method: what a method, its integration and their responses share. */
  key(r: TfResource): string {
    const method = required(r, 'http_method').toUpperCase();
    return `${String(r.values['resource_id'])}\0${method}`;
  }

  grouped(type: string): Map<string, TfResource[]> {
    const out = new Map<string, TfResource[]>();
    for (const r of this.of(type)) {
      const k = this.key(r);
      out.set(k, [...(out.get(k) ?? []), r]);
    }
    return out;
  }

  models(): Record<string, ModelSchema> {
    const out: Record<string, ModelSchema> = {};
    for (const m of this.of('aws_api_gateway_model')) {
      const name = m.values['name'];
      let schema: unknown = m.values['schema'];
      if (typeof name !== 'string' || typeof schema !== 'string' || isUnresolved(schema)) continue;
      try {
        schema = JSON.parse(schema);
      } catch {
        fail(m.reader, [m.address, 'schema'], 'is not a JSON Schema (not valid JSON)');
      }
      if (isObject(schema)) setOwn(out, name, schema);
    }
    return out;
  }

  methodResponses(list: readonly TfResource[]): Record<string, MethodResponse> | undefined {
    if (list.length === 0) return undefined;
    const out: Record<string, MethodResponse> = {};
    for (const r of list) {
      known(r, 'status_code');
      const status = statusCode(r.reader, r.values['status_code'], [r.address, 'status_code']);
      const params = isObject(r.values['response_parameters']) ? r.values['response_parameters'] : {};
      setOwn(out, status, { statusCode: status, responseParameters: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v === true || v === 'true'])) });
    }
    return out;
  }

  methods(models: Record<string, ModelSchema>): MethodDefinition[] {
    const methods = new Map(this.of('aws_api_gateway_method').map((m) => [this.key(m), m]));
    const methodResponses = this.grouped('aws_api_gateway_method_response');
    const integrationResponses = this.grouped('aws_api_gateway_integration_response');
    return this.of('aws_api_gateway_integration').map((integration) => {
      const k = this.key(integration);
      known(integration, 'type');
      const method = methods.get(k);
      const requestModels = method && isObject(method.values['request_models']) ? method.values['request_models'] : {};
      const schemas = Object.entries(requestModels).filter(([, name]) => typeof name === 'string' && Object.hasOwn(models, name));
      return {
        httpMethod: required(integration, 'http_method').toUpperCase(),
        resourcePath: this.path(integration, 'resource_id'),
        integration: readIntegration(integration.reader, integration.values, [integration.address], TERRAFORM, () =>
          (integrationResponses.get(k) ?? []).map((r) => {
            known(r, 'status_code');
            return readIntegrationResponse(r.reader, r.values, [r.address], TERRAFORM);
          }),
        ),
        methodResponses: this.methodResponses(methodResponses.get(k) ?? []),
        requestModels: schemas.length > 0 ? Object.fromEntries(schemas.map(([mediaType, name]) => [mediaType, models[name as string]!])) : undefined,
        source: `${integration.file ? `${integration.file} ` : ''}${integration.address}`,
      };
    });
  }

  stages(): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    const add = (r: TfResource) => {
      const name = r.values['stage_name'];
      if (typeof name !== 'string' || name === '') return;
      known(r, 'stage_name');
      const variables = (stringMap(r.reader, r.values['variables'], [r.address, 'variables']) ?? {}) as Record<string, string>;
      setOwn(out, name, { ...(Object.hasOwn(out, name) ? out[name] : {}), ...variables });
    };
    // The deprecated `stage_name` of a deployment creates a stage too; an explicit stage is applied after it.
    this.of('aws_api_gateway_deployment').forEach(add);
    this.of('aws_api_gateway_stage').forEach(add);
    return out;
  }

  body(): ApiDefinition | undefined {
    const text = this.api.values['body'];
    if (text === undefined || text === null || text === '') return undefined;
    known(this.api, 'body');
    if (typeof text !== 'string') fail(this.api.reader, [this.api.address, 'body'], 'expected the OpenAPI document as a string (jsonencode, file or a heredoc)');
    const at = [this.api.address, 'body'] as const;
    const position = this.api.reader.doc?.locate(at);
    let value: unknown;
    try {
      value = parseDefinitionText(text).value;
    } catch (e) {
      const inner = e instanceof DefinitionError && e.line ? ` (line ${e.line}, column ${e.column} of the document)` : '';
      fail(this.api.reader, at, `is not an OpenAPI document: ${e instanceof DefinitionError ? e.message : String(e)}${inner}`);
    }
    // The document's own lines are not the .tf file's: errors inside it point at the body argument.
    const doc: ParsedDocument = { value, file: this.api.file, locate: () => position };
    return fromOpenApi(value, { doc }, [...at]);
  }

  binaryMediaTypes(): string[] | undefined {
    const v = this.api.values['binary_media_types'];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) fail(this.api.reader, [this.api.address, 'binary_media_types'], 'expected a list of media types');
    return v.map((t, i) => requiredString(this.api.reader, t, [this.api.address, 'binary_media_types', i]));
  }
}

/** The API one of `resources` defines. @throws DefinitionError */
export function restApiFromResources(resources: readonly TfResource[], options: TerraformOptions = {}, origin?: string): ApiDefinition {
  const api = chooseApi(resources, options, origin);
  const b = new ApiBuilder(api, resources);
  const body = b.body();
  const models = b.models();
  const name = api.values['name'];
  const stages = b.stages();
  return {
    title: typeof name === 'string' && !isUnresolved(name) ? name : (body?.title ?? api.address),
    methods: [...(body?.methods ?? []), ...b.methods(models)],
    binaryMediaTypes: b.binaryMediaTypes() ?? body?.binaryMediaTypes,
    stages,
    models: { ...body?.models, ...models },
  };
}
