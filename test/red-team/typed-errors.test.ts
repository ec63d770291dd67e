/**
 * Whatever a caller or a stranger passes, the library answers with one of its typed errors naming the
 * field (InvalidInputError) or the template location (VtlError) — never a raw JavaScript error.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileTemplate, InvalidInputError, invokeMethod, renderTemplate, VtlError, type MethodDefinition } from '../../src/index.js';
import { templateArbitrary } from '../properties/template-arbitrary.js';
import { oddBody, renderInput, templateArbitrary as realisticTemplate } from '../../src/testing/index.js';

function invalid(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return e as InvalidInputError;
  }
  throw new Error('expected an InvalidInputError');
}

describe('render inputs are validated with the field named', () => {
  const t = compileTemplate('$context.identity.sourceIp $context.requestId $context.requestTime');

  it('a context.identity that is not an object', () => {
    expect(invalid(() => t.render({ context: { identity: 'x' as never } })).message).toMatch(/input\.context\.identity/);
  });

  it('a context string field of the wrong type', () => {
    expect(invalid(() => t.render({ context: { requestId: 42 as never } })).message).toMatch(/input\.context\.requestId/);
  });

  it('a context that contains itself, or nests without end', () => {
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(invalid(() => t.render({ context: { custom: loop } })).message).toMatch(/input\.context .*contains itself/);
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 500; i++) deep = { d: deep };
    expect(invalid(() => t.render({ context: { custom: deep } })).message).toMatch(/levels deep/);
    expect(invalid(() => t.render({ context: { custom: () => 1 } })).message).toMatch(/function/);
  });

  it('a template that is not a string, and a preset override that contains itself', () => {
    expect(invalid(() => compileTemplate(42 as never)).message).toMatch(/template must be a string/);
    const header: Record<string, unknown> = {};
    header['self'] = header;
    expect(invalid(() => renderTemplate('x', { context: { responseOverride: { header: header as never } } })).message).toMatch(/contains itself/);
  });

  it('a body that cannot be serialised as JSON', () => {
    const body: Record<string, unknown> = {};
    body['self'] = body;
    expect(invalid(() => renderTemplate("$input.json('$')", { body })).message).toMatch(/input\.body/);
    expect(invalid(() => renderTemplate("$input.json('$')", { body: { n: 1n } as never })).message).toMatch(/input\.body/);
  });

  it('a clock that returns NaN or a non-date, an id generator that returns a number', () => {
    expect(invalid(() => t.render({}, { now: () => NaN })).message).toMatch(/options\.now\(\)/);
    expect(invalid(() => t.render({}, { now: () => new Date('nope') })).message).toMatch(/options\.now\(\)/);
    expect(invalid(() => t.render({}, { now: () => 'today' as never })).message).toMatch(/options\.now\(\)/);
    expect(invalid(() => t.render({}, { requestId: () => 7 as never })).message).toMatch(/options\.requestId\(\)/);
    expect(invalid(() => t.render({}, { now: 5 as never })).message).toMatch(/options\.now/);
  });
});

describe('limits are validated: a limit that is not a number never switches limits off', () => {
  it.each([
    ['NaN', { maxWork: NaN }, /options\.limits\.maxWork/],
    ['a string', { maxWork: '10' }, /options\.limits\.maxWork/],
    ['a negative number', { maxOutputLength: -1 }, /options\.limits\.maxOutputLength/],
    ['an unknown name', { maxWrok: 10 }, /options\.limits\.maxWrok is not a limit/],
    ['a fractional define depth', { maxDefineDepth: 1.5 }, /maxDefineDepth/],
    ['a define depth deep enough to overflow the stack', { maxDefineDepth: 100_000 }, /maxDefineDepth/],
  ])('%s', (_what, limits, message) => {
    expect(invalid(() => renderTemplate('x', {}, { limits: limits as never })).message).toMatch(message);
    expect(invalid(() => compileTemplate('x', { limits: limits as never })).message).toMatch(message);
  });

  it('Infinity switches a limit off deliberately', () => {
    expect(renderTemplate('#foreach($i in [1..10])x#end', {}, { limits: { maxWork: Infinity } }).body).toBe('xxxxxxxxxx');
  });

  it('invokeMethod checks its limits too', async () => {
    const method: MethodDefinition = {
      httpMethod: 'GET',
      resourcePath: '/',
      integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' }, integrationResponses: [{ statusCode: '200' }] },
    };
    await expect(invokeMethod(method, { httpMethod: 'GET', path: '/' }, { limits: { maxWork: NaN } })).rejects.toBeInstanceOf(InvalidInputError);
  });
});

/** Bodies a stranger might send: JSON, almost-JSON, deep nesting, odd characters. */
const hostileBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('{"a":', '[[[[[[[[', '{"a": 1e999999}', `{"n": ${'9'.repeat(400)}}`, '\u0000{}', '{"__proto__": {"x": 1}}', '[' .repeat(3000), '"\\ud800"'),
);

describe('any template over any body', () => {
  it('templates and inputs from the testing kit render or fail with a VtlError, never anything else', () => {
    const body = fc.oneof(oddBody, hostileBody);
    fc.assert(
      fc.property(realisticTemplate, renderInput, body, (template, input, b) => {
        try {
          renderTemplate(template, { ...input, body: b }, { limits: { maxWork: 200_000, maxMemory: 20_000_000 } });
        } catch (e) {
          if (!(e instanceof VtlError)) throw e;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('renders or fails with a located VtlError, never anything else', () => {
    fc.assert(
      fc.property(templateArbitrary, hostileBody, (template, body) => {
        try {
          renderTemplate(template, { body, query: { q: body.slice(0, 10) } }, { limits: { maxWork: 200_000, maxMemory: 20_000_000 } });
        } catch (e) {
          if (!(e instanceof VtlError)) throw e;
          expect(e.line).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
