/**
 * `apigw-vtl check`: property checks over every template of a file or an API definition. Bodies come
 * from the method's request model, from --schema / --example, or from the JSON paths the template reads.
 * Each failure says which kind of body shows it — a valid request, or only a body outside the model —
 * and is reported as text, or as a JSON, JUnit or SARIF document.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { mappingTemplatesOf } from '../../api/mapping-templates.js';
import { DefinitionError } from '../../definitions/definition-error.js';
import type { TemplateOrigin } from '../../definitions/template-origin.js';
import type { RenderInput } from '../../gateway/request.js';
import type { ApiDefinition, ModelSchema } from '../../model/index.js';
import { isReportFormat, REPORT_FORMATS, toJsonReport, toJunit, toSarif, type ReportedCase, type ReportedFinding, type ReportFormat, type SarifRule } from '../../reports/index.js';
import { compileTemplate, type CompiledTemplate } from '../../template.js';
import { renderInputs, type RequestShape } from '../../testing/arbitraries/request.js';
import type { JsonSchema } from '../../testing/json-schema/validate.js';
import { bodyModelOf, type BodyModel } from '../../testing/properties/body-model.js';
import { checkByBugClass, type BugClass } from '../../testing/properties/bug-class.js';
import { rendersMockStatus, rendersValidJson, rendersWithoutError } from '../../testing/properties/checks.js';
import { inferredShape, type BodySource } from '../../testing/properties/inputs.js';
import { describeInput } from '../../testing/properties/report.js';
import type { TemplateCheck } from '../../testing/properties/template-check.js';
import type { Position } from '../../vtl/ast.js';
import { VtlError } from '../../vtl/errors.js';
import { DEFINITION_FLAGS, definitionOptions, definitionUsage } from '../definition-options.js';
import { definitionIn, readJson, readText } from '../files.js';
import { integerOption, paint, UsageError, type CliIo, type Command } from '../io.js';
import { printTemplateError } from '../template-errors.js';
import { packageVersion } from '../version.js';
import { coverage } from '../../coverage/collector.js';
import { mergeCoverage, totals, type CoverageData } from '../../coverage/data.js';
import { CoverageWriteError, ensureFolder, writeCoverageReports } from '../../coverage/write-reports.js';
import { templateReads } from '../../testing/analysis/body-shape.js';
import { guidedModel } from '../../testing/properties/guided-bodies.js';

/** Where a job's bodies come from, as its report names the model. */
type BodyOrigin = 'method model' | '--schema' | '--example' | 'template';

interface Job {
  label: string;
  source: string;
  body?: BodySource;
  bodyOrigin: BodyOrigin;
  pathParameters: string[];
  /** A MOCK integration's request template: its output is read for a statusCode, not as JSON. */
  mock?: boolean;
  /** The file the user edits: the template file, or the definition that holds the template. */
  file: string;
  /** Maps template positions into `file`, when the loader could tell where the template is. */
  origin?: TemplateOrigin;
  /** Inline in a definition: without an origin, template positions are not positions in `file`. */
  inline: boolean;
  /** A request template's media type (its body's Content-Type). */
  mediaType?: string;
}

function pathNames(resourcePath: string): string[] {
  return [...resourcePath.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]!);
}

