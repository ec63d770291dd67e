/**
 * `apigw-vtl bench`: what a template costs — renders/s, latency, allocation, output size, growth with
 * the body, and an A/B comparison — for one template, or for every template of an API, slowest first.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { mappingTemplatesOf } from '../../api/mapping-templates.js';
import { formatSize, parseSize } from '../../bench/body-scaling.js';
import { benchTemplate, type BenchReport } from '../../bench/bench-template.js';
import { svgChart, textChart } from '../../bench/chart.js';
import type { RenderInput } from '../../gateway/request.js';
import { validateInput } from '../../gateway/validate-input.js';
import { VtlError } from '../../vtl/errors.js';
import { definitionOptions, DEFINITION_FLAGS, definitionUsage } from '../definition-options.js';
import { definitionIn, isDefinitionFile, readJson, readText } from '../files.js';
import { integerOption, UsageError, type CliIo, type Command } from '../io.js';
import { printTemplateError } from '../template-errors.js';

const USAGE = `Usage: apigw-vtl bench <template.vtl | definition> [options]

Measures what a mapping template costs on this machine: renders per second, median and p99 latency,
what a render allocates (bytes of the values it creates, as the render's meter counts them), output
size, and — with --sizes — how time grows as the body grows (a body shaped like the given one: its
largest array repeated). For an API definition, every template of the API, slowest first.

Options:
  --input FILE.json    the request: { body, headers, query, path, stageVariables, context }
  --body TEXT|@FILE    the body (a JSON sample to grow; overrides the one in --input)
  --sizes LIST         body sizes to measure, e.g. 1kb,100kb,1mb
  --compare FILE.vtl   a second template over the same inputs (A/B, with a rank test)
  --time MS            sampling time per size (default 400)
  --chart FILE.svg     write the render time by body size as an SVG chart
  --json               print the report as JSON
${definitionUsage(23)}
  -h, --help           this text`;

function sizesOf(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  return text.split(',').map((part) => {
    const size = parseSize(part);
    if (size === undefined) throw new UsageError(`--sizes: '${part}' is not a size such as 1kb, 100kb or 1mb`);
    return size;
  });
}

function printReport(io: CliIo, report: BenchReport, title: string): void {
  io.out(title);
  for (const c of report.cases) {
    io.out(`  ${c.label.padEnd(14)} ${Math.round(c.rendersPerSecond).toLocaleString('en-US').padStart(10)} renders/s  median ${c.medianMs.toFixed(3)} ms  p99 ${c.p99Ms.toFixed(3)} ms  allocates ${formatSize(c.allocatedBytes)}  output ${formatSize(c.outputBytes)}`);
  }
  for (const c of report.comparison ?? []) io.out(`  ${c.label}: ${c.statement}`);
  if (report.growth) io.out(`  ${report.growth.statement}`);
  io.out(textChart(report).replace(/^/gm, '  '));
}

export const benchCommand: Command = {
  name: 'bench',
  summary: "measure a template's cost: renders/s, latency, allocation, growth with the body, A/B",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...DEFINITION_FLAGS,
        input: { type: 'string' },
        body: { type: 'string' },
        sizes: { type: 'string' },
        compare: { type: 'string' },
        time: { type: 'string' },
        chart: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('bench takes exactly one template or definition file');
    const file = positionals[0]!;
    let input: RenderInput = {};
    if (values.input) input = (await readJson(values.input, io, '--input')) as RenderInput;
    if (values.body !== undefined) input = { ...input, body: values.body.startsWith('@') ? await readText(values.body.slice(1), io, '--body') : values.body };
    try {
      validateInput(input);
    } catch (e) {
      throw new UsageError(`the request is not valid: ${(e as Error).message}`);
    }
    const options = {
      input,
      sizes: sizesOf(values.sizes),
      timeMs: integerOption(values.time, '--time', 10, 600_000),
      onProgress: io.progress,
    };
    const targets: { label: string; source: string }[] = [];
    if (isDefinitionFile(file)) {
      if (values.compare) throw new UsageError('--compare compares two templates: give a template file, not a definition');
      const api = definitionIn(file, definitionOptions(values, io));
      if (!api) throw new UsageError(`${file} is not an API definition`);
      for (const t of mappingTemplatesOf(api)) targets.push({ label: t.label, source: t.source });
      if (targets.length === 0) throw new UsageError(`${file} has no mapping templates to measure`);
    } else {
      targets.push({ label: file === '-' ? '<stdin>' : file, source: await readText(file, io, 'the template') });
    }
    const compare = values.compare ? await readText(values.compare, io, '--compare') : undefined;
    const reports: { label: string; report: BenchReport }[] = [];
    for (const target of targets) {
      try {
        reports.push({ label: target.label, report: benchTemplate(target.source, { ...options, compare }) });
      } catch (e) {
        if (!(e instanceof VtlError)) throw e;
        printTemplateError(io, target.label, target.source, e);
        return 1;
      }
    }
    // Slowest first, by the largest body measured.
    reports.sort((x, y) => (y.report.cases.at(-1)?.medianMs ?? 0) - (x.report.cases.at(-1)?.medianMs ?? 0));
    if (values.chart) writeFileSync(values.chart, svgChart(reports[0]!.report, `${reports[0]!.label}: render time by body size`));
    if (values.json) io.out(JSON.stringify(reports.length === 1 ? reports[0]!.report : reports, null, 2));
    else for (const { label, report } of reports) printReport(io, report, compare ? `${label} (A) vs ${values.compare} (B)` : label);
    return 0;
  },
};
