/**
 * A JSON value as the validator sees it (Jackson's `JsonNode` tree): objects keep their members in an own
 * Map (so `__proto__` is just a name), and numbers keep their exact decimal value and whether they were
 * written as integers, which decides `type: integer` the way fge's `NodeType` does (`1.0` is a number).
 */
import { JavaBigDecimal, parseBigDecimal } from '../../../java/numbers.js';

/** A JSON number: its exact value, and whether its literal had no fraction and no exponent. */
export class JsonNumber {
  private exact: JavaBigDecimal | null;
  private readonly literal: string;

  constructor(
    /** The value, or the JSON literal it is read from when first needed (most numbers never are). */
    source: JavaBigDecimal | string,
    /** Jackson parses such a literal to an integral node (IntNode, LongNode, BigIntegerNode). */
    readonly integral: boolean,
  ) {
    this.exact = typeof source === 'string' ? null : source;
    this.literal = typeof source === 'string' ? source : '';
  }

  get value(): JavaBigDecimal {
    return (this.exact ??= parseBigDecimal(this.literal));
  }

  /** A schema's number (a JS number from JSON or YAML): integral when it has an integer value. */
  static fromJs(n: number): JsonNumber {
    if (Number.isInteger(n)) return new JsonNumber(new JavaBigDecimal(BigInt(n), 0), true);
    return new JsonNumber(decimalOfShortest(n), false);
  }
}

/** A JS number's shortest decimal spelling as a BigDecimal (`0.1` is 0.1, not the binary double's expansion). */
function decimalOfShortest(n: number): JavaBigDecimal {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n))!;
  const fraction = m[3] ?? '';
  const unscaled = BigInt(`${m[1]}${m[2]}${fraction}`);
  return new JavaBigDecimal(unscaled, fraction.length - Number(m[4] ?? '0'));
}

export type JsonObject = Map<string, Instance>;

export type Instance = null | boolean | string | JsonNumber | Instance[] | JsonObject;

/** fge's `NodeType` names, in its enum (declaration) order, which is the order allowed types print in. */
export const NODE_TYPES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] as const;

export type NodeType = (typeof NODE_TYPES)[number];

export function nodeType(v: Instance): NodeType {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (v instanceof JsonNumber) return v.integral ? 'integer' : 'number';
  return Array.isArray(v) ? 'array' : 'object';
}

/**
 * A schema value (plain JS from a JSON or YAML loader) as an instance, for `enum` comparisons. Values
 * that JSON cannot hold (undefined, functions, non-finite numbers) become null.
 */
export function instanceOfJs(v: unknown, depth = 0): Instance {
  if (depth > 1000) return null;
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? JsonNumber.fromJs(v) : null;
  if (Array.isArray(v)) return v.map((e: unknown) => instanceOfJs(e, depth + 1));
  if (typeof v === 'object') {
    const out: JsonObject = new Map();
    for (const [k, e] of Object.entries(v)) out.set(k, instanceOfJs(e, depth + 1));
    return out;
  }
  return null;
}
