/**
 * What keyword checks and the validation that runs them share: the report messages go to, the running
 * validation (its meter, its warnings, applying a sub-schema), and the check itself.
 */
import type { Meter } from '../../../java/meter.js';
import type { Digest } from './document.js';
import { NODE_TYPES, type Instance, type NodeType } from './instance.js';
import type { Place } from './place.js';

/** The outcome of applying schemas to one value: fge's `ProcessingReport` (errors only matter). */
export class Report {
  readonly errors: string[] = [];

  get isSuccess(): boolean {
    return this.errors.length === 0;
  }
}

/** What checks need from the validation that runs them. */
export interface Run {
  readonly meter: Meter;
  warn(message: string): void;
  /** Applies `schema` to `value` at the same place in the instance (a sub-schema: allOf, not, …). */
  apply(schema: Digest, value: Instance, report: Report, place: Place): void;
}

export interface CheckContext {
  readonly run: Run;
  readonly report: Report;
  /** Where the value is, and the schemas being applied to it already. */
  readonly place: Place;
}

export interface Check {
  readonly keyword: string;
  /** The instance types it applies to, as a bit set over {@link NODE_TYPES}. */
  readonly types: number;
  run(value: Instance, ctx: CheckContext): void;
}

/** The bit of a type in {@link Check.types}. */
export function typeBit(t: NodeType): number {
  return 1 << NODE_TYPES.indexOf(t);
}
