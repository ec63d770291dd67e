/**
 * What the method's request model says a JSON path of the body holds: an object (printed as `{k=v}`),
 * an array, a string. Models are JSON Schema draft 4, with `$ref` to other models of the API.
 */
import { parseJsonPath } from '../../gateway/jsonpath/parse-path.js';
import type { ValueKind } from './value-kind.js';

export type Schema = Record<string, unknown>;

export interface ModelShapes {
  /** The kind at a JSONPath, when the model says; undefined otherwise. */
  kindAt(path: string): ValueKind | undefined;
  /** The model's `maxItems` for the array at a path, when it has one. */
  maxItemsAt(path: string): number | undefined;
}

const MAX_REFS = 32;

function resolve(schema: unknown, definitions: Record<string, Schema>): Schema | undefined {
  let s = schema;
  for (let i = 0; i < MAX_REFS && s && typeof s === 'object' && typeof (s as Schema)['$ref'] === 'string'; i++) {
    // `#/definitions/Pet` or an API Gateway model URL ending in `/models/Pet`.
    const name = ((s as Schema)['$ref'] as string).split('/').pop()!;
    s = Object.hasOwn(definitions, name) ? definitions[name] : undefined;
  }
  return s && typeof s === 'object' && !Array.isArray(s) ? (s as Schema) : undefined;
}

function kindOf(schema: Schema | undefined): ValueKind | undefined {
  const type = schema?.['type'];
  const types = Array.isArray(type) ? type.filter((t) => t !== 'null') : [type];
  if (types.length !== 1) return schema && (schema['properties'] !== undefined ? 'map' : schema['items'] !== undefined ? 'list' : undefined);
  switch (types[0]) {
    case 'object':
      return 'map';
    case 'array':
      return 'list';
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return undefined;
  }
}

export function modelShapes(model: unknown, definitions: Record<string, Schema> = {}): ModelShapes {
  const at = (path: string): Schema | undefined => {
    let segments;
    try {
      segments = parseJsonPath(path).segments;
    } catch {
      return undefined;
    }
    let s = resolve(model, definitions);
    for (const seg of segments) {
      if (!s) return undefined;
      if (seg.kind === 'property') {
        const props = s['properties'] as Record<string, unknown> | undefined;
        s = props && Object.hasOwn(props, seg.name) ? resolve(props[seg.name], definitions) : undefined;
      } else if (seg.kind === 'index') {
        s = resolve(s['items'], definitions);
      } else return undefined;
    }
    return s;
  };
  return {
    kindAt: (path) => kindOf(at(path)),
    maxItemsAt: (path) => {
      const max = at(path)?.['maxItems'];
      return typeof max === 'number' ? max : undefined;
    },
  };
}
