/**
 * Reading a Terraform module from disk: the one place the Terraform reader touches `node:fs`, kept apart
 * so the parser stays bundleable for browsers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiDefinition } from '../../model/index.js';
import { DefinitionError } from '../definition-error.js';
import { parseTerraform, parseTerraformJson } from './index.js';
import type { TerraformFile, TerraformOptions } from './options.js';

/** What Terraform itself loads from a module directory. */
function isModuleFile(name: string): boolean {
  return /\.tf$/i.test(name) || name === 'terraform.tfvars' || /\.auto\.tfvars$/i.test(name);
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new DefinitionError(`cannot read the file: ${(e as Error).message}`, '', path);
  }
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The `.tf`, `terraform.tfvars` and `*.auto.tfvars` files of a module directory, in name order. */
export function readTerraformDirectory(dir: string): TerraformFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new DefinitionError(`cannot read the directory: ${(e as Error).message}`, '', dir);
  }
  const files = names.filter(isModuleFile).sort().map((name) => ({ path: join(dir, name), text: read(join(dir, name)) }));
  if (!files.some((f) => /\.tf$/i.test(f.path))) throw new DefinitionError('no .tf files in the directory', '', dir);
  return files;
}

/**
 * Reads a Terraform REST API from disk: a module directory (all its `.tf` files, `terraform.tfvars` and
 * `*.auto.tfvars`), one `.tf` file, or a `terraform show -json` file. `file()` and `templatefile()` read
 * files relative to the `.tf` file that names them.
 * @throws DefinitionError
 */
export function loadTerraform(path: string, options: TerraformOptions = {}): ApiDefinition {
  let directory: boolean;
  try {
    directory = statSync(path).isDirectory();
  } catch (e) {
    throw new DefinitionError(`cannot read the file: ${(e as Error).message}`, '', path);
  }
  const withFiles: TerraformOptions = { ...options, readFile: options.readFile ?? readOptional };
  if (directory) return parseTerraform(readTerraformDirectory(path), withFiles);
  const text = read(path);
  if (/\.tf$/i.test(path)) return parseTerraform([{ path, text }], withFiles);
  return parseTerraformJson(text, { ...options, file: path });
}
