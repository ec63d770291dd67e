/**
 * `application/x-www-form-urlencoded` bodies, as a form posts them: `key=value` pairs joined by `&`,
 * keys and values full of escaping traps, percent-encoded as a browser does or sent raw as `curl -d`
 * does (only `&`, `=` and `%` encoded, since those would change the pairs).
 */
import fc from 'fast-check';
import { escapingString } from './strings.js';

const part: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: escapingString.map((s) => encodeURIComponent(s)) },
  { weight: 1, arbitrary: escapingString.map((s) => s.replace(/[&=%]/g, (c) => encodeURIComponent(c))) },
);

/** A form body of 0–4 pairs; now and then a key without `=value`. */
export const formBody: fc.Arbitrary<string> = fc
  .array(fc.tuple(part, fc.option(part, { nil: undefined, freq: 8 })), { maxLength: 4 })
  .map((pairs) => pairs.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&'));
