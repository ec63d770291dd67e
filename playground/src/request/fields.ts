/**
 * The request panes: six text fields (the body as sent, the rest as JSON) read into a
 * {@link RenderInput}, each field checked on its own so the page can say which one is wrong and why.
 * Checking here, before the worker, means a typo in a header never shows up as a render error.
 */
import type { RenderInput } from '../../../src/gateway/request.js';
import { InvalidInputError, validateInput } from '../../../src/gateway/validate-input.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../../src/sharing/json-depth.js';

export interface RequestFields {
  /** The body exactly as the client (or, for a response template, the backend) sent it. */
  body: string;
  headers: string;
  query: string;
  path: string;
  stageVariables: string;
  context: string;
}

export type FieldName = keyof RequestFields;

export const FIELD_NAMES: readonly FieldName[] = ['body', 'headers', 'query', 'path', 'stageVariables', 'context'];

/** What each JSON field must hold, in the words the page shows. */
export const FIELD_LABELS: Record<FieldName, string> = {
  body: 'Body',
  headers: 'Headers',
  query: 'Query string',
  path: 'Path parameters',
  stageVariables: 'Stage variables',
  context: '$context',
};

const EXPECTED: Record<Exclude<FieldName, 'body'>, string> = {
  headers: 'a JSON object of strings or string lists, e.g. {"Accept": "application/json"}',
  query: 'a JSON object of strings or string lists, e.g. {"page": "2", "tag": ["a", "b"]}',
  path: 'a JSON object of strings, e.g. {"id": "42"}',
  stageVariables: 'a JSON object of strings, e.g. {"table": "Orders"}',
  context: 'a JSON object of $context fields, e.g. {"stage": "prod", "identity": {"sourceIp": "203.0.113.7"}}',
};

export interface FieldProblem {
  field: FieldName;
  message: string;
}

export interface ReadRequest {
  /** The fields that could be read (the others are left out). */
  input: RenderInput;
  problems: FieldProblem[];
}

export function readRequest(fields: RequestFields): ReadRequest {
  const input: RenderInput = {};
  const problems: FieldProblem[] = [];
  if (fields.body !== '') input.body = fields.body;
  for (const field of FIELD_NAMES) {
    if (field === 'body') continue;
    const text = fields[field].trim();
    if (text === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      problems.push({ field, message: `${FIELD_LABELS[field]} is not JSON (${(e as Error).message}); expected ${EXPECTED[field]}` });
      continue;
    }
    if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
      problems.push({ field, message: `${FIELD_LABELS[field]} nests deeper than ${MAX_JSON_DEPTH} levels` });
      continue;
    }
    try {
      validateInput({ [field]: value });
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e;
      problems.push({ field, message: `${FIELD_LABELS[field]}: ${e.message.replace(/^input\./, '')}; expected ${EXPECTED[field]}` });
      continue;
    }
    (input as Record<string, unknown>)[field] = value;
  }
  return { input, problems };
}

/** The fields that show `input` (a share link's, a preset's, a counterexample's). */
export function fieldsFromInput(input: RenderInput): RequestFields {
  const json = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value, null, 2));
  const body = input.body;
  return {
    body: body === undefined || body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body),
    headers: json(input.headers),
    query: json(input.query),
    path: json(input.path),
    stageVariables: json(input.stageVariables),
    context: json(input.context),
  };
}
