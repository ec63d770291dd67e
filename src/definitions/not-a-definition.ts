/**
 * The one error for a document that is no API definition at all: which formats were tried (with what
 * each is recognised by) and what the document is instead, so a wrong file is told apart from a broken one.
 */
import { DefinitionError } from './definition-error.js';
import { isObject } from './fields.js';

/** The formats `parseApiDefinition` / `loadApi` recognise, and the keys that identify each. */
export const FORMATS_TRIED =
  'OpenAPI 3 (openapi and paths), Swagger 2 (swagger and paths), CloudFormation/SAM (Resources), ' +
  'get-resources output (items with path), Serverless Framework (service with provider or functions), ' +
  'Terraform (.tf, or terraform show -json)';

const MAX_KEYS = 8;

function quoted(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/** "a YAML map with keys a, b, c", "a JSON list of 3 items", "an empty document", … */
export function describeDocument(value: unknown, syntax: string | undefined): string {
  const as = syntax ? `${syntax} ` : '';
  if (value === null || value === undefined) return syntax ? 'an empty document' : 'nothing (null)';
  if (Array.isArray(value)) return `a ${as}list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return `an empty ${as}map`;
    const shown = keys.slice(0, MAX_KEYS).join(', ') + (keys.length > MAX_KEYS ? `, … (${keys.length} keys)` : '');
    return `a ${as}map with key${keys.length === 1 ? '' : 's'} ${shown}`;
  }
  if (typeof value === 'string') return `a ${as}string ${quoted(value)}`;
  return `a ${as}${typeof value} ${String(value)}`;
}

/** `not an API definition: found …; tried …`. */
export function notADefinition(found: string, file?: string): DefinitionError {
  return new DefinitionError(`not an API definition: found ${found}; tried ${FORMATS_TRIED}`, '', file);
}
