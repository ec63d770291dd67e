/**
 * Errors with a template location. Every failure a caller can see is one of these:
 *
 * - {@link VtlSyntaxError}: the template does not parse (API Gateway: 500 on every request);
 * - {@link VtlRuntimeError}: rendering failed (API Gateway: 500 `{"message": "Internal server error"}`);
 *   - {@link VtlLimitError}: a safety limit stopped a runaway template;
 *   - {@link VtlBodyError}: the body is malformed JSON (API Gateway: 400).
 */
import type { Position } from './ast.js';

export abstract class VtlError extends Error {
  /** 1-based line of the construct that failed. */
  readonly line: number;
  /** 1-based column of the construct that failed. */
  readonly column: number;
  /** The message without the location suffix. */
  readonly reason: string;

  constructor(reason: string, position: Position, options?: { cause?: unknown }) {
    super(`${reason} (line ${position.line}, column ${position.column})`, options);
    this.reason = reason;
    this.line = position.line;
    this.column = position.column;
  }
}

/** The template cannot be parsed. */
export class VtlSyntaxError extends VtlError {
  override readonly name = 'VtlSyntaxError';
}

/** Rendering failed where API Gateway would answer 500. */
export class VtlRuntimeError extends VtlError {
  override readonly name: string = 'VtlRuntimeError';
}

/** What a {@link VtlLimitError} was stopped by. */
export type LimitKind = 'template-size' | 'work' | 'memory' | 'output' | 'string' | 'range' | 'depth' | 'nesting';

/** A safety limit stopped the template (a runaway loop, a huge range, oversized output, …). */
export class VtlLimitError extends VtlRuntimeError {
  override readonly name = 'VtlLimitError';

  constructor(
    reason: string,
    position: Position,
    readonly limit: LimitKind,
  ) {
    super(reason, position);
  }
}

/**
 * The body could not be parsed as JSON although the template reads it as JSON (`$input.path`,
 * `$input.json`). API Gateway answers 400 with {@link VtlBodyError.awsMessage}.
 */
export class VtlBodyError extends VtlRuntimeError {
  override readonly name = 'VtlBodyError';
  readonly statusCode = 400;

  constructor(
    /** json-smart's message, as API Gateway shows it after `Could not process payload`. */
    readonly parserMessage: string,
    position: Position,
  ) {
    super(`the body is not valid JSON: ${parserMessage}`, position);
  }

  /** The response body API Gateway sends for this error. */
  get awsMessage(): string {
    return `{"message": "Could not process payloadnet.minidev.json.parser.ParseException: ${this.parserMessage}"}`;
  }
}

/**
 * Thrown (without a location) by `$input` when the body cannot be parsed as JSON; the renderer turns it
 * into a {@link VtlBodyError} at the reference that asked.
 */
export class BodyNotJson extends Error {
  constructor(readonly parserMessage: string) {
    super(parserMessage);
    this.name = 'BodyNotJson';
  }
}

/**
 * A caller passed something the library cannot use (a render input, an option, a limit, a request of the
 * wrong shape). The message names the field.
 */
export class InvalidInputError extends TypeError {
  override readonly name = 'InvalidInputError';
}
