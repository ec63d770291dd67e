/**
 * A Lambda (non-proxy) integration sends the rendered request body as the invocation payload, and API
 * Gateway first parses it with Jackson: anything that is not strict JSON is a 400
 * `Could not parse request body into json: <Jackson's message>` (aws-behaviour §5.7). The check itself
 * is java/jackson-json.ts.
 */
import { checkStrictJson, JacksonParseError } from '../java/jackson-json.js';

export class LambdaPayloadError extends Error {
  constructor(
    /** Jackson's message, including the `at [Source: …; line: L, column: C]` location. */
    readonly jacksonMessage: string,
  ) {
    super(jacksonMessage);
    this.name = 'LambdaPayloadError';
  }

  /** The body API Gateway answers with. */
  get awsBody(): string {
    return JSON.stringify({ message: `Could not parse request body into json: ${this.jacksonMessage}` }).replace('{"message":', '{"message": ');
  }
}

/**
 * Parses the payload as API Gateway does before invoking Lambda. An empty body invokes with `{}`.
 * @throws LambdaPayloadError
 */
export function parseLambdaPayload(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    checkStrictJson(text);
  } catch (e) {
    throw e instanceof JacksonParseError ? new LambdaPayloadError(e.jacksonMessage) : e;
  }
  // Validated above with Jackson's rules; JSON.parse builds ordinary objects (`__proto__` stays an own key).
  return JSON.parse(text);
}
