/**
 * Serverless Framework (v3/v4) `serverless.yml` with `provider.name: aws`: each function's `http` events
 * become the REST API methods the framework deploys (`serverless package` writes the same API as
 * CloudFormation, which the CloudFormation reader loads). `httpApi` events are skipped with a warning: an
 * HTTP API is a separate API without mapping templates, which this REST API model does not describe.
 * What the framework generates is read in its sources (serverless/serverless,
 * lib/plugins/aws/package/compile/events/api-gateway/lib/{validate.js, method/*.js, cors.js}).
 */
import type { ApiDefinition, Integration, IntegrationResponse, IntegrationType, MethodDefinition, MethodResponse, ModelSchema } from '../model/index.js';
import { setOwn } from '../own-property.js';
import { describe, fail, isObject, oneOf, optionalString, requiredString, type Path, type Reader } from './fields.js';
import { CONTENT_HANDLINGS, PASSTHROUGH_BEHAVIORS } from './integration-fields.js';
import { ACCOUNT_ID } from './intrinsics.js';
import { DEFAULT_STATUS_CODES, defaultLambdaRequestTemplates } from './serverless-templates.js';
import { VariableResolver, type ServerlessOptions } from './serverless-variables.js';
import { recordGenerated, recordOrigin } from './template-origin.js';

export type { ServerlessOptions } from './serverless-variables.js';

/** What reading a `serverless.yml` needs besides the document. */
export interface ServerlessReadOptions extends ServerlessOptions {
  /** Reads `${file(path)}` relative to the configuration; absent for text without a file. */
  readFile?: (path: string) => unknown;
  /** Told what is skipped or left as a placeholder. */
  onWarning?: (message: string) => void;
}

/** A `serverless.yml`: a `service` with a `provider` or `functions`. */
export function isServerless(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const service = value['service'];
  return (typeof service === 'string' || isObject(service)) && (isObject(value['provider']) || isObject(value['functions']));
}

const INTEGRATIONS: Record<string, IntegrationType> = { LAMBDA: 'AWS', LAMBDA_PROXY: 'AWS_PROXY', AWS: 'AWS', AWS_PROXY: 'AWS_PROXY', HTTP: 'HTTP', HTTP_PROXY: 'HTTP_PROXY', MOCK: 'MOCK' };

/** The headers a `cors: true` preflight allows (validate.js `getCors`). */
const CORS_HEADERS = ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent', 'X-Amzn-Trace-Id'];

interface Cors {
  origin?: string;
  origins?: string[];
  headers: string[];
  methods: string[];
  allowCredentials: boolean;
  maxAge?: unknown;
  cacheControl?: unknown;
}

interface HttpEvent {
  functionKey: string;
  functionName: string;
  method: string;
  /** As the framework keeps it: no leading or trailing `/`. */
  path: string;
  http: Record<string, unknown>;
  at: Path;
  cors?: Cors;
}

class ServerlessReader {
  readonly service: string;
  readonly stage: string;
  readonly region: string;

  constructor(
    readonly config: Record<string, unknown>,
    readonly reader: Reader,
    readonly options: ServerlessReadOptions,
  ) {
    const service = config['service'];
    this.service = requiredString(reader, isObject(service) ? service['name'] : service, isObject(service) ? ['service', 'name'] : ['service']);
    const provider = this.provider();
    this.stage = options.stage ?? options.options?.['stage'] ?? optionalString(reader, provider['stage'], ['provider', 'stage']) ?? 'dev';
    this.region = options.region ?? options.options?.['region'] ?? optionalString(reader, provider['region'], ['provider', 'region']) ?? 'us-east-1';
  }

  provider(): Record<string, unknown> {
    const p = this.config['provider'];
    return isObject(p) ? p : {};
  }

  warn(message: string): void {
    this.options.onWarning?.(`${this.reader.doc?.file ? `${this.reader.doc.file}: ` : ''}${message}`);
  }

  where(path: Path): string {
    return `${this.reader.doc?.file ? `${this.reader.doc.file} ` : ''}${path.map(String).join('.')}`;
  }
}

