// Compiled as ESM (this folder's package.json): TypeScript must pick the import types, and the
// emitted import must load.
import { compileTemplate, renderTemplate, VtlSyntaxError, type RenderResult } from 'apigw-vtl';
import { rendersValidJson, templateMatchers, type TemplateMatchers, type MatcherContext } from 'apigw-vtl/testing';
import { renderTemplate as renderInBrowser } from 'apigw-vtl/browser';

const result: RenderResult = compileTemplate('{"n": $input.json(\'$.n\')}').render({ body: { n: 1 } });
const context: MatcherContext = { isNot: undefined, equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) };
const matchers: TemplateMatchers<{ pass: boolean }> | undefined = undefined;
if (!templateMatchers.toRenderJson.call(context, '{"n": 1}', { n: 1 }).pass) throw new Error('toRenderJson');
if (JSON.stringify(result.json()) !== '{"n":1}') throw new Error(result.body);
if (renderInBrowser('x').body !== 'x' || renderTemplate('y').body !== 'y') throw new Error('render');
if (!rendersValidJson('{"a": 1}', { numRuns: 5 }).check().ok) throw new Error('rendersValidJson');
try {
  compileTemplate('#if(');
  throw new Error('no syntax error');
} catch (e) {
  if (!(e instanceof VtlSyntaxError)) throw e;
}
void matchers;
console.log('esm: ok');
