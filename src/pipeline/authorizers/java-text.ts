/**
 * How API Gateway's Java turns a scalar of an authorizer's JSON answer into the string templates see
 * (`$context.authorizer.<key>`, Cognito claims): pipeline.md §4.5 records `1` → `"1"`, `true` → `"true"`.
 *
 * The handler's value reaches AWS as JSON (the Lambda runtime serialises it), and Jackson reads an
 * integer literal as an Integer/Long/BigInteger (printed as its digits) and any other number as a Double
 * (printed by `Double.toString`: `1.5`, `1.0E21`, `1.0E-4`). JavaScript cannot tell `1.0` from `1`; both
 * are serialised as `1`, so both print `1`, as they would on AWS.
 */
import { javaDoubleToString } from '../../java/double-to-string.js';

/** The Java text of a number as Jackson would read its JSON form, or null for NaN/Infinity (JSON null). */
export function javaNumberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const json = JSON.stringify(n);
  return /^-?\d+$/.test(json) ? json : javaDoubleToString(n);
}

/** The Java text of a JSON scalar: strings as they are, booleans `true`/`false`, numbers as above. */
export function javaScalarText(v: string | number | boolean): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return javaNumberText(v);
}
