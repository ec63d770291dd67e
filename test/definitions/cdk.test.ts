/**
 * CDK apps are tested through what they synthesise (`cdk synth`, or `Template.fromStack(stack).toJSON()`
 * in a test): CloudFormation with hash-suffixed logical ids and `aws:cdk:path` metadata. Handlers can be
 * keyed as the CDK code names the function.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, loadApi, LambdaFunctionError } from '../../src/index.js';

const file = join(import.meta.dirname, '..', '..', 'examples', 'cdk', 'PetsStack.template.json');
const synthesized = JSON.parse(readFileSync(file, 'utf8')) as object;

describe('a synthesised CDK stack', () => {
  it('names its functions by construct id and path as well as by logical id', () => {
    const api = createApi(synthesized);
    expect(api.definition.functionAliases).toMatchObject({ CreatePetFn: 'CreatePetFn4E8DD9B6', 'PetsStack/CreatePetFn': 'CreatePetFn4E8DD9B6' });
    expect(api.stages).toEqual(['prod']);
  });

  it.each([
    ['the construct id', 'CreatePetFn'],
    ['the construct path', 'PetsStack/CreatePetFn'],
    ['the logical id', 'CreatePetFn4E8DD9B6'],
  ])('runs a Lambda integration whose handler is keyed by %s', async (_what, key) => {
    const api = loadApi(file, {
      backend: {
        lambda: {
          [key]: (event: unknown) => {
            const e = event as { name: string; stage: string; table: string };
            if (e.name === '') throw new LambdaFunctionError({ errorMessage: 'invalid name' });
            return { id: 'p-1', name: e.name, seen: `${e.stage}/${e.table}` };
          },
        },
      },
    });
    const created = await api.invoke({ httpMethod: 'POST', path: '/pets', stage: 'prod', headers: { 'Content-Type': 'application/json' }, body: '{"name": "Rex"}' });
    expect([created.statusCode, created.json()]).toEqual([201, { id: 'p-1', name: 'Rex' }]);
    const refused = await api.invoke({ httpMethod: 'POST', path: '/pets', stage: 'prod', headers: { 'Content-Type': 'application/json' }, body: '{"name": ""}' });
    expect([refused.statusCode, refused.json()]).toEqual([400, { message: 'invalid name' }]);
  });
});
