/**
 * The request phase (aws-behaviour §5.1): parameter mappings, content handling, the request template (or
 * passthrough, or 415), then `requestOverride` on top.
 */
import type { ParameterValue, RequestOverrides, ResponseOverrides } from '../gateway/request.js';
import { VtlError } from '../vtl/errors.js';
import { compiledTemplate } from './compiled-templates.js';
import { internalError, InvocationFailure, badRequest, messageBody } from './failure.js';
import { headerValue, record, setHeader } from './headers.js';
import { setOwn } from '../own-property.js';
import { evaluateMapping, MappingError, mappingTarget, type MappingSources } from './mapping.js';
import { isBinaryType, mediaTypeOf } from './media-type.js';
import { ConversionError, convertRequestPayload, payloadOf, payloadText, type Payload } from './payload.js';
import { forbiddenRequestHeader } from './remapping.js';
import type { InvocationState } from './state.js';
import { templateFailure } from './template-failure.js';
import { chooseRequestTemplate } from './template-selection.js';

/** The parameters an integration receives. */
export interface IntegrationParameters {
  path: Record<string, string>;
  querystring: Record<string, ParameterValue>;
  headers: Record<string, ParameterValue>;
}

export interface RequestPhaseResult {
  payload: Payload;
  parameters: IntegrationParameters;
  requestOverride: RequestOverrides;
  responseOverride: ResponseOverrides & Record<string, unknown>;
}

const UNSUPPORTED_MEDIA_TYPE_BODY = messageBody('Unsupported Media Type');

function assign(parameters: IntegrationParameters, location: string, name: string, value: ParameterValue, awsIntegration: boolean, what: string): void {
  switch (location) {
    case 'header':
      if (forbiddenRequestHeader(name, awsIntegration)) {
        throw internalError('request-parameters', `${what}: API Gateway does not allow setting the integration request header ${name}`);
      }
      setHeader(parameters.headers, name, value);
      return;
    case 'querystring':
      setOwn(parameters.querystring, name, value);
      return;
    case 'path':
      setOwn(parameters.path, name, Array.isArray(value) ? value.join(',') : value);
      return;
  }
  throw internalError('request-parameters', `${what}: integration.request.${location} is not a parameter location (path, querystring or header)`);
}

/**
 * The integration's `requestParameters`, evaluated: what the integration request gets from the method
 * request, stage variables, `$context` and static values.
 * @param bodyText the method request body as text (for `method.request.body` sources)
 * @throws InvocationFailure 400 for a body a mapping cannot read, 500 for a mapping API Gateway cannot run
 */
export function mapParameters(state: InvocationState, bodyText: string): IntegrationParameters {
  const { request } = state;
  const parameters: IntegrationParameters = { path: record(), querystring: record(), headers: record() };
  const awsIntegration = state.method.integration.type === 'AWS' || state.method.integration.type === 'AWS_PROXY';
  const sources: MappingSources = {
    prefix: 'method.request',
    path: request.pathParameters,
    query: request.query,
    headers: request.headers,
    body: bodyText,
    stageVariables: request.stageVariables,
    context: state.contextMap,
    meter: state.meter,
  };
  for (const [target, source] of Object.entries(state.method.integration.requestParameters ?? {})) {
    const what = `requestParameters['${target}']`;
    const t = mappingTarget(target, 'integration.request');
    if (!t) throw internalError('request-parameters', `${what}: the target must be integration.request.{path|querystring|header}.<name>`);
    let value: ParameterValue | undefined;
    try {
      value = evaluateMapping(String(source), sources);
    } catch (e) {
      if (!(e instanceof MappingError)) throw e;
      throw e.statusCode === 400
        ? badRequest('request-parameters', `${what}: ${e.message}`, messageBody(e.message), e)
        : internalError('request-parameters', `${what}: ${e.message}`, e);
    }
    if (value !== undefined) assign(parameters, t.location, t.name, value, awsIntegration, what);
  }
  return parameters;
}

function applyOverrides(parameters: IntegrationParameters, overrides: RequestOverrides, awsIntegration: boolean): void {
  for (const [name, value] of Object.entries(overrides.header)) assign(parameters, 'header', name, value, awsIntegration, `requestOverride.header.${name}`);
  for (const [name, value] of Object.entries(overrides.querystring)) assign(parameters, 'querystring', name, value, awsIntegration, `requestOverride.querystring.${name}`);
  for (const [name, value] of Object.entries(overrides.path)) assign(parameters, 'path', name, value, awsIntegration, `requestOverride.path.${name}`);
}

export function runRequestPhase(state: InvocationState): RequestPhaseResult {
  const { method, request, trace } = state;
  const integration = method.integration;
  const contentTypeHeader = mediaTypeOf(headerValue(request.headers, 'Content-Type'));
  const contentType = contentTypeHeader ?? 'application/json';

  let payload: Payload;
  try {
    payload = convertRequestPayload(payloadOf(request.body, isBinaryType(contentTypeHeader, state.binaryMediaTypes)), integration.contentHandling);
  } catch (e) {
    if (e instanceof ConversionError) throw internalError('content-handling', e.message, e);
    throw e;
  }
  const parameters = mapParameters(state, payloadText(payloadOf(request.body, false)));

  let choice;
  try {
    choice = chooseRequestTemplate(integration.requestTemplates, contentType, integration.passthroughBehavior);
  } catch (e) {
    throw internalError('request-template', (e as Error).message, e);
  }
  let requestOverride: RequestOverrides = { header: {}, path: {}, querystring: {} };
  let responseOverride: ResponseOverrides & Record<string, unknown> = { header: {} };

  if (choice.kind === 'reject') {
    const defined = Object.keys(integration.requestTemplates ?? {});
    throw new InvocationFailure(
      'request-template',
      415,
      `no request template for Content-Type ${contentType} (templates: ${defined.join(', ') || 'none'}) and passthroughBehavior is ${integration.passthroughBehavior ?? 'WHEN_NO_MATCH'}`,
      UNSUPPORTED_MEDIA_TYPE_BODY,
    );
  }
  if (choice.kind === 'passthrough') {
    trace.requestTemplate = 'passthrough';
  } else {
    trace.requestTemplate = choice.mediaType;
    if (payload.binary) {
      throw internalError('request-template', `the request template for ${choice.mediaType} cannot run on a binary payload (contentHandling ${integration.contentHandling ?? 'none'})`);
    }
    const template = compiledTemplate(integration.requestTemplates!, choice.mediaType, choice.source);
    if (template instanceof VtlError) throw templateFailure('request-template', choice.mediaType, template);
    try {
      const rendered = template.render(
        { body: payload.text, headers: request.headers, query: request.query, path: request.pathParameters, stageVariables: request.stageVariables, context: state.context },
        { limits: state.options.limits },
      );
      trace.warnings.push(...rendered.warnings);
      payload = { binary: false, text: rendered.body };
      requestOverride = rendered.requestOverride;
      responseOverride = rendered.responseOverride;
    } catch (e) {
      throw templateFailure('request-template', choice.mediaType, e);
    }
  }
  applyOverrides(parameters, requestOverride, integration.type === 'AWS' || integration.type === 'AWS_PROXY');
  return { payload, parameters, requestOverride, responseOverride };
}
