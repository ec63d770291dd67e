/**
 * `$context`: the request metadata API Gateway provides, with deterministic, realistic defaults that the
 * caller can override field by field (nested fields included), and an injectable clock and id generator.
 *
 * As recorded on AWS: `$context` is a read-only HashMap (its `keySet()` order is HashMap order); the maps
 * inside it (`identity`, `authorizer`, the override maps) are HashMaps that print as the empty string;
 * fields without a value (most of `identity` without IAM auth) are null, so they render empty.
 */
import { encodeBase64 } from '../platform/base64.js';
import { sha256 } from '../platform/sha256.js';
import { encodeUtf8 } from '../platform/utf8.js';
import { fromJs, newMap, type MapStyle } from '../java/from-js.js';
import { JavaLong } from '../java/numbers.js';
import { JavaMap, type Value } from '../java/values.js';
import type { GatewayContext } from './request.js';
import { createOverrideMaps, type OverrideMaps } from './overrides.js';
import { InvalidInputError } from '../vtl/errors.js';
import type { Meter } from '../java/meter.js';

export interface ContextOptions {
  /** The request time (default: 20 Feb 2018 22:48:57.665 UTC, the AWS documentation's example). */
  now?: () => Date | number;
  /** The request id (default: a fixed UUID, so renders are reproducible). */
  requestId?: () => string;
}

export const DEFAULT_EPOCH_MS = 1519166937665;
export const DEFAULT_REQUEST_ID = 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef';
/** The account, API and Region a request is taken to reach when its `$context` names none. */
export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_API_ID = 'a1b2c3d4e5';
export const DEFAULT_REGION = 'us-east-1';

/** `$context` keys in the order AWS lists them (LS-SQS-01): HashMap order depends on insertion for collisions. */
export const CONTEXT_ORDER: readonly string[] = [
  'resourceId',
  'resourcePath',
  'httpMethod',
  'extendedRequestId',
  'requestTime',
  'path',
  'accountId',
  'protocol',
  'requestOverride',
  'stage',
  'domainPrefix',
  'requestTimeEpoch',
  'requestId',
  'identity',
  'domainName',
  'deploymentId',
  'responseOverride',
  'apiId',
];

const IDENTITY_ORDER = [
  'cognitoIdentityPoolId',
  'accountId',
  'cognitoIdentityId',
  'caller',
  'sourceIp',
  'principalOrgId',
  'accessKey',
  'cognitoAuthenticationType',
  'cognitoAuthenticationProvider',
  'userArn',
  'userAgent',
  'user',
];

const CONTEXT_MAP: MapStyle = { flavour: 'hash', contextMap: true };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `dd/MMM/yyyy:HH:mm:ss +0000` (Common Log Format, UTC). */
export function formatRequestTime(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
  );
}

function computeExtendedRequestId(requestId: string): string {
  return encodeBase64(sha256(encodeUtf8(requestId))).slice(0, 15) + '=';
}

/** The id for the default request id, computed once: most renders outside a pipeline use that one. */
const DEFAULT_EXTENDED_REQUEST_ID = computeExtendedRequestId(DEFAULT_REQUEST_ID);

/** A stable id in API Gateway's format, derived from the request id. */
export function extendedRequestIdFor(requestId: string): string {
  return requestId === DEFAULT_REQUEST_ID ? DEFAULT_EXTENDED_REQUEST_ID : computeExtendedRequestId(requestId);
}

/** `/stage` + the resource path with `{param}` and `{proxy+}` filled in from the path parameters. */
function requestPath(stage: string, resourcePath: string, pathParams: Record<string, string>): string {
  const filled = resourcePath.replace(/\{([^}+]+)\+?\}/g, (whole, name: string) => (Object.hasOwn(pathParams, name) ? String(pathParams[name]) : whole));
  return `/${stage}${filled === '/' ? '' : filled}` || '/';
}

/** JavaScript dates end at ±8.64e15 ms; past that no request time can be printed. */
const MAX_EPOCH_MS = 8.64e15;

/** The clock's reading in milliseconds, or a typed error naming what it returned instead. */
export function clockValue(options: ContextOptions): number {
  if (!options.now) return DEFAULT_EPOCH_MS;
  const value: unknown = options.now();
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_MS) {
    throw new InvalidInputError(`options.now() must return a valid Date or a finite number of milliseconds, not ${String(value)}`);
  }
  return ms;
}

