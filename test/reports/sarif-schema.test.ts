/**
 * `check --format sarif`, `lint --format sarif` and the writer itself against the official SARIF 2.1.0
 * JSON Schema, loaded from the npm package that ships it (@microsoft/jest-sarif, a dev dependency for
 * this alone): the schema is never copied into this repository.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv07 from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { toSarif } from '../../src/reports/index.js';
import { root, runBin } from '../cli/bin.js';

/** npm packages known to ship the schema, and where in them. */
const SCHEMA_FILES = [
  join('@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'),
  join('@microsoft', 'sarif-multitool-linux', 'sarif-2.1.0.json'),
];
const schemaFiles = SCHEMA_FILES.map((f) => join(root, 'node_modules', f)).filter((f) => existsSync(f));

interface Validator {
  addFormat(name: string, test: (value: string) => boolean): unknown;
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null };
}
type AjvClass = new (options: object) => Validator;
// Both are CommonJS: under ESM interop the class may be the module's `default` property.
const classOf = (m: unknown): AjvClass => ((m as { default?: AjvClass }).default ?? m) as AjvClass;

/** The schema's formats, checked for real (ajv-formats is not a dependency). */
function withFormats(ajv: Validator): Validator {
  ajv.addFormat('uri', (v) => /^[a-z][a-z0-9+.-]*:/i.test(v) && URL.canParse(v));
  ajv.addFormat('uri-reference', (v) => !/[\s<>"{}|\\^`]/.test(v) && URL.canParse(v, 'file:///base/'));
  ajv.addFormat('date-time', (v) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(v));
  return ajv;
}

/** The schema's own JSON Schema draft decides the validator: the packages ship draft-04 and 2020-12 editions. */
function ajvFor(draft: string | undefined): AjvClass {
  if (draft?.includes('draft-04')) return classOf(AjvDraft04);
  if (draft?.includes('2020-12')) return classOf(Ajv2020);
  return classOf(Ajv07);
}

/** Validates against every schema file installed. */
function validator(): (log: unknown) => void {
  const checks = schemaFiles.map((schemaFile) => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $schema?: string };
    // The rtm.5 schema's `language` pattern has a stray `]`, legal only outside Unicode mode.
    const validate = withFormats(new (ajvFor(schema.$schema))({ strict: false, allErrors: true, unicodeRegExp: false })).compile(schema);
    return (log: unknown) => {
      if (!validate(log)) throw new Error(`not valid SARIF 2.1.0 (${schemaFile}):\n${JSON.stringify(validate.errors, null, 2)}`);
    };
  });
  return (log) => checks.forEach((check) => check(log));
}

const dir = mkdtempSync(join(tmpdir(), 'apigw-vtl-sarif-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('SARIF output validates against the SARIF 2.1.0 schema', () => {
  it('has the schema (the dev dependency @microsoft/jest-sarif ships it)', () => {
    expect(schemaFiles, `none of ${SCHEMA_FILES.join(', ')} is under node_modules: run npm ci`).not.toHaveLength(0);
  });

  it('the writer, with every optional part it can write', () => {
    const validate = validator();
    validate(
      toSarif({
        toolVersion: '0.1.0',
        sourceRoot: dir,
        rules: [{ id: 'r', name: 'R', shortDescription: 's', fullDescription: 'f', helpUri: 'https://example.com/r', defaultLevel: 'warning' }],
        findings: [
          { rule: 'r', severity: 'error', message: 'm\nsecond line', file: join(dir, 'a b', 'c#d.vtl'), line: 2, column: 3, template: 'GET / request application/json', properties: { bugClass: 'outside-model', runs: 3 } },
          { rule: 'r', severity: 'note', message: '', file: 'relative\\path.vtl', line: 0, column: -1 },
        ],
      }),
    );
    validate(toSarif({ toolVersion: '0.1.0', rules: [], findings: [] }));
    // The validator does reject what is not SARIF (so a pass above means something).
    const wrong = toSarif({ toolVersion: '0.1.0', rules: [{ id: 'r', shortDescription: 's' }], findings: [{ rule: 'r', severity: 'fatal' as 'error', message: 'm', file: 'a b.vtl', line: 1, column: 1 }] });
    expect(() => validate(wrong)).toThrow(/not valid SARIF 2\.1\.0/);
    expect(() => validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toThrow(/not valid SARIF/);
  });

  it('check --format sarif: both bug classes, a template that does not compile, a passing definition', () => {
    const validate = validator();
    const schema = file('n.json', JSON.stringify({ type: 'object', required: ['n'], properties: { n: { type: 'integer' } } }));
    const runs: [string[], number][] = [
      [['check', file('quoted.vtl', `{"name": "$input.path('$.name')"}`), '--seed', '1', '--runs', '50'], 1],
      [['check', file('unquoted.vtl', `{"n": $input.path('$.n')}`), '--schema', schema, '--seed', '1', '--runs', '50'], 1],
      [['check', file('broken.vtl', '#if($a)'), '--runs', '5'], 1],
      [['check', join(root, 'examples', 'openapi.yaml'), '--runs', '5'], 0],
    ];
    for (const [args, code] of runs) {
      const r = runBin([...args, '--format', 'sarif'], { cwd: dir });
      expect(r.code).toBe(code);
      const log = JSON.parse(r.stdout) as { runs: { results: unknown[] }[] };
      validate(log);
      expect(log.runs[0]!.results).toHaveLength(code);
    }
  });

  it('lint --format sarif: findings in a template file and in a definition, at their lines', () => {
    const validate = validator();
    const template = file('lint.vtl', `{"id": "$method.request.path.id", "tags": "$input.json('$.tags')"}`);
    const r = runBin(['lint', template, '--format', 'sarif'], { cwd: dir });
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    validate(log);
    expect(log.runs[0]!.results.map((x) => `${x.ruleId} ${x.locations[0]!.physicalLocation.artifactLocation.uri}:${x.locations[0]!.physicalLocation.region.startColumn}`)).toEqual([
      'undefined-reference lint.vtl:9',
      'input-json-in-quotes lint.vtl:44',
    ]);
    const definition = runBin(['lint', join(root, 'examples', 'sam-pipeline', 'template.yaml'), '--format', 'sarif'], { cwd: dir });
    validate(JSON.parse(definition.stdout));
  });
});
