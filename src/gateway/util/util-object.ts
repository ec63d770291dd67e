/**
 * `$util`: the six functions API Gateway documents. Each takes a String (a number or map argument finds
 * no method, which renders as empty, as in the reference renderer); a null argument returns null.
 */
import { parseJsonPermissive } from '../../java/json-parse.js';
import { JavaObject, NO_METHOD, type NoMethod, type Value } from '../../java/values.js';
import { base64Decode, base64Encode } from './base64.js';
import { escapeJavaScript } from './escape-javascript.js';
import { urlDecode, urlEncode } from './url.js';

const FUNCTIONS: ReadonlyMap<string, (s: string) => Value> = new Map<string, (s: string) => Value>([
  ['escapeJavaScript', escapeJavaScript],
  ['parseJson', parseJsonPermissive],
  ['urlEncode', urlEncode],
  ['urlDecode', urlDecode],
  ['base64Encode', base64Encode],
  ['base64Decode', base64Decode],
]);

export class UtilObject extends JavaObject {
  readonly className = 'com.amazonaws.apigateway.Util';

  override invoke(name: string, args: Value[]): Value | NoMethod {
    const fn = FUNCTIONS.get(name);
    if (!fn || args.length !== 1) return NO_METHOD;
    const [arg] = args;
    if (arg === null) return null;
    if (typeof arg !== 'string') return NO_METHOD;
    return fn(arg);
  }

  /** `$util` prints nothing (recorded on AWS in 2015). */
  override toJavaString(): string {
    return '';
  }
}

/** One instance serves every render: `$util` holds no state. */
export const UTIL = new UtilObject();
