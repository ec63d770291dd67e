/**
 * The localstack/airspeed corpus: templates deployed behind a MOCK integration on real API Gateway.
 * Each is replayed as AWS ran it: the harness response template, with the request body stored in
 * `$context.requestOverride.path.body` (the MOCK request template put it there).
 */
import { renderTemplate } from '../../src/index.js';
import { jsonMatches, normalizeWhitespace, parseOrUndefined } from './compare.js';
import type { CorpusResult } from './types.js';

interface AirspeedVector {
  id: string;
  awsRecorded: boolean;
  status: string;
  harness: { responseTemplate: string; requestBody: string };
  expected: { aws?: string };
  awsOutputWhitespaceNormalized: boolean;
  expectedFromParsedJson: boolean;
}

function render(v: AirspeedVector): { body?: string; error?: string } {
  try {
    const r = renderTemplate(v.harness.responseTemplate, {
      body: '',
      context: { requestOverride: { path: { body: v.harness.requestBody } } },
    });
    return { body: r.body };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

export function runAirspeed(vectors: AirspeedVector[]): CorpusResult[] {
  const renders: CorpusResult = { corpus: 'airspeed-renders', passed: 0, failed: 0, failures: [] };
  const errors: CorpusResult = { corpus: 'airspeed-errors', passed: 0, failed: 0, failures: [] };
  for (const v of vectors) {
    if (v.status === 'aws-failed') {
      const r = render(v);
      if (r.error !== undefined) errors.passed++;
      else {
        errors.failed++;
        errors.failures.push({ id: v.id, expected: 'an error (AWS failed this template)', actual: r.body });
      }
      continue;
    }
    if (!v.awsRecorded || v.status !== 'recorded' || v.expected.aws === undefined) continue;
    const r = render(v);
    const expected = v.expected.aws;
    let ok = false;
    if (r.body !== undefined) {
      if (v.expectedFromParsedJson) ok = jsonMatches(parseOrUndefined(r.body), parseOrUndefined(expected));
      else if (v.awsOutputWhitespaceNormalized) ok = normalizeWhitespace(r.body) === normalizeWhitespace(expected);
      else ok = r.body === expected;
    }
    if (ok) renders.passed++;
    else {
      renders.failed++;
      renders.failures.push({ id: v.id, expected, actual: r.body ?? r.error });
    }
  }
  return [renders, errors];
}
