/**
 * A gateway error as the client receives it: status, headers and body, from the built-in response or
 * the API's customisation (rendered by this library's engine over `$context` with `$context.error`,
 * `$stageVariables` and the method request's parameters; there is no body to read).
 */
import type { GatewayContext, ParameterValue } from '../../gateway/request.js';
import { compiledTemplate } from '../../integration/compiled-templates.js';
import { record, setHeader } from '../../integration/headers.js';
import { evaluateMapping, MappingError, type MappingSources } from '../../integration/mapping.js';
import { firstAcceptedType } from '../../integration/media-type.js';
import { chooseResponseTemplate } from '../../integration/template-selection.js';
import { headerValue } from '../../integration/headers.js';
import type { Meter } from '../../java/meter.js';
import type { JavaMap } from '../../java/values.js';
import type { ApiDefinition } from '../../model/index.js';
import { VtlError } from '../../vtl/errors.js';
import type { RenderLimits } from '../../vtl/runtime/limits.js';
import { DEFAULT_GATEWAY_RESPONSES, DEFAULT_GATEWAY_TEMPLATE } from './defaults.js';
import { defaultTemplateBody, errorContext } from './error-context.js';
import type { GatewayError } from './gateway-error.js';
import { resolveGatewayResponse } from './resolve.js';

export interface GatewayResponseInput {
  api: ApiDefinition;
  error: GatewayError;
  /** The method request's parameters (empty before routing). */
  headers: Record<string, ParameterValue>;
  query: Record<string, ParameterValue>;
  pathParameters: Record<string, string>;
  stageVariables: Record<string, string>;
  /** `$context` so far; `error` is added here. */
  context: GatewayContext;
  /** `$context` as templates see it, for `context.*` header sources. */
  contextMap: () => JavaMap;
  limits?: Partial<RenderLimits>;
  meter: Meter;
}

export interface GatewayResponseParts {
  statusCode: number;
  headers: Record<string, ParameterValue>;
  body: string;
  /** Which configuration answered: `built-in`, or the customised type (the type itself or DEFAULT_4XX/5XX). */
  source: string;
  warnings: string[];
}

/** The status a gateway error has when nothing customises it. */
export function naturalStatus(error: GatewayError): number {
  return error.status ?? DEFAULT_GATEWAY_RESPONSES[error.type].status ?? (error.type === 'DEFAULT_5XX' ? 500 : 400);
}

function baseHeaders(error: GatewayError, contentType: string): Record<string, ParameterValue> {
  const headers = record<ParameterValue>();
  headers['Content-Type'] = contentType;
  const errorType = error.errorType ?? DEFAULT_GATEWAY_RESPONSES[error.type].errorType;
  if (errorType !== undefined) headers['x-amzn-ErrorType'] = errorType;
  for (const [k, v] of Object.entries(error.headers ?? {})) setHeader(headers, k, v);
  return headers;
}

/** `gatewayresponse.header.X` mappings; a source with no value leaves the header out (AWS UNKNOWN, §3.5). */
function mapHeaders(input: GatewayResponseInput, parameters: Record<string, string>, headers: Record<string, ParameterValue>, warnings: string[]): void {
  const sources: MappingSources = {
    prefix: 'method.request',
    path: input.pathParameters,
    query: input.query,
    headers: input.headers,
    stageVariables: input.stageVariables,
    context: input.contextMap,
    meter: input.meter,
  };
  for (const [target, source] of Object.entries(parameters) as [string, unknown][]) {
    const m = /^gatewayresponse\.header\.(.+)$/.exec(target);
    if (!m) {
      warnings.push(`gateway response parameter ${target}: only gatewayresponse.header.<name> sets anything on a response`);
      continue;
    }
    if (typeof source !== 'string') {
      warnings.push(`gateway response parameter ${target}: the source must be a string`);
      continue;
    }
    let value: ParameterValue | undefined;
    try {
      value = evaluateMapping(source, { ...sources, body: undefined });
    } catch (e) {
      if (!(e instanceof MappingError)) throw e;
      warnings.push(`gateway response parameter ${target}: ${e.message}`);
      continue;
    }
    if (value !== undefined) setHeader(headers, m[1]!, Array.isArray(value) ? value.join(',') : value);
  }
}