/** `provider.stage`/`region` and the variables they may hold are needed before anything else resolves. */
function resolveConfig(raw: Record<string, unknown>, reader: Reader, options: ServerlessReadOptions): Record<string, unknown> {
  const cliOptions: Record<string, string> = { ...options.options };
  if (options.stage !== undefined) cliOptions['stage'] = options.stage;
  if (options.region !== undefined) cliOptions['region'] = options.region;
  const given = (name: string) => (Object.hasOwn(cliOptions, name) ? cliOptions[name] : undefined);
  const providerValue = (name: string, fallback: string) => () => {
    const v = given(name) ?? resolver.self(`provider.${name}`, ['provider', name]);
    return typeof v === 'string' && v !== '' ? v : fallback;
  };
  const stage = providerValue('stage', 'dev');
  const environment = options.env ?? (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const param = (name: string): unknown => {
    if (options.params && Object.hasOwn(options.params, name)) return options.params[name];
    const declared = (at: string) => (isObject(raw['params']) && isObject(raw['params'][at]) && Object.hasOwn(raw['params'][at], name) ? resolver.self(`params.${at}.${name}`, ['params', at, name]) : undefined);
    return declared(stage()) ?? declared('default');
  };
  const resolver: VariableResolver = new VariableResolver(
    raw,
    {
      stage,
      region: providerValue('region', 'us-east-1'),
      options: cliOptions,
      param,
      env: environment,
      readFile: options.readFile,
      warn: (m) => options.onWarning?.(`${reader.doc?.file ? `${reader.doc.file}: ` : ''}${m}`),
    },
    reader,
  );
  return resolver.resolveAll();
}

// ---------------------------------------------------------------- events

function httpEvent(s: ServerlessReader, functionKey: string, functionName: string, event: unknown, at: Path): HttpEvent {
  const raw = event;
  let http: Record<string, unknown>;
  if (typeof raw === 'string') {
    const [method, path, ...rest] = raw.trim().split(/\s+/);
    if (!method || path === undefined || rest.length > 0) fail(s.reader, at, `expected 'METHOD path' (e.g. 'GET /pets/{id}'), found '${raw}'`);
    http = { method, path };
  } else if (isObject(raw)) http = raw;
  else return fail(s.reader, at, `expected 'METHOD path' or an object with method and path, found ${describe(raw)}`);
  const method = requiredString(s.reader, http['method'], [...at, 'method']);
  const path = requiredString(s.reader, http['path'], [...at, 'path']).replace(/^\//, '').replace(/\/$/, '');
  return { functionKey, functionName, method: method.toLowerCase(), path, http, at };
}

function events(s: ServerlessReader): HttpEvent[] {
  const functions = s.config['functions'];
  if (functions === undefined || functions === null) return [];
  if (!isObject(functions)) fail(s.reader, ['functions'], `expected a map of functions, found ${describe(functions)}`);
  const out: HttpEvent[] = [];
  for (const [key, fn] of Object.entries(functions)) {
    if (!isObject(fn)) fail(s.reader, ['functions', key], `expected a function object, found ${describe(fn)}`);
    const name = optionalString(s.reader, fn['name'], ['functions', key, 'name']) ?? `${s.service}-${s.stage}-${key}`;
    const list = fn['events'];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) fail(s.reader, ['functions', key, 'events'], 'expected a list of events');
    list.forEach((e, i) => {
      const at: Path = ['functions', key, 'events', i];
      if (!isObject(e)) return;
      if (e['http'] !== undefined) out.push(httpEvent(s, key, name, e['http'], [...at, 'http']));
      else if (e['httpApi'] !== undefined) {
        s.warn(`${at.join('.')}.httpApi: skipped: an HTTP API route runs no mapping templates (only http events, the REST API, are loaded)`);
      }
    });
  }
  return out;
}

function integrationType(s: ServerlessReader, e: HttpEvent): IntegrationType {
  const given = e.http['integration'];
  if (given === undefined || given === null) return e.http['async'] === true ? 'AWS' : 'AWS_PROXY';
  const name = requiredString(s.reader, given, [...e.at, 'integration']);
  const type = INTEGRATIONS[name.toUpperCase().replace('-', '_')];
  if (!type) fail(s.reader, [...e.at, 'integration'], `'${name}' is not one of lambda, lambda-proxy, http, http-proxy, mock`);
  return type;
}

function record(v: unknown): Record<string, unknown> {
  return isObject(v) ? v : {};
}

/** `cors: true` or an object, with the framework's defaults (validate.js `getCors`). */
function cors(s: ServerlessReader, e: HttpEvent): Cors | undefined {
  const given = e.http['cors'];
  if (given === undefined || given === null || given === false) return undefined;
  const method = e.method.toUpperCase();
  if (!isObject(given)) return { origin: '*', methods: ['OPTIONS', method], headers: CORS_HEADERS, allowCredentials: false };
  const list = (v: unknown, at: string) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).map((x, i) => requiredString(s.reader, x, [...e.at, 'cors', at, i])));
  const methods = list(given['methods'], 'methods') ?? [];
  if (!methods.includes('OPTIONS')) methods.push('OPTIONS');
  if (!methods.includes(method)) methods.push(method);
  const origins = list(given['origins'], 'origins');
  return {
    origin: origins ? optionalString(s.reader, given['origin'], [...e.at, 'cors', 'origin']) : (optionalString(s.reader, given['origin'], [...e.at, 'cors', 'origin']) ?? '*'),
    origins,
    headers: list(given['headers'], 'headers') ?? CORS_HEADERS,
    methods,
    allowCredentials: Boolean(given['allowCredentials']),
    maxAge: given['maxAge'],
    cacheControl: given['cacheControl'],
  };
}

