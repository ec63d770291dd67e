/**
 * `apigw-vtl check`: property checks over every template of a file or an API definition. Bodies come
 * from the method's request model, from --schema / --example, or from the JSON paths the template reads.
 */
import fc from 'fast-check';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { mappingTemplatesOf } from '../../api/mapping-templates.js';
import type { ApiDefinition, ModelSchema } from '../../model/index.js';
import { compileTemplate, type CompiledTemplate } from '../../template.js';
import type { JsonSchema } from '../../testing/json-schema/validate.js';
import { rendersMockStatus, rendersValidJson, rendersWithoutError } from '../../testing/properties/checks.js';
import type { RenderInput } from '../../gateway/request.js';
import { renderInputs } from '../../testing/arbitraries/request.js';
import { bodyArbitrary, inferredShape, type BodySource } from '../../testing/properties/inputs.js';
import type { CheckOptions, CheckResult, TemplateCheck } from '../../testing/properties/template-check.js';
import { VtlError } from '../../vtl/errors.js';
import { DEFINITION_FLAGS, definitionOptions, definitionUsage } from '../definition-options.js';
import { definitionIn, readJson, readText } from '../files.js';
import { integerOption, paint, UsageError, type CliIo, type Command } from '../io.js';
import { printTemplateError } from '../template-errors.js';

interface Job {
  label: string;
  source: string;
  body?: BodySource;
  pathParameters: string[];
  /** A MOCK integration's request template: its output is read for a statusCode, not as JSON. */
  mock?: boolean;
}

function pathNames(resourcePath: string): string[] {
  return [...resourcePath.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]!);
}

function jobsOf(api: ApiDefinition, fallback: BodySource | undefined): Job[] {
  const definitions = (api.models ?? {}) as Record<string, JsonSchema>;
  return mappingTemplatesOf(api).map(({ method: m, side, mediaType, source, label }) => {
    const model: ModelSchema | undefined = side === 'request' ? (m.requestModels?.[mediaType] ?? m.requestModels?.['application/json']) : undefined;
    return {
      label,
      source,
      // Bodies of request templates come from the method's model (or --schema/--example); responses' from what they read.
      body: model ? { schema: model as JsonSchema, definitions } : side === 'request' ? fallback : undefined,
      pathParameters: pathNames(m.resourcePath),
      mock: side === 'request' && m.integration.type === 'MOCK',
    };
  });
}

