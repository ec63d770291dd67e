/**
 * Why a model is not a draft-04 JSON Schema that fge (and so API Gateway) would accept: keyword values of
 * the wrong type or range, `required` that is not a non-empty list of distinct strings, regexes that are
 * not ECMA 262, `$ref`s that resolve nowhere or only to themselves. The definition loaders report these
 * at load (API Gateway refuses such a model when it is created). Messages are fge's syntax messages,
 * each prefixed with the JSON pointer of the offending keyword.
 */
import { EcmaPatterns, ecmaRegexIsValid } from './ecma-regex.js';
import { equivalenceKey } from './equivalence.js';
import { NODE_TYPES, instanceOfJs } from './instance.js';
import { unlimitedMeter } from '../../../java/meter.js';
import { pointerToken, resolveRef, type DocumentSource } from './refs.js';

/** Deeper than this, a model is reported rather than walked (no real model comes close). */
const MAX_DEPTH = 500;
const MAX_NODES = 100_000;
const MAX_PROBLEMS = 100;

type Json = unknown;

function typeName(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'boolean' || typeof v === 'string') return typeof v;
  return typeof v === 'object' ? 'object' : typeof v;
}

function isObject(v: Json): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

interface Doc {
  root: Json;
}

class Checker {
  readonly problems: string[] = [];
  private readonly seen = new Set<object>();
  private nodes = 0;
  private readonly patterns = new EcmaPatterns();
  private readonly docs = new Map<string, Doc>();
  private readonly source: DocumentSource<Doc>;
  private readonly self: Doc;

  constructor(root: Json, models: Readonly<Record<string, Json>>) {
    this.self = { root };
    this.source = {
      model: (name) => {
        if (!Object.hasOwn(models, name)) return undefined;
        let doc = this.docs.get(name);
        if (!doc) this.docs.set(name, (doc = { root: models[name] }));
        return doc;
      },
      rootOf: (doc) => doc.root,
    };
  }

  private problem(pointer: string, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(`#${pointer}: ${message}`);
  }

  private incorrectType(pointer: string, v: Json, expected: string[]): void {
    this.problem(pointer, `value has incorrect type (found ${typeName(v)}, expected one of [${expected.join(', ')}])`);
  }

  schema(node: Json, pointer: string, depth: number): void {
    if (!isObject(node)) {
      this.problem(pointer, `JSON value is of type ${typeName(node)}, not a JSON Schema (expected an object)`);
      return;
    }
    if (this.seen.has(node)) return;
    this.seen.add(node);
    if (++this.nodes > MAX_NODES) {
      if (this.nodes === MAX_NODES + 1) this.problem(pointer, `the model has more than ${MAX_NODES} schemas`);
      return;
    }
    if (depth > MAX_DEPTH) {
      this.problem(pointer, `schemas nested more than ${MAX_DEPTH} levels deep`);
      return;
    }
    if (Object.hasOwn(node, '$ref')) {
      this.ref(node['$ref'], `${pointer}/$ref`);
      return; // fge ignores every other keyword of a schema with $ref
    }
    for (const [keyword, value] of Object.entries(node)) this.keyword(node, keyword, value, `${pointer}/${pointerToken(keyword)}`, depth);
  }

  private ref(ref: Json, pointer: string): void {
    if (typeof ref !== 'string') return this.incorrectType(pointer, ref, ['string']);
    const seen = new Set<unknown>();
    let current: { doc: Doc; ref: string } = { doc: this.self, ref };
    for (let hops = 0; ; hops++) {
      const found = resolveRef(current.ref, current.doc, this.source);
      if (!found) return this.problem(pointer, `JSON Reference "${current.ref}" cannot be resolved`);
      const next = isObject(found.node) ? found.node['$ref'] : undefined;
      if (typeof next !== 'string') return;
      if (seen.has(found.node) || hops > 1000) return this.problem(pointer, `JSON Reference "${ref}" loops on itself`);
      seen.add(found.node);
      current = { doc: found.doc, ref: next };
    }
  }

  private subSchemas(value: Json, pointer: string, depth: number, expected: 'object' | 'array'): void {
    if (expected === 'array') {
      if (!Array.isArray(value)) return this.incorrectType(pointer, value, ['array']);
      if (value.length === 0) return this.problem(pointer, 'array must have at least one element');
      value.forEach((s, i) => this.schema(s, `${pointer}/${i}`, depth + 1));
      return;
    }
    if (!isObject(value)) return this.incorrectType(pointer, value, ['object']);
    for (const [k, s] of Object.entries(value)) this.schema(s, `${pointer}/${pointerToken(k)}`, depth + 1);
  }

  private distinctStrings(value: Json, pointer: string, allowEmpty: boolean): string[] | undefined {
    if (!Array.isArray(value)) {
      this.incorrectType(pointer, value, ['array']);
      return undefined;
    }
    if (value.length === 0 && !allowEmpty) {
      this.problem(pointer, 'array must have at least one element');
      return undefined;
    }
    value.forEach((e, i) => {
      if (typeof e !== 'string') this.problem(pointer, `array element at index ${i} has incorrect type (expected one of [string] but found ${typeName(e)})`);
    });
    if (new Set(value).size !== value.length) this.problem(pointer, 'array must not contain duplicate elements');
    return value.filter((e): e is string => typeof e === 'string');
  }

