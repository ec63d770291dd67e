/** Reading the files commands are given: templates (or `-` for standard input), JSON inputs, definitions. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DefinitionError } from '../definitions/definition-error.js';
import { loadApiDefinition } from '../definitions/load.js';
import type { ApiDefinition } from '../integration/model.js';
import type { CliIo } from './io.js';
import { UsageError } from './io.js';

export async function readText(file: string, io: CliIo, what: string): Promise<string> {
  if (file === '-') {
    if (!io.readStdin) throw new UsageError(`cannot read ${what} from standard input here`);
    return io.readStdin();
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/** JSON from a file (`@file` or a path) or, when `inline` is allowed, the text itself. */
export async function readJson(value: string, io: CliIo, what: string, inline = false): Promise<unknown> {
  const text = inline && !value.startsWith('@') ? value : await readText(value.replace(/^@/, ''), io, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} is not valid JSON: ${(e as Error).message}`);
  }
}

const DEFINITION_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * An API definition when the file is one; undefined for a template file. A `.json`/`.yaml` file that is not
 * an API definition is read as a template (templates are often saved as `.json`).
 */
export function definitionIn(file: string): ApiDefinition | undefined {
  if (file === '-' || !DEFINITION_EXTENSIONS.has(extname(file).toLowerCase())) return undefined;
  try {
    return loadApiDefinition(file);
  } catch (e) {
    if (e instanceof DefinitionError && /not an API definition|not valid JSON or YAML/.test(e.message)) return undefined;
    throw e;
  }
}
