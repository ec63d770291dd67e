/**
 * `jsonencode` as Terraform writes it: compact, object keys in lexicographic order (Terraform objects and
 * maps have no other order) and Go's HTML-safe escaping of `<`, `>`, `&`, U+2028 and U+2029. An OpenAPI
 * `body` built with `jsonencode` therefore reaches API Gateway with its keys sorted, which decides the
 * order of paths and integration responses.
 */
import { isRecord, Unknown, type Value } from './values.js';

const GO_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

export function jsonEncode(v: Value): string {
  if (v instanceof Unknown) return quote(v.placeholder);
  if (v === null) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(jsonEncode).join(',')}]`;
  if (isRecord(v)) {
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${quote(k)}:${jsonEncode(v[k]!)}`).join(',')}}`;
  }
  return 'null';
}

function quote(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]!);
}
