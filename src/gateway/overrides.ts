/**
 * `$context.requestOverride.{header,path,querystring}` and `$context.responseOverride.{status,header}`.
 *
 * They are writable in every form AWS accepts (`#set(….x = v)`, `[$k]`, `.put`), carry preset values in
 * (so a response template sees what the request template set), and come back to the caller as plain
 * objects. "Overrides are final" (AWS docs): setting the same override twice in a render is an error.
 */
import { fromJs, newMap, type MapStyle } from '../java/from-js.js';
import { toJavaString } from '../java/print.js';
import type { Meter } from '../java/meter.js';
import { isJavaNumber, toInt } from '../java/numbers.js';
import { JavaList, JavaMap, type Value } from '../java/values.js';
import { JavaDepthError } from '../java/nesting.js';
import type { ParameterValue, RequestOverrides, ResponseOverrides } from './request.js';
import { setOwn } from '../own-property.js';

const CONTEXT_MAP: MapStyle = { flavour: 'hash', contextMap: true };

export class OverrideConflictError extends Error {
  constructor(readonly override: string) {
    super(`${override} is overridden twice; API Gateway allows each override to be set only once`);
    this.name = 'OverrideConflictError';
  }
}

export interface OverrideMaps {
  requestOverride: JavaMap;
  responseOverride: JavaMap;
}

/** Makes a map's keys settable once per render. */
function settableOnce(map: JavaMap, label: string, meter: Meter): JavaMap {
  const written = new Set<string>();
  map.beforeSet = (key) => {
    const name = toJavaString(key, meter);
    if (written.has(name)) throw new OverrideConflictError(`${label}.${name}`);
    written.add(name);
  };
  return map;
}

function preset(map: JavaMap, values: Record<string, unknown> | undefined): JavaMap {
  for (const [k, v] of Object.entries(values ?? {})) map.set(k, fromJs(v, CONTEXT_MAP));
  return map;
}

export function createOverrideMaps(
  request: Partial<RequestOverrides> | undefined,
  response: (Partial<ResponseOverrides> & Record<string, unknown>) | undefined,
  meter: Meter,
): OverrideMaps {
  const requestOverride = newMap(CONTEXT_MAP);
  // Inserted in AWS's listed order: `header` and `querystring` share a HashMap bucket.
  for (const part of ['path', 'header', 'querystring'] as const) {
    const map = preset(newMap(CONTEXT_MAP), request?.[part] as Record<string, unknown> | undefined);
    requestOverride.set(part, settableOnce(map, `requestOverride.${part}`, meter));
  }
  const responseOverride = newMap(CONTEXT_MAP);
  const { header, ...rest } = response ?? {};
  responseOverride.set('header', settableOnce(preset(newMap(CONTEXT_MAP), header as Record<string, unknown>), 'responseOverride.header', meter));
  preset(responseOverride, rest);
  settableOnce(requestOverride, 'requestOverride', meter);
  settableOnce(responseOverride, 'responseOverride', meter);
  return { requestOverride, responseOverride };
}

function parameterValue(v: Value, meter: Meter): ParameterValue {
  if (v instanceof JavaList) return v.items.map((x) => toJavaString(x, meter));
  return typeof v === 'string' ? v : toJavaString(v, meter);
}

function plainMap(v: Value | undefined, meter: Meter): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  if (!(v instanceof JavaMap)) return out;
  for (const e of v.entries()) {
    if (e.value !== null) setOwn(out, toJavaString(e.key, meter), parameterValue(e.value, meter));
  }
  return out;
}

/** How deep an override value is copied out (a list that contains itself would otherwise never end). */
const MAX_COPY_DEPTH = 100;

function plainValue(v: Value, meter: Meter, depth = 0): unknown {
  meter.charge(1);
  if (depth > MAX_COPY_DEPTH) throw new JavaDepthError();
  if (v instanceof JavaList) return v.items.map((x) => plainValue(x, meter, depth + 1));
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number' || v === null) return v;
  if (isJavaNumber(v)) return Number(toJavaString(v, meter));
  if (v instanceof JavaMap) return plainMap(v, meter);
  return toJavaString(v, meter);
}

/** `$context.requestOverride` as plain records; printing is charged to the render's meter. */
export function requestOverridesOf(maps: OverrideMaps, meter: Meter): RequestOverrides {
  return {
    header: plainMap(maps.requestOverride.get('header'), meter),
    path: plainMap(maps.requestOverride.get('path'), meter) as Record<string, string>,
    querystring: plainMap(maps.requestOverride.get('querystring'), meter),
  };
}

/**
 * `$context.responseOverride` as plain records; printing is charged to the render's meter. A `status`
 * that is not a number is dropped, as API Gateway ignores it, and `warn` is told.
 */
export function responseOverridesOf(maps: OverrideMaps, meter: Meter, warn: (message: string) => void = () => {}): ResponseOverrides & Record<string, unknown> {
  const out: ResponseOverrides & Record<string, unknown> = { header: plainMap(maps.responseOverride.get('header'), meter) };
  for (const { key, value } of maps.responseOverride.entries()) {
    const name = toJavaString(key, meter);
    if (name === 'header') continue;
    if (name === 'status') {
      const status = isJavaNumber(value) ? toInt(value) : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
      if (status !== undefined) out.status = status;
      else warn(`responseOverride.status ${JSON.stringify(toJavaString(value, meter))} is not a number and was ignored`);
      continue;
    }
    setOwn(out, name, plainValue(value, meter));
  }
  return out;
}
