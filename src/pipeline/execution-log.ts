/**
 * The execution log of one request, in the shape API Gateway writes it (CloudWatch execution logs and the
 * console's Test button): `<Java Date.toString()> : <message>`, one line per step.
 */
import { formatJavaDate } from '../java/date.js';

export class ExecutionLog {
  readonly lines: string[] = [];

  constructor(private readonly clock: () => number) {}

  add(message: string): void {
    this.lines.push(`${formatJavaDate(this.clock())} : ${message}`);
  }
}

/** A Java `Map.toString()` of string values: `{a=1, b=2}`; multi-valued entries print as `[x, y]`. */
export function javaMapText(map: Readonly<Record<string, string | readonly string[]>>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(map)) parts.push(`${k}=${typeof v === 'string' ? v : `[${v.join(', ')}]`}`);
  return `{${parts.join(', ')}}`;
}
