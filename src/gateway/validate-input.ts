/**
 * Checks the shape of a render input, so a mistake in a test — or a hostile value from an embedding
 * server — reads as a clear {@link InvalidInputError} naming the field, rather than a crash deep inside
 * the renderer.
 */
import { InvalidInputError } from '../vtl/errors.js';
import type { RenderInput } from './request.js';

export { InvalidInputError };

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isParameterScalar(x: unknown): boolean {
  return typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
}

/** Checks a parameter record (`label` names it in messages, e.g. `input.headers`). Runs on every render: no allocation. */
export function checkParameters(label: string, v: unknown, allowLists: boolean): void {
  if (v === undefined) return;
  if (!isPlainObject(v)) throw new InvalidInputError(`${label} must be an object of ${allowLists ? 'strings or string lists' : 'strings'}`);
  for (const key in v) {
    if (!Object.hasOwn(v, key)) continue;
    const value = v[key];
    if (isParameterScalar(value)) continue;
    if (allowLists && Array.isArray(value) && value.every(isParameterScalar)) continue;
    throw new InvalidInputError(`${label}.${key} must be a string${allowLists ? ' or a list of strings' : ''}`);
  }
}

/** `$context` fields whose type the renderer relies on. */
const FIELD_TYPES: ReadonlyMap<string, 'string' | 'object' | 'epoch'> = new Map([
  ...[
    'accountId',
    'apiId',
    'awsEndpointRequestId',
    'deploymentId',
    'domainName',
    'domainPrefix',
    'extendedRequestId',
    'httpMethod',
    'path',
    'protocol',
    'requestId',
    'requestTime',
    'resourceId',
    'resourcePath',
    'stage',
  ].map((name) => [name, 'string'] as const),
  ...['identity', 'authorizer', 'requestOverride', 'responseOverride'].map((name) => [name, 'object'] as const),
  ['requestTimeEpoch', 'epoch'] as const,
]);

function checkContext(context: unknown): void {
  if (context === undefined) return;
  if (!isPlainObject(context)) throw new InvalidInputError('input.context must be an object');
  for (const field in context) {
    const type = FIELD_TYPES.get(field);
    if (type === undefined) continue;
    const v = context[field];
    if (v === undefined || v === null) continue;
    if (type === 'string' && typeof v !== 'string') throw new InvalidInputError(`input.context.${field} must be a string`);
    if (type === 'object' && !isPlainObject(v)) throw new InvalidInputError(`input.context.${field} must be an object`);
    // JavaScript dates end at ±8.64e15 ms: past that no request time can be printed.
    if (type === 'epoch' && (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 8.64e15)) {
      throw new InvalidInputError('input.context.requestTimeEpoch must be a number of milliseconds within ±8.64e15');
    }
  }
  // Nested values are checked as they are converted (java/from-js.ts), by the render that reads them.
}

export function validateInput(input: unknown): asserts input is RenderInput {
  if (!isPlainObject(input)) throw new InvalidInputError('the render input must be an object');
  const i = input as Record<string, unknown>;
  const body = i['body'];
  if (typeof body === 'function' || typeof body === 'symbol' || typeof body === 'bigint') {
    throw new InvalidInputError('input.body must be a string, a JSON-serialisable value or null');
  }
  checkParameters('input.headers', i['headers'], true);
  checkParameters('input.query', i['query'], true);
  checkParameters('input.path', i['path'], false);
  checkParameters('input.stageVariables', i['stageVariables'], false);
  checkContext(i['context']);
}

/** The text of a body given as a value: serialised as JSON, or a typed error naming why it cannot be. */
export function bodyText(body: RenderInput['body']): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  try {
    return JSON.stringify(body) ?? '';
  } catch (e) {
    throw new InvalidInputError(`input.body cannot be serialised as JSON: ${(e as Error).message}`);
  }
}

/** Checks the clock and id options of a render or invocation. */
export function checkContextOptions(options: unknown, label: string): void {
  if (options === undefined) return;
  if (!isPlainObject(options)) throw new InvalidInputError(`${label} must be an object`);
  for (const name of ['now', 'requestId']) {
    const fn = options[name];
    if (fn !== undefined && typeof fn !== 'function') throw new InvalidInputError(`${label}.${name} must be a function`);
  }
}
