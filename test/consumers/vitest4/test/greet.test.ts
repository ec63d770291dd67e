import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { compileTemplate } from 'apigw-vtl';
import 'apigw-vtl/vitest';

const greet = compileTemplate(readFileSync('templates/greet.vtl', 'utf8'));

test('greets by name (coverage: the #else is never taken)', () => {
  expect(greet.render({ query: { name: 'Ada' } }).body.trim()).toBe('Hello Ada');
  expect(greet.render({ query: { name: 'Bo' } }).body.trim()).toBe('Hello Bo');
});
