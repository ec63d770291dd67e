/**
 * Report formats shared by the commands that find problems in templates (`check`, `lint`): the text a
 * person reads is each command's own; these are the documents machines read.
 */
export type { ReportedCase, ReportedFinding, ReportSeverity } from './finding.js';
export { toJsonReport } from './json.js';
export { toJunit, xmlAttribute, xmlText } from './junit.js';
export { SARIF_SCHEMA, toSarif, UnknownRuleError, type SarifRule, type SarifRunInput } from './sarif.js';

/** `--format` values: text for people, the others for machines (stdout then holds only the document). */
export const REPORT_FORMATS = ['text', 'json', 'junit', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
