import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compileTemplate, coverage, lcovReport, loadApi, loadApiDefinition, mappingTemplatesOf } from '../../src/index.js';
import { setAmbientCoverage } from '../../src/coverage/ambient.js';

// Line numbers matter here: the request template is lines 10-14 of the file (#if 10, #else 12, #end 14:
// directives that do not run anything are not executable lines), the response template line 19.
const OPENAPI_YAML = `openapi: 3.0.1
info: { title: pets, version: '1' }
paths:
  /pets:
    post:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: |
            #if($input.path('$.name') == "")
            {"statusCode": 400}
            #else
            {"statusCode": 200}
            #end
        responses:
          default:
            statusCode: '200'
            responseTemplates:
              application/json: '{"ok": true}'
`;

function write(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-vtl-cov-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The DA lines an lcov record lists, with their counts. */
const daLines = (lcov: string) => [...lcov.matchAll(/^DA:(\d+),(\d+)$/gm)].map((m) => `${m[1]}=${m[2]}`);

describe('coverage of templates inline in definitions', () => {
  it('puts an OpenAPI YAML block template at its lines in the file', () => {
    const file = write('openapi.yaml', OPENAPI_YAML);
    const cov = coverage();
    const [request] = mappingTemplatesOf(loadApiDefinition(file));
    compileTemplate(request!.source, { coverage: cov, origin: request!.origin }).render({ body: { name: 'Rex' } });
    const lcov = lcovReport(cov.data());
    expect(lcov).toContain(`SF:${file}\n`);
    expect(lcov).toContain('BRDA:10,0,0,0\nBRDA:10,0,1,1');
    expect(daLines(lcov)).toEqual(['10=1', '11=0', '13=1']);
  });

  it('puts templates of a JSON definition on the line of their string', () => {
    const json = JSON.stringify(parseYaml(OPENAPI_YAML), null, 2);
    const file = write('openapi.json', json);
    const line = json.split('\n').findIndex((l) => l.includes('"application/json": "#if')) + 1;
    const cov = coverage();
    for (const t of mappingTemplatesOf(loadApiDefinition(file))) compileTemplate(t.source, { coverage: cov, origin: t.origin }).render({ body: { name: '' } });
    const [record] = cov.data().files;
    expect(record!.file).toBe(file);
    expect(record!.lines.map((l) => l.line)).toContain(line);
    expect(record!.branches[0]!.line).toBe(line);
  });

  it('counts templates the pipeline runs, in the test run collector, at their definition lines', async () => {
    const file = write('openapi.yaml', OPENAPI_YAML);
    const cov = coverage();
    setAmbientCoverage(cov);
    try {
      const api = loadApi(file);
      await api.invoke({ httpMethod: 'POST', path: '/pets', headers: { 'content-type': 'application/json' }, body: '{"name": ""}' });
    } finally {
      setAmbientCoverage(undefined);
    }
    const lcov = lcovReport(cov.data());
    expect(lcov.match(/^SF:.*$/gm)).toEqual([`SF:${file}`]);
    // The request template took the #if branch; the response template on line 19 ran once.
    expect(daLines(lcov)).toEqual(['10=1', '11=1', '13=0', '19=1']);
  });
});
