/**
 * The execution-log lines of the usage-plan check, in API Gateway's words (pipeline.md §1; CloudWatch
 * excerpts quoted in public files, ids 22243955141, 14621645402, 5603112972, 36107125527, 29243121417).
 */

/**
 * An API key as the execution log shows it: every character but the last six replaced by `*`
 * (`**********************************bMZHBg` for a 40-character key, file id 36107125527); no key
 * shows as nothing, which is why AWS's lines read `API Key:  API Stage`. A key of six characters or
 * fewer is masked entirely (AWS's masking of such short values is unrecorded; a choice).
 */
export function maskApiKey(key: string | undefined): string {
  if (!key) return '';
  return key.length <= 6 ? '*'.repeat(key.length) : '*'.repeat(key.length - 6) + key.slice(-6);
}

/** `<apiId>/<stage>`, as the log names an API stage. */
export function apiStage(apiId: string, stage: string): string {
  return `${apiId}/${stage}`;
}

export function verifyingLine(requestId: string, maskedKey: string, stage: string): string {
  return `Verifying Usage Plan for request: ${requestId}. API Key: ${maskedKey} API Stage: ${stage}`;
}

export function notRequiredLine(maskedKey: string, httpMethod: string, resourcePath: string): string {
  return `API Key ${maskedKey} authorized because method '${httpMethod} ${resourcePath}' does not require API Key. Request will not contribute to throttle or quota limits`;
}

export function succeededLine(maskedKey: string, stage: string): string {
  return `Usage Plan check succeeded for API Key ${maskedKey} and API Stage ${stage}`;
}

/**
 * The refusal of a key-required request. Recorded for a key in no plan of the stage (file id
 * 29243121417); AWS's wording for a missing, unknown or disabled key is unrecorded, and this line is
 * used for those too (INF: to the check, each is a key with no usable plan).
 */
export function notAuthorizedLine(maskedKey: string, httpMethod: string, resourcePath: string, stage: string): string {
  return `API Key ${maskedKey} not authorized because method '${httpMethod} ${resourcePath}' requires API Key and API Key is not associated with a Usage Plan for API Stage ${stage}: No Usage Plan found for key and API Stage`;
}

/**
 * A throttled request (file id 14621645402): `Limit` is the rate with two decimals, `Burst` a whole
 * number. Recorded for one bucket; the same line is written whichever bucket (plan, stage, account)
 * was empty (INF: that request carried no key, so AWS writes it for non-plan throttles too).
 */
export function keyThrottleLine(apiId: string, stage: string, resourceId: string, httpMethod: string, rate: number, burst: number): string {
  return `Key throttle limit exceeded for RestApi ${apiId}, Stage ${stage}, Resource ${resourceId}, HttpMethod ${httpMethod}. Limit: ${twoDecimals(rate)} Burst: ${wholeNumber(burst)}`;
}

/**
 * Written when the check itself fails; AWS then serves the request without throttles or quotas
 * (AWS developer guide, usage plans).
 */
export const INTERNAL_ERROR_LINE = 'Usage Plan check failed due to an internal error';

/**
 * Java's `String.format("%.2f", x)` for x >= 0: the shortest decimal of the double rounded half-up
 * (so 1.005 prints `1.01`, where JavaScript's `toFixed` gives `1.00`).
 */
export function twoDecimals(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : 'Infinity';
  if (x >= 1e21) return `${BigInt(x)}.00`;
  const text = String(x);
  if (text.includes('e')) return x.toFixed(2); // tiny values: rounding to 0.00 cannot differ
  const [whole, fraction = ''] = text.split('.') as [string, string?];
  if (fraction.length <= 2) return `${whole}.${fraction.padEnd(2, '0')}`;
  let cents = BigInt(whole + fraction.slice(0, 2));
  if (fraction.charCodeAt(2) >= 53 /* '5' */) cents += 1n;
  const digits = cents.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function wholeNumber(x: number): string {
  return Number.isFinite(x) ? BigInt(Math.floor(x)).toString() : String(x);
}
