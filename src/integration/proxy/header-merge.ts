/**
 * Headers merged by name, case-insensitively, as HTTP treats names: every value of every spelling, in
 * order, under the first spelling seen. Linear in the headers, however many a backend sends.
 */
import type { ParameterValue } from '../../gateway/request.js';
import { setOwn } from '../../own-property.js';
import { proxiedResponseHeaderName } from '../remapping.js';

interface Merged {
  name: string;
  values: string[];
}

/** Headers being merged; read them out with {@link HeaderMerge.headers} or {@link HeaderMerge.responseHeaders}. */
export class HeaderMerge {
  private readonly byName = new Map<string, Merged>();

  /** Adds values under a name; a name already there (in any case) keeps its spelling and gets them appended. */
  add(name: string, values: readonly string[]): void {
    const key = name.toLowerCase();
    const found = this.byName.get(key);
    if (found) for (const v of values) found.values.push(v);
    else this.byName.set(key, { name, values: [...values] });
  }

  /** Whether a name (in any case) has been added. */
  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  /** The last value of a name, if it has one. */
  last(name: string): string | undefined {
    const values = this.byName.get(name.toLowerCase())?.values;
    return values && values.length > 0 ? values[values.length - 1] : undefined;
  }

  /** Replaces every value of a name (the gateway's own headers win over the backend's). */
  set(name: string, value: ParameterValue): void {
    this.byName.set(name.toLowerCase(), { name, values: Array.isArray(value) ? [...value] : [value] });
  }

  /**
   * The merged headers: one value as a string, several as a list (sent as one header line each).
   * @param rename the name each header goes out under
   */
  headers(rename: (name: string) => string = (name) => name): Record<string, ParameterValue> {
    const out: Record<string, ParameterValue> = {};
    for (const { name, values } of this.byName.values()) {
      if (values.length === 0) continue;
      setOwn(out, rename(name), values.length === 1 ? values[0]! : values);
    }
    return out;
  }

  /** The merged headers as a response sends them: names API Gateway sets itself renamed `x-amzn-Remapped-<Name>`. */
  responseHeaders(): Record<string, ParameterValue> {
    return this.headers(proxiedResponseHeaderName);
  }
}
