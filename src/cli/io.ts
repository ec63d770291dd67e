import { setOwn } from '../own-property.js';

/** Where a command writes: lines, raw text, progress, and whether colour is wanted. */
export interface CliIo {
  /** A line to standard output. */
  out(line: string): void;
  /** A line to standard error. */
  err(line: string): void;
  /** Text to standard output exactly as given (no line break added). */
  write?(text: string): void;
  /** Transient progress (a TTY status line); absent when output is not a terminal. */
  progress?(text: string): void;
  /** Colour escapes are used only when true (a TTY without NO_COLOR). */
  color?: boolean;
  /** Standard input, for `-` as a file name. */
  readStdin?(): Promise<string>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `name=value` pairs from repeated flags. */
export function pairs(values: string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} expects name=value, got '${v}'`);
    setOwn(out, v.slice(0, eq), v.slice(eq + 1));
  }
  return out;
}

export function integerOption(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be an integer ${min}-${max}, got '${value}'`);
  return n;
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;

export function paint(io: CliIo, colour: keyof typeof CODES, text: string): string {
  return io.color ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}

/** A command of the `apigw-vtl` tool. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to an exit code, or to a value that keeps running (a server). */
  run(args: string[], io: CliIo): Promise<number | { close(): Promise<void> }>;
}
