/**
 * Reads an API definition from text or a file, recognising the format: OpenAPI 3 / Swagger 2 (the
 * API Gateway export format), a CloudFormation / SAM template, or `get-resources --embed methods` output.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ApiDefinition } from '../integration/model.js';
import { fromCloudFormation, isCloudFormation, type CloudFormationOptions } from './cloudformation.js';
import { DefinitionError } from './definition-error.js';
import { parseDefinitionText, type ParsedDocument } from './document.js';
import { fromOpenApi, isOpenApi } from './openapi.js';
import { fromRestApiResources, isRestApiResources } from './rest-api-resources.js';

export type DefinitionOptions = Omit<CloudFormationOptions, 'readDefinition'>;

function readFile(file: string): ParsedDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DefinitionError(`cannot read the file: ${(e as Error).message}`, '', file);
  }
  return parseDefinitionText(text, file);
}

/** The API a parsed document describes. */
export function definitionFromDocument(doc: ParsedDocument, options: DefinitionOptions = {}): ApiDefinition {
  const value = doc.value;
  if (isOpenApi(value)) return fromOpenApi(value, { doc });
  if (isCloudFormation(value)) {
    const baseDir = doc.file ? dirname(resolve(doc.file)) : undefined;
    return fromCloudFormation(value, { doc }, { ...options, readDefinition: baseDir ? (uri) => readFile(resolve(baseDir, uri)) : undefined });
  }
  if (isRestApiResources(value)) return fromRestApiResources(value, { doc });
  throw new DefinitionError(
    'not an API definition: expected an OpenAPI 3 / Swagger 2 document, a CloudFormation or SAM template, or get-resources output',
    '',
    doc.file,
  );
}

/**
 * Reads an API definition from JSON or YAML text, or from an already parsed object.
 * @throws DefinitionError (with the path and, for text, the line of the problem)
 */
export function parseApiDefinition(source: string | object, options: DefinitionOptions = {}): ApiDefinition {
  const doc: ParsedDocument = typeof source === 'string' ? parseDefinitionText(source) : { value: source, locate: () => undefined };
  return definitionFromDocument(doc, options);
}

/**
 * Reads an API definition file (`.json`, `.yaml`, `.yml`); a SAM `DefinitionUri` is read relative to it.
 * @throws DefinitionError
 */
export function loadApiDefinition(file: string, options: DefinitionOptions = {}): ApiDefinition {
  return definitionFromDocument(readFile(file), options);
}
