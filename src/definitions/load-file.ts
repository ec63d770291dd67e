/**
 * Reading API definitions from files (Node only): the file's text goes to the parser in `load.ts`, and a
 * SAM `DefinitionUri` is read relative to the directory of the file that names it. Terraform is read
 * here rather than in `load.ts`: a module is a directory of files, and its reader would more than fill
 * the browser bundle's size budget (browsers can still call `parseTerraform` with the files' text).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { detectTerraform } from './terraform/detect.js';
import { parseTerraformJson } from './terraform/index.js';
import { loadTerraform } from './terraform/read-files.js';
import type { ApiDefinition } from '../model/index.js';
import { DefinitionError } from './definition-error.js';
import { parseDefinitionText, type ParsedDocument } from './document.js';
import { definitionFromText, type DefinitionOptions, type ReadRelative } from './load.js';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new DefinitionError(`cannot read the file: ${(e as Error).message}`, '', file);
  }
}

function readFile(file: string): ParsedDocument {
  return parseDefinitionText(readText(file), file);
}

function relativeTo(file: string): ReadRelative {
  const baseDir = dirname(resolve(file));
  return (uri) => readFile(resolve(baseDir, uri));
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads an API definition file (`.json`, `.yaml`, `.yml`: OpenAPI, CloudFormation/SAM, get-resources,
 * Serverless, `terraform show -json`), or a Terraform module: a directory of `.tf` files, or one `.tf`
 * file, which stands for the module of its directory (Terraform reads every `.tf` file there together).
 * A SAM `DefinitionUri` is read relative to the file.
 * @throws DefinitionError
 */
export function loadApiDefinition(file: string, options: DefinitionOptions = {}): ApiDefinition {
  const terraform = { api: options.api, variables: options.terraform?.variables };
  if (isDirectory(file)) return loadTerraform(file, terraform);
  if (/\.tf$/i.test(file)) return loadTerraform(dirname(file), terraform);
  const text = readText(file);
  if (detectTerraform(text, file)) return parseTerraformJson(text, { ...terraform, file });
  return definitionFromText(text, file, options, relativeTo(file));
}
