// A native ESM script: import of every entry point, a render, the testing kit and the matchers called
// as a runner would call them.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { compileTemplate, renderTemplate, VtlSyntaxError, loadApi } from 'apigw-vtl';
import { rendersValidJson, templateMatchers } from 'apigw-vtl/testing';
import * as browser from 'apigw-vtl/browser';
import pkg from 'apigw-vtl/package.json' with { type: 'json' };

const createPet = compileTemplate(`#set($pet = $input.path('$'))
{"name": "$util.escapeJavaScript($pet.name).replaceAll("\\\\'","'")", "tags": $input.json('$.tags')}`);
assert.deepEqual(createPet.render({ body: { name: 'Rex', tags: ['good'] } }).json(), { name: 'Rex', tags: ['good'] });
assert.equal(browser.renderTemplate('$input.path("$.a")', { body: { a: 7 } }).body, '7');
assert.equal(typeof loadApi, 'function');
assert.equal(pkg.name, 'apigw-vtl');
assert.throws(() => compileTemplate('#if($a)\nmissing end'), VtlSyntaxError);

const context = { isNot: false, equals: isDeepStrictEqual };
assert.equal(templateMatchers.toRenderJson.call(context, createPet, { name: 'Rex', tags: [] }, { body: { name: 'Rex', tags: [] } }).pass, true);
assert.equal(templateMatchers.toAlwaysRenderValidJson.call(context, createPet, { seed: 1 }).pass, true);
assert.throws(() => rendersValidJson(`{"name": "$util.escapeJavaScript($input.path('$.name'))"}`, { seed: 1 }).assert(), /Bad escaped character/);
assert.equal(renderTemplate('#set($context.responseOverride.status = 201)').responseOverride.status, 201);
console.log('esm-import: ok');
