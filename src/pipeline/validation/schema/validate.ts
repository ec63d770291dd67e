/**
 * fge's `InstanceValidator`: apply a schema's keyword checks to a value, then — only while the report
 * still has no error (fge validates without "deep check") — its children: array items by index, object
 * members in sorted name order, each against the schemas fge selects (`properties`, every matching
 * `patternProperties`, else `additionalProperties`; `items`, else `additionalItems`).
 *
 * Termination: a schema applied again to the same value while it is still being applied is fge's
 * "validation loop" (a `$ref` cycle that makes no progress through the data); a recursive schema
 * otherwise advances through the value, whose depth the parser bounds. A nesting guard keeps the
 * JavaScript stack safe, and the Meter bounds the work.
 */
import type { Meter } from '../../../java/meter.js';
import { SchemaFailure, type Digest } from './document.js';
import { nodeType, type Instance, type JsonObject } from './instance.js';
import type { ChildSchemas } from './children.js';
import { Report, typeBit, type Run } from './run.js';
import { Place, rootPlace } from './place.js';
import { formatMessage } from './messages.js';

/**
 * Schemas applied inside one another (through values and sub-schemas) before validation gives up: enough
 * for a recursive model over a body at Jackson's nesting limit, well within a JavaScript stack. A smaller
 * stack (some edge runtimes) overflows first; that is caught and reported the same way.
 */
export const MAX_APPLY_DEPTH = 1200;

const TOO_DEEP = `schemas nested more than ${MAX_APPLY_DEPTH} deep`;

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

export interface ValidationOutcome {
  /** fge's messages, in its order; empty when the value is valid. */
  errors: string[];
  /** Notes that do not fail validation (an unsupported `format`). */
  warnings: string[];
  /** Set when validation could not be completed (a dangling or looping `$ref`, a validation loop). */
  failure?: string;
}

class Validation implements Run {
  private depth = 0;
  readonly warnings = new Set<string>();

  constructor(readonly meter: Meter) {}

  warn(message: string): void {
    if (this.warnings.size < 100) this.warnings.add(message);
  }

  apply(schema: Digest, value: Instance, report: Report, place: Place): void {
    const applying = place.applying;
    // fge's validation stack: the same schema again for the same value, before the first is done.
    if (applying.includes(schema)) {
      throw new SchemaFailure(formatMessage('err.common.validationLoop', schema.doc.uriOf(schema.pointer), place.pointer()));
    }
    if (++this.depth > MAX_APPLY_DEPTH) throw new SchemaFailure(TOO_DEEP);
    applying.push(schema);
    try {
      // The loop check scans the schemas already applied here: charge it, or deep allOf chains at every
      // value would cost far more than they pay.
      this.meter.charge(1 + applying.length / 8);
      const target = schema.target().compiled;
      const type = typeBit(nodeType(value));
      const ctx = { run: this, report, place };
      for (const check of target.checks) {
        if (check.types & type) check.run(value, ctx);
      }
      if (!report.isSuccess || value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) this.items(target.children, value, report, place);
      else if (value instanceof Map) this.members(target.children, value, report, place);
    } finally {
      applying.pop();
      this.depth--;
    }
  }

  private items(children: ChildSchemas, value: Instance[], report: Report, place: Place): void {
    const { items, tuple, additionalItems } = children;
    if (!items && !tuple && !additionalItems) return;
    for (let i = 0; i < value.length; i++) {
      const selected = items ?? (tuple && i < tuple.length ? tuple[i] : additionalItems);
      if (selected) this.apply(selected, value[i]!, report, new Place(place, i));
    }
  }

  private members(children: ChildSchemas, value: JsonObject, report: Report, place: Place): void {
    const { properties, patternProperties, additionalProperties } = children;
    if (properties.size === 0 && patternProperties.length === 0 && !additionalProperties) return;
    const fields = [...value.keys()].sort();
    this.meter.elements(fields.length * Math.max(1, Math.log2(fields.length + 1)));
    for (const field of fields) {
      const child = value.get(field)!;
      const at = new Place(place, field);
      let selected = false;
      const declared = properties.get(field);
      if (declared) {
        selected = true;
        this.apply(declared, child, report, at);
      }
      for (const p of patternProperties) {
        if (!p.pattern.test(field, this.meter)) continue;
        selected = true;
        this.apply(p.schema, child, report, at);
      }
      if (!selected && additionalProperties) this.apply(additionalProperties, child, report, at);
    }
  }
}

/**
 * Validates `value` against `schema`. Never throws for a schema or value; a budget overrun
 * (`BudgetExceeded` from the meter) propagates.
 */
export function validateInstance(schema: Digest, value: Instance, meter: Meter): ValidationOutcome {
  const run = new Validation(meter);
  const report = new Report();
  try {
    run.apply(schema, value, report, rootPlace());
  } catch (e) {
    const failure = e instanceof SchemaFailure ? e.message : isStackOverflow(e) ? TOO_DEEP : undefined;
    if (failure === undefined) throw e;
    return { errors: [...report.errors, failure], warnings: [...run.warnings], failure };
  }
  return { errors: report.errors, warnings: [...run.warnings] };
}
