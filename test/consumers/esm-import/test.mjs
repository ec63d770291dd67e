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

// The installed bin serves the playground the tarball carries (dist/playground/), with the share link.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
writeFileSync('greet.vtl', 'Hello $input.path(\'$.name\')');
const bin = spawn('node_modules/.bin/apigw-vtl', ['playground', 'greet.vtl', '--port', '0', '--body', '{"name":"Ada"}'], { stdio: ['ignore', 'pipe', 'inherit'] });
const line = await new Promise((resolve, reject) => {
  let out = '';
  bin.stdout.on('data', (chunk) => {
    out += chunk;
    const m = /http:\/\/\S+/.exec(out);
    if (m) resolve(m[0]);
  });
  bin.on('exit', (code) => reject(new Error(`apigw-vtl playground exited ${code}: ${out}`)));
  setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
});
try {
  assert.deepEqual(browser.decodePlaygroundState(line), { template: "Hello $input.path('$.name')", input: { body: '{"name":"Ada"}' } });
  const page = await fetch(new URL('/', line));
  assert.equal(page.status, 200);
  assert.match(await page.text(), /apigw-vtl playground/);
  assert.equal((await fetch(new URL('/worker.js', line))).status, 200);
} finally {
  bin.kill();
}
console.log('esm-import: ok');