function lambdaUri(s: ServerlessReader, functionName: string): string {
  return `arn:aws:apigateway:${s.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${s.region}:${ACCOUNT_ID}:function:${functionName}/invocations`;
}

/** `request.parameters.{querystrings,paths,headers}` → `method.request.<location>.<name>` → its settings. */
function methodParameters(s: ServerlessReader, e: HttpEvent): Record<string, unknown> {
  const parameters = record(record(e.http['request'])['parameters']);
  const out: Record<string, unknown> = {};
  for (const location of ['querystrings', 'paths', 'headers']) {
    const names = parameters[location];
    if (names === undefined) continue;
    if (!isObject(names)) fail(s.reader, [...e.at, 'request', 'parameters', location], `expected a map of parameter names, found ${describe(names)}`);
    for (const [name, value] of Object.entries(names)) setOwn(out, `method.request.${location.slice(0, -1)}.${name}`, value);
  }
  return out;
}

function requestTemplates(s: ServerlessReader, e: HttpEvent, type: IntegrationType): Record<string, string> | undefined {
  const authorizer = e.http['authorizer'];
  const claims = isObject(authorizer) && Array.isArray(authorizer['claims']) ? authorizer['claims'].map(String) : [];
  const out: Record<string, string> = type === 'AWS' ? defaultLambdaRequestTemplates(claims) : {};
  const defaults = new Set(Object.keys(out));
  const given = record(e.http['request'])['template'];
  if (isObject(given)) {
    for (const [mediaType, template] of Object.entries(given)) {
      // A null template removes one of the defaults.
      if (template === null) delete out[mediaType];
      else {
        const at = [...e.at, 'request', 'template', mediaType];
        const text = requiredString(s.reader, template, at);
        setOwn(out, mediaType, text);
        defaults.delete(mediaType);
        const origin = s.reader.doc?.origin?.(at, text);
        if (origin) recordOrigin(out, mediaType, origin);
      }
    }
  } else if (given !== undefined) fail(s.reader, [...e.at, 'request', 'template'], `expected a map from media type to template, found ${describe(given)}`);
  for (const mediaType of defaults) if (Object.hasOwn(out, mediaType)) recordGenerated(out, mediaType);
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `response.statusCodes` with the framework's additions: a default 200 when no code has `pattern: ''`. */
function statusCodes(s: ServerlessReader, e: HttpEvent, type: IntegrationType): Record<string, Record<string, unknown>> | undefined {
  const response = e.http['response'];
  if (response === undefined || response === null) return type === 'AWS' ? { ...DEFAULT_STATUS_CODES } : undefined;
  if (!isObject(response)) fail(s.reader, [...e.at, 'response'], `expected a response object, found ${describe(response)}`);
  const codes = response['statusCodes'];
  // The framework completes `response` for lambda and http only; a mock's is taken as written.
  if (codes === undefined || codes === null) return type === 'MOCK' ? undefined : { ...DEFAULT_STATUS_CODES };
  if (!isObject(codes)) fail(s.reader, [...e.at, 'response', 'statusCodes'], `expected a map of status codes, found ${describe(codes)}`);
  // Integer-like keys: a JavaScript object, as the framework builds, lists them in ascending order.
  const out: Record<string, Record<string, unknown>> = {};
  for (const [code, config] of Object.entries(codes)) setOwn(out, code, record(config));
  if (type !== 'MOCK' && !Object.values(out).some((c) => c['pattern'] === '')) out['200'] = { ...DEFAULT_STATUS_CODES['200'] };
  return out;
}

function headerParameters(s: ServerlessReader, v: unknown, at: Path): Record<string, string> {
  const out: Record<string, string> = {};
  if (v === undefined || v === null) return out;
  if (!isObject(v)) fail(s.reader, at, `expected a map of headers, found ${describe(v)}`);
  for (const [name, value] of Object.entries(v)) setOwn(out, `method.response.header.${name}`, requiredString(s.reader, value, [...at, name]));
  return out;
}

function responseHeaders(s: ServerlessReader, e: HttpEvent): Record<string, string> {
  const out: Record<string, string> = {};
  if (e.cors) {
    out['method.response.header.Access-Control-Allow-Origin'] = `'${e.cors.origins?.length ? e.cors.origins.join(',') : e.cors.origin}'`;
    if (e.cors.allowCredentials) out['method.response.header.Access-Control-Allow-Credentials'] = 'true';
  }
  return { ...out, ...headerParameters(s, record(e.http['response'])['headers'], [...e.at, 'response', 'headers']) };
}

function templatesOf(s: ServerlessReader, v: unknown, at: Path): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (typeof v === 'string') return { 'application/json': v };
  if (!isObject(v)) fail(s.reader, at, `expected a template or a map from media type to template, found ${describe(v)}`);
  const out: Record<string, string> = {};
  for (const [mediaType, t] of Object.entries(v)) setOwn(out, mediaType, requiredString(s.reader, t, [...at, mediaType]));
  return out;
}

