/** Header maps as plain objects, looked up case-insensitively, written without prototype surprises. */
import type { ParameterValue } from '../gateway/request.js';
import { setOwn } from '../own-property.js';

export type Headers = Record<string, ParameterValue>;

export function headerValue(headers: Headers | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === lower) return Array.isArray(value) ? value[value.length - 1] : value;
  }
  return undefined;
}

export function headerValues(headers: Headers | undefined, name: string): string[] | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === lower) return Array.isArray(value) ? value.map(String) : [String(value)];
  }
  return undefined;
}

/** Sets a header, replacing one of the same name in any case. */
export function setHeader(headers: Headers, name: string, value: ParameterValue): void {
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) delete headers[key];
  setOwn(headers, name, value);
}

/** An empty record for names that come from a request; write to it with `setOwn` only. */
export function record<T>(): Record<string, T> {
  return {};
}

