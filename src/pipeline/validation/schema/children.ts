/**
 * Which schemas validate a container's children (fge's `ArraySchemaSelector` and `ObjectSchemaSelector`),
 * worked out once per schema: array items by `items` (one schema, or a tuple) and else `additionalItems`;
 * object members by `properties`, every matching `patternProperties` (sorted), and else
 * `additionalProperties`, when those are schemas.
 */
import type { Digest } from './document.js';
import type { EcmaPattern, EcmaPatterns } from './ecma-regex.js';

export interface ChildSchemas {
  /** Every item's schema, when `items` is one schema. */
  items?: Digest;
  /** The tuple of item schemas, when `items` is an array. */
  tuple?: Digest[];
  /** Items past the tuple, or every item when there is no `items`. */
  additionalItems?: Digest;
  properties: Map<string, Digest>;
  patternProperties: Array<{ source: string; pattern: EcmaPattern; schema: Digest }>;
  additionalProperties?: Digest;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The schema's `patternProperties` names (sorted, as fge's digest lists them) with their compiled regex. */
export function patternPropertiesOf(schema: Readonly<Record<string, unknown>>, patterns: EcmaPatterns): Array<{ source: string; pattern: EcmaPattern }> {
  const pp = schema['patternProperties'];
  if (!isObject(pp)) return [];
  const out: Array<{ source: string; pattern: EcmaPattern }> = [];
  for (const source of Object.keys(pp).sort()) {
    const pattern = patterns.get(source);
    if (pattern) out.push({ source, pattern });
  }
  return out;
}

export function childSchemas(digest: Digest, patterns: EcmaPatterns): ChildSchemas {
  const node = digest.node ?? {};
  const out: ChildSchemas = { properties: new Map(), patternProperties: [] };
  if (Object.hasOwn(node, 'items')) {
    const items = node['items'];
    if (Array.isArray(items)) out.tuple = items.map((_, i) => digest.sub('items', i));
    else out.items = digest.sub('items');
  }
  if (isObject(node['additionalItems'])) out.additionalItems = digest.sub('additionalItems');
  const properties = node['properties'];
  if (isObject(properties)) for (const name of Object.keys(properties)) out.properties.set(name, digest.sub('properties', name));
  out.patternProperties = patternPropertiesOf(node, patterns).map((p) => ({ ...p, schema: digest.sub('patternProperties', p.source) }));
  if (isObject(node['additionalProperties'])) out.additionalProperties = digest.sub('additionalProperties');
  return out;
}
