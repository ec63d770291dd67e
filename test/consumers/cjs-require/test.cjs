// A CommonJS script: require() of every CommonJS entry point, a render, the testing kit and the
// matchers called as a runner would call them.
const assert = require('node:assert/strict');
const { isDeepStrictEqual } = require('node:util');
const { compileTemplate, renderTemplate, VtlSyntaxError, loadApi } = require('apigw-vtl');
const { rendersValidJson, templateMatchers } = require('apigw-vtl/testing');
const browser = require('apigw-vtl/browser');
require('apigw-vtl/package.json');

const createPet = compileTemplate(`#set($pet = $input.path('$'))
{"name": "$util.escapeJavaScript($pet.name).replaceAll("\\\\'","'")", "tags": $input.json('$.tags')}`);
assert.deepEqual(createPet.render({ body: { name: 'Rex', tags: ['good'] } }).json(), { name: 'Rex', tags: ['good'] });
assert.equal(browser.renderTemplate('$input.path("$.a")', { body: { a: 7 } }).body, '7');
assert.equal(typeof loadApi, 'function');
assert.throws(() => compileTemplate('#if($a)\nmissing end'), VtlSyntaxError);

const context = { isNot: false, equals: isDeepStrictEqual };
assert.equal(templateMatchers.toRenderJson.call(context, createPet, { name: 'Rex', tags: [] }, { body: { name: 'Rex', tags: [] } }).pass, true);
assert.equal(templateMatchers.toAlwaysRenderValidJson.call(context, createPet, { seed: 1 }).pass, true);
assert.throws(() => rendersValidJson(`{"name": "$util.escapeJavaScript($input.path('$.name'))"}`, { seed: 1 }).assert(), /Bad escaped character/);
assert.equal(renderTemplate('#set($context.responseOverride.status = 201)').responseOverride.status, 201);
console.log('cjs-require: ok');
