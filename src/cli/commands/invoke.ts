/**
 * `apigw-vtl invoke`: one request through an API offline, the twin of the console's Test button
 * (`test-invoke-method`): prints the status, headers, body and API Gateway's execution log.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadApi } from '../../api/load-api.js';
import type { ParameterValue } from '../../gateway/request.js';
import type { Backend, GatewayResponse } from '../../integration/types.js';
import { setOwn } from '../../own-property.js';
import { loadBackendModule } from '../backend-module.js';
import { DEFINITION_FLAGS, definitionOptions, definitionUsage } from '../definition-options.js';
import { pairs, UsageError, type CliIo, type Command } from '../io.js';

const USAGE = `Usage: apigw-vtl invoke <definition> METHOD PATH [options]

Runs one request through the API as API Gateway would — routing, authorizers, API keys and usage
plans, validation, the integration, gateway responses — and prints the status, headers, body and the
execution log (the lines the console's Test button shows). PATH is below the stage and may carry a
query string: /pets/1?verbose=true.

Options:
  --header k:v        a request header (repeatable)
  --query k=v         a query string parameter (repeatable)
  --body TEXT         the request body; @FILE reads a file, - reads standard input
  --stage-var k=v     set a stage variable (repeatable)
  --backend FILE.mjs  module exporting \`lambda\` (handlers by function name, authorizers included) and/or
                      \`http\`, or a default export of either
  --json              print { status, headers, body, isBase64Encoded, log, trace } as JSON
  --no-log            leave out the execution log
${definitionUsage(22)}
  -h, --help          this text

Exits 0 whatever status the API answers; 1 when the definition cannot be read.`;

function headerPairs(values: string[] | undefined): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  for (const v of values ?? []) {
    const colon = v.indexOf(':');
    if (colon <= 0) throw new UsageError(`--header expects name:value, got '${v}'`);
    const name = v.slice(0, colon).trim();
    const value = v.slice(colon + 1).trim();
    const existing = Object.hasOwn(out, name) ? out[name] : undefined;
    setOwn(out, name, existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value]);
  }
  return out;
}

function queryOf(path: string, flags: string[] | undefined): { path: string; query: Record<string, ParameterValue> } {
  const q = path.indexOf('?');
  const query: Record<string, ParameterValue> = {};
  const add = (name: string, value: string) => {
    const existing = Object.hasOwn(query, name) ? query[name] : undefined;
    setOwn(query, name, existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value]);
  };
  if (q >= 0) for (const [name, value] of new URLSearchParams(path.slice(q + 1))) add(name, value);
  for (const [name, value] of Object.entries(pairs(flags, '--query'))) add(name, value);
  return { path: q >= 0 ? path.slice(0, q) : path, query };
}

async function bodyOf(value: string | undefined, io: CliIo): Promise<string | undefined> {
  if (value === undefined) return undefined;
  if (value === '-') {
    if (!io.readStdin) throw new UsageError('--body - needs standard input');
    return io.readStdin();
  }
  if (value.startsWith('@')) {
    try {
      return readFileSync(value.slice(1), 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${value.slice(1)}: ${(e as Error).message}`);
    }
  }
  return value;
}

function printResponse(io: CliIo, response: GatewayResponse, requestId: string, showLog: boolean): void {
  io.out(`HTTP ${response.statusCode}`);
  for (const [name, value] of Object.entries(response.headers)) io.out(`${name}: ${Array.isArray(value) ? value.join(', ') : value}`);
  io.out('');
  io.out(response.body);
  if (showLog && response.trace.log) {
    io.out('');
    io.out(`Execution log for request ${requestId}`);
    for (const line of response.trace.log) io.out(line);
  }
  for (const warning of response.trace.warnings) io.err(`apigw-vtl: warning: ${warning}`);
}

export const invokeCommand: Command = {
  name: 'invoke',
  summary: 'run one request through an API offline and print the response and execution log',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...DEFINITION_FLAGS,
        header: { type: 'string', multiple: true },
        query: { type: 'string', multiple: true },
        body: { type: 'string' },
        'stage-var': { type: 'string', multiple: true },
        backend: { type: 'string' },
        json: { type: 'boolean' },
        'no-log': { type: 'boolean' },
      },
    });
    if (positionals.length !== 3) throw new UsageError('invoke takes a definition file, a method and a path');
    const [file, httpMethod, rawPath] = positionals as [string, string, string];
    if (!rawPath.startsWith('/')) throw new UsageError(`the path must start with /, got '${rawPath}'`);
    const backend: Backend | undefined = values.backend ? await loadBackendModule(values.backend) : undefined;
    const api = loadApi(file, { ...definitionOptions(values, io), backend });
    const { path, query } = queryOf(rawPath, values.query);
    const requestId = randomUUID();
    const response = await api.invoke(
      {
        httpMethod,
        path,
        query,
        headers: headerPairs(values.header),
        body: (await bodyOf(values.body, io)) ?? null,
        stage: values.stage ?? api.defaultStage,
        stageVariables: pairs(values['stage-var'], '--stage-var'),
      },
      { now: () => Date.now(), requestId: () => requestId },
    );
    if (values.json) {
      const { cause: _cause, ...error } = response.trace.error ?? {};
      const trace = { ...response.trace, error: response.trace.error ? error : undefined };
      io.out(JSON.stringify({ status: response.statusCode, headers: response.headers, body: response.body, isBase64Encoded: response.isBase64Encoded, log: response.trace.log ?? [], trace }, null, 2));
    } else {
      printResponse(io, response, requestId, !values['no-log']);
    }
    return 0;
  },
};