/** JSON output for a few sample inputs means the JSON property applies. */
function looksLikeJson(template: CompiledTemplate, inputs: fc.Arbitrary<RenderInput>, seed: number): boolean {
  const samples = fc.sample(inputs, { numRuns: 5, seed });
  return samples.some((input) => {
    try {
      return /^\s*[[{]/.test(template.render(input).body);
    } catch {
      return false;
    }
  });
}

/** The job's inputs: the template is read once for the parameters (and, without a given body, the body). */
function inputsOf(template: CompiledTemplate, job: Job): fc.Arbitrary<RenderInput> {
  const shape = inferredShape(template);
  return renderInputs({ ...shape, path: job.pathParameters, body: job.body ? bodyArbitrary(job.body) : shape.body });
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'property-check templates (a template file, or every template of an API definition)',
  usage: `Usage: apigw-vtl check <template | openapi.yaml | template.yaml | serverless.yml> [options]

Renders each template for many generated requests and fails with the smallest counterexample found.
Every template must render without error; a template whose output looks like JSON must render valid
JSON (strings full of quotes, backslashes, apostrophes, control characters and emoji included); a MOCK
integration's request template must give API Gateway an integer statusCode.
Bodies come from the method's request model, from --schema or --example, or from the JSON paths the
template reads ($input.path('$.a.b'), $input.json(...), $root.x after #set($root = $input.path('$'))).

Options:
  --schema FILE.json   JSON Schema of the request body (for templates without a model)
  --example FILE.json  an example request body: bodies of the same shape are generated
  --property NAME      auto (default), valid-json or no-error
  --runs N             inputs per template (default 200)
  --seed N             seed, to replay a failure
  --path P             with --seed: replay exactly the failing input of a report (its shrink path)
${definitionUsage(23)}
  -h, --help           this text

Exits 1 when a property fails, 2 on a usage error.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        schema: { type: 'string' },
        example: { type: 'string' },
        property: { type: 'string' },
        runs: { type: 'string' },
        seed: { type: 'string' },
        path: { type: 'string' },
        ...DEFINITION_FLAGS,
      },
    });
    if (positionals.length !== 1) throw new UsageError('check takes exactly one file (a template or an API definition)');
    if (values.schema && values.example) throw new UsageError('give --schema or --example, not both');
    const property = values.property ?? 'auto';
    if (!['auto', 'valid-json', 'no-error'].includes(property)) throw new UsageError(`--property must be auto, valid-json or no-error, got '${property}'`);
    const numRuns = integerOption(values.runs, '--runs', 1, 1_000_000) ?? 200;
    const seed = integerOption(values.seed, '--seed', -2147483648, 2147483647) ?? (Date.now() % 2147483647);
    const file = positionals[0]!;
    if (values.path !== undefined && values.seed === undefined) throw new UsageError('--path replays a failure of a given --seed: give both, as the report prints them');
    if (values.path !== undefined && !/^\d+(:\d+)*$/.test(values.path)) throw new UsageError(`--path is a replay path such as 12:0:3, got '${values.path}'`);

    let fallback: BodySource | undefined;
    if (values.schema) fallback = { schema: (await readJson(values.schema, io, '--schema')) as JsonSchema };
    if (values.example) fallback = { example: await readJson(values.example, io, '--example') };

    const api = definitionIn(file, definitionOptions(values, io));
    const jobs: Job[] = api
      ? jobsOf(api, fallback)
      : [{ label: file === '-' ? '<stdin>' : basename(file), source: await readText(file, io, 'the template'), body: fallback, pathParameters: [] }];
    if (jobs.length === 0) {
      io.out(`${file}: no mapping templates to check`);
      return 0;
    }
    return runJobs(jobs, { property, numRuns, seed, path: values.path, file }, io);
  },
};

function chooseCheck(template: CompiledTemplate, job: Job, property: string, seed: number, options: CheckOptions & { input: fc.Arbitrary<RenderInput> }): TemplateCheck {
  if (property === 'no-error') return rendersWithoutError(template, options);
  if (property === 'auto' && job.mock) return rendersMockStatus(template, options);
  if (property === 'valid-json' || looksLikeJson(template, options.input, seed)) return rendersValidJson(template, options);
  return rendersWithoutError(template, options);
}

function runJobs(jobs: Job[], o: { property: string; numRuns: number; seed: number; path: string | undefined; file: string }, io: CliIo): number {
  let failed = 0;
  jobs.forEach((job, i) => {
    io.progress?.(`[${i + 1}/${jobs.length}] ${job.label}`);
    let template: CompiledTemplate;
    try {
      template = compileTemplate(job.source);
    } catch (e) {
      if (!(e instanceof VtlError)) throw e;
      failed++;
      io.out(`${paint(io, 'red', '✗')} ${job.label}: the template does not compile`);
      printTemplateError({ ...io, err: io.out }, job.label, job.source, e);
      return;
    }
    const options = { input: inputsOf(template, job), numRuns: o.numRuns, seed: o.seed };
    const check = chooseCheck(template, job, o.property, o.seed, options);
    const result: CheckResult = check.check(o.path === undefined ? {} : { path: o.path });
    if (result.ok) {
      io.out(`${paint(io, 'green', '✓')} ${job.label}: ${check.name} (${result.numRuns} runs)`);
    } else {
      failed++;
      io.out(`${paint(io, 'red', '✗')} ${job.label}: ${check.name}`);
      io.out(result.failure!.report.replace(/^/gm, '    '));
      if (result.failure!.path !== undefined) io.out(`    replay: apigw-vtl check ${o.file} --seed ${o.seed} --path ${result.failure!.path}`);
    }
  });
  io.progress?.('');
  const summary = `${jobs.length} template${jobs.length === 1 ? '' : 's'}: ${jobs.length - failed} passed, ${failed} failed (seed ${o.seed})`;
  io.out(failed > 0 ? paint(io, 'red', summary) : paint(io, 'green', summary));
  return failed > 0 ? 1 : 0;
}