function responses(s: ServerlessReader, e: HttpEvent, type: IntegrationType): { integration: IntegrationResponse[]; method?: Record<string, MethodResponse> } {
  const codes = statusCodes(s, e, type);
  if (!codes) return { integration: [] };
  const response = record(e.http['response']);
  const shared = responseHeaders(s, e);
  const template = optionalString(s.reader, response['template'], [...e.at, 'response', 'template']);
  const contentHandling = oneOf(s.reader, response['contentHandling'], [...e.at, 'response', 'contentHandling'], CONTENT_HANDLINGS);
  const integration: IntegrationResponse[] = [];
  const method: Record<string, MethodResponse> = {};
  for (const [code, config] of Object.entries(codes)) {
    const at: Path = [...e.at, 'response', 'statusCodes', code];
    if (!/^[1-5]\d\d$/.test(code)) fail(s.reader, at, `'${code}' is not an HTTP status code`);
    const parameters = { ...shared, ...headerParameters(s, config['headers'], [...at, 'headers']) };
    const templates = { ...(template !== undefined ? { 'application/json': template } : {}), ...templatesOf(s, config['template'], [...at, 'template']) };
    integration.push({
      statusCode: code,
      selectionPattern: optionalString(s.reader, config['pattern'], [...at, 'pattern']) || undefined,
      responseParameters: parameters,
      responseTemplates: templates,
      contentHandling: code.startsWith('2') ? contentHandling : undefined,
    });
    method[code] = { statusCode: code, responseParameters: Object.fromEntries(Object.keys(parameters).map((k) => [k, true])) };
  }
  return { integration, method };
}

