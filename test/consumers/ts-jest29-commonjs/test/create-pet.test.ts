import { compileTemplate, renderTemplate, VtlSyntaxError } from 'apigw-vtl';
import { rendersValidJson, templateMatchers, type TemplateMatchers } from 'apigw-vtl/testing';

// Registered by hand (no apigw-vtl/jest): what failed to type-check while isNot was required.
expect.extend(templateMatchers);
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R> extends TemplateMatchers<R> {}
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Expect extends TemplateMatchers<void> {}
  }
}

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
