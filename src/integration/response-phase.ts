/**
 * The response phase (aws-behaviour §5.4): select the integration response, convert the payload, run the
 * response template chosen by `Accept` (or pass the body through), map response parameters, then apply
 * `responseOverride` — which the request template may already have set.
 */
import type { ParameterValue } from '../gateway/request.js';
import { VtlError } from '../vtl/errors.js';
import { compiledTemplate } from './compiled-templates.js';
import { internalError } from './failure.js';
import { headerValue, record, setHeader } from './headers.js';
import type { IntegrationOutcome } from './integration-call.js';
import { evaluateMapping, MappingError, mappingTarget, type MappingSources } from './mapping.js';
import { firstAcceptedType, isBinaryType } from './media-type.js';
import type { IntegrationResponse } from '../model/index.js';
import { ConversionError, convertResponsePayload, type Payload } from './payload.js';
import { responseHeaderName } from './remapping.js';
import type { RequestPhaseResult } from './request-phase.js';
import { selectIntegrationResponse } from './selection.js';
import { BudgetExceeded } from '../java/meter.js';
import type { InvocationState } from './state.js';
import { templateFailure } from './template-failure.js';
import { chooseResponseTemplate } from './template-selection.js';

export interface MethodResponseParts {
  statusCode: number;
  headers: Record<string, ParameterValue>;
  payload: Payload;
}

function selectResponse(state: InvocationState, outcome: IntegrationOutcome): IntegrationResponse {
  const responses = state.method.integration.integrationResponses;
  let selected: IntegrationResponse | undefined;
  try {
    selected = selectIntegrationResponse(responses, outcome.selectionValue, state.meter);
  } catch (e) {
    if (e instanceof BudgetExceeded) throw internalError('response-selection', `matching the selection patterns stopped: ${e.message}`, e);
    throw internalError('response-selection', `a selectionPattern is not a valid Java regular expression: ${(e as Error).message}`, e);
  }
  if (!selected) {
    const patterns = (responses ?? []).map((r) => `${r.statusCode}: ${JSON.stringify(r.selectionPattern ?? '')}`).join(', ');
    throw internalError(
      'response-selection',
      `no integration response matches ${JSON.stringify(outcome.selectionValue)} and none is the default (${patterns || 'no integration responses'})`,
    );
  }
  const methodResponses = state.method.methodResponses;
  if (methodResponses && !Object.hasOwn(methodResponses, selected.statusCode)) {
    throw internalError('response-selection', `the integration response selects status ${selected.statusCode}, which is not a method response of ${state.method.httpMethod} ${state.method.resourcePath}`);
  }
  return selected;
}

function mapResponseParameters(state: InvocationState, response: IntegrationResponse, outcome: IntegrationOutcome, bodyText: string): Record<string, ParameterValue> {
  const headers = record<ParameterValue>();
  const sources: MappingSources = {
    prefix: 'integration.response',
    headers: outcome.headers,
    body: bodyText,
    parseErrorMessage: outcome.lambdaError,
    stageVariables: state.request.stageVariables,
    context: state.contextMap,
    meter: state.meter,
  };
  for (const [target, source] of Object.entries(response.responseParameters ?? {})) {
    const what = `responseParameters['${target}'] of the ${response.statusCode} response`;
    const t = mappingTarget(target, 'method.response');
    if (!t || t.location !== 'header') throw internalError('response-parameters', `${what}: the target must be method.response.header.<name>`);
    let value: ParameterValue | undefined;
    try {
      value = evaluateMapping(String(source), sources);
    } catch (e) {
      if (e instanceof MappingError) throw internalError('response-parameters', `${what}: ${e.message}`, e);
      throw e;
    }
    if (value !== undefined) setHeader(headers, responseHeaderName(t.name), Array.isArray(value) ? value.join(',') : value);
  }
  return headers;
}

export function runResponsePhase(state: InvocationState, prepared: RequestPhaseResult, outcome: IntegrationOutcome): MethodResponseParts {
  const { trace, request } = state;
  trace.selectionValue = outcome.selectionValue;
  const response = selectResponse(state, outcome);
  trace.integrationResponse = response.statusCode;

  const accept = firstAcceptedType(headerValue(request.headers, 'Accept'));
  let payload: Payload;
  try {
    payload = convertResponsePayload(outcome.payload, response.contentHandling, isBinaryType(accept, state.binaryMediaTypes));
  } catch (e) {
    if (e instanceof ConversionError) throw internalError('content-handling', e.message, e);
    throw e;
  }
  const bodyText = outcome.payload.binary ? '' : outcome.payload.text;

  let responseOverride = prepared.responseOverride;
  let contentType = 'application/json';
  const choice = chooseResponseTemplate(response.responseTemplates, accept ?? 'application/json');
  if (choice.kind === 'template') {
    trace.responseTemplate = choice.mediaType;
    contentType = choice.mediaType;
    if (payload.binary) throw internalError('response-template', `the response template for ${choice.mediaType} cannot run on a binary payload`);
    const template = compiledTemplate(response.responseTemplates!, choice.mediaType, choice.source);
    if (template instanceof VtlError) throw templateFailure('response-template', choice.mediaType, template);
    try {
      const rendered = template.render(
        {
          body: payload.text,
          headers: request.headers,
          query: request.query,
          path: request.pathParameters,
          stageVariables: request.stageVariables,
          context: { ...state.context, requestOverride: prepared.requestOverride, responseOverride: prepared.responseOverride },
        },
        { limits: state.options.limits },
      );
      trace.warnings.push(...rendered.warnings);
      payload = { binary: false, text: rendered.body };
      responseOverride = rendered.responseOverride;
    } catch (e) {
      throw templateFailure('response-template', choice.mediaType, e);
    }
  } else {
    trace.responseTemplate = 'passthrough';
    if (choice.kind === 'passthrough' && choice.mediaType) contentType = choice.mediaType;
  }

  const headers = mapResponseParameters(state, response, outcome, bodyText);
  // Headers API Gateway sets itself are renamed for overrides as for response parameters (inferred: AWS
  // records the renaming for mapped headers only), so an override never corrupts the response's framing.
  for (const [name, value] of Object.entries(responseOverride.header)) setHeader(headers, responseHeaderName(name), Array.isArray(value) ? value.join(',') : value);
  if (headerValue(headers, 'Content-Type') === undefined) setHeader(headers, 'Content-Type', contentType);

  let statusCode = Number(response.statusCode);
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw internalError('response-selection', `the selected integration response has statusCode ${JSON.stringify(response.statusCode)}, which is not an HTTP status`);
  }
  if (responseOverride.status !== undefined) {
    if (Number.isInteger(responseOverride.status) && responseOverride.status >= 100 && responseOverride.status <= 599) statusCode = responseOverride.status;
    else trace.warnings.push(`responseOverride.status ${responseOverride.status} is not an HTTP status (100-599) and was ignored`);
  }
  return { statusCode, headers, payload };
}
