/** Loading a runnable {@link Api} from a definition file (Node only: it reads the file system). */
import { loadApiDefinition } from '../definitions/load-file.js';
import { Api } from './api.js';
import { splitLoadOptions, type LoadApiOptions } from './create-api.js';

/**
 * Loads an API from an OpenAPI / Swagger file, a CloudFormation or SAM template, or get-resources output.
 *
 * ```ts
 * const api = loadApi('openapi.yaml', { backend: { lambda: handler } });
 * const response = await api.invoke({ httpMethod: 'GET', path: '/pets/1' });
 * ```
 * @throws DefinitionError naming the file, path and line of a problem in the definition
 */
export function loadApi(file: string, options: LoadApiOptions = {}): Api {
  const [definitionOptions, apiOptions] = splitLoadOptions(options);
  return new Api(loadApiDefinition(file, definitionOptions), apiOptions);
}
