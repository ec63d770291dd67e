/**
 * `apigw-vtl lint`: findings for a template file or every template of an API definition, at the lines of
 * the file the user edits (a template inline in an OpenAPI or SAM file at its line there), as text, JSON
 * or SARIF; `--fix` applies the fixes that are certain.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { mappingTemplatesOf, type MappingTemplateEntry } from '../../api/mapping-templates.js';
import { ownFile, type TemplateOrigin } from '../../definitions/template-origin.js';
import { applyFixes, lintTemplate, RULES, type LintFinding, type LintOptions } from '../../lint/index.js';
import { applyEdits } from '../../lint/fix.js';
import { parseDefinitionText } from '../../definitions/document.js';
import { isDirectory } from '../../definitions/load-file.js';
import { isServerless } from '../../definitions/serverless.js';
import { detectTerraform } from '../../definitions/terraform/detect.js';
import type { Position } from '../../vtl/ast.js';
import type { ApiDefinition } from '../../model/index.js';
import { toJsonReport, toSarif, type ReportedFinding } from '../../reports/index.js';
import { LineIndex } from '../../vtl/parser/source.js';
import { DEFINITION_FLAGS, definitionOptions, definitionUsage } from '../definition-options.js';
import { definitionIn, readText } from '../files.js';
import { integerOption, paint, UsageError, type CliIo, type Command } from '../io.js';
import { lintConfigFor, type RuleSeverities } from '../lint-config.js';
import { packageVersion } from '../version.js';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const DOCS = 'https://github.com/apigw-vtl/apigw-vtl/blob/main/docs/lint.md';

interface Linted {
  /**
   * Where the template is: its file, or the definition that holds it. Undefined when the definition's
   * text is not the template's (a variable substituted it): findings are then placed at the template's
   * own lines, named in the message.
   */
  origin: TemplateOrigin | undefined;
  label: string | undefined;
  source: string;
  findings: LintFinding[];
}

/**
 * Whether the definition's format says how each method is authorized, so that no authorizer means
 * NONE: OpenAPI, CloudFormation and SAM do; the Serverless and Terraform readers do not read it (yet).
 */
function readsAuthorization(file: string): boolean {
  if (file === '-' || /\.tf$/i.test(file) || isDirectory(file)) return false;
  try {
    const text = readFileSync(file, 'utf8');
    if (detectTerraform(text, file)) return false;
    return !isServerless(parseDefinitionText(text, file).value);
  } catch {
    return false;
  }
}

/** What the definition says about where a template runs. */
function optionsFor(api: ApiDefinition, t: MappingTemplateEntry, rules: RuleSeverities, authorization: boolean): LintOptions {
  const m = t.method;
  const model = t.side === 'request' ? m.requestModels?.[t.mediaType] : undefined;
  return {
    apiType: 'REST',
    integrationType: m.integration.type,
    side: t.side,
    ...(authorization ? { authorizationType: m.authorizationType ?? 'NONE', apiKeyRequired: m.apiKeyRequired ?? false } : {}),
    ...(model ? { model, models: api.models ?? {} } : {}),
    rules,
  };
}

function reported(l: Linted, f: LintFinding, file: string): ReportedFinding {
  // Findings of one rule in one template are told apart by what they say (not by their line, which moves).
  const template = { ...(l.label ? { template: l.label } : {}), identity: f.message };
  if (!l.origin) return { rule: f.rule, severity: f.severity, message: `${f.message} (line ${f.line}, column ${f.column} of the template)`, file, line: 1, column: 1, ...template };
  const at = l.origin.at({ line: f.line, column: f.column });
  return { rule: f.rule, severity: f.severity, message: f.message, file: l.origin.file, line: at.line, column: at.column, ...template };
}

/** A fix placed in the file that holds the template (a SAM template's API may be in its DefinitionUri file). */
interface FileFix {
  file: string;
  start: Position;
  end: Position;
  text: string;
}

function fileFixes(linted: readonly Linted[]): { fixes: FileFix[]; skipped: number } {
  const fixes: FileFix[] = [];
  let skipped = 0;
  for (const l of linted) {
    for (const f of l.findings) {
      if (!f.fix) continue;
      const origin = l.origin;
      if (!origin?.edits) {
        skipped++;
        continue;
      }
      const text = origin.edits === 'json-escaped' ? JSON.stringify(f.fix.text).slice(1, -1) : f.fix.text;
      fixes.push({ file: origin.file, start: origin.at(f.fix.start), end: origin.at(f.fix.end), text });
    }
  }
  return { fixes, skipped };
}

/**
 * Writes the fixes into their files. A definition that would no longer parse is left as it was (a fix
 * must never break a file), and said so.
 */
function writeFixes(fixes: readonly FileFix[], definition: boolean, io: CliIo): number {
  const byFile = new Map<string, FileFix[]>();
  for (const f of fixes) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  let applied = 0;
  for (const [file, list] of byFile) {
    const text = readFileSync(file, 'utf8');
    const lines = new LineIndex(text);
    const result = applyEdits(
      text,
      list.map((f) => ({ start: lines.offset(f.start.line, f.start.column - 1), end: lines.offset(f.end.line, f.end.column - 1), text: f.text })),
    );
    if (result.applied === 0) continue;
    if (definition) {
      try {
        parseDefinitionText(result.text, file);
      } catch {
        io.err(`${file}: the fixes would leave the file unreadable; it was not changed`);
        continue;
      }
    }
    writeFileSync(file, result.text);
    applied += result.applied;
  }
  return applied;
}

