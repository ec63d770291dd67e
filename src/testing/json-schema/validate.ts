/**
 * JSON Schema validation for "renders JSON matching a schema", on Ajv's draft-04 build (API Gateway
 * models are draft-04). References by API Gateway model URL, OpenAPI component path or plain name are
 * rewritten to local definitions first, so a schema taken out of an API definition still resolves.
 */
import AjvModule from 'ajv-draft-04';
import { setOwn } from '../../own-property.js';
import type { ErrorObject, Options, ValidateFunction } from 'ajv-draft-04';

/** The draft-04 keywords API Gateway models use (and OpenAPI's `nullable`). */
export interface JsonSchema {
  $ref?: string;
  id?: string;
  $schema?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
  nullable?: boolean;
  [keyword: string]: unknown;
}

export interface ValidationResult {
  valid: boolean;
  /** `/path: message` for each problem. */
  errors: string[];
}

interface AjvInstance {
  compile(schema: object): ValidateFunction;
}
// ajv-draft-04 is CommonJS: under Node's ESM interop its class is the module's `default` property.
const moduleValue = AjvModule as unknown as { default?: new (options: Options) => AjvInstance };
const Ajv = (moduleValue.default ?? moduleValue) as new (options: Options) => AjvInstance;
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });

function definitionName(ref: string): string {
  return ref.split('/').pop()!.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Keywords whose value maps names (of properties, definitions) to schemas: their keys are not keywords. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);
/** Keywords whose value is data, not schema: copied as written. */
const DATA = new Set(['enum', 'const', 'default', 'example', 'examples']);

/**
 * The schema with refs made local and the identifiers Ajv would resolve dropped (`id`, `$id`, `$schema`)
 * — only where they are keywords: a property named `id` and an enum value `{"id": 1}` are kept.
 */
function rewrite(value: unknown, names: Set<string>, nameMap = false): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, names));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (nameMap) setOwn(out, k, rewrite(v, names));
    else if (k === '$ref' && typeof v === 'string' && !v.startsWith('#/definitions/') && names.has(definitionName(v))) {
      out[k] = `#/definitions/${definitionName(v).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    } else if (DATA.has(k)) setOwn(out, k, v);
    else if (k !== 'id' && k !== '$id' && k !== '$schema') setOwn(out, k, rewrite(v, names, NAME_MAPS.has(k)));
  }
  return out;
}

/** The schema as one self-contained document: `definitions` holds every named schema it may reference. */
export function selfContained(schema: JsonSchema, definitions: Record<string, JsonSchema> = {}): JsonSchema {
  const named: Record<string, JsonSchema> = { ...(schema.definitions ?? {}) };
  for (const [key, s] of Object.entries(definitions)) named[definitionName(key)] = s;
  const names = new Set(Object.keys(named));
  const root = rewrite({ ...schema, definitions: undefined }, names) as JsonSchema;
  delete root.definitions;
  return { ...root, definitions: rewrite(named, names, true) as Record<string, JsonSchema> };
}

const compiled = new WeakMap<JsonSchema, WeakMap<object, (value: unknown) => ValidationResult>>();
const NO_DEFINITIONS = {};

/** A validator for the schema (compiled once per schema and definitions object). */
export function schemaValidator(schema: JsonSchema, definitions?: Record<string, JsonSchema>): (value: unknown) => ValidationResult {
  const key = definitions ?? NO_DEFINITIONS;
  let byDefinitions = compiled.get(schema);
  if (!byDefinitions) compiled.set(schema, (byDefinitions = new WeakMap()));
  const hit = byDefinitions.get(key);
  if (hit) return hit;
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(selfContained(schema, definitions));
  } catch (e) {
    throw new TypeError(`invalid JSON Schema: ${(e as Error).message}`);
  }
  const check = (value: unknown): ValidationResult => {
    const valid = validate(value) as boolean;
    return { valid, errors: valid ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`) };
  };
  byDefinitions.set(key, check);
  return check;
}
