/**
 * Whole requests for a template or a method: a body, the parameters it reads (path, query string and
 * headers, sometimes repeated, sometimes missing), stage variables and `$context` (identity, authorizer
 * claims). Every part can be fixed or replaced by the caller's own arbitrary.
 */
import fc from 'fast-check';
import type { GatewayContext, ParameterValue, RenderInput } from '../../gateway/request.js';
import type { MethodRequest } from '../../integration/types.js';
import { gatewayContext, jsonBody } from './input.js';
import { setOwn } from '../../own-property.js';
import { escapingString } from './strings.js';

export interface RequestShape {
  /** The body as JSON (or other) text; default: a generic JSON body. `null`: no body. */
  body?: fc.Arbitrary<string> | null;
  /** Path parameter names (always present). */
  path?: readonly string[];
  /** Query string names (each present most of the time, sometimes repeated). */
  query?: readonly string[];
  /** Header names (each present most of the time, sometimes repeated). */
  headers?: readonly string[];
  /** Headers sent with every request, e.g. `{ 'Content-Type': 'application/json' }`. */
  fixedHeaders?: Record<string, string>;
  /** Stage variable names (values generated) or fixed values. */
  stageVariables?: readonly string[] | Record<string, string>;
  /** `$context`; default: a complete, generated one. */
  context?: fc.Arbitrary<GatewayContext>;
}

/** A parameter value: tricky text, sometimes repeated (templates see the last). */
export const parameterValue: fc.Arbitrary<ParameterValue> = fc.oneof(
  { weight: 5, arbitrary: escapingString },
  { weight: 1, arbitrary: fc.array(escapingString, { minLength: 2, maxLength: 3 }) },
);

function parameters(names: readonly string[] | undefined, always: boolean, value: fc.Arbitrary<ParameterValue>): fc.Arbitrary<Record<string, ParameterValue>> {
  const entries = (names ?? []).map((name) =>
    always ? value.map((v) => [name, v] as const) : fc.option(value.map((v) => [name, v] as const), { nil: undefined, freq: 6 }),
  );
  return fc.tuple(...entries).map((pairs) => {
    const out: Record<string, ParameterValue> = {};
    for (const pair of pairs) if (pair) setOwn(out, pair[0], pair[1]);
    return out;
  });
}

function stageVariables(given: RequestShape['stageVariables']): fc.Arbitrary<Record<string, string>> {
  if (given === undefined) return fc.constant({});
  if (!Array.isArray(given)) return fc.constant({ ...(given as Record<string, string>) });
  return parameters(given as readonly string[], false, fc.constantFrom('prod', 'v1', 'Table_1', 'https://example.com/a?b=c')) as fc.Arbitrary<Record<string, string>>;
}

/** Render inputs (for `template.render`). */
export function renderInputs(shape: RequestShape = {}): fc.Arbitrary<RenderInput> {
  return fc
    .record({
      body: shape.body === null ? fc.constant(undefined) : (shape.body ?? jsonBody),
      path: parameters(shape.path, true, escapingString),
      query: parameters(shape.query, false, parameterValue),
      headers: parameters(shape.headers, false, parameterValue),
      stageVariables: stageVariables(shape.stageVariables),
      context: shape.context ?? gatewayContext,
    })
    .map((r) => ({ ...r, path: r.path as Record<string, string>, headers: { ...shape.fixedHeaders, ...r.headers } }));
}

/** Method requests (for `invokeMethod` / `Api.invoke`) for a resource path such as `/pets/{id}`. */
export function methodRequests(httpMethod: string, resourcePath: string, shape: RequestShape = {}): fc.Arbitrary<MethodRequest> {
  const pathNames = [...resourcePath.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]!);
  return renderInputs({ ...shape, path: [...new Set([...pathNames, ...(shape.path ?? [])])] }).map((input) => ({
    httpMethod,
    path: resourcePath.replace(/\{([^}+]+)\+?\}/g, (_, name: string) => encodeURIComponent(input.path?.[name] ?? 'x') || 'x'),
    pathParameters: input.path,
    headers: input.headers,
    query: input.query,
    body: typeof input.body === 'string' ? input.body : null,
    stageVariables: input.stageVariables,
    context: input.context,
  }));
}