function printText(io: CliIo, linted: readonly Linted[], file: string): void {
  for (const l of linted) {
    for (const f of l.findings) {
      const r = reported(l, f, file);
      const severity = f.severity === 'error' ? paint(io, 'red', 'error') : f.severity === 'warning' ? paint(io, 'yellow', 'warning') : paint(io, 'dim', 'note');
      const where = r.template ? paint(io, 'dim', ` [${r.template}]`) : '';
      io.out(`${r.file}:${r.line}:${r.column}: ${severity} ${f.message} ${paint(io, 'dim', `(${f.rule})`)}${where}`);
    }
  }
  const all = linted.flatMap((l) => l.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  const fixable = all.filter((f) => f.fix).length;
  const notes = all.length - errors - warnings;
  const count = linted.length;
  io.out(
    `${count} template${count === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` +
      (notes > 0 ? `, ${notes} note${notes === 1 ? '' : 's'}` : '') +
      (fixable > 0 ? ` (${fixable} fixable with --fix)` : ''),
  );
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'report what API Gateway will not run as written',
  usage: `Usage: apigw-vtl lint <template | openapi.yaml | template.yaml | serverless.yml> [options]

Reports, with line and column in the file you edit (a template inside an OpenAPI or SAM file at its
line there): references nothing defines, no-op replacements, escapeJavaScript output in JSON strings,
$input.json inside quotes, maps or lists printed into JSON, #foreach over a string, unused #set
variables, loops over API Gateway's 1000 iterations, $context variables the API or method never fills,
templates on proxy integrations, directives API Gateway does not run, templates over 300 KB, syntax
errors. Every rule is described in docs/lint.md.

Options:
  --format F          text (default), json (an array of findings: rule, severity, message, file,
                      line, column, template) or sarif (SARIF 2.1.0, for GitHub code scanning)
  --fix               apply the fixes that are certain, in place (or print the fixed template for -)
  --config FILE       lint settings (default: the nearest .apigw-vtl.json, or "apigw-vtl" in
                      package.json): {"lint": {"rules": {"unused-variable": "off"}}}
  --max-warnings N    exit 1 when there are more than N warnings (errors always exit 1)
  --json              the same as --format json
${definitionUsage(22)}
  -h, --help          this text

Exits 1 when there are errors (or more warnings than --max-warnings), 2 on a usage error.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, format: { type: 'string' }, fix: { type: 'boolean' }, config: { type: 'string' }, 'max-warnings': { type: 'string' }, ...DEFINITION_FLAGS },
    });
    if (positionals.length !== 1) throw new UsageError('lint takes exactly one file (a template or an API definition)');
    const format = (values.format ?? (values.json ? 'json' : 'text')) as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, json or sarif, got '${values.format}'`);
    if (values.json && values.format !== undefined && values.format !== 'json') throw new UsageError('--json is --format json: give one of them');
    const maxWarnings = integerOption(values['max-warnings'], '--max-warnings', 0, 1_000_000);
    const file = positionals[0]!;
    const { rules } = lintConfigFor(file, values.config);
    const shownAs = file === '-' ? '<stdin>' : file;
    const lintFile = async (): Promise<Linted[]> => {
      const api = definitionIn(file, definitionOptions(values, io));
      if (!api) {
        const source = await readText(file, io, 'the template');
        return [{ origin: ownFile(shownAs), label: undefined, source, findings: lintTemplate(source, { rules }) }];
      }
      // Templates the loader wrote (a framework's defaults) are not the user's to fix.
      const authorization = readsAuthorization(file);
      return mappingTemplatesOf(api)
        .filter((t) => !t.generated)
        .map((t) => ({ origin: t.origin, label: t.label, source: t.source, findings: lintTemplate(t.source, optionsFor(api, t, rules, authorization)) }));
    };
    let linted = await lintFile();

    if (values.fix) {
      if (file === '-') {
        const fixed = applyFixes(linted[0]!.source, linted[0]!.findings);
        if (io.write) io.write(fixed.text);
        else io.out(fixed.text);
        return 0;
      }
      const { fixes, skipped } = fileFixes(linted);
      const applied = writeFixes(fixes, linted.some((l) => l.label !== undefined), io);
      const left = skipped > 0 ? `, ${skipped} left (their templates are not written in the file as they run: folded YAML, a substituted variable, a generated file)` : '';
      io.err(`${file}: ${applied} fix${applied === 1 ? '' : 'es'} applied${left}`);
      // What is left is reported as usual.
      if (applied > 0) linted = await lintFile();
    }

    const all = linted.flatMap((l) => l.findings.map((f) => reported(l, f, shownAs)));
    if (format === 'text') printText(io, linted, shownAs);
    else {
      const ruleList = Object.entries(RULES).map(([id, r]) => ({ id, shortDescription: r.summary, helpUri: `${DOCS}#${id}`, defaultLevel: r.severity }));
      const document = format === 'json' ? toJsonReport(all.map(({ identity: _, ...f }) => f)) : `${JSON.stringify(toSarif({ toolVersion: packageVersion(), rules: ruleList, findings: all, sourceRoot: process.cwd() }), null, 2)}\n`;
      if (io.write) io.write(document);
      else io.out(document.trimEnd());
    }
    const errors = all.filter((f) => f.severity === 'error').length;
    const warnings = all.filter((f) => f.severity === 'warning').length;
    return errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
  },
};
