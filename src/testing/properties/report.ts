/** How a failed property reads: the shrunk input, the rendered output with the problem marked, and how to replay. */
import type { RenderInput } from '../../gateway/request.js';

export interface Problem {
  message: string;
  /** Where in the rendered output (for JSON errors). */
  line?: number;
  column?: number;
}

function indent(text: string, prefix = '  '): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

/** The parts of a request a reader needs: what was sent, without the long generated `$context`. */
export function describeInput(input: RenderInput): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (key === 'context') continue; // long and rarely the cause; shown only when it differs from defaults
    if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) continue;
    lines.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  const context = input.context as Record<string, unknown> | undefined;
  const claims = (context?.['authorizer'] as { claims?: unknown } | undefined)?.claims;
  if (claims) lines.push(`context.authorizer.claims: ${JSON.stringify(claims)}`);
  return lines.length > 0 ? lines.join('\n') : '(empty request)';
}

/** The output with line numbers, and a caret under the problem's column. */
export function excerpt(output: string, line?: number, column?: number): string {
  const lines = output.split(/\r\n|\r|\n/);
  const width = String(lines.length).length;
  const shown: string[] = [];
  const from = line ? Math.max(1, line - 2) : 1;
  const to = line ? Math.min(lines.length, line + 2) : Math.min(lines.length, 12);
  for (let n = from; n <= to; n++) {
    shown.push(`${String(n).padStart(width)} | ${lines[n - 1]}`);
    if (n === line && column) shown.push(`${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  if (to < lines.length) shown.push(`${' '.repeat(width)} | … (${lines.length - to} more line${lines.length - to === 1 ? '' : 's'})`);
  return shown.join('\n');
}

export function failureReport(
  property: string,
  input: RenderInput,
  output: string | undefined,
  problem: Problem,
  run: { numRuns: number; seed: number; path?: string },
  /** The template position that wrote the output where the problem is (for problems found in the output). */
  writtenBy?: { line: number; column: number },
): string {
  const wrote = writtenBy ? `; written by template line ${writtenBy.line}, column ${writtenBy.column}` : '';
  const where = problem.line ? ` (line ${problem.line}, column ${problem.column}${wrote})` : '';
  const parts = [
    `${property}: failed after ${run.numRuns} run${run.numRuns === 1 ? '' : 's'}; shrunk counterexample:`,
    indent(describeInput(input)),
    `problem${where}: ${problem.message}`,
  ];
  if (output !== undefined) parts.push('rendered:', indent(excerpt(output, problem.line, problem.column)));
  parts.push(`replay with { seed: ${run.seed}${run.path ? `, path: ${JSON.stringify(run.path)}` : ''} }`);
  return parts.join('\n');
}
