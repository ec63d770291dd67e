/** Turning definition text, a parsed document or an {@link ApiDefinition} into a runnable {@link Api}. */
import { parseApiDefinition, type DefinitionOptions } from '../definitions/load.js';
import type { ApiDefinition } from '../model/index.js';
import { Api, type ApiOptions } from './api.js';

/** Options of {@link createApi} and `loadApi`: how to read the definition, and how to run it. */
export interface LoadApiOptions extends ApiOptions, DefinitionOptions {}

/** The options that shape the definition, and those that shape the running API. */
export function splitLoadOptions(options: LoadApiOptions): [DefinitionOptions, ApiOptions] {
  const { api, parameters, serverless, onWarning, terraform, ...rest } = options;
  return [{ api, parameters, serverless, onWarning, terraform }, rest];
}

/**
 * An API from JSON/YAML text, a parsed document (OpenAPI / Swagger, CloudFormation or SAM, get-resources
 * output), or an {@link ApiDefinition}.
 *
 * ```ts
 * const api = createApi(openApiText, { backend: { lambda: handler } });
 * const response = await api.invoke({ httpMethod: 'GET', path: '/pets/1' });
 * ```
 * @throws DefinitionError naming the path and line of a problem in the definition
 */
export function createApi(source: string | object | ApiDefinition, options: LoadApiOptions = {}): Api {
  const [definitionOptions, apiOptions] = splitLoadOptions(options);
  const definition = isDefinition(source) ? source : parseApiDefinition(source, definitionOptions);
  return new Api(definition, apiOptions);
}

function isDefinition(v: unknown): v is ApiDefinition {
  return typeof v === 'object' && v !== null && Array.isArray((v as ApiDefinition).methods);
}
