/**
 * The single-template vectors of integration-vectors.json that were recorded on AWS: one request or one
 * response template rendered against the vector's input. (Vectors that need the whole integration
 * pipeline — two templates, response selection, MOCK status codes — belong to the pipeline corpus.)
 */
import { renderTemplate, type RenderInput } from '../../src/index.js';
import { jsonMatches, parseOrUndefined } from './compare.js';
import type { CorpusResult } from './types.js';

interface IntegrationVector {
  id: string;
  awsRecorded: boolean;
  match: string;
  template: { request?: string; response?: string };
  input: RenderInput & Record<string, unknown>;
  expected: Record<string, unknown>;
}

const PIPELINE_ONLY_INPUTS = ['integrationResponses', 'integrationResult', 'integrationResponseBody', 'integrationStatus'];

function applies(v: IntegrationVector): boolean {
  const templates = Object.keys(v.template ?? {});
  if (!v.awsRecorded || templates.length !== 1) return false;
  if (PIPELINE_ONLY_INPUTS.some((k) => k in v.input)) return false;
  return ['exact', 'json', 'json-shape', 'lines', 'semantic'].includes(v.match);
}

function check(v: IntegrationVector, body: string): boolean {
  const e = v.expected;
  switch (v.match) {
    case 'exact':
      return body === e['body'];
    case 'json':
      return jsonMatches(parseOrUndefined(body), e['body_json']);
    case 'json-shape': {
      const parsed = parseOrUndefined(body) as Record<string, unknown> | undefined;
      if ('body_json_of_MessageBody' in e) {
        const inner = typeof parsed?.['MessageBody'] === 'string' ? parseOrUndefined(parsed['MessageBody'] as string) : undefined;
        return jsonMatches(inner, e['body_json_of_MessageBody'], true);
      }
      return jsonMatches(parsed, e['body_json'], true);
    }
    case 'lines': {
      const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
      return jsonMatches(lines, e['lines']);
    }
    case 'semantic': {
      // e.g. {"renderedRequest.input (after JSON decode)": "{\"test\":\"test-value\"}"}
      const parsed = parseOrUndefined(body) as Record<string, unknown> | undefined;
      const claims = Object.entries((e['semantic'] ?? {}) as Record<string, string>);
      return (
        claims.length > 0 &&
        claims.every(([claim, value]) => {
          const field = /^renderedRequest\.(\w+) \(after JSON decode\)$/.exec(claim)?.[1];
          const actual = field ? parsed?.[field] : undefined;
          return typeof actual === 'string' && jsonMatches(parseOrUndefined(actual), parseOrUndefined(value));
        })
      );
    }
  }
  return false;
}

export function runIntegration(vectors: IntegrationVector[]): CorpusResult {
  const result: CorpusResult = { corpus: 'integration-single-renders', passed: 0, failed: 0, failures: [] };
  for (const v of vectors) {
    if (!applies(v)) continue;
    const template = (v.template.request ?? v.template.response)!;
    const { body, headers, query, path, stageVariables } = v.input;
    // The oracle writes "none (no authorizer)" where a request had no authorizer.
    const context = Object.fromEntries(Object.entries(v.input.context ?? {}).filter(([k, x]) => !(k === 'authorizer' && typeof x === 'string')));
    let rendered: string | undefined;
    let error: string | undefined;
    try {
      rendered = renderTemplate(template, { body: body ?? '', headers, query, path, stageVariables, context }).body;
    } catch (err) {
      error = `${(err as Error).name}: ${(err as Error).message}`;
    }
    if (rendered !== undefined && check(v, rendered)) result.passed++;
    else {
      result.failed++;
      result.failures.push({ id: v.id, expected: v.expected, actual: rendered ?? error });
    }
  }
  return result;
}