/** `request.schemas` (or the older `request.schema`): media type → JSON Schema, when written inline. */
function requestModels(e: HttpEvent): Record<string, ModelSchema> | undefined {
  const request = record(e.http['request']);
  const given = record(request['schemas'] ?? request['schema']);
  const out: Record<string, ModelSchema> = {};
  for (const [mediaType, v] of Object.entries(given)) {
    const schema = isObject(v) && isObject(v['schema']) ? v['schema'] : v;
    if (isObject(schema)) setOwn(out, mediaType, schema);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** What the framework drops from a proxy event (with a warning of its own): templates and responses. */
function warnIgnored(s: ServerlessReader, e: HttpEvent, type: IntegrationType): void {
  const kept = type === 'AWS_PROXY' ? ['parameters', 'schema', 'schemas'] : ['parameters', 'uri', 'schema', 'schemas', 'method'];
  const dropped = Object.keys(record(e.http['request'])).filter((k) => !kept.includes(k)).map((k) => `request.${k}`);
  if (e.http['response'] !== undefined) dropped.push('response');
  if (dropped.length > 0) s.warn(`${e.at.join('.')}: ${dropped.join(', ')} ignored: an ${type} integration has no mapping templates or integration responses (the framework removes them too)`);
}

function methodOf(s: ServerlessReader, e: HttpEvent): MethodDefinition {
  const type = integrationType(s, e);
  if (type === 'AWS_PROXY' || type === 'HTTP_PROXY') warnIgnored(s, e, type);
  const request = record(e.http['request']);
  const integration: Integration = { type, httpMethod: 'POST' };
  if (type === 'AWS' || type === 'AWS_PROXY') integration.uri = lambdaUri(s, e.functionName);
  if (type === 'HTTP' || type === 'HTTP_PROXY') {
    integration.uri = requiredString(s.reader, request['uri'], [...e.at, 'request', 'uri']);
    integration.httpMethod = (optionalString(s.reader, request['method'], [...e.at, 'request', 'method']) ?? e.method).toUpperCase();
  }
  let methodResponses: Record<string, MethodResponse> | undefined;
  if (type === 'AWS' || type === 'HTTP' || type === 'MOCK') {
    const passThrough = oneOf(s.reader, request['passThrough'], [...e.at, 'request', 'passThrough'], PASSTHROUGH_BEHAVIORS);
    // The framework defaults passThrough to NEVER for lambda only (validate.js getRequestPassThrough).
    integration.passthroughBehavior = passThrough ?? (type === 'AWS' ? 'NEVER' : undefined);
    integration.contentHandling = oneOf(s.reader, request['contentHandling'], [...e.at, 'request', 'contentHandling'], CONTENT_HANDLINGS);
    integration.requestTemplates = requestTemplates(s, e, type);
    const r = responses(s, e, type);
    integration.integrationResponses = r.integration;
    methodResponses = r.method;
  }
  const parameters = methodParameters(s, e);
  if (type !== 'AWS_PROXY' && type !== 'MOCK' && (Object.keys(parameters).length > 0 || e.http['async'] === true)) {
    const mapped: Record<string, string> = {};
    for (const [key, value] of Object.entries(parameters)) {
      const mappedValue = isObject(value) && typeof value['mappedValue'] === 'string' ? value['mappedValue'] : key;
      setOwn(mapped, `integration.${key.slice('method.'.length)}`, mappedValue);
    }
    if (e.http['async'] === true) mapped['integration.request.header.X-Amz-Invocation-Type'] = "'Event'";
    integration.requestParameters = mapped;
  }
  return {
    httpMethod: e.method === 'any' ? 'ANY' : e.method.toUpperCase(),
    resourcePath: `/${e.path}`,
    integration,
    methodResponses,
    requestModels: requestModels(e),
    source: s.where(e.at),
  };
}

/** The OPTIONS method the framework adds per path with `cors` (cors.js): a MOCK answering the preflight. */
function preflight(path: string, c: Cors, source: string): MethodDefinition {
  let origin = c.origin;
  let origins = c.origins;
  if (origin?.includes(',')) origins = origin.split(',').map((o) => o.trim());
  if (origins?.length) origin = origins[0];
  const methods = c.methods.join(',');
  const headers: Record<string, string> = {
    'method.response.header.Access-Control-Allow-Origin': `'${origin}'`,
    'method.response.header.Access-Control-Allow-Headers': `'${c.headers.join(',')}'`,
    'method.response.header.Access-Control-Allow-Methods': `'${c.methods.includes('ANY') ? methods.replace('ANY', 'DELETE,GET,HEAD,PATCH,POST,PUT') : methods}'`,
  };
  if (c.allowCredentials) headers['method.response.header.Access-Control-Allow-Credentials'] = `'${c.allowCredentials}'`;
  if (c.maxAge) headers['method.response.header.Access-Control-Max-Age'] = `'${String(c.maxAge)}'`;
  if (c.cacheControl) headers['method.response.header.Cache-Control'] = `'${String(c.cacheControl)}'`;
  // Several origins: the template echoes the request's Origin when it matches one (globs as regexes).
  const template = origins?.length
    ? `#set($origin = $input.params("Origin"))\n#if($origin == "") #set($origin = $input.params("origin")) #end\n#if(${origins
        .map((o) => `$origin.matches("${o.replace(/\./g, '[.]').replace('*', '.+')}")`)
        .join(' || ')}) #set($context.responseOverride.header.Access-Control-Allow-Origin = $origin) #end`
    : '';
  return {
    httpMethod: 'OPTIONS',
    resourcePath: `/${path}`,
    integration: {
      type: 'MOCK',
      requestTemplates: { 'application/json': '{statusCode:200}' },
      contentHandling: 'CONVERT_TO_TEXT',
      integrationResponses: [{ statusCode: '200', responseParameters: headers, responseTemplates: { 'application/json': template } }],
    },
    methodResponses: { '200': { statusCode: '200', responseParameters: Object.fromEntries(Object.keys(headers).map((k) => [k, true])) } },
    source,
  };
}

/** Merges the `cors` of every event on a path, as the framework does (validate.js `validate`). */
function preflights(s: ServerlessReader, list: HttpEvent[]): MethodDefinition[] {
  const byPath = new Map<string, { cors: Cors; source: string }>();
  for (const e of list) {
    if (!e.cors) continue;
    const seen = byPath.get(e.path);
    if (!seen) {
      byPath.set(e.path, { cors: { ...e.cors, headers: [...e.cors.headers], methods: [...e.cors.methods], origins: e.cors.origins && [...e.cors.origins] }, source: s.where(e.at) });
      continue;
    }
    const union = (a: string[] = [], b: string[] = []) => [...new Set([...b, ...a])];
    const c = seen.cors;
    c.headers = union(e.cors.headers, c.headers);
    c.methods = union(e.cors.methods, c.methods);
    c.origins = e.cors.origins || c.origins ? union(e.cors.origins, c.origins) : undefined;
    c.origin = e.cors.origin;
    c.allowCredentials ||= e.cors.allowCredentials;
    if (e.cors.maxAge) c.maxAge = e.cors.maxAge;
    if (e.cors.cacheControl) c.cacheControl = e.cors.cacheControl;
  }
  return [...byPath].map(([path, { cors: c, source }]) => preflight(path, c, source));
}

function binaryMediaTypes(s: ServerlessReader): string[] | undefined {
  const apiGateway = record(s.provider()['apiGateway']);
  const list = apiGateway['binaryMediaTypes'];
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) fail(s.reader, ['provider', 'apiGateway', 'binaryMediaTypes'], 'expected a list of media types');
  return list.map((t, i) => requiredString(s.reader, t, ['provider', 'apiGateway', 'binaryMediaTypes', i]));
}

/** The REST API's name: `provider.apiName`, else `<stage>-<service>` (or `<service>-<stage>` when asked). */
function apiName(s: ServerlessReader): string {
  const provider = s.provider();
  const given = optionalString(s.reader, provider['apiName'], ['provider', 'apiName']);
  if (given) return given;
  return record(provider['apiGateway'])['shouldStartNameWithService'] === true ? `${s.service}-${s.stage}` : `${s.stage}-${s.service}`;
}

/**
 * Reads the REST API a `serverless.yml` deploys: `http` events (string or object form) with their
 * integration (`lambda-proxy` by default, `lambda` for templates), request and response templates, status
 * code patterns, parameters and CORS, the framework's defaults filled in, and variables resolved offline.
 * Lambda methods invoke the deployed function (`<service>-<stage>-<key>` unless `name:` says otherwise);
 * `functionAliases` maps each `functions` key to it, so backends may key handlers by either.
 * @throws DefinitionError naming the path (and line) of a bad value or a variable without a value
 */
export function fromServerless(document: unknown, reader: Reader = {}, options: ServerlessReadOptions = {}): ApiDefinition {
  if (!isServerless(document)) fail(reader, [], 'not a Serverless Framework configuration (no service with provider or functions)');
  const config = resolveConfig(document, reader, options);
  const provider = isObject(config['provider']) ? config['provider'] : {};
  const name = optionalString(reader, provider['name'], ['provider', 'name']);
  if (name !== undefined && name !== 'aws') fail(reader, ['provider', 'name'], `only the aws provider deploys API Gateway, found '${name}'`);
  const s = new ServerlessReader(config, reader, options);
  const list = events(s);
  for (const e of list) e.cors = cors(s, e);
  const methods = [...list.map((e) => methodOf(s, e)), ...preflights(s, list)];
  const functionAliases: Record<string, string> = {};
  for (const e of list) if (e.functionKey !== e.functionName) setOwn(functionAliases, e.functionKey, e.functionName);
  return {
    title: apiName(s),
    methods,
    binaryMediaTypes: binaryMediaTypes(s),
    stages: { [s.stage]: {} },
    functionAliases: Object.keys(functionAliases).length > 0 ? functionAliases : undefined,
  };
}

