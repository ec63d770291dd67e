/**
 * Reading untrusted definition values into the integration model: each reader names the path of a bad
 * value in its error.
 */
import type { ParsedDocument } from './document.js';
import { errorAt } from './document.js';
import { setOwn } from '../own-property.js';
import { recordOrigin } from './template-origin.js';

export type Path = readonly (string | number)[];

export interface Reader {
  doc?: ParsedDocument;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function fail(r: Reader, path: Path, message: string): never {
  throw errorAt(r.doc, path, message);
}

export function optionalString(r: Reader, v: unknown, path: Path): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return fail(r, path, `expected a string, found ${describe(v)}`);
}

/** A number, also when written as a numeric string (CloudFormation parameters and `Fn::Sub` give strings). */
export function optionalNumber(r: Reader, v: unknown, path: Path): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return fail(r, path, `expected a number, found ${describe(v)}`);
}

export function requiredString(r: Reader, v: unknown, path: Path): string {
  return optionalString(r, v, path) ?? fail(r, path, 'is required');
}

/** A status code: `"200"` or `200`. */
export function statusCode(r: Reader, v: unknown, path: Path): string {
  const s = requiredString(r, v, path);
  if (!/^[1-5]\d\d$/.test(s)) fail(r, path, `'${s}' is not an HTTP status code`);
  return s;
}

/** `{ key: string }` (null values allowed where API Gateway stores empty templates as null). */
export function stringMap(r: Reader, v: unknown, path: Path, allowNull = false): Record<string, string | null> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) fail(r, path, `expected a map of strings, found ${describe(v)}`);
  const out: Record<string, string | null> = {};
  for (const [k, value] of Object.entries(v)) {
    const s = value === null && allowNull ? null : requiredString(r, value, [...path, k]);
    setOwn(out, k, s);
  }
  return out;
}

/**
 * A `requestTemplates` / `responseTemplates` map; where each template is in the file is recorded beside
 * it, so findings and coverage can be shown at the file's lines.
 */
export function templatesMap(r: Reader, v: unknown, path: Path): Record<string, string | null> | undefined {
  const templates = stringMap(r, v, path, true);
  if (templates && r.doc?.origin) {
    for (const [mediaType, template] of Object.entries(templates)) {
      const origin = template === null ? undefined : r.doc.origin([...path, mediaType], template);
      if (origin) recordOrigin(templates, mediaType, origin);
    }
  }
  return templates;
}

export function oneOf<T extends string>(r: Reader, v: unknown, path: Path, allowed: readonly T[]): T | undefined {
  const s = optionalString(r, v, path);
  if (s === undefined || s === '') return undefined;
  const upper = s.toUpperCase() as T;
  if (!allowed.includes(upper)) fail(r, path, `'${s}' is not one of ${allowed.join(', ')}`);
  return upper;
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) {
    const keys = Object.keys(v);
    return keys.length === 1 && /^(Ref|Fn::)/.test(keys[0]!) ? `an unresolved ${keys[0]}` : 'an object';
  }
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** A boolean, also when written as the string `"true"` / `"false"` (CloudFormation parameters give strings). */
export function optionalBoolean(r: Reader, v: unknown, path: Path): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return fail(r, path, `expected true or false, found ${describe(v)}`);
}

/** A list of strings (numbers and booleans are written as their text). */
export function stringList(r: Reader, v: unknown, path: Path): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) fail(r, path, `expected a list of strings, found ${describe(v)}`);
  return v.map((x, i) => requiredString(r, x, [...path, i]));
}

/** The object without its undefined fields, so a model holds only what the definition says. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
