import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileTemplate, renderTemplate, VtlError, VtlSyntaxError } from '../../src/index.js';
import { templateArbitrary } from './template-arbitrary.js';

const input = {
  body: '{"a": [1, 2], "s": "x,y", "k": {"k": 1}}',
  headers: { h: 'v' },
  query: { q: ['1', '2'] },
  stageVariables: { v: 's' },
};
const limits = { maxWork: 100_000, maxOutputLength: 100_000 };

function outcome(template: string): string {
  try {
    return 'ok:' + renderTemplate(template, input, { limits }).body;
  } catch (e) {
    if (e instanceof VtlError) return `${e.name}:${e.reason}@${e.line}:${e.column}`;
    throw e;
  }
}

describe('any template', () => {
  it('either renders or fails with a located VtlError, never anything else', () => {
    fc.assert(
      fc.property(templateArbitrary, (template) => {
        const result = outcome(template);
        expect(result).toMatch(/^(ok:|Vtl\w+Error:)/);
      }),
      { numRuns: 3000 },
    );
  });

  it('renders the same output every time it is rendered (compile once, render many)', () => {
    fc.assert(
      fc.property(templateArbitrary, (template) => {
        let compiled;
        try {
          compiled = compileTemplate(template);
        } catch (e) {
          expect(e).toBeInstanceOf(VtlSyntaxError);
          return;
        }
        const run = () => {
          try {
            return 'ok:' + compiled.render(input, { limits }).body;
          } catch (e) {
            if (e instanceof VtlError) return `${e.name}:${e.reason}@${e.line}:${e.column}`;
            throw e;
          }
        };
        const first = run();
        expect(run()).toBe(first);
        expect(outcome(template)).toBe(first);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('printing rules', () => {
  it('a template list of integers prints as [a, b, c]', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2147483648, max: 2147483647 }), { maxLength: 10 }), (items) => {
        expect(renderTemplate(`#set($l = [${items.join(', ')}])$l`).body).toBe(`[${items.join(', ')}]`);
      }),
    );
  });

  it('a JSON array from the body prints as compact JSON, and a JSON object as {k=v}', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 10 }), fc.dictionary(fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1') }), fc.integer(), { maxKeys: 5 }), (arr, obj) => {
        const body = JSON.stringify({ arr, obj });
        expect(renderTemplate("$input.path('$.arr')", { body }).body).toBe(JSON.stringify(arr));
        const entries = Object.entries(obj).map(([k, v]) => `${k}=${v}`);
        expect(renderTemplate("$input.path('$.obj')", { body }).body).toBe(`{${entries.join(', ')}}`);
      }),
    );
  });

  it('$input.json of a JSON body parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const body = JSON.stringify(value);
        if (value === null) {
          // Jayway refuses a null document ("json can not be null"): the render fails.
          expect(() => renderTemplate("$input.json('$')", { body })).toThrow(VtlError);
          return;
        }
        const json = renderTemplate("$input.json('$')", { body }).body;
        expect(JSON.parse(json)).toEqual(JSON.parse(body));
      }),
    );
  });
});
