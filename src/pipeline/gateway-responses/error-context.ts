/** `$context.error`: what gateway response templates (and access logs) know about the failure. */
import type { GatewayError } from './gateway-error.js';

/** `"…"` JSON-escaped, as `messageString` and `validationErrorString` are substituted (pipeline.md §2.4, §3.4). */
function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

export interface ErrorContext {
  message: string | null;
  /** The message as a JSON string literal, or `null` unquoted when there is none (AUTHORIZER_CONFIGURATION_ERROR). */
  messageString: string;
  responseType: string;
  /** Already JSON-escaped: it goes inside quotes in a JSON template (observed on AWS, §2.4). */
  validationErrorString: string | null;
}

export function errorContext(error: GatewayError): ErrorContext {
  return {
    message: error.message,
    messageString: error.message === null ? 'null' : `"${jsonEscaped(error.message)}"`,
    responseType: error.type,
    validationErrorString: error.validationErrorString === undefined ? null : jsonEscaped(error.validationErrorString),
  };
}

/** What the default template `{"message":$context.error.messageString}` renders: compact, no spaces. */
export function defaultTemplateBody(error: GatewayError): string {
  return `{"message":${errorContext(error).messageString}}`;
}
