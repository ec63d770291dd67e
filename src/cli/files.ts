/** Reading the files commands are given: templates (or `-` for standard input), JSON inputs, definitions. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DefinitionError } from '../definitions/definition-error.js';
import { loadApiDefinition } from '../definitions/load-file.js';
import type { DefinitionOptions } from '../definitions/load.js';
import type { ApiDefinition } from '../model/index.js';
import type { CliIo } from './io.js';
import { UsageError } from './io.js';
import { jsonProblem } from './usage-errors.js';

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
    const source = inline && !value.startsWith('@') ? '' : ` (${value.replace(/^@/, '')})`;
    throw new UsageError(`${what} is not valid JSON${source}: ${jsonProblem(text) ?? (e as Error).message}`);
  }
}

const DEFINITION_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.tf']);

/** Whether a file is read as an API definition (by its extension), never as a template. */
export function isDefinitionFile(file: string): boolean {
  return file !== '-' && DEFINITION_EXTENSIONS.has(extname(file).toLowerCase());
}

/** The message of a DefinitionError without the file, line and path it starts with. */
function bareMessage(e: DefinitionError): string {
  const prefix = `${e.file ? `${e.file}${e.line ? `:${e.line}:${e.column}` : ''}: ` : ''}${e.where ? `${e.where}: ` : ''}`;
  return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}

/**
 * The API definition a `.json`/`.yaml`/`.yml`/`.tf` file holds; undefined for any other file (a template).
 * Such a file is never read as a template, even when it is not a definition: templates saved as `.json`
 * used to be rendered as VTL, which turned a mistyped definition into a misleading template error.
 * @throws DefinitionError, saying for a file that is no definition how to pass a template instead
 */
export function definitionIn(file: string, options: DefinitionOptions = {}): ApiDefinition | undefined {
  if (!isDefinitionFile(file)) return undefined;
  try {
    return loadApiDefinition(file, options);
  } catch (e) {
    if (e instanceof DefinitionError && /not an API definition|not valid JSON or YAML/.test(e.message)) {
      const hint = 'a .json, .yaml, .yml or .tf file is read as an API definition; if this is a mapping template, name it .vtl or pass it on standard input (-)';
      throw new DefinitionError(`${bareMessage(e)} (${hint})`, e.where, e.file, e.line, e.column);
    }
    throw e;
  }
}
