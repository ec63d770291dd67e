/**
 * One render for the page: the template compiled once per edit (a request edit renders the cached
 * compilation), its lint findings computed once per edit, the result as plain data.
 */
import { compileTemplate, lintTemplate, type CompiledTemplate, type LintFinding, type RenderInput } from '../../../src/browser.js';
import type { Diagnostic, RenderOutcome } from '../protocol.js';
import { errorReport } from './error-report.js';
import { prettyJson } from './pretty-json.js';

interface Compiled {
  source: string;
  template?: CompiledTemplate;
  diagnostics: Diagnostic[];
  compileError?: unknown;
}

export interface RenderJobResult {
  outcome: RenderOutcome;
  diagnostics: Diagnostic[];
}

const SEVERITY: Record<LintFinding['severity'], Diagnostic['severity']> = { error: 'error', warning: 'warning', note: 'info' };

/** Renders templates for one page: holds the last compilation, so typing in a request pane is cheap. */
export class RenderJob {
  private last: Compiled | undefined;

  run(source: string, input: RenderInput): RenderJobResult {
    const compiled = this.compile(source);
    if (!compiled.template) return { outcome: { ok: false, error: errorReport(compiled.compileError) }, diagnostics: compiled.diagnostics };
    try {
      const result = compiled.template.render(input);
      return {
        outcome: {
          ok: true,
          body: result.body,
          pretty: prettyJson(result.body),
          requestOverride: result.requestOverride,
          responseOverride: result.responseOverride,
          warnings: result.warnings,
          cost: result.cost,
        },
        diagnostics: compiled.diagnostics,
      };
    } catch (error) {
      return { outcome: { ok: false, error: errorReport(error) }, diagnostics: compiled.diagnostics };
    }
  }

  private compile(source: string): Compiled {
    if (this.last?.source === source) return this.last;
    let compiled: Compiled;
    try {
      compiled = { source, template: compileTemplate(source), diagnostics: lintDiagnostics(source) };
    } catch (error) {
      const report = errorReport(error);
      const diagnostics: Diagnostic[] = report.place ? [{ from: report.place, severity: 'error', message: `${report.name}: ${report.message}`, source: 'syntax' }] : [];
      compiled = { source, diagnostics, compileError: error };
    }
    this.last = compiled;
    return compiled;
  }
}

function lintDiagnostics(source: string): Diagnostic[] {
  try {
    return lintTemplate(source).map((f) => ({
      from: { line: f.line, column: f.column },
      ...(f.fix ? { to: f.fix.end } : {}),
      severity: SEVERITY[f.severity],
      message: f.message,
      source: f.rule,
    }));
  } catch {
    // Lint is advice: a template it cannot read still renders.
    return [];
  }
}