  private regex(source: string, pointer: string, what: (s: string) => string): void {
    if (!ecmaRegexIsValid(source)) this.problem(pointer, what(source));
    else if (this.patterns.get(source) === null) this.problem(pointer, `regex "${source}" uses ECMA 262 syntax the emulator cannot run`);
  }

  private keyword(schema: Record<string, Json>, keyword: string, value: Json, pointer: string, depth: number): void {
    switch (keyword) {
      case 'additionalItems':
      case 'additionalProperties':
        if (isObject(value)) this.schema(value, pointer, depth + 1);
        else if (typeof value !== 'boolean') this.incorrectType(pointer, value, ['boolean', 'object']);
        return;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        return this.subSchemas(value, pointer, depth, 'array');
      case 'definitions':
      case 'properties':
        return this.subSchemas(value, pointer, depth, 'object');
      case 'not':
        return this.schema(value, pointer, depth + 1);
      case 'items':
        if (Array.isArray(value)) value.forEach((s, i) => this.schema(s, `${pointer}/${i}`, depth + 1));
        else if (isObject(value)) this.schema(value, pointer, depth + 1);
        else this.incorrectType(pointer, value, ['array', 'object']);
        return;
      case 'dependencies':
        if (!isObject(value)) return this.incorrectType(pointer, value, ['object']);
        for (const [name, dep] of Object.entries(value)) {
          const at = `${pointer}/${pointerToken(name)}`;
          if (isObject(dep)) this.schema(dep, at, depth + 1);
          else if (Array.isArray(dep)) this.distinctStrings(dep, at, false);
          else this.problem(pointer, `dependency value for property "${name}" has incorrect type (expected one of [array, object] but found ${typeName(dep)})`);
        }
        return;
      case 'enum': {
        if (!Array.isArray(value)) return this.incorrectType(pointer, value, ['array']);
        const meter = unlimitedMeter();
        const keys = value.map((e) => equivalenceKey(instanceOfJs(e), meter));
        if (new Set(keys).size !== keys.length) this.problem(pointer, 'array must not contain duplicate elements');
        return;
      }
      case 'exclusiveMaximum':
      case 'exclusiveMinimum': {
        if (typeof value !== 'boolean') return this.incorrectType(pointer, value, ['boolean']);
        const bound = keyword === 'exclusiveMaximum' ? 'maximum' : 'minimum';
        if (!Object.hasOwn(schema, bound)) this.problem(pointer, `${keyword} must be paired with ${bound}`);
        return;
      }
      case 'format':
      case '$schema':
      case 'id':
      case 'title':
      case 'description':
        if (typeof value !== 'string') this.incorrectType(pointer, value, ['string']);
        return;
      case 'maxItems':
      case 'minItems':
      case 'maxLength':
      case 'minLength':
      case 'maxProperties':
      case 'minProperties':
        if (typeof value !== 'number' || !Number.isInteger(value)) return this.incorrectType(pointer, value, ['integer']);
        if (value > 2147483647) this.problem(pointer, 'integer value is too large');
        else if (value < 0) this.problem(pointer, 'integer value must be strictly positive');
        return;
      case 'maximum':
      case 'minimum':
        if (typeof value !== 'number' || !Number.isFinite(value)) this.incorrectType(pointer, value, ['integer', 'number']);
        return;
      case 'multipleOf':
        if (typeof value !== 'number' || !Number.isFinite(value)) return this.incorrectType(pointer, value, ['integer', 'number']);
        if (value <= 0) this.problem(pointer, 'divisor must be strictly greater than zero');
        return;
      case 'pattern':
        if (typeof value !== 'string') return this.incorrectType(pointer, value, ['string']);
        return this.regex(value, pointer, (s) => `string "${s}" is not a valid ECMA 262 regular expression`);
      case 'patternProperties':
        if (!isObject(value)) return this.incorrectType(pointer, value, ['object']);
        for (const [source, s] of Object.entries(value)) {
          const at = `${pointer}/${pointerToken(source)}`;
          this.regex(source, at, (r) => `property name "${r}" is not a valid ECMA 262 regular expression`);
          this.schema(s, at, depth + 1);
        }
        return;
      case 'required':
        this.distinctStrings(value, pointer, false);
        return;
      case 'type': {
        const names = typeof value === 'string' ? [value] : this.distinctStrings(value, pointer, false);
        for (const name of names ?? []) {
          if (!(NODE_TYPES as readonly string[]).includes(name)) this.problem(pointer, `"${name}" is not a valid primitive type (valid values are: [${NODE_TYPES.join(', ')}])`);
        }
        return;
      }
      case 'uniqueItems':
        if (typeof value !== 'boolean') this.incorrectType(pointer, value, ['boolean']);
        return;
      default:
        return; // unknown keywords are ignored (fge only warns)
    }
  }
}

/**
 * The reasons `schema` is not a valid draft-04 model (empty when it is). `models` are the API's named
 * models, which `$ref`s may name. Never throws.
 */
export function schemaProblems(schema: unknown, models: Readonly<Record<string, unknown>> = {}): string[] {
  const checker = new Checker(schema, models ?? {});
  try {
    checker.schema(schema, '', 0);
  } catch (e) {
    checker.problems.push(`#: the model could not be checked (${e instanceof Error ? e.message : String(e)})`);
  }
  return checker.problems;
}
