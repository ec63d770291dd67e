/** Checks a {@link MethodRequest} and brings it to one shape: string parameters, a stage, a path. */
import type { ParameterValue } from '../gateway/request.js';
import { checkParameters, InvalidInputError, isPlainObject } from '../gateway/validate-input.js';
import { record } from './headers.js';
import { setOwn } from '../own-property.js';
import type { MethodRequest } from './types.js';

export interface NormalizedRequest {
  httpMethod: string;
  path: string;
  pathParameters: Record<string, string>;
  headers: Record<string, ParameterValue>;
  query: Record<string, ParameterValue>;
  body: string | Uint8Array | null;
  stage: string;
  stageVariables: Record<string, string>;
}

function strings(values: Record<string, unknown> | undefined): Record<string, ParameterValue> {
  const out = record<ParameterValue>();
  for (const [k, v] of Object.entries(values ?? {})) setOwn(out, k, Array.isArray(v) ? v.map(String) : String(v));
  return out;
}

/** A body given as a value, as JSON text; a value JSON cannot hold (a cycle, a BigInt) is the caller's error. */
function jsonOf(body: object): string {
  try {
    return JSON.stringify(body) ?? 'null';
  } catch (e) {
    throw new InvalidInputError(`request.body cannot be sent as JSON: ${(e as Error)?.message ?? String(e)}`);
  }
}

/** @throws InvalidInputError naming the field that is wrong. */
export function normalizeRequest(request: MethodRequest, defaultStageVariables: Record<string, string> = {}): NormalizedRequest {
  if (!isPlainObject(request)) throw new InvalidInputError('the method request must be an object');
  if (typeof request.httpMethod !== 'string' || request.httpMethod === '') throw new InvalidInputError('request.httpMethod must be a method name such as "GET"');
  if (typeof request.path !== 'string' || !request.path.startsWith('/')) throw new InvalidInputError('request.path must be a path starting with "/"');
  checkParameters('request.headers', request.headers, true);
  checkParameters('request.query', request.query, true);
  checkParameters('request.pathParameters', request.pathParameters, false);
  checkParameters('request.stageVariables', request.stageVariables, false);
  if (request.context !== undefined && !isPlainObject(request.context)) throw new InvalidInputError('request.context must be an object');
  if (request.stage !== undefined && (typeof request.stage !== 'string' || request.stage === '')) throw new InvalidInputError('request.stage must be a non-empty string');
  const body = request.body;
  let text: string | Uint8Array | null;
  if (body === undefined || body === null) text = null;
  else if (typeof body === 'string' || body instanceof Uint8Array) text = body;
  else if (typeof body === 'object') text = jsonOf(body);
  else throw new InvalidInputError('request.body must be a string, bytes, a JSON-serialisable object or null');
  return {
    httpMethod: request.httpMethod.toUpperCase(),
    path: request.path,
    pathParameters: strings(request.pathParameters) as Record<string, string>,
    headers: strings(request.headers),
    query: strings(request.query),
    body: text,
    stage: request.stage ?? 'test',
    stageVariables: { ...defaultStageVariables, ...(strings(request.stageVariables) as Record<string, string>) },
  };
}
