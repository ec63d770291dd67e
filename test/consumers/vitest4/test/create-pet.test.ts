import { describe, expect, test } from 'vitest';
import { compileTemplate, renderTemplate, VtlSyntaxError } from 'apigw-vtl';
import { rendersValidJson } from 'apigw-vtl/testing';
import 'apigw-vtl/vitest';

const createPet = compileTemplate(`#set($pet = $input.path('$'))
{
  "name": "$util.escapeJavaScript($pet.name).replaceAll("\\\\'","'")",
  "tags": $input.json('$.tags')
}`);
const unfixed = `{"name": "$util.escapeJavaScript($input.path('$.name'))"}`;

describe('POST /pets request template', () => {
  test('maps a typical body', () => {
    expect(createPet).toRenderJson({ name: 'Rex', tags: ['good'] }, { body: { name: 'Rex', tags: ['good'] } });
    expect('Hello $input.path("$.name")').toRender('Hello Ada', { body: { name: 'Ada' } });
    expect(renderTemplate('#set($context.responseOverride.status = 201)').responseOverride.status).toBe(201);
  });

  test('renders valid JSON for any body, and the unfixed template does not', () => {
    expect(createPet).toAlwaysRenderValidJson({ seed: 1 });
    expect(unfixed).not.toAlwaysRenderValidJson({ seed: 1 });
    expect(() => rendersValidJson(unfixed, { seed: 1 }).assert()).toThrow(/Bad escaped character/);
  });

  test('works as an asymmetric matcher', () => {
    expect({ template: createPet }).toEqual({ template: expect.toRenderValidJson({ body: { name: "'" } }) });
  });

  test('a syntax error is a VtlSyntaxError', () => {
    expect(() => compileTemplate('#if($a)\nmissing end')).toThrow(VtlSyntaxError);
  });
});
