/** Header maps as plain objects, looked up case-insensitively, written without prototype surprises. */
import type { ParameterValue } from '../gateway/request.js';

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
  put(headers, name, value);
}

/** An empty record for names that come from a request; write to it with {@link put} only. */
export function record<T>(): Record<string, T> {
  return {};
}

/** Sets an own property, even one named `__proto__`: names from requests never reach a prototype. */
export function put<T>(target: Record<string, T>, name: string, value: T): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}
