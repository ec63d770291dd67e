/**
 * jackson-coreutils' `JsonNumEquivalence`, which `enum` and `uniqueItems` use: JSON equality where numbers
 * compare by value (`1` equals `1.0`), objects by their members whatever the order.
 */
import type { Meter } from '../../../java/meter.js';
import { compareDecimal, stripTrailingZeros } from './decimal.js';
import { JsonNumber, type Instance } from './instance.js';
import { jacksonQuote } from './jackson-text.js';

/** Whether two values are equivalent; each node compared costs a unit of work. */
export function equivalent(a: Instance, b: Instance, meter: Meter): boolean {
  meter.charge(1);
  if (a instanceof JsonNumber || b instanceof JsonNumber) {
    return a instanceof JsonNumber && b instanceof JsonNumber && compareDecimal(a.value, b.value) === 0;
  }
  if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equivalent(a[i]!, b[i]!, meter)) return false;
    return true;
  }
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    if (!b.has(k) || !equivalent(v, b.get(k)!, meter)) return false;
  }
  return true;
}

/**
 * A text that two values share exactly when they are equivalent: numbers normalised, object members
 * sorted. `uniqueItems` keys a set with it, so checking n elements is linear instead of n².
 */
export function equivalenceKey(v: Instance, meter: Meter): string {
  meter.charge(1);
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return meter.string(jacksonQuote(v));
  if (v instanceof JsonNumber) {
    const n = stripTrailingZeros(v.value);
    return `${n.unscaled}e${-n.scale}`;
  }
  if (Array.isArray(v)) return meter.string(`[${v.map((e) => equivalenceKey(e, meter)).join(',')}]`);
  const members = [...v.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  meter.elements(members.length * Math.max(1, Math.log2(members.length + 1)));
  return meter.string(`{${members.map(([k, e]) => `${jacksonQuote(k)}:${equivalenceKey(e, meter)}`).join(',')}}`);
}
