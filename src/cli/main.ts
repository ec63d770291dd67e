#!/usr/bin/env node
/** The `apigw-vtl` command: render, check, lint, invoke and serve API Gateway mapping templates and APIs. */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DefinitionError } from '../definitions/definition-error.js';
import { InvalidInputError } from '../gateway/validate-input.js';
import { BackendModuleError } from './backend-module.js';
import { UsageError, type CliIo, type Command } from './io.js';
import { PlaygroundFolderError } from './playground-server.js';
import { describeArgsError, usageHint } from './usage-errors.js';
import { packageVersion } from './version.js';

export type { CliIo } from './io.js';

/** Commands load on demand: `--help` and `render` need not load the property-testing kit. */
const COMMANDS: { name: string; summary: string; load(): Promise<Command> }[] = [
  { name: 'render', summary: 'render a template for one request', load: async () => (await import('./commands/render.js')).renderCommand },
  { name: 'check', summary: 'property-check templates (a template file, or every template of an API definition)', load: async () => (await import('./commands/check.js')).checkCommand },
  { name: 'lint', summary: 'report what API Gateway will not run as written', load: async () => (await import('./commands/lint.js')).lintCommand },
  { name: 'bench', summary: "measure a template's cost: renders/s, latency, allocation, growth, A/B", load: async () => (await import('./commands/bench.js')).benchCommand },
  { name: 'invoke', summary: 'run one request through an API offline: response and execution log', load: async () => (await import('./commands/invoke.js')).invokeCommand },
  { name: 'serve', summary: 'serve an API (OpenAPI, SAM or CloudFormation) on localhost', load: async () => (await import('./commands/serve.js')).serveCommand },
  { name: 'playground', summary: 'serve the browser playground on localhost', load: async () => (await import('./commands/playground.js')).playgroundCommand },
];


const USAGE = `Usage: apigw-vtl <command> [options]

Amazon API Gateway mapping templates, offline.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(12)}${c.summary}`).join('\n')}

Run apigw-vtl <command> --help for a command's options.`;

/** Runs the command line: resolves to an exit code, or — for `serve` — to the running server. */
export async function runCli(argv: string[], io: CliIo): Promise<number | { close(): Promise<void> }> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = COMMANDS.find((c) => c.name === args[0]);
    io.out(topic ? (await topic.load()).usage : USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(packageVersion());
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  let command: Command | undefined;
  try {
    if (!entry) throw new UsageError(`unknown command '${name}'`);
    command = await entry.load();
    if (args.includes('--help') || args.includes('-h')) {
      io.out(command.usage);
      return 0;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const usage = command?.usage ?? USAGE;
      io.err(`apigw-vtl: ${describeArgsError(e as Error, usage)}\n${usageHint(usage, command?.name)}`);
      return 2;
    }
    if (e instanceof DefinitionError || e instanceof BackendModuleError || e instanceof InvalidInputError || e instanceof PlaygroundFolderError) {
      io.err(`apigw-vtl: ${e.message}`);
      return 1;
    }
    io.err(`apigw-vtl: ${(e as Error)?.stack ?? String(e)}`);
    return 1;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

if (isMain()) {
  // `apigw-vtl check … | head` closes the pipe early: stop quietly, as other command-line tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const tty = process.stdout.isTTY === true;
  // A progress line stays on the terminal until the next output replaces it.
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) process.stderr.write('\r\u001b[2K');
    progressShown = false;
  };
  const io: CliIo = {
    out: (l) => (clearProgress(), process.stdout.write(l + '\n')),
    err: (l) => (clearProgress(), process.stderr.write(l + '\n')),
    write: (t) => process.stdout.write(tty && !t.endsWith('\n') ? t + '\n' : t),
    progress: process.stderr.isTTY
      ? (t) => {
          clearProgress();
          if (t !== '') process.stderr.write(t);
          progressShown = t !== '';
        }
      : undefined,
    color: tty && !process.env['NO_COLOR'],
    readStdin,
  };
  const result = await runCli(process.argv.slice(2), io);
  if (typeof result === 'number') process.exitCode = result;
  else {
    const stop = () => void result.close().finally(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
}
