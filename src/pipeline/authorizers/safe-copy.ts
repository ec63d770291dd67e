/**
 * A handler's answer, copied out as the JSON the Lambda runtime would have sent — defensively, because
 * the value comes from user code: getters may throw, objects may contain themselves, proxies may trap,
 * arrays may hold a million elements. Nothing of the original is kept, so later stages (and the cache)
 * only ever see plain data of bounded size.
 *
 * What the copy mirrors of `JSON.stringify` (what the Node.js runtime does to a result): `toJSON` is
 * honoured, `undefined`/functions/symbols are dropped from objects and become `null` in arrays,
 * non-finite numbers become `null`, boxed primitives unbox; a BigInt or a cycle fails (the runtime
 * throws, so the invocation fails).
 */
import { setOwn } from '../../own-property.js';

/** JSON data, as the copy produces it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface CopyLimits {
  /** Nesting depth (objects and arrays). */
  maxDepth: number;
  /** Values visited, of any kind. */
  maxNodes: number;
  /** Characters of JSON the copy stands for (Lambda's synchronous response limit is 6 MB). */
  maxChars: number;
}

/** Lambda answers a synchronous invocation with at most 6 MB; an authorizer's answer is no exception. */
export const HANDLER_RESULT_LIMITS: Readonly<CopyLimits> = Object.freeze({ maxDepth: 64, maxNodes: 200_000, maxChars: 6 * 1024 * 1024 });

export type CopyResult = { ok: true; value: Json; chars: number } | { ok: false; reason: string };

class CopyFailure extends Error {}

/** Copies `value` as JSON data within `limits`; never throws. */
export function copyAsJson(value: unknown, limits: CopyLimits = HANDLER_RESULT_LIMITS): CopyResult {
  const copier = new Copier(limits);
  try {
    const copied = copier.copy(value, 0, false);
    return { ok: true, value: copied === undefined ? null : copied, chars: copier.chars };
  } catch (e) {
    if (e instanceof CopyFailure) return { ok: false, reason: e.message };
    // A trap or getter threw something of its own; its text may itself be hostile, so it is not read.
    return { ok: false, reason: 'reading the value threw an exception' };
  }
}

class Copier {
  chars = 0;
  private nodes = 0;
  private readonly ancestors = new Set<object>();

  constructor(private readonly limits: CopyLimits) {}

  private count(chars: number): void {
    this.chars += chars;
    if (++this.nodes > this.limits.maxNodes) throw new CopyFailure(`the value has more than ${this.limits.maxNodes} elements`);
    if (this.chars > this.limits.maxChars) throw new CopyFailure(`the value is larger than ${this.limits.maxChars} characters of JSON`);
  }

  /** The copy, or undefined where JSON.stringify would leave the value out. */
  copy(value: unknown, depth: number, inArray: boolean): Json | undefined {
    let v = value;
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      v = (v as { toJSON: () => unknown }).toJSON();
    }
    if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
    switch (typeof v) {
      case 'string':
        this.count(v.length + 2);
        return v;
      case 'number':
        this.count(24);
        return Number.isFinite(v) ? v : null;
      case 'boolean':
        this.count(5);
        return v;
      case 'bigint':
        throw new CopyFailure('the value holds a BigInt, which JSON cannot represent');
      case 'undefined':
      case 'function':
      case 'symbol':
        this.count(4);
        return inArray ? null : undefined;
    }
    if (v === null) {
      this.count(4);
      return null;
    }
    const obj = v as object;
    if (depth >= this.limits.maxDepth) throw new CopyFailure(`the value nests more than ${this.limits.maxDepth} levels deep`);
    if (this.ancestors.has(obj)) throw new CopyFailure('the value contains itself (a cycle)');
    this.ancestors.add(obj);
    try {
      return Array.isArray(obj) ? this.copyArray(obj, depth) : this.copyObject(obj as Record<string, unknown>, depth);
    } finally {
      this.ancestors.delete(obj);
    }
  }

  private copyArray(arr: readonly unknown[], depth: number): Json[] {
    const length = arr.length;
    // Checked before reading: a sparse array may claim a length no loop should walk.
    if (length > this.limits.maxNodes - this.nodes) throw new CopyFailure(`the value has more than ${this.limits.maxNodes} elements`);
    this.count(2);
    const out: Json[] = [];
    for (let i = 0; i < length; i++) out.push(this.copy(arr[i], depth + 1, true) as Json);
    return out;
  }

  private copyObject(obj: Record<string, unknown>, depth: number): { [key: string]: Json } {
    this.count(2);
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(obj)) {
      this.count(key.length + 3);
      const copied = this.copy(obj[key], depth + 1, false);
      if (copied !== undefined) setOwn(out, key, copied);
    }
    return out;
  }
}
