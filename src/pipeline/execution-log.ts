/**
 * The execution log of one request, in the shape API Gateway writes it (CloudWatch execution logs and the
 * console's Test button): `<Java Date.toString()> : <message>`, one line per step.
 */
import { formatJavaDate } from '../java/date.js';

/** API Gateway cuts execution-log messages longer than this and appends ` [TRUNCATED]` (a logged body included). */
export const LOG_MESSAGE_LIMIT = 1024;

/** `message` cut as API Gateway cuts a log event: 1024 characters, then ` [TRUNCATED]`. */
export function truncateLogMessage(message: string): string {
  return message.length > LOG_MESSAGE_LIMIT ? message.slice(0, LOG_MESSAGE_LIMIT) + ' [TRUNCATED]' : message;
}

export class ExecutionLog {
  readonly lines: string[] = [];

  constructor(private readonly clock: () => number) {}

  /** One line, cut at the log's message limit (which also bounds what a request's log holds). */
  add(message: string): void {
    this.lines.push(`${formatJavaDate(this.clock())} : ${truncateLogMessage(message)}`);
  }
}

/** A Java `Map.toString()` of string values: `{a=1, b=2}`; multi-valued entries print as `[x, y]`. */
export function javaMapText(map: Readonly<Record<string, string | readonly string[]>>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(map)) parts.push(`${k}=${typeof v === 'string' ? v : `[${v.join(', ')}]`}`);
  return `{${parts.join(', ')}}`;
}

/** Text of a body for the log: bytes are shown as `[Binary Data]`, as API Gateway's log does. */
export function logBody(body: string | Uint8Array | null | undefined): string {
  if (body === null || body === undefined) return '';
  return typeof body === 'string' ? body : '[Binary Data]';
}

/** A header or parameter map for the log (multi-valued entries joined as API Gateway prints them). */
export function parameterText(map: Readonly<Record<string, string | readonly string[]>> | undefined): string {
  return javaMapText(map ?? {});
}
