import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SARIF_SCHEMA, toJsonReport, toSarif, UnknownRuleError, type ReportedFinding } from '../../src/reports/index.js';

const rules = [
  { id: 'renders-valid-json', name: 'RendersValidJson', shortDescription: 'renders valid JSON', helpUri: 'https://example.com/help', defaultLevel: 'error' as const },
  { id: 'unknown-context-variable', shortDescription: 'an unknown $context variable' },
];

const finding = (over: Partial<ReportedFinding> = {}): ReportedFinding => ({
  rule: 'renders-valid-json',
  severity: 'error',
  message: 'renders valid JSON fails for a valid request',
  file: 'api/templates/create pet.vtl',
  line: 3,
  column: 14,
  ...over,
});

type Log = { $schema: string; version: string; runs: { tool: { driver: Record<string, unknown> }; results: Record<string, any>[]; originalUriBaseIds?: Record<string, { uri: string }> }[] };

describe('SARIF 2.1.0', () => {
  it('has the log, run and driver code scanning needs, the rules as given', () => {
    const log = toSarif({ toolVersion: '1.2.3', rules, findings: [] }) as Log;
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.tool.driver).toEqual({
      name: 'apigw-vtl',
      informationUri: 'https://github.com/apigw-vtl/apigw-vtl#readme',
      version: '1.2.3',
      rules: [
        { id: 'renders-valid-json', name: 'RendersValidJson', shortDescription: { text: 'renders valid JSON' }, helpUri: 'https://example.com/help', defaultConfiguration: { level: 'error' } },
        { id: 'unknown-context-variable', shortDescription: { text: 'an unknown $context variable' } },
      ],
    });
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('places each result at its file (relative, forward slashes, percent-encoded, under %SRCROOT%), line and column', () => {
    const root = join('/', 'work', 'repo');
    const findings = [
      finding({ properties: { bugClass: 'valid-request' }, template: 'POST /pets request application/json' }),
      finding({ rule: 'unknown-context-variable', severity: 'warning', file: join(root, 'api', 'openapi.yaml'), line: 0, column: 0 }),
      finding({ file: 'api\\windows\\a#b.vtl', severity: 'note' }),
    ];
    const [a, b, c] = (toSarif({ toolVersion: '1', rules, findings, sourceRoot: root }) as Log).runs[0]!.results;
    expect(a).toMatchObject({
      ruleId: 'renders-valid-json',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'renders valid JSON fails for a valid request' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'api/templates/create%20pet.vtl', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 14 } } }],
      properties: { bugClass: 'valid-request', template: 'POST /pets request application/json' },
    });
    expect(a!['partialFingerprints']['apigwVtlFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(b).toMatchObject({ ruleIndex: 1, level: 'warning', locations: [{ physicalLocation: { artifactLocation: { uri: 'api/openapi.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1 } } }] });
    expect(c!['locations'][0].physicalLocation.artifactLocation.uri).toBe('api/windows/a%23b.vtl');
    expect((toSarif({ toolVersion: '1', rules, findings, sourceRoot: root }) as Log).runs[0]!.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
  });

  it('fingerprints stay when the counterexample changes or the finding moves, and differ between findings', () => {
    const print = (f: ReportedFinding) => (toSarif({ toolVersion: '1', rules, findings: [f] }) as Log).runs[0]!.results[0]!['partialFingerprints']['apigwVtlFinding/v1'];
    expect(print(finding())).toBe(print(finding({ message: 'another counterexample' })));
    expect(print(finding())).toBe(print(finding({ line: 40 })));
    expect(print(finding({ identity: 'a' }))).not.toBe(print(finding({ identity: 'b' })));
    expect(print(finding())).not.toBe(print(finding({ template: 'GET / response 200 application/json' })));
  });

  it('refuses a finding of a rule it was not told about', () => {
    expect(() => toSarif({ toolVersion: '1', rules, findings: [finding({ rule: 'nope' })] })).toThrow(UnknownRuleError);
  });
});

describe('the JSON report', () => {
  it('keeps every key (absent values as null) and ends in a newline', () => {
    const text = toJsonReport([{ label: 'a', bugClass: undefined, problem: { template: undefined } }]);
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toEqual([{ label: 'a', bugClass: null, problem: { template: null } }]);
    expect(toJsonReport([{ s: 'lone \ud800' }])).toContain('\\ud800');
  });
});