function renderTemplate(input: GatewayResponseInput, templates: Record<string, string>, warnings: string[]): { mediaType: string; body: string } | undefined {
  const choice = chooseResponseTemplate(templates, firstAcceptedType(headerValue(input.headers, 'Accept')) ?? 'application/json');
  if (choice.kind !== 'template') return choice.kind === 'passthrough' ? { mediaType: choice.mediaType ?? 'application/json', body: '' } : undefined;
  const template = compiledTemplate(templates, choice.mediaType, choice.source);
  if (template instanceof VtlError) {
    warnings.push(`the gateway response template for ${choice.mediaType} does not compile (${template.message}); the built-in response was sent`);
    return undefined;
  }
  try {
    const rendered = template.render(
      { body: '', headers: input.headers, query: input.query, path: input.pathParameters, stageVariables: input.stageVariables, context: { ...input.context, error: errorContext(input.error) } },
      { limits: input.limits },
    );
    warnings.push(...rendered.warnings);
    return { mediaType: choice.mediaType, body: rendered.body };
  } catch (e) {
    warnings.push(`the gateway response template for ${choice.mediaType} failed (${(e as Error).message}); the built-in response was sent`);
    return undefined;
  }
}

const DEFAULT_TEMPLATES: Readonly<Record<string, string>> = Object.freeze({ 'application/json': DEFAULT_GATEWAY_TEMPLATE });

function builtIn(error: GatewayError, warnings: string[]): GatewayResponseParts {
  if (error.frontDoor) {
    const headers = record<ParameterValue>();
    headers['Content-Type'] = error.contentType ?? 'text/plain';
    return { statusCode: naturalStatus(error), headers, body: error.body ?? '', source: 'front-door', warnings };
  }
  return { statusCode: naturalStatus(error), headers: baseHeaders(error, error.body === undefined ? 'application/json' : (error.contentType ?? 'application/json')), body: error.body ?? defaultTemplateBody(error), source: 'built-in', warnings };
}

/**
 * The response a gateway error gets, from the API's customisation or API Gateway's default. A
 * customisation this cannot use (a hand-made definition with a template that is not text, say) gives the
 * built-in answer and a warning: the client always gets a response.
 */
export function gatewayResponseParts(input: GatewayResponseInput): GatewayResponseParts {
  try {
    return customisedOrBuiltIn(input);
  } catch (e) {
    return builtIn(input.error, [`the API's gateway response for ${input.error.type} could not be used (${(e as Error)?.message ?? String(e)}); the built-in response was sent`]);
  }
}

function customisedOrBuiltIn(input: GatewayResponseInput): GatewayResponseParts {
  const { error } = input;
  const warnings: string[] = [];
  const status = naturalStatus(error);
  if (error.frontDoor) return builtIn(error, warnings);
  const resolved = resolveGatewayResponse(input.api, error.type, status);
  if (resolved.kind === 'built-in') return builtIn(error, warnings);
  const { definition } = resolved;
  const templates = definition.responseTemplates && Object.keys(definition.responseTemplates).length > 0 ? definition.responseTemplates : DEFAULT_TEMPLATES;
  const rendered = renderTemplate(input, templates, warnings);
  if (!rendered) return builtIn(error, warnings);
  const given: unknown = definition.statusCode;
  const customStatus = typeof given === 'string' || typeof given === 'number' ? Number(given) : undefined;
  const headers = baseHeaders(error, rendered.mediaType);
  mapHeaders(input, definition.responseParameters ?? {}, headers, warnings);
  return {
    statusCode: customStatus !== undefined && Number.isInteger(customStatus) && customStatus >= 100 && customStatus <= 599 ? customStatus : status,
    headers,
    body: rendered.body,
    source: resolved.from,
    warnings,
  };
}
