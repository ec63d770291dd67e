/**
 * The flags that shape how a definition is read, shared by the commands that read one: which API of a
 * CloudFormation template, its parameters, and a `serverless.yml`'s `opt:` and `param:` variables.
 */
import type { DefinitionOptions } from '../definitions/load.js';
import { pairs, type CliIo } from './io.js';

export const DEFINITION_FLAGS = {
  stage: { type: 'string' },
  opt: { type: 'string', multiple: true },
  param: { type: 'string', multiple: true },
  api: { type: 'string' },
} as const;

const FLAG_HELP: [string, string][] = [
  ['--stage NAME', "the stage: a serverless.yml's ${opt:stage} / ${sls:stage}"],
  ['--opt k=v', 'a serverless.yml ${opt:k} value, e.g. --opt region=eu-west-1 (repeatable)'],
  ['--param k=v', 'a CloudFormation template parameter, or a serverless.yml ${param:k} (repeatable)'],
  ['--api LOGICAL_ID', 'which API of a CloudFormation template with several'],
];

/** The flags' lines of a usage text, descriptions starting at `column` as the command's other options do. */
export function definitionUsage(column: number): string {
  return FLAG_HELP.map(([flag, text]) => `  ${flag.padEnd(column - 2)}${text}`).join('\n');
}

export interface DefinitionFlagValues {
  stage?: string;
  opt?: string[];
  param?: string[];
  api?: string;
}

/** The definition options the flags give; warnings (e.g. skipped `httpApi` events) go to standard error. */
export function definitionOptions(values: DefinitionFlagValues, io: Pick<CliIo, 'err'>): DefinitionOptions {
  const parameters = pairs(values.param, '--param');
  const options = pairs(values.opt, '--opt');
  return {
    api: values.api,
    parameters,
    serverless: { stage: values.stage ?? options['stage'], region: options['region'], options, params: parameters },
    onWarning: (message) => io.err(`apigw-vtl: warning: ${message}`),
  };
}
