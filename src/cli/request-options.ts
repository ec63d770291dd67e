/**
 * The request options of `render`, which `playground` takes too (for the request it preloads): one
 * parser, so both commands read `--input`, `--event`, `--body`, `--context` and `--stage-var` alike.
 */
import { renderInputFromProxyEvent } from '../gateway/proxy-event.js';
import type { GatewayContext, RenderInput } from '../gateway/request.js';
import { validateInput } from '../gateway/validate-input.js';
import { readJson, readText } from './files.js';
import { pairs, UsageError, type CliIo } from './io.js';

/** The `parseArgs` options of a request; spread them into a command's own. */
export const REQUEST_OPTIONS = {
  input: { type: 'string' },
  event: { type: 'string' },
  body: { type: 'string' },
  context: { type: 'string' },
  'stage-var': { type: 'string', multiple: true },
} as const;

/** The usage lines of {@link REQUEST_OPTIONS}, aligned as the commands' usage texts are. */
export const REQUEST_OPTIONS_USAGE = `  --input FILE.json    the request: { body, headers, query, path, stageVariables, context }
  --event FILE.json    the request as a Lambda proxy event (REST API, as sam local generate-event makes)
  --body TEXT|@FILE    the body (overrides the one in --input/--event)
  --context JSON|@FILE $context fields, e.g. '{"stage":"prod","authorizer":{"claims":{"sub":"u1"}}}'
  --stage-var k=v      a stage variable (repeatable)`;

/** What `parseArgs` gives for {@link REQUEST_OPTIONS}. */
export interface RequestOptionValues {
  input?: string;
  event?: string;
  body?: string;
  context?: string;
  'stage-var'?: string[];
}

/** Whether any request option was given. */
export function hasRequestOptions(values: RequestOptionValues): boolean {
  return (Object.keys(REQUEST_OPTIONS) as (keyof RequestOptionValues)[]).some((key) => values[key] !== undefined);
}

/**
 * Checks what can be checked before reading any file, so a conflict is reported first.
 * @throws UsageError for `--input` together with `--event`
 */
export function checkRequestOptions(values: RequestOptionValues): void {
  if (values.input && values.event) throw new UsageError('give --input or --event, not both');
}

/**
 * The request the options describe: `--input` or `--event` as the base, then `--body`, `--context` and
 * `--stage-var` on top of it.
 * @throws UsageError for an unreadable file, invalid JSON, or a request that is no valid render input
 */
export async function readRequestInput(values: RequestOptionValues, io: CliIo): Promise<RenderInput> {
  checkRequestOptions(values);
  let input: RenderInput = {};
  if (values.input) input = (await readJson(values.input, io, '--input')) as RenderInput;
  if (values.event) input = renderInputFromProxyEvent(await readJson(values.event, io, '--event'));
  if (values.body !== undefined) input = { ...input, body: values.body.startsWith('@') ? await readText(values.body.slice(1), io, '--body') : values.body };
  if (values.context) input = { ...input, context: { ...input.context, ...((await readJson(values.context, io, '--context', true)) as GatewayContext) } };
  const stageVariables = pairs(values['stage-var'], '--stage-var');
  if (Object.keys(stageVariables).length > 0) input = { ...input, stageVariables: { ...input.stageVariables, ...stageVariables } };
  try {
    validateInput(input);
  } catch (e) {
    throw new UsageError(`the request is not valid: ${(e as Error).message}`);
  }
  return input;
}
