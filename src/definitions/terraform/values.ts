/**
 * Values of evaluated Terraform expressions: JSON-like data, plus `Unknown` for what cannot be known
 * offline (a variable without a default, a data source, an attribute only AWS assigns). An unknown
 * value travels through expressions and ends as a readable placeholder, `<unresolved:var.region>`, so a
 * configuration still loads; the API builder refuses placeholders only where it needs the value.
 */

export type Value = string | number | boolean | null | Unknown | Value[] | { [key: string]: Value };

export class Unknown {
  constructor(
    /** The expression as written, e.g. `var.region` or `data.aws_region.current.name`. */
    readonly expression: string,
  ) {}

  get placeholder(): string {
    return `${PLACEHOLDER_PREFIX}${this.expression}>`;
  }
}

export const PLACEHOLDER_PREFIX = '<unresolved:';

export function isUnresolved(v: unknown): boolean {
  return v instanceof Unknown || (typeof v === 'string' && v.includes(PLACEHOLDER_PREFIX));
}

export function isRecord(v: unknown): v is { [key: string]: Value } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown);
}

/** Terraform's string conversion: numbers and bools print, unknowns become their placeholder. */
export function asText(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Unknown) return v.placeholder;
  return undefined;
}

export function numberText(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}

/** A value with every unknown replaced by its placeholder: what the API builder reads. */
export function settle(v: Value): unknown {
  if (v instanceof Unknown) return v.placeholder;
  if (Array.isArray(v)) return v.map(settle);
  if (isRecord(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: settle(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

/** A JavaScript value (a `variables` option, parsed JSON) as a Terraform value. */
export function toValue(v: unknown): Value {
  if (Array.isArray(v)) return v.map(toValue);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, Value> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: toValue(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  return null;
}
