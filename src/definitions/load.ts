/**
 * Reads an API definition from text or a parsed object, recognising the format: OpenAPI 3 / Swagger 2
 * (the API Gateway export format), a CloudFormation / SAM template, `get-resources --embed methods`
 * output, a Serverless Framework `serverless.yml`, or Terraform (`.tf`, `terraform show -json`). Anything
 * else is one error naming the formats tried. No file system here, so this runs in browsers; reading files is `load-file.ts`.
 */
import type { ApiDefinition } from '../model/index.js';
import { fromCloudFormation, isCloudFormation, type CloudFormationOptions } from './cloudformation.js';
import { parseDefinitionText, type ParsedDocument } from './document.js';
import { fromOpenApi, isOpenApi } from './openapi.js';
import { describeDocument, notADefinition } from './not-a-definition.js';
import { fromRestApiResources, isRestApiResources } from './rest-api-resources.js';
import { fromServerless, isServerless, type ServerlessOptions } from './serverless.js';

export interface DefinitionOptions extends Omit<CloudFormationOptions, 'readDefinition'> {
  /** A `serverless.yml`'s `opt:`, `env:` and `param:` variables (stage, region, CLI options, …). */
  serverless?: ServerlessOptions;
  /** Told what a definition holds that is skipped or left as a placeholder (e.g. Serverless `httpApi` events). */
  onWarning?: (message: string) => void;
  /** Terraform input variables (as `-var` gives them; they win over `.tfvars` and defaults). */
  terraform?: { variables?: Record<string, unknown> };
}

/** Reads a file a definition refers to (a SAM `DefinitionUri`), relative to the definition's own file. */
export type ReadRelative = (uri: string) => ParsedDocument;

/**
 * The API a parsed document describes; `readRelative` is given when the document came from a file, so
 * that the files it names can be read.
 */
export function definitionFromDocument(doc: ParsedDocument, options: DefinitionOptions = {}, readRelative?: ReadRelative): ApiDefinition {
  const value = doc.value;
  if (isOpenApi(value)) return fromOpenApi(value, { doc });
  if (isCloudFormation(value)) return fromCloudFormation(value, { doc }, { ...options, readDefinition: readRelative });
  if (isRestApiResources(value)) return fromRestApiResources(value, { doc });
  if (isServerless(value)) {
    return fromServerless(value, { doc }, { ...options.serverless, onWarning: options.onWarning, readFile: readRelative && ((path) => readRelative(path).value) });
  }
  throw notADefinition(describeDocument(value, doc.syntax), doc.file);
}

/**
 * The API that definition text describes; `file` names where it came from (its extension counts: HCL is
 * not YAML, so a `.tf` file is never parsed as one).
 */
export function definitionFromText(text: string, file: string | undefined, options: DefinitionOptions = {}, readRelative?: ReadRelative): ApiDefinition {
  // Terraform is read by load-file.ts (a module is a directory) or parseTerraform: importing its reader
  // here would put it in the browser bundle, over its size budget. HCL is not YAML, so say what it is.
  if (file !== undefined && /\.tf$/i.test(file)) throw notADefinition('a Terraform configuration (.tf): load it with loadApi, or read it with parseTerraform', file);
  return definitionFromDocument(parseDefinitionText(text, file), options, readRelative);
}

/**
 * Reads an API definition from JSON or YAML text, or from an already parsed object.
 * @throws DefinitionError (with the path and, for text, the line of the problem)
 */
export function parseApiDefinition(source: string | object, options: DefinitionOptions = {}): ApiDefinition {
  if (typeof source === 'string') return definitionFromText(source, undefined, options);
  return definitionFromDocument({ value: source, locate: () => undefined }, options);
}
