/**
 * Findings as a SARIF 2.1.0 log, the format GitHub code scanning (and most CI dashboards) read to put an
 * annotation on the line of the file a user edits. Generic over the command: the rules are passed in.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReportedFinding, ReportSeverity } from './finding.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/apigw-vtl/apigw-vtl#readme';
/** The base that relative artifact URIs resolve against; code scanning maps it to the checkout. */
const SOURCE_ROOT = '%SRCROOT%';

/** What a report says about one rule (a lint rule, or a property of `check`). */
export interface SarifRule {
  /** Stable id, e.g. `renders-valid-json`; a finding's `rule` names it. */
  id: string;
  /** A readable identifier, e.g. `RendersValidJson`. */
  name?: string;
  shortDescription: string;
  fullDescription?: string;
  helpUri?: string;
  /** The level its findings have unless a finding says otherwise. */
  defaultLevel?: ReportSeverity;
}

export interface SarifRunInput {
  /** The version of apigw-vtl that made the findings. */
  toolVersion: string;
  rules: readonly SarifRule[];
  findings: readonly ReportedFinding[];
  /**
   * The directory relative paths are relative to (usually the working directory): absolute file paths
   * under it are made relative, and it is recorded as `%SRCROOT%`. Without it, paths are used as given.
   */
  sourceRoot?: string;
}

/** A finding names a rule the run does not describe: a caller's mistake, so said plainly. */
export class UnknownRuleError extends Error {
  override readonly name = 'UnknownRuleError';

  constructor(readonly rule: string) {
    super(`the SARIF report has a finding of rule '${rule}', which is not among the rules given`);
  }
}

/** A path as a URI reference: forward slashes, each segment percent-encoded (spaces, `#`, `%`…). */
function uriReference(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function artifactLocation(file: string, sourceRoot: string | undefined): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) {
    if (!sourceRoot) return { uri: pathToFileURL(file).href };
    return { uri: uriReference(relative(sourceRoot, file)), uriBaseId: SOURCE_ROOT };
  }
  return { uri: uriReference(file), uriBaseId: SOURCE_ROOT };
}

function atLeastOne(n: number): number {
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/**
 * Stable across runs (a property's counterexample may change) and across edits that only move the
 * finding (lines added above it): code scanning matches alerts by it, so it is made of what the finding
 * is — rule, file, template and its identity — not of where it is.
 */
function fingerprint(f: ReportedFinding, uri: string): string {
  return createHash('sha256').update([f.rule, uri, f.template ?? '', f.identity ?? ''].join('\u0000')).digest('hex').slice(0, 32);
}

/**
 * The SARIF 2.1.0 log of one run of apigw-vtl: one result per finding, at its file, line and column.
 * @throws UnknownRuleError when a finding's rule is not among `run.rules`
 */
export function toSarif(run: SarifRunInput): object {
  const ruleIndex = new Map(run.rules.map((r, i) => [r.id, i]));
  const results = run.findings.map((f) => {
    const index = ruleIndex.get(f.rule);
    if (index === undefined) throw new UnknownRuleError(f.rule);
    const location = artifactLocation(f.file, run.sourceRoot);
    return {
      ruleId: f.rule,
      ruleIndex: index,
      level: f.severity,
      message: { text: f.message.trim() === '' ? f.rule : f.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: { startLine: atLeastOne(f.line), startColumn: atLeastOne(f.column) } } }],
      partialFingerprints: { 'apigwVtlFinding/v1': fingerprint(f, location.uri) },
      ...(f.properties || f.template ? { properties: { ...(f.template ? { template: f.template } : {}), ...f.properties } } : {}),
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'apigw-vtl',
            informationUri: INFORMATION_URI,
            version: run.toolVersion,
            rules: run.rules.map((r) => ({
              id: r.id,
              ...(r.name ? { name: r.name } : {}),
              shortDescription: { text: r.shortDescription },
              ...(r.fullDescription ? { fullDescription: { text: r.fullDescription } } : {}),
              ...(r.helpUri ? { helpUri: r.helpUri } : {}),
              ...(r.defaultLevel ? { defaultConfiguration: { level: r.defaultLevel } } : {}),
            })),
          },
        },
        ...(run.sourceRoot ? { originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(run.sourceRoot.replace(/[\\/]*$/, '/')).href } } } : {}),
        // Template columns count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
