/** `apigw-vtl serve`: an API definition served on localhost through the HTTP adapter. */
import { parseArgs } from 'node:util';
import { integerOption, pairs, UsageError, type Command } from '../io.js';
import { serve } from '../serve.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve an API (OpenAPI, SAM, CloudFormation or serverless.yml) on localhost',
  usage: `Usage: apigw-vtl serve <openapi.(json|yaml) | sam-template.yaml | serverless.yml> [options]

Serves the API at http://HOST:PORT/STAGE/…, as its invoke URL would, through the whole request
pipeline: authorizers, API keys and usage plans (throttles and quotas on the real clock), request
validation, the stage cache, gateway responses. MOCK integrations answer by themselves; Lambda
integrations and Lambda authorizers call the --backend module's handlers by function name, HTTP and AWS
integrations its http function; without one they answer as API Gateway does when a backend fails. The
API keys it accepts (generated ones included) are printed at start-up. One log line per request:
method, path, status, templates, selected response, time.

Options:
  --port N            port (default 3000; 0 picks a free one)
  --host H            address to listen on (default 127.0.0.1)
  --stage NAME        stage in the URL, whose variables apply (default: the definition's first stage, else test);
                      a serverless.yml's \${opt:stage}
  --opt k=v           a serverless.yml \${opt:k} value, e.g. --opt region=eu-west-1 (repeatable)
  --stage-var k=v     set a stage variable (repeatable)
  --backend FILE.mjs  module exporting \`lambda\` (handlers by function name, or one handler) and/or \`http\`
                      (a function answering HTTP/AWS integrations), or a default export of either
  --api LOGICAL_ID    which API of a CloudFormation template with several
  --param k=v         CloudFormation template parameter, or a serverless.yml \${param:k} (repeatable)
  -h, --help          this text`,
  async run(args, io) {
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
        opt: { type: 'string', multiple: true },
      },
    });
    if (positionals.length !== 1) throw new UsageError('serve takes exactly one definition file');
    return serve({
      file: positionals[0]!,
      port: integerOption(values.port, '--port', 0, 65535),
      host: values.host,
      stage: values.stage,
      stageVariables: pairs(values['stage-var'], '--stage-var'),
      backendModule: values.backend,
      api: values.api,
      parameters: pairs(values.param, '--param'),
      serverlessOptions: pairs(values.opt, '--opt'),
      log: io.out,
      warn: (message) => io.err(`apigw-vtl: warning: ${message}`),
    });
  },
};
