/**
 * fge's keyword validators for draft-04, compiled from one schema object. fge builds them in a sorted map
 * (keyword name order, `String.compareTo`), keeps those that apply to the instance's type, and appends the
 * `format` check last; each reports at most one message. Keyword values of the wrong shape (which fge's
 * syntax check would refuse, see check.ts) are skipped.
 */
import type { Meter } from '../../../java/meter.js';
import { compareDecimal, instanceNumberText, isMultipleOf, schemaNumberText } from './decimal.js';
import type { Digest } from './document.js';
import type { EcmaPatterns } from './ecma-regex.js';
import { patternPropertiesOf } from './children.js';
import { equivalenceKey, equivalent } from './equivalence.js';
import { checkFormat, isKnownFormat } from './formats.js';
import { JsonNumber, NODE_TYPES, instanceOfJs, nodeType, type Instance, type JsonObject, type NodeType } from './instance.js';
import { jacksonText, jsonStringArray } from './jackson-text.js';
import { formatMessage } from './messages.js';
import { javaHashOrder } from '../java-hash-order.js';
import { Report, typeBit, type Check } from './run.js';

const bit = typeBit;
const ALL = (1 << NODE_TYPES.length) - 1;
const ARRAY = bit('array');
const OBJECT = bit('object');
const STRING = bit('string');
const NUMERIC = bit('integer') | bit('number');

function isNonNegativeInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2147483647;
}

function isSchemaObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((e) => typeof e === 'string') ? (v as string[]) : undefined;
}

/** `String.codePointCount`: a surrogate pair is one, a lone surrogate is one. */
function codePointCount(s: string, meter: Meter): number {
  meter.chars(s.length);
  let pairs = 0;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return s.length - pairs;
}

function sizeOf(v: Instance): number {
  return Array.isArray(v) ? v.length : (v as JsonObject).size;
}

type Builder = (digest: Digest, value: unknown, schema: Readonly<Record<string, unknown>>, patterns: EcmaPatterns) => Check | undefined;

function check(keyword: string, types: number, run: Check['run']): Check {
  return { keyword, types, run };
}

function countCheck(keyword: string, types: number, limit: unknown, fails: (size: number, limit: number) => boolean, message: (size: number, limit: number) => string): Check | undefined {
  if (!isNonNegativeInt(limit)) return undefined;
  return check(keyword, types, (value, { report }) => {
    const size = sizeOf(value);
    if (fails(size, limit)) report.errors.push(message(size, limit));
  });
}

function lengthCheck(keyword: string, limit: unknown, fails: (length: number, limit: number) => boolean, key: 'err.common.minLength.tooShort' | 'err.common.maxLength.tooLong'): Check | undefined {
  if (!isNonNegativeInt(limit)) return undefined;
  return check(keyword, STRING, (value, { report, run }) => {
    const s = value as string;
    const length = codePointCount(s, run.meter);
    if (fails(length, limit)) report.errors.push(run.meter.string(formatMessage(key, s, length, limit)));
  });
}

function boundCheck(keyword: 'maximum' | 'minimum', schema: Readonly<Record<string, unknown>>): Check | undefined {
  const limit = schema[keyword];
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return undefined;
  const bound = JsonNumber.fromJs(limit);
  const exclusive = schema[keyword === 'maximum' ? 'exclusiveMaximum' : 'exclusiveMinimum'] === true;
  const text = schemaNumberText(bound);
  const beyond = keyword === 'maximum' ? 1 : -1;
  return check(keyword, NUMERIC, (value, { report, run }) => {
    const n = value as JsonNumber;
    run.meter.charge(1);
    const cmp = compareDecimal(n.value, bound.value);
    if (cmp === beyond) {
      const key = keyword === 'maximum' ? 'err.common.maximum.tooLarge' : 'err.common.minimum.tooSmall';
      report.errors.push(formatMessage(key, text, instanceNumberText(n)));
    } else if (cmp === 0 && exclusive) {
      report.errors.push(formatMessage(keyword === 'maximum' ? 'err.common.maximum.notExclusive' : 'err.common.minimum.notExclusive', text));
    }
  });
}

function schemaArray(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0;
}

