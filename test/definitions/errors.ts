import { DefinitionError } from '../../src/definitions/definition-error.js';

/** The DefinitionError a load throws (failing the test when it throws something else, or nothing). */
export function definitionError(load: () => unknown): DefinitionError {
  try {
    load();
  } catch (e) {
    if (e instanceof DefinitionError) return e;
    throw e;
  }
  throw new Error('expected a DefinitionError');
}
