/**
 * The shape an {@link ApiDefinition} built by hand must have before an `Api` can run it. Loaders check
 * definitions they read (with file, line and column); this catches a definition object made in code,
 * naming the field that is wrong instead of failing later on a request.
 */
import { InvalidInputError, isPlainObject } from '../gateway/validate-input.js';
import type { ApiDefinition } from '../model/index.js';

export function checkDefinition(definition: unknown): asserts definition is ApiDefinition {
  if (!isPlainObject(definition)) throw new InvalidInputError('the API definition must be an object with a methods list');
  const methods = (definition as { methods?: unknown }).methods;
  if (!Array.isArray(methods)) throw new InvalidInputError('definition.methods must be a list of methods');
  methods.forEach((m: unknown, i) => {
    const at = `definition.methods[${i}]`;
    if (!isPlainObject(m)) throw new InvalidInputError(`${at} must be a method object`);
    const method = m as Record<string, unknown>;
    if (typeof method['httpMethod'] !== 'string' || method['httpMethod'] === '') throw new InvalidInputError(`${at}.httpMethod must be a method name such as "GET"`);
    if (typeof method['resourcePath'] !== 'string' || !method['resourcePath'].startsWith('/')) throw new InvalidInputError(`${at}.resourcePath must be a path starting with "/"`);
    const integration = method['integration'];
    if (!isPlainObject(integration) || typeof (integration as Record<string, unknown>)['type'] !== 'string') {
      throw new InvalidInputError(`${at}.integration must be an integration object with a type (AWS, AWS_PROXY, HTTP, HTTP_PROXY or MOCK)`);
    }
  });
}
