/** `apigw-vtl lint`: findings for a template file or every template of an API definition. */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { mappingTemplatesOf } from '../../api/mapping-templates.js';
import { lintTemplate, type LintFinding } from '../../lint/index.js';
import { DEFINITION_FLAGS, definitionOptions, definitionUsage } from '../definition-options.js';
import { definitionIn, readText } from '../files.js';
import { integerOption, paint, UsageError, type Command } from '../io.js';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'report what API Gateway will not run as written',
  usage: `Usage: apigw-vtl lint <template | openapi.yaml | template.yaml | serverless.yml> [options]

Reports, with line and column: unknown $context variables, directives API Gateway does not run (#macro,
#include, #parse, #evaluate, unknown #name(...)), templates over 300 KB, syntax errors, and
$util.escapeJavaScript printed inside a JSON string (it turns ' into \\', which is not valid JSON).

Options:
  --json              print the findings as JSON
  --max-warnings N    exit 1 when there are more than N warnings (errors always exit 1)
${definitionUsage(22)}
  -h, --help          this text`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, 'max-warnings': { type: 'string' }, ...DEFINITION_FLAGS } });
    if (positionals.length !== 1) throw new UsageError('lint takes exactly one file (a template or an API definition)');
    const maxWarnings = integerOption(values['max-warnings'], '--max-warnings', 0, 1_000_000);
    const file = positionals[0]!;
    const api = definitionIn(file, definitionOptions(values, io));
    const templates = api ? mappingTemplatesOf(api) : [{ label: file === '-' ? '<stdin>' : file, source: await readText(file, io, 'the template') }];
    const results: { template: string; findings: LintFinding[] }[] = templates.map((t) => ({ template: api ? `${basename(file)}: ${t.label}` : t.label, findings: lintTemplate(t.source) }));
    const all = results.flatMap((r) => r.findings);
    const errors = all.filter((f) => f.severity === 'error').length;
    const warnings = all.length - errors;
    if (values.json) io.out(JSON.stringify(results, null, 2));
    else {
      for (const r of results) {
        for (const f of r.findings) {
          const severity = f.severity === 'error' ? paint(io, 'red', 'error') : paint(io, 'yellow', 'warning');
          io.out(`${r.template}:${f.line}:${f.column}: ${severity} ${f.message} ${paint(io, 'dim', `(${f.rule})`)}`);
        }
      }
      io.out(`${templates.length} template${templates.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
    }
    return errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
  },
};