export function generatedId(requestId: () => string): string {
  const value: unknown = requestId();
  if (typeof value !== 'string') throw new InvalidInputError(`options.requestId() must return a string, not ${typeof value}`);
  return value;
}

export interface BuiltContext {
  context: JavaMap;
  overrides: OverrideMaps;
}

export function buildContext(
  given: GatewayContext | undefined,
  userAgent: string | null,
  pathParams: Record<string, string>,
  options: ContextOptions,
  /** The render's meter (override keys are printed when set). */
  meter: Meter,
): BuiltContext {
  const g: GatewayContext = given ?? {};
  const epoch = typeof g.requestTimeEpoch === 'number' ? g.requestTimeEpoch : clockValue(options);
  const requestId = typeof g.requestId === 'string' ? g.requestId : options.requestId ? generatedId(options.requestId) : DEFAULT_REQUEST_ID;
  const stage = typeof g.stage === 'string' ? g.stage : 'test';
  const resourcePath = typeof g.resourcePath === 'string' ? g.resourcePath : '/';
  const apiId = typeof g.apiId === 'string' ? g.apiId : DEFAULT_API_ID;

  const defaults: Record<string, unknown> = {
    resourceId: 'abc123',
    resourcePath,
    httpMethod: 'POST',
    extendedRequestId: typeof g.extendedRequestId === 'string' ? g.extendedRequestId : extendedRequestIdFor(requestId),
    requestTime: formatRequestTime(epoch),
    path: requestPath(stage, resourcePath, pathParams),
    accountId: DEFAULT_ACCOUNT_ID,
    protocol: 'HTTP/1.1',
    stage,
    domainPrefix: apiId,
    requestId,
    domainName: `${apiId}.execute-api.${DEFAULT_REGION}.amazonaws.com`,
    deploymentId: 'dep123',
    apiId,
  };

  const identity = newMap(CONTEXT_MAP);
  const givenIdentity = (g.identity ?? {}) as Record<string, unknown>;
  const identityDefaults: Record<string, unknown> = { sourceIp: '192.0.2.1', userAgent };
  for (const key of [...IDENTITY_ORDER, ...Object.keys(givenIdentity).filter((k) => !IDENTITY_ORDER.includes(k))]) {
    const v = key in givenIdentity ? givenIdentity[key] : (identityDefaults[key] ?? null);
    identity.set(key, fromJs(v, CONTEXT_MAP));
  }

  const overrides = createOverrideMaps(g.requestOverride, g.responseOverride, meter);

  const context = new JavaMap('hash');
  const set = (key: string, value: Value) => context.set(key, value);
  for (const key of CONTEXT_ORDER) {
    switch (key) {
      case 'identity':
        set(key, identity);
        break;
      case 'requestOverride':
        set(key, overrides.requestOverride);
        break;
      case 'responseOverride':
        set(key, overrides.responseOverride);
        break;
      case 'requestTimeEpoch':
        set(key, new JavaLong(BigInt(Math.trunc(epoch))));
        break;
      default:
        set(key, fromJs(key in g ? g[key] : defaults[key], CONTEXT_MAP));
    }
  }
  for (const [key, value] of Object.entries(g)) {
    if (CONTEXT_ORDER.includes(key)) continue;
    set(key, key === 'authorizer' ? authorizerMap(value) : fromJs(value, CONTEXT_MAP));
  }
  context.readOnly = true;
  return { context, overrides };
}

/** Lambda authorizer context values reach templates as strings (`1` → `"1"`, `true` → `"true"`). */
function authorizerMap(value: unknown): Value {
  const map = newMap(CONTEXT_MAP);
  if (value === null || typeof value !== 'object') return map;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === 'claims' && v !== null && typeof v === 'object') {
      const claims = newMap(CONTEXT_MAP);
      for (const [ck, cv] of Object.entries(v as Record<string, unknown>)) claims.set(ck, stringify(cv));
      map.set(k, claims);
    } else {
      map.set(k, stringify(v));
    }
  }
  return map;
}

function stringify(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return fromJs(v.map((x) => String(x)), CONTEXT_MAP);
  if (typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch (e) {
      throw new InvalidInputError(`input.context.authorizer holds a value that cannot be serialised as JSON: ${(e as Error).message}`);
    }
  }
  return String(v);
}
