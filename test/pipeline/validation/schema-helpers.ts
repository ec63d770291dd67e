import { Meter, unlimitedMeter } from '../../../src/java/meter.js';
import { ModelValidators } from '../../../src/pipeline/validation/model-validators.js';
import { parseBodyJson } from '../../../src/pipeline/validation/schema/parse-body.js';
import type { ValidationOutcome } from '../../../src/pipeline/validation/schema/validate.js';

/** Validates JSON text against a schema (named models alongside), with an unlimited or given meter. */
export function outcome(schema: unknown, json: string, models: Record<string, unknown> = {}, meter: Meter = unlimitedMeter()): ValidationOutcome {
  const parsed = parseBodyJson(json, meter);
  if (!parsed.ok) throw new Error(`test body is not JSON: ${parsed.reason}`);
  return new ModelValidators(models).validate(schema, parsed.value, meter);
}

export function errors(schema: unknown, json: string, models: Record<string, unknown> = {}): string[] {
  return outcome(schema, json, models).errors;
}
