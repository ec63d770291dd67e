/** A definition (OpenAPI, CloudFormation, export) that cannot describe an API: what, where, and the line. */
export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';

  constructor(
    message: string,
    /** Where in the document, e.g. `paths./pets/{id}.get.x-amazon-apigateway-integration.type`. */
    readonly where: string,
    /** The file, when the definition was read from one. */
    readonly file?: string,
    /** 1-based position of `where` in the file, when known. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file ? `${file}${line ? `:${line}:${column}` : ''}: ` : ''}${where ? `${where}: ` : ''}${message}`);
  }
}

/** Dotted path segments as written in messages: `paths./pets/{id}.get`. */
export function wherePath(segments: readonly (string | number)[]): string {
  return segments.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
}
