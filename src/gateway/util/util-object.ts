/**
 * `$util`: the six functions API Gateway documents. Each takes a String (a number or map argument finds
 * no method, which renders as empty, as in the reference renderer); a null argument returns null.
 *
 * Every function charges the characters it reads, and the string it returns is admitted to the
 * render's meter — before it is built when the result can grow (escaping, encoding), so an oversized
 * result fails at the string cap instead of being built first.
 */
import { parseJsonMetered } from '../../java/json-parse.js';
import type { Meter } from '../../java/meter.js';
import { JavaObject, NO_METHOD, type NoMethod, type Value } from '../../java/values.js';
import { utf8LengthJava } from '../../platform/java-utf8.js';
import { base64Decode, base64Encode } from './base64.js';
import { escapeJavaScript, escapedJavaScriptLength } from './escape-javascript.js';
import { urlDecode, urlEncode } from './url.js';

type UtilFunction = (s: string, meter: Meter) => Value;

/** Runs `build` after admitting a result of at most `bound(s)` characters (computed only when it could matter). */
function growing(build: (s: string) => string, worstFactor: number, exact: (s: string) => number): UtilFunction {
  return (s, meter) => {
    meter.chars(s.length);
    if (s.length * worstFactor > meter.maxStringLength) meter.admit(exact(s));
    return meter.string(build(s));
  };
}

const FUNCTIONS: ReadonlyMap<string, UtilFunction> = new Map<string, UtilFunction>([
  ['escapeJavaScript', growing(escapeJavaScript, 6, escapedJavaScriptLength)],
  ['parseJson', (s, meter) => parseJsonMetered(s, meter).value],
  // Form encoding writes at most 9 characters (%XX%XX%XX) per UTF-16 unit.
  ['urlEncode', growing(urlEncode, 9, (s) => utf8LengthJava(s) * 3)],
  ['urlDecode', (s, meter) => (meter.chars(s.length), meter.string(urlDecode(s)))],
  ['base64Encode', growing(base64Encode, 4, (s) => Math.ceil(utf8LengthJava(s) / 3) * 4)],
  ['base64Decode', (s, meter) => (meter.chars(s.length), meter.string(base64Decode(s)))],
]);

export class UtilObject extends JavaObject {
  readonly className = 'com.amazonaws.apigateway.Util';

  override invoke(name: string, args: Value[], meter: Meter): Value | NoMethod {
    const fn = FUNCTIONS.get(name);
    if (!fn || args.length !== 1) return NO_METHOD;
    const [arg] = args;
    if (arg === null) return null;
    if (typeof arg !== 'string') return NO_METHOD;
    return fn(arg, meter);
  }

  /** `$util` prints nothing (recorded on AWS in 2015). */
  override toJavaString(): string {
    return '';
  }
}

/** One instance serves every render: `$util` holds no state. */
export const UTIL = new UtilObject();
