/**
 * The one place the models (JSON Schemas) a loader read are checked, with the position of each in the
 * definition. Every loader in this folder calls `checkModels` once for the models it read.
 */
import type { ApiDefinition } from '../model/index.js';
import { schemaProblems } from '../pipeline/validation/schema/check.js';
import { describe, fail, isObject, type Path, type Reader } from './fields.js';

/** Where a model of that name is written in the definition, for the error's file:line:column. */
export type ModelLocator = (name: string) => Path;

/**
 * @throws DefinitionError at the model's position when a model is not a valid draft-04 JSON Schema
 *   (API Gateway refuses such a model when it is created): the first problem is named, with its pointer
 */
export function checkModels(definition: ApiDefinition, reader: Reader, locate: ModelLocator, names: Iterable<string> = Object.keys(definition.models ?? {})): void {
  const models = definition.models ?? {};
  for (const name of names) {
    if (!Object.hasOwn(models, name)) continue;
    const schema: unknown = models[name];
    if (!isObject(schema)) fail(reader, locate(name), `a model must be a JSON Schema object, found ${describe(schema)}`);
    const problems = schemaProblems(schema, models);
    if (problems.length > 0) fail(reader, locate(name), `model '${name}' is not a valid draft-04 JSON Schema: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`);
  }
}
