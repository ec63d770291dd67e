/**
 * Usage plan limits as CloudFormation and SAM spell them: `Throttle {RateLimit, BurstLimit}` and
 * `Quota {Limit, Offset, Period}`.
 */
import type { QuotaPeriod, QuotaSettings, ThrottleSettings } from '../model/index.js';
import { setOwn } from '../own-property.js';
import { compact, fail, isObject, oneOf, optionalNumber, type Path, type Reader } from './fields.js';

const PERIODS: readonly QuotaPeriod[] = ['DAY', 'WEEK', 'MONTH'];

export function readThrottle(r: Reader, v: unknown, path: Path): ThrottleSettings | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) fail(r, path, 'expected a throttle object (RateLimit, BurstLimit)');
  const rate = optionalNumber(r, v['RateLimit'], [...path, 'RateLimit']);
  const burst = optionalNumber(r, v['BurstLimit'], [...path, 'BurstLimit']);
  if ((rate ?? 0) < 0 || (burst ?? 0) < 0) fail(r, path, 'throttle limits cannot be negative');
  return compact({ rateLimit: rate, burstLimit: burst });
}

export function readQuota(r: Reader, v: unknown, path: Path): QuotaSettings | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) fail(r, path, 'expected a quota object (Limit, Offset, Period)');
  const limit = optionalNumber(r, v['Limit'], [...path, 'Limit']) ?? fail(r, path, 'a quota needs a Limit');
  const period = oneOf(r, v['Period'], [...path, 'Period'], PERIODS) ?? fail(r, path, 'a quota needs a Period (DAY, WEEK or MONTH)');
  const offset = optionalNumber(r, v['Offset'], [...path, 'Offset']);
  if (limit < 0 || (offset ?? 0) < 0) fail(r, path, 'quota limits cannot be negative');
  return compact({ limit, offset, period });
}

/** A usage plan stage's per-method throttles: `"/pets/GET"` → throttle. */
export function readMethodThrottles(r: Reader, v: unknown, path: Path): Record<string, ThrottleSettings> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) fail(r, path, 'expected a map from "/{resourcePath}/{HTTPMETHOD}" to a throttle');
  const out: Record<string, ThrottleSettings> = {};
  for (const [key, throttle] of Object.entries(v)) setOwn(out, key, readThrottle(r, throttle, [...path, key]) ?? {});
  return out;
}
