/**
 * Terraform definitions of REST APIs: `.tf` files of the AWS provider's `aws_api_gateway_*` resources
 * (or an `aws_api_gateway_rest_api` with an OpenAPI `body`), and `terraform show -json` output of a plan
 * or state. Pure: files come in as text, so this bundles for browsers; `read-files.ts` reads them from disk.
 */
import type { ApiDefinition } from '../../model/index.js';
import { parseDefinitionText } from '../document.js';
import { TerraformModule } from './module.js';
import type { TerraformFile, TerraformOptions } from './options.js';
import { restApiFromResources } from './rest-api.js';
import { resourcesFromShowJson } from './show-json.js';

export { detectTerraform } from './detect.js';
export type { TerraformFile, TerraformOptions } from './options.js';

/**
 * Reads the REST API a Terraform module defines. `files` are the module's `.tf` files (one module:
 * every resource, variable and local is shared), optionally its `.tfvars` files, and any file `file()` or
 * `templatefile()` names (matched by path, relative to the `.tf` file that names it); other files are
 * read through `options.readFile`. Expressions that cannot be known offline become `<unresolved:…>`
 * placeholders.
 * @throws DefinitionError with the file, line and column: HCL that does not parse, a value the API needs
 *   that cannot be known offline, a reference that links to nothing, several APIs without `options.api`
 */
export function parseTerraform(files: readonly TerraformFile[], options: TerraformOptions = {}): ApiDefinition {
  const module = new TerraformModule(files, options);
  return restApiFromResources(module.resourceList(), options, files.find((f) => /\.tf$/i.test(f.path))?.path);
}

/**
 * Reads the REST API in `terraform show -json` output, of a saved plan or of the state, child modules
 * included. `options.file` names the file in errors.
 * @throws DefinitionError
 */
export function parseTerraformJson(text: string, options: TerraformOptions & { file?: string } = {}): ApiDefinition {
  const doc = parseDefinitionText(text, options.file);
  return restApiFromResources(resourcesFromShowJson(doc), options, options.file);
}
