/**
 * `identitySource` of a Lambda or Cognito authorizer: a comma-separated list of
 * `method.request.header.<H>`, `method.request.querystring.<Q>`, `stageVariables.<V>` and `context.<var>`
 * (`DG:configure-api-gateway-lambda-authorization-with-console.md`, pipeline.md §4.3). Path parameters
 * "cannot be used as identity sources"; anything else is a configuration error.
 */
import { headerValue } from '../../integration/headers.js';
import type { RoutedState } from '../request-state.js';

export type IdentitySourceKind = 'header' | 'querystring' | 'stageVariable' | 'context';

export interface IdentitySource {
  kind: IdentitySourceKind;
  name: string;
  /** As written in the definition, for messages. */
  text: string;
}

const PREFIXES: ReadonlyArray<readonly [string, IdentitySourceKind]> = [
  ['method.request.header.', 'header'],
  ['method.request.querystring.', 'querystring'],
  ['stageVariables.', 'stageVariable'],
  ['context.', 'context'],
];

export type ParsedSources = { ok: true; sources: IdentitySource[] } | { ok: false; reason: string };

/** The identity sources of `text` (empty when there is none). */
export function parseIdentitySources(text: string | null | undefined): ParsedSources {
  if (text === undefined || text === null || text.trim() === '') return { ok: true, sources: [] };
  const sources: IdentitySource[] = [];
  for (const part of text.split(',')) {
    const item = part.trim();
    const prefix = PREFIXES.find(([p]) => item.startsWith(p) && item.length > p.length);
    if (!prefix) {
      const why = item.startsWith('method.request.path.') ? 'path parameters cannot be identity sources' : 'it is not method.request.header.X, method.request.querystring.X, stageVariables.X or context.X';
      return { ok: false, reason: `identity source ${JSON.stringify(item)} is not supported: ${why}` };
    }
    sources.push({ kind: prefix[1], name: item.slice(prefix[0].length), text: item });
  }
  return { ok: true, sources };
}

function lastOf(v: unknown): string | undefined {
  const x = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof x === 'string' ? x : undefined;
}

/** `$context.a.b` as text: strings, numbers and booleans; anything else is absent. */
function contextValue(state: RoutedState, path: string): string | undefined {
  let node: unknown = state.context;
  for (const step of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, step)) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean' ? String(node) : undefined;
}

/** The request's value of one identity source (headers case-insensitively; the last of several values). */
export function identityValue(state: RoutedState, source: IdentitySource): string | undefined {
  switch (source.kind) {
    case 'header':
      return headerValue(state.request.headers, source.name);
    case 'querystring':
      return Object.hasOwn(state.request.query, source.name) ? lastOf(state.request.query[source.name]) : undefined;
    case 'stageVariable':
      return Object.hasOwn(state.request.stageVariables, source.name) ? lastOf(state.request.stageVariables[source.name]) : undefined;
    case 'context':
      return contextValue(state, source.name);
  }
}
