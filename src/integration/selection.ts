/**
 * Integration response selection: each non-default response's `selectionPattern` is a Java regular
 * expression that must match the whole selection value — the status code for HTTP, AWS and MOCK
 * integrations, a Lambda function's `errorMessage` ("" on success) for Lambda. Otherwise the default
 * response (no pattern); otherwise nothing (API Gateway: 500).
 *
 * When several patterns match, AWS documents no precedence. API Gateway stores integration responses in a
 * map keyed by status code, so patterns are tried in ascending status-code order (the recorded case,
 * `.*four hundred.*` → 405 winning over `.+` → 502, fits this); equal codes keep their definition order.
 */
import type { Meter } from '../java/meter.js';
import { javaMatches, PatternCache } from '../java/regex/index.js';
import type { IntegrationResponse } from '../model/index.js';

function isDefault(r: IntegrationResponse): boolean {
  return r.selectionPattern === undefined || r.selectionPattern === null || r.selectionPattern === '';
}

export function selectIntegrationResponse(
  responses: readonly IntegrationResponse[] | null | undefined,
  selectionValue: string,
  /** The selection value comes from the backend (a Lambda error message): matching it is charged. */
  meter: Meter,
): IntegrationResponse | undefined {
  const patterns = new PatternCache();
  const list = responses ?? [];
  const patterned = list.filter((r) => !isDefault(r)).sort((a, b) => (a.statusCode < b.statusCode ? -1 : a.statusCode > b.statusCode ? 1 : 0));
  for (const response of patterned) {
    if (javaMatches(selectionValue, response.selectionPattern!, meter, patterns)) return response;
  }
  return list.find(isDefault);
}
