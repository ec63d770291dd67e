/**
 * Cognito claims as `$context.authorizer.claims` (and a proxy event's `requestContext.authorizer.claims`)
 * holds them: every value a string (pipeline.md §4.6, O17, AWS-OBS H).
 *
 * - `exp` and `iat` are printed as Java `Date.toString()` in UTC: `Fri Mar 05 12:40:16 UTC 2021`;
 * - other numbers (`auth_time`) as their number text: `"1614944416"`;
 * - booleans as `"true"` / `"false"`;
 * - lists (`cognito:groups`) joined by `,`: `"g1,g2"` (AWS-OBS L-M: chalice splits the REST value on `,`;
 *   the exact REST form is not recorded);
 * - objects (`address`) as their JSON text (INF);
 * - null claims are left out (INF).
 */
import { formatJavaDate } from '../../java/date.js';
import { setOwn } from '../../own-property.js';
import { javaNumberText, javaScalarText } from './java-text.js';

const DATE_CLAIMS = new Set(['exp', 'iat']);
const MAX_DATE_SECONDS = 8.64e12;

function claimText(name: string, v: unknown): string | null {
  // Past JavaScript's Date range (±8.64e15 ms) a date cannot be printed; the number text is kept instead.
  if (typeof v === 'number' && DATE_CLAIMS.has(name) && Math.abs(v) <= MAX_DATE_SECONDS) return formatJavaDate(Math.trunc(v) * 1000);
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return javaScalarText(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' ? (javaNumberText(x) ?? 'null') : typeof x === 'string' || typeof x === 'boolean' ? String(x) : JSON.stringify(x))).join(',');
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return null;
}

/**
 * The claims of a decoded token, stringified. Throws only if a claim cannot be serialised (a payload from
 * `JSON.parse` always can).
 */
export function stringifyClaims(payload: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    const text = claimText(name, value);
    if (text !== null) setOwn(out, name, text);
  }
  return out;
}