function jobsOf(api: ApiDefinition, file: string, fallback: { body: BodySource; origin: BodyOrigin } | undefined): Job[] {
  const definitions = (api.models ?? {}) as Record<string, JsonSchema>;
  return mappingTemplatesOf(api).map(({ method: m, side, mediaType, source, label, origin }) => {
    const model: ModelSchema | undefined = side === 'request' ? (m.requestModels?.[mediaType] ?? m.requestModels?.['application/json']) : undefined;
    // Bodies of request templates come from the method's model (or --schema/--example); responses' from what they read.
    const given = model ? { body: { schema: model as JsonSchema, definitions } as BodySource, origin: 'method model' as const } : side === 'request' ? fallback : undefined;
    return {
      label,
      source,
      body: given?.body,
      bodyOrigin: given?.origin ?? 'template',
      pathParameters: pathNames(m.resourcePath),
      mock: side === 'request' && m.integration.type === 'MOCK',
      file: origin?.file ?? file,
      origin,
      inline: true,
      mediaType: side === 'request' ? mediaType : undefined,
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

/** The rules a report can name: one per property, and one for templates that do not compile. */
const HELP = 'https://github.com/apigw-vtl/apigw-vtl/blob/main/docs/usage.md#check-bug-classes-report-formats';
const RULES: readonly (SarifRule & { check: string })[] = [
  { id: 'template-compiles', name: 'TemplateCompiles', check: 'compiles', shortDescription: 'The template parses and compiles (API Gateway answers 500 to every request otherwise).', helpUri: HELP, defaultLevel: 'error' },
  { id: 'renders-without-error', name: 'RendersWithoutError', check: 'renders without error', shortDescription: 'The template renders for every generated request, without a VTL error.', helpUri: HELP, defaultLevel: 'error' },
  { id: 'renders-valid-json', name: 'RendersValidJson', check: 'renders valid JSON', shortDescription: 'A template whose output looks like JSON renders valid JSON for every generated request.', helpUri: HELP, defaultLevel: 'error' },
  { id: 'renders-mock-status-code', name: 'RendersMockStatusCode', check: 'renders a MOCK statusCode', shortDescription: "A MOCK integration's request template renders a body with an integer statusCode.", helpUri: HELP, defaultLevel: 'error' },
];

function ruleOf(check: string): string {
  const rule = RULES.find((r) => r.check === check);
  if (!rule) throw new TypeError(`no report rule describes the check '${check}'`);
  return rule.id;
}

/** What one template's check found: everything every format needs. */
interface TemplateReport {
  label: string;
  /** Where the failure is (or the template starts), in the file the user edits. */
  file: string;
  line: number;
  column: number;
  check: string;
  ok: boolean;
  runs: number;
  /** Runs with valid requests, and with bodies outside the model. */
  runsBy: { inside: number; outside: number };
  /** What bodies counted as valid requests, in words: `the method's model`, `the --schema`… */
  model: string;
  bugClass?: BugClass;
  counterexample?: RenderInput;
  problem?: { message: string; output?: Position; template?: Position; rendered?: string };
  replay?: string;
  /** The failure's report, as the text format prints it (also JUnit's failure text). */
  details?: string;
  /** The template error and its source, for the text format's compiler-style excerpt. */
  compileError?: { error: VtlError; source: string };
  /** What the generated requests ran of the template (lines and branches). */
  coverage?: CoverageData;
  durationMs: number;
}

interface RunOptions {
  property: string;
  numRuns: number;
  seed: number;
  path: string | undefined;
  outsideModel: boolean;
  /** The command line that replays a failure, less `--seed`/`--path`. */
  replayArgs: string[];
  definition: boolean;
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The options that shape the generated inputs (so a replay regenerates the same ones), and the file. */
function replayArgsOf(args: readonly string[]): string[] {
  const dropWithValue = new Set(['--seed', '--path', '--runs', '--format', '--output', '--template', '--coverage']);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const flag = arg.split('=')[0]!;
    if (dropWithValue.has(flag)) {
      if (!arg.includes('=')) i++;
      continue;
    }
    if (flag === '--outside-model') continue;
    out.push(arg);
  }
  return out;
}

function modelName(job: Job, model: BodyModel): string {
  if (job.bodyOrigin === 'method model') return "the method's model";
  if (job.bodyOrigin === '--schema') return 'the --schema';
  if (job.bodyOrigin === '--example') return "the --example's shape";
  if (model.kind === 'form') return 'the form shape (a=1&b=x)';
  return model.kind === 'template-reads' ? 'the shape the template reads' : 'the generic shape (a JSON object)';
}

function located(job: Job, position: Position | undefined): { file: string; line: number; column: number } {
  const at = position ?? { line: 1, column: 1 };
  if (job.origin) return { file: job.origin.file, ...job.origin.at(at) };
  // A template inline in a definition whose place is unknown: the definition as a whole, not a wrong line.
  if (job.inline) return { file: job.file, line: 1, column: 1 };
  return { file: job.file, line: at.line, column: at.column };
}

function chooseCheck(template: CompiledTemplate, job: Job, property: string, seed: number, input: fc.Arbitrary<RenderInput>): TemplateCheck {
  if (property === 'no-error') return rendersWithoutError(template, { input });
  if (property === 'auto' && job.mock) return rendersMockStatus(template, { input });
  if (property === 'valid-json' || looksLikeJson(template, input, seed)) return rendersValidJson(template, { input });
  return rendersWithoutError(template, { input });
}

function bodyModel(job: Job, template: CompiledTemplate): BodyModel {
  try {
    return bodyModelOf(job.body, template, { mediaType: job.mediaType });
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    const reason = `cannot generate request bodies from ${job.bodyOrigin === 'method model' ? 'its model' : job.bodyOrigin}: ${e.message}`;
    if (job.bodyOrigin === 'method model') throw new DefinitionError(reason, job.label, job.file);
    throw new UsageError(reason);
  }
}

function checkJob(job: Job, o: RunOptions): TemplateReport {
  const started = performance.now();
  // What the generated requests reach, for every format (and --coverage).
  const collector = coverage();
  let template: CompiledTemplate;
  try {
    // Standard input has no file to name in a coverage report: it is kept under its hash.
    template = compileTemplate(job.source, { coverage: collector, origin: job.origin ?? (job.inline || job.file === '<stdin>' ? undefined : job.file) });
  } catch (e) {
    if (!(e instanceof VtlError)) throw e;
    const position = { line: e.line, column: e.column };
    return {
      label: job.label,
      ...located(job, position),
      check: 'compiles',
      ok: false,
      runs: 0,
      runsBy: { inside: 0, outside: 0 },
      model: 'every request',
      bugClass: 'valid-request',
      problem: { message: `${e.name}: ${e.reason}`, template: position },
      details: `${e.name}: ${e.reason} (template line ${e.line}, column ${e.column})`,
      compileError: { error: e, source: job.source },
      durationMs: performance.now() - started,
    };
  }
  // Valid bodies sometimes hold the values the template's conditions compare with, to reach those branches.
  const model = guidedModel(bodyModel(job, template), templateReads(job.source).compared);
  const shape = inferredShape(template);
  const request: Omit<RequestShape, 'body'> = { query: shape.query, headers: shape.headers, path: job.pathParameters };
  const check = chooseCheck(template, job, o.property, o.seed, renderInputs({ ...request, body: model.inside }));
  // The samples that chose the check are not part of the run.
  collector.reset();
  const replay = o.path === undefined ? undefined : { path: o.path, bugClass: (o.outsideModel ? 'outside-model' : 'valid-request') as BugClass };
  const result = checkByBugClass(check, model, request, { numRuns: o.numRuns, seed: o.seed, replay });
  const runs = result.runs.inside + result.runs.outside;
  const base = { label: job.label, check: check.name, runs, runsBy: result.runs, model: modelName(job, model), coverage: collector.data() };
  const failure = result.failure;
  if (!failure) return { ...base, ...located(job, undefined), ok: true, durationMs: performance.now() - started };
  const replayCommand =
    failure.path === undefined
      ? undefined
      : ['apigw-vtl', 'check', ...o.replayArgs, ...(o.definition ? ['--template', job.label] : []), '--seed', String(failure.seed), '--path', failure.path, ...(result.bugClass === 'outside-model' ? ['--outside-model'] : [])]
          .map(shellQuote)
          .join(' ');
  return {
    ...base,
    ...located(job, failure.templatePosition),
    ok: false,
    bugClass: result.bugClass,
    counterexample: failure.input,
    problem: {
      message: failure.problem.message,
      output: failure.problem.line === undefined ? undefined : { line: failure.problem.line, column: failure.problem.column ?? 1 },
      template: failure.templatePosition,
      rendered: failure.output,
    },
    replay: replayCommand,
    details: failure.report,
    durationMs: performance.now() - started,
  };
}

/** The failure's headline: the property, and which kind of body shows it. */
function headline(r: TemplateReport): string {
  if (r.check === 'compiles') return `${r.label}: the template does not compile`;
  if (r.bugClass === 'valid-request') return `${r.label}: ${r.check} fails for a valid request (its body fits ${r.model})`;
  const passed = r.runsBy.inside > 0 ? ` (valid requests pass: ${r.runsBy.inside} runs)` : '';
  return `${r.label}: ${r.check} fails only for a body outside ${r.model}${passed}`;
}

/** `coverage: 11/12 lines, 7/9 branches; never taken: line 4 #else, …` */
function coverageLine(data: CoverageData): string {
  const t = totals(data.files);
  const missed = data.files.flatMap((f) => f.branches.flatMap((b) => b.outcomes.filter((o) => o.count === 0).map((o) => `line ${b.line} ${o.label}`)));
  const shown = missed.slice(0, 3).join(', ') + (missed.length > 3 ? `, … (${missed.length - 3} more)` : '');
  const branches = t.branches.total > 0 ? `, ${t.branches.covered}/${t.branches.total} branches` : '';
  return `coverage: ${t.lines.covered}/${t.lines.total} lines${branches}${missed.length > 0 ? `; never taken: ${shown}` : ''}`;
}

function printReport(r: TemplateReport, io: CliIo, out: (line: string) => void): void {
  if (r.ok) {
    out(`${paint(io, 'green', '✓')} ${r.label}: ${r.check} (${r.runs} runs: ${r.runsBy.inside} valid, ${r.runsBy.outside} outside the model)`);
    if (r.coverage) out(paint(io, 'dim', `    ${coverageLine(r.coverage)}`));
    return;
  }
  out(`${paint(io, 'red', '✗')} ${headline(r)}`);
  if (r.compileError) {
    printTemplateError({ ...io, err: out }, r.label, r.compileError.source, r.compileError.error);
    return;
  }
  out(r.details!.replace(/^/gm, '    '));
  if (r.replay) out(`    replay: ${r.replay}`);
  if (r.coverage) out(paint(io, 'dim', `    ${coverageLine(r.coverage)}`));
}

function printSummary(reports: readonly TemplateReport[], seed: number, io: CliIo, out: (line: string) => void): void {
  const failed = reports.filter((r) => !r.ok).length;
  const summary = `${reports.length} template${reports.length === 1 ? '' : 's'}: ${reports.length - failed} passed, ${failed} failed (seed ${seed})`;
  out(failed > 0 ? paint(io, 'red', summary) : paint(io, 'green', summary));
}

/** A finding for the machine formats: one line first (what, and which kind of body), then the details. */
function findingOf(r: TemplateReport): ReportedFinding {
  const lines = [`${headline(r)}: ${r.problem!.message}`];
  if (r.problem?.template && r.check !== 'compiles') lines.push(`at template line ${r.problem.template.line}, column ${r.problem.template.column}`);
  if (r.counterexample) lines.push(`counterexample:\n${describeInput(r.counterexample).replace(/^/gm, '  ')}`);
  if (r.replay) lines.push(`replay: ${r.replay}`);
  return {
    rule: ruleOf(r.check),
    severity: r.bugClass === 'outside-model' ? 'warning' : 'error',
    message: lines.join('\n'),
    file: r.file,
    line: r.line,
    column: r.column,
    template: r.label,
    properties: { bugClass: r.bugClass ?? null, check: r.check, model: r.model, runs: r.runs },
  };
}

function caseOf(r: TemplateReport): ReportedCase {
  const finding = r.ok ? undefined : findingOf(r);
  return {
    name: r.label,
    file: r.file,
    check: r.check,
    runs: r.runs,
    durationMs: r.durationMs,
    ...(finding ? { failure: { ...finding, message: `${headline(r)}: ${r.problem!.message}`, details: [r.details, r.replay && `replay: ${r.replay}`].filter(Boolean).join('\n') } } : {}),
  };
}

function jsonEntryOf(r: TemplateReport): object {
  return {
    label: r.label,
    file: r.file,
    line: r.line,
    column: r.column,
    check: r.check,
    ok: r.ok,
    runs: r.runs,
    runsBy: { valid: r.runsBy.inside, outsideModel: r.runsBy.outside },
    model: r.model,
    bugClass: r.bugClass,
    counterexample: r.counterexample,
    problem: r.problem,
    replay: r.replay,
    coverage: r.coverage ? totals(r.coverage.files) : undefined,
  };
}

function documentOf(format: Exclude<ReportFormat, 'text'>, reports: readonly TemplateReport[], file: string): string {
  if (format === 'json') return toJsonReport(reports.map(jsonEntryOf));
  if (format === 'junit') return toJunit(`apigw-vtl check ${file}`, reports.map(caseOf));
  const rules = RULES.map(({ check: _, ...rule }) => rule);
  return `${JSON.stringify(toSarif({ toolVersion: packageVersion(), rules, findings: reports.filter((r) => !r.ok).map(findingOf), sourceRoot: process.cwd() }), null, 2)}\n`;
}

function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(`cannot write --output ${file}: ${(e as Error).message}`);
  }
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

Each template is checked first with valid requests (bodies the model allows, of the example's shape,
or with a string or number at every path the template reads), then with bodies just outside (a field
missing, null or of another JSON type, a body that is not a JSON object). A failure says which:
"fails for a valid request" or "fails only for a body outside the model". Counterexamples keep only
the fields, parameters and stage variables the failure needs.

Options:
  --schema FILE.json   JSON Schema of the request body (for templates without a model)
  --example FILE.json  an example request body: bodies of the same shape are generated
  --property NAME      auto (default), valid-json or no-error
  --runs N             inputs per template and kind of body (default 200)
  --seed N             seed, to replay a failure
  --path P             with --seed: replay exactly the failing input of a report (its shrink path)
  --outside-model      with --path: the failure was found with a body outside the model
  --template LABEL     check only this template of a definition (as the report labels it)
  --format F           text (default), json, junit or sarif; with the last three, standard output
                       holds only the document (SARIF 2.1.0: code scanning annotates the template line)
  --output FILE        write the report to FILE instead of standard output
  --coverage DIR       write the lines and branches the generated requests reached to DIR/lcov.info
                       and DIR/coverage.json (text output prints them per template either way)
${definitionUsage(23)}
  -h, --help           this text

Exit codes: 0 every template passed; 1 a property failed or a template does not compile (or the
definition cannot be read); 2 a usage error.`,
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
        'outside-model': { type: 'boolean' },
        template: { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string' },
        coverage: { type: 'string' },
        ...DEFINITION_FLAGS,
      },
    });
    if (positionals.length !== 1) throw new UsageError('check takes exactly one file (a template or an API definition)');
    if (values.schema && values.example) throw new UsageError('give --schema or --example, not both');
    const property = values.property ?? 'auto';
    if (!['auto', 'valid-json', 'no-error'].includes(property)) throw new UsageError(`--property must be auto, valid-json or no-error, got '${property}'`);
    const format = values.format ?? 'text';
    if (!isReportFormat(format)) throw new UsageError(`--format must be ${REPORT_FORMATS.join(', ')}, got '${format}'`);
    const numRuns = integerOption(values.runs, '--runs', 1, 1_000_000) ?? 200;
    const seed = integerOption(values.seed, '--seed', -2147483648, 2147483647) ?? (Date.now() % 2147483647);
    const file = positionals[0]!;
    if (values.path !== undefined && values.seed === undefined) throw new UsageError('--path replays a failure of a given --seed: give both, as the report prints them');
    if (values.path !== undefined && !/^\d+(:\d+)*$/.test(values.path)) throw new UsageError(`--path is a replay path such as 12:0:3, got '${values.path}'`);
    if (values['outside-model'] && values.path === undefined) throw new UsageError('--outside-model says which bodies a replayed failure was found with: give it with --seed and --path');

    let fallback: { body: BodySource; origin: BodyOrigin } | undefined;
    if (values.schema) fallback = { body: { schema: (await readJson(values.schema, io, '--schema')) as JsonSchema }, origin: '--schema' };
    if (values.example) {
      const example = await readJson(values.example, io, '--example');
      // The kit reads a string example as JSON text: a file holding a JSON string is that string's JSON.
      fallback = { body: { example: typeof example === 'string' ? JSON.stringify(example) : example }, origin: '--example' };
    }

    const api = definitionIn(file, definitionOptions(values, io));
    const shown = file === '-' ? '<stdin>' : file;
    let jobs: Job[] = api
      ? jobsOf(api, file, fallback)
      : [{ label: file === '-' ? '<stdin>' : basename(file), source: await readText(file, io, 'the template'), body: fallback?.body, bodyOrigin: fallback?.origin ?? 'template', pathParameters: [], file: shown, inline: false }];
    if (values.template !== undefined) {
      if (!api) throw new UsageError('--template picks one template of an API definition; this file is a template itself');
      const all = jobs;
      jobs = jobs.filter((j) => j.label === values.template);
      if (jobs.length === 0) throw new UsageError(`no template labelled '${values.template}' in ${file}; its templates: ${all.map((j) => j.label).join(', ') || 'none'}`);
    }

    // An unwritable --output or --coverage is found before the run, not after it.
    if (values.output !== undefined) writeOutput(values.output, '');
    if (values.coverage !== undefined) {
      try {
        ensureFolder(values.coverage);
      } catch (e) {
        if (e instanceof CoverageWriteError) throw new UsageError(`--coverage: ${e.message}`);
        throw e;
      }
    }
    const options: RunOptions = { property, numRuns, seed, path: values.path, outsideModel: values['outside-model'] ?? false, replayArgs: replayArgsOf(args), definition: api !== undefined };
    const lines: string[] = [];
    const emit = values.output === undefined ? io.out : (line: string) => lines.push(line);
    const reports = jobs.map((job, i) => {
      io.progress?.(`[${i + 1}/${jobs.length}] ${job.label}`);
      const report = checkJob(job, options);
      // Text is for people: each verdict as soon as it is known.
      if (format === 'text') printReport(report, io, emit);
      return report;
    });
    io.progress?.('');

    if (format === 'text') {
      if (jobs.length === 0) emit(`${file}: no mapping templates to check`);
      else printSummary(reports, seed, io, emit);
    } else {
      const document = documentOf(format, reports, shown);
      if (values.output !== undefined) lines.push(document.replace(/\n$/, ''));
      else if (io.write) io.write(document);
      else io.out(document.replace(/\n$/, ''));
    }
    if (values.output !== undefined) writeOutput(values.output, `${lines.join('\n')}\n`);
    if (values.coverage !== undefined) {
      let summary: string;
      try {
        summary = writeCoverageReports(values.coverage, mergeCoverage(...reports.flatMap((r) => (r.coverage ? [r.coverage] : []))));
      } catch (e) {
        if (!(e instanceof CoverageWriteError)) throw e;
        io.err(`apigw-vtl: ${e.message}`);
        return 1;
      }
      // The summary is for people: on standard error when standard output holds a document.
      for (const line of summary.trimEnd().split('\n')) (format === 'text' && values.output === undefined ? io.out : io.err)(line);
    }
    return reports.some((r) => !r.ok) ? 1 : 0;
  },
};
