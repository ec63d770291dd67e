import { describe, expect, it } from 'vitest';
import type { PassthroughBehavior } from '../../src/index.js';
import { call, echo, post } from './helpers.js';

/** aws-behaviour §5.2: every row of the passthrough table, for each behaviour. */
const TEMPLATE = '{"transformed": true}';
type Outcome = 'transform' | 'passthrough' | 415;

const ROWS: { templates: string[]; contentType?: string; outcomes: Record<PassthroughBehavior, Outcome> }[] = [
  { templates: ['application/json'], contentType: undefined, outcomes: { WHEN_NO_MATCH: 'transform', WHEN_NO_TEMPLATES: 'transform', NEVER: 'transform' } },
  { templates: ['application/json'], contentType: 'application/json', outcomes: { WHEN_NO_MATCH: 'transform', WHEN_NO_TEMPLATES: 'transform', NEVER: 'transform' } },
  { templates: ['application/json'], contentType: 'application/xml', outcomes: { WHEN_NO_MATCH: 'passthrough', WHEN_NO_TEMPLATES: 415, NEVER: 415 } },
  { templates: ['application/xml'], contentType: undefined, outcomes: { WHEN_NO_MATCH: 'passthrough', WHEN_NO_TEMPLATES: 415, NEVER: 415 } },
  { templates: ['application/xml'], contentType: 'application/json', outcomes: { WHEN_NO_MATCH: 'passthrough', WHEN_NO_TEMPLATES: 415, NEVER: 415 } },
  { templates: ['application/xml'], contentType: 'application/xml', outcomes: { WHEN_NO_MATCH: 'transform', WHEN_NO_TEMPLATES: 'transform', NEVER: 'transform' } },
  { templates: [], contentType: 'application/json', outcomes: { WHEN_NO_MATCH: 'passthrough', WHEN_NO_TEMPLATES: 'passthrough', NEVER: 415 } },
  { templates: [], contentType: 'text/plain', outcomes: { WHEN_NO_MATCH: 'passthrough', WHEN_NO_TEMPLATES: 'passthrough', NEVER: 415 } },
];

describe('request template selection and the passthrough table', () => {
  for (const row of ROWS) {
    for (const behavior of ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const) {
      const expected = row.outcomes[behavior];
      it(`templates [${row.templates}], Content-Type ${row.contentType ?? 'none'}, ${behavior} → ${expected}`, async () => {
        const requestTemplates = Object.fromEntries(row.templates.map((t) => [t, TEMPLATE]));
        const { definition, options, seen } = echo({ requestTemplates, passthroughBehavior: behavior });
        const headers: Record<string, string> = row.contentType ? { 'Content-Type': row.contentType } : {};
        const res = await call(definition, post('<raw payload/>', headers), options);
        if (expected === 415) {
          expect(res.statusCode).toBe(415);
          expect(res.body).toBe('{"message": "Unsupported Media Type"}');
          expect(seen).toHaveLength(0);
          expect(res.trace.error?.phase).toBe('request-template');
        } else {
          expect(res.statusCode).toBe(200);
          expect(seen[0]!.body).toBe(expected === 'transform' ? TEMPLATE : '<raw payload/>');
          expect(res.trace.requestTemplate).toBe(expected === 'transform' ? (row.contentType ?? 'application/json') : 'passthrough');
        }
      });
    }
  }

  it('the key is the MIME type only: parameters and case are ignored', async () => {
    const { definition, options, seen } = echo({ requestTemplates: { 'application/json': TEMPLATE }, passthroughBehavior: 'NEVER' });
    await call(definition, post('{}', { 'content-type': 'Application/JSON; charset=UTF-8' }), options);
    expect(seen[0]!.body).toBe(TEMPLATE);
  });

  it('the default behaviour is WHEN_NO_MATCH', async () => {
    const { definition, options, seen } = echo({ requestTemplates: { 'application/json': TEMPLATE } });
    await call(definition, post('raw', { 'Content-Type': 'text/plain' }), options);
    expect(seen[0]!.body).toBe('raw');
  });

  it('an empty template (stored by API Gateway as null) passes the body through unmapped', async () => {
    for (const empty of ['', null]) {
      const { definition, options, seen } = echo({ requestTemplates: { 'application/json': empty }, passthroughBehavior: 'NEVER' });
      await call(definition, post('{"a": 1}', { 'Content-Type': 'application/json' }), options);
      expect(seen[0]!.body).toBe('{"a": 1}');
    }
  });

  it('passthrough keeps an empty body empty (the {} rule is for $input only)', async () => {
    const { definition, options, seen } = echo();
    await call(definition, post(null), options);
    expect(seen[0]!.body).toBe('');
  });

  it('lower-case behaviour names from OpenAPI documents are accepted', async () => {
    const { definition, options } = echo({ requestTemplates: { 'application/json': TEMPLATE }, passthroughBehavior: 'never' as PassthroughBehavior });
    const res = await call(definition, post('x', { 'Content-Type': 'text/plain' }), options);
    expect(res.statusCode).toBe(415);
  });
});
