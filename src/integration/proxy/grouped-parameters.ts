/**
 * The single- and multi-value maps of a Lambda proxy event (`headers` / `multiValueHeaders`,
 * `queryStringParameters` / `multiValueQueryStringParameters`). The multi-value map carries every value in
 * order; the single-value map only the last (`?x=1&x=2` → `"2"`: aws-behaviour §2.4, AWS-OBS). Both are
 * null when there is nothing to put in them, as AWS sends them (LS-lambda, 2024-07).
 */
import type { ParameterValue } from '../../gateway/request.js';
import { setOwn } from '../../own-property.js';

/** An event's pair of maps for one kind of parameter. */
export interface GroupedParameters {
  single: Record<string, string> | null;
  multi: Record<string, string[]> | null;
}

interface Group {
  name: string;
  values: string[];
}

/** Parameters in order, with the name each is sent under and the key that makes two names one parameter. */
export interface Parameter {
  name: string;
  key: string;
  values: readonly string[];
}

/** Groups parameters by key: the first spelling of a name is kept, the values of all its spellings joined. */
export function groupParameters(parameters: Iterable<Parameter>): GroupedParameters {
  const groups = new Map<string, Group>();
  for (const p of parameters) {
    if (p.values.length === 0) continue;
    const group = groups.get(p.key);
    // A loop, not push(...values): a spread of a huge list would overflow the stack.
    if (group) for (const v of p.values) group.values.push(v);
    else groups.set(p.key, { name: p.name, values: [...p.values] });
  }
  if (groups.size === 0) return { single: null, multi: null };
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const { name, values } of groups.values()) {
    setOwn(single, name, values[values.length - 1]!);
    setOwn(multi, name, values);
  }
  return { single, multi };
}

/** A request's parameter record as a list (a value list stays a list; a scalar becomes one value). */
export function parameterList(record: Record<string, ParameterValue>, keyOf: (name: string) => string, nameOf: (name: string) => string = (n) => n): Parameter[] {
  const out: Parameter[] = [];
  for (const [name, value] of Object.entries(record)) out.push({ name: nameOf(name), key: keyOf(name), values: Array.isArray(value) ? value.map(String) : [String(value)] });
  return out;
}
