#!/usr/bin/env node
/** The `apigw-vtl` command. */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DefinitionError } from '../definitions/definition-error.js';
import { BackendModuleError } from './backend-module.js';
import { serve, type RunningServer } from './serve.js';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `Usage: apigw-vtl <command> [options]

Commands:
  serve <openapi.(json|yaml) | sam-template.yaml>   serve an API on localhost
      --port N            port (default 3000; 0 picks a free one)
      --host H            address to listen on (default 127.0.0.1)
      --stage NAME        stage in the URL, whose variables apply (default: the definition's first stage, else test)
      --stage-var k=v     set a stage variable (repeatable)
      --backend FILE.mjs  module answering HTTP/AWS/Lambda integrations (MOCK needs none; without it they answer 502)
      --api LOGICAL_ID    which API of a CloudFormation template with several
      --param k=v         CloudFormation template parameter (repeatable)
  help                    show this text`;

class UsageError extends Error {}

function pairs(values: string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} expects name=value, got '${v}'`);
    Object.defineProperty(out, v.slice(0, eq), { value: v.slice(eq + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

async function serveCommand(args: string[], io: CliIo): Promise<RunningServer> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      stage: { type: 'string' },
      'stage-var': { type: 'string', multiple: true },
      backend: { type: 'string' },
      api: { type: 'string' },
      param: { type: 'string', multiple: true },
    },
  });
  if (positionals.length !== 1) throw new UsageError('serve takes exactly one definition file');
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port must be 0-65535, got '${values.port}'`);
  return serve({
    file: positionals[0]!,
    port,
    host: values.host,
    stage: values.stage,
    stageVariables: pairs(values['stage-var'], '--stage-var'),
    backendModule: values.backend,
    api: values.api,
    parameters: pairs(values.param, '--param'),
    log: io.out,
  });
}

/**
 * Runs the command line. Resolves to an exit code, or — for `serve` — to the running server.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number | RunningServer> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serveCommand(args, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`apigw-vtl: ${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof DefinitionError || e instanceof BackendModuleError) {
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

if (isMain()) {
  const io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };
  const result = await runCli(process.argv.slice(2), io);
  if (typeof result === 'number') process.exitCode = result;
  else {
    const stop = () => void result.close().finally(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
}