/** allOf / anyOf / oneOf: each sub-schema into a report of its own; one message for the count. */
function combination(keyword: 'allOf' | 'anyOf' | 'oneOf', digest: Digest, list: unknown): Check | undefined {
  if (!schemaArray(list)) return undefined;
  const size = (list as unknown[]).length;
  let schemas: Digest[] | undefined;
  return check(keyword, ALL, (value, { run, report, place }) => {
    schemas ??= Array.from({ length: size }, (_, i) => digest.sub(keyword, i));
    let matched = 0;
    for (const schema of schemas) {
      const sub = new Report();
      run.apply(schema, value, sub, place);
      if (sub.isSuccess) matched++;
    }
    if (keyword === 'allOf' && matched !== size) report.errors.push(formatMessage('err.draftv4.allOf.fail', matched, size));
    if (keyword === 'anyOf' && matched === 0) report.errors.push(formatMessage('err.common.schema.noMatch', size));
    if (keyword === 'oneOf' && matched !== 1) report.errors.push(formatMessage('err.draftv4.oneOf.fail', matched, size));
  });
}

const BUILDERS: Readonly<Record<string, Builder>> = {
  additionalItems: (_d, v, schema) => {
    if (v !== false || !Array.isArray(schema['items'])) return undefined;
    const allowed = (schema['items'] as unknown[]).length;
    return check('additionalItems', ARRAY, (value, { report }) => {
      const size = (value as Instance[]).length;
      if (size > allowed) report.errors.push(formatMessage('err.common.additionalItems.notAllowed', allowed, size));
    });
  },
  additionalProperties: (_d, v, schema, patterns) => {
    if (v !== false) return undefined;
    const props = schema['properties'];
    const declared = isSchemaObject(props) ? new Set(Object.keys(props as object)) : new Set<string>();
    const regexes = patternPropertiesOf(schema, patterns);
    return check('additionalProperties', OBJECT, (value, { report, run }) => {
      const extra: string[] = [];
      for (const field of (value as JsonObject).keys()) {
        run.meter.charge(1);
        if (declared.has(field)) continue;
        if (regexes.some((r) => r.pattern.test(field, run.meter))) continue;
        extra.push(field);
      }
      if (extra.length > 0) report.errors.push(run.meter.string(formatMessage('err.common.additionalProperties.notAllowed', jsonStringArray(extra.sort()))));
    });
  },
  allOf: (d, v) => combination('allOf', d, v),
  anyOf: (d, v) => combination('anyOf', d, v),
  dependencies: (digest, v) => {
    if (!isSchemaObject(v)) return undefined;
    const deps = v as Record<string, unknown>;
    const propertyDeps: Array<[string, string[]]> = [];
    const schemaDeps: string[] = [];
    for (const key of javaHashOrder(Object.keys(deps))) {
      const dep = deps[key];
      if (isSchemaObject(dep)) schemaDeps.push(key);
      else {
        const names = strings(dep);
        if (names) propertyDeps.push([key, [...new Set(names)].sort()]);
      }
    }
    schemaDeps.sort();
    return check('dependencies', OBJECT, (value, { report, run, place }) => {
      const fields = value as JsonObject;
      for (const [key, required] of propertyDeps) {
        if (!fields.has(key)) continue;
        const missing = required.filter((name) => !fields.has(name));
        if (missing.length > 0) report.errors.push(formatMessage('err.common.dependencies.missingPropertyDeps', key, jsonStringArray(required), jsonStringArray(missing)));
      }
      // Schema dependencies report into the same report as the keyword itself.
      for (const key of schemaDeps) if (fields.has(key)) run.apply(digest.sub('dependencies', key), value, report, place);
    });
  },
  enum: (_d, v) => {
    if (!Array.isArray(v)) return undefined;
    const values = v.map((e: unknown) => instanceOfJs(e));
    let printed: string | undefined;
    return check('enum', ALL, (value, { report, run }) => {
      if (values.some((e) => equivalent(e, value, run.meter))) return;
      printed ??= jacksonText(values, run.meter);
      report.errors.push(run.meter.string(formatMessage('err.common.enum.notInEnum', jacksonText(value, run.meter), printed)));
    });
  },
  maxItems: (_d, v) => countCheck('maxItems', ARRAY, v, (n, l) => n > l, (n, l) => formatMessage('err.common.maxItems.arrayTooLarge', l, n)),
  maxLength: (_d, v) => lengthCheck('maxLength', v, (n, l) => n > l, 'err.common.maxLength.tooLong'),
  maxProperties: (_d, v) => countCheck('maxProperties', OBJECT, v, (n, l) => n > l, (n, l) => formatMessage('err.draftv4.maxProperties.tooManyMembers', n, l)),
  maximum: (_d, _v, schema) => boundCheck('maximum', schema),
  minItems: (_d, v) => countCheck('minItems', ARRAY, v, (n, l) => n < l, (n, l) => formatMessage('err.common.minItems.arrayTooShort', l, n)),
  minLength: (_d, v) => lengthCheck('minLength', v, (n, l) => n < l, 'err.common.minLength.tooShort'),
  minProperties: (_d, v) => countCheck('minProperties', OBJECT, v, (n, l) => n < l, (n, l) => formatMessage('err.draftv4.minProperties.notEnoughMembers', n, l)),
  minimum: (_d, _v, schema) => boundCheck('minimum', schema),
  multipleOf: (_d, v) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return undefined;
    const divisor = JsonNumber.fromJs(v);
    const text = schemaNumberText(divisor);
    return check('multipleOf', NUMERIC, (value, { report, run }) => {
      run.meter.charge(1);
      const n = value as JsonNumber;
      if (!isMultipleOf(n.value, divisor.value)) report.errors.push(formatMessage('err.common.divisor.nonZeroRemainder', instanceNumberText(n), text));
    });
  },
  not: (digest, v) => {
    if (!isSchemaObject(v)) return undefined;
    let schema: Digest | undefined;
    return check('not', ALL, (value, { run, report, place }) => {
      const sub = new Report();
      run.apply((schema ??= digest.sub('not')), value, sub, place);
      if (sub.isSuccess) report.errors.push(formatMessage('err.draftv4.not.fail'));
    });
  },
  oneOf: (d, v) => combination('oneOf', d, v),
  pattern: (_d, v, _s, patterns) => {
    if (typeof v !== 'string') return undefined;
    const pattern = patterns.get(v);
    if (!pattern) return undefined;
    return check('pattern', STRING, (value, { report, run }) => {
      const s = value as string;
      if (!pattern.test(s, run.meter)) report.errors.push(run.meter.string(formatMessage('err.common.pattern.noMatch', v, s)));
    });
  },
  required: (_d, v) => {
    const names = strings(v);
    if (!names) return undefined;
    const sorted = [...new Set(names)].sort();
    return check('required', OBJECT, (value, { report, run }) => {
      run.meter.elements(sorted.length);
      const missing = sorted.filter((name) => !(value as JsonObject).has(name));
      if (missing.length > 0) report.errors.push(formatMessage('err.common.object.missingMembers', jsonStringArray(missing)));
    });
  },
  type: (_d, v) => {
    const names = typeof v === 'string' ? [v] : strings(v);
    if (!names) return undefined;
    let allowed = 0;
    for (const name of names) if ((NODE_TYPES as readonly string[]).includes(name)) allowed |= bit(name as NodeType);
    if (allowed === 0) return undefined;
    // A number may be an integer: fge's digest adds `integer` wherever `number` is allowed.
    if (allowed & bit('number')) allowed |= bit('integer');
    const printed = jsonStringArray(NODE_TYPES.filter((t) => allowed & bit(t)));
    return check('type', ALL, (value, { report }) => {
      const found = nodeType(value);
      if (!(allowed & bit(found))) report.errors.push(formatMessage('err.common.typeNoMatch', found, printed));
    });
  },
  uniqueItems: (_d, v) => {
    if (v !== true) return undefined;
    return check('uniqueItems', ARRAY, (value, { report, run }) => {
      const seen = new Set<string>();
      for (const element of value as Instance[]) {
        const key = equivalenceKey(element, run.meter);
        if (seen.has(key)) {
          report.errors.push(formatMessage('err.common.uniqueItems.duplicateElements'));
          return;
        }
        seen.add(key);
      }
    });
  },
};

const KEYWORDS = Object.keys(BUILDERS).sort();

function formatCheck(schema: Readonly<Record<string, unknown>>): Check | undefined {
  const format = schema['format'];
  if (typeof format !== 'string') return undefined;
  if (!isKnownFormat(format)) {
    return check('format', ALL, (_value, { run }) => run.warn(formatMessage('warn.format.notSupported', format)));
  }
  return check('format', STRING, (value, { report, run }) => {
    const message = checkFormat(format, value as string, run.meter);
    if (message !== undefined) report.errors.push(run.meter.string(message));
  });
}

/** The checks of one schema object, in fge's order. */
export function compileChecks(digest: Digest, patterns: EcmaPatterns): Check[] {
  const schema = digest.node!;
  const out: Check[] = [];
  for (const keyword of KEYWORDS) {
    if (!Object.hasOwn(schema, keyword)) continue;
    const built = BUILDERS[keyword]!(digest, schema[keyword], schema, patterns);
    if (built) out.push(built);
  }
  const format = formatCheck(schema);
  if (format) out.push(format);
  return out;
}
