/**
 * The lcov files read by a real lcov viewer: `genhtml` (Debian's lcov package; .ci/run installs it) renders
 * the .vtl file and the OpenAPI file with the template inline, and marks the lines that ran and the one
 * that did not at the file's own line numbers. Skipped, saying so, where genhtml is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTemplate, coverage, loadApiDefinition, mappingTemplatesOf, writeCoverageReports } from '../../src/index.js';

const hasGenhtml = spawnSync('genhtml', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasGenhtml) console.warn('lcov viewer test skipped: genhtml (Debian package lcov) is not installed');

const OPENAPI = `openapi: 3.0.1
info: { title: pets, version: '1' }
paths:
  /pets:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: |
            #if($input.params('mode') == "full")
            {"statusCode": 200}
            #else
            {"statusCode": 404}
            #end
`;

/**
 * genhtml's source view, one `<a name="N">` per line: `lineCov` / `lineNoCov` for executable lines that
 * ran or not, nothing for the others; branch marks `branchCov` / `branchNoCov` before them.
 */
function lineClasses(html: string): Record<number, string> {
  const out: Record<number, string> = {};
  for (const m of html.matchAll(/<a name="(\d+)">(.*)<\/a>/g)) {
    const line = /class="(lineCov|lineNoCov)"/.exec(m[2]!)?.[1] ?? 'not executable';
    const branches = [...m[2]!.matchAll(/class="(branchCov|branchNoCov)"/g)].map((b) => (b[1] === 'branchCov' ? '+' : '-')).join('');
    out[Number(m[1])] = branches ? `${line} ${branches}` : line;
  }
  return out;
}

describe.skipIf(!hasGenhtml)('lcov output in genhtml', () => {
  it('shows a .vtl file and a template inline in an OpenAPI file at their lines', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'apigw-vtl-genhtml-'));
    writeFileSync(join(cwd, 'get-pet.vtl'), '#if($input.params("id") != "")\n{"id": "$input.params(\'id\')"}\n#else\n{}\n#end\n');
    writeFileSync(join(cwd, 'openapi.yaml'), OPENAPI);
    const cov = coverage();
    compileTemplate(readFileSync(join(cwd, 'get-pet.vtl'), 'utf8'), { coverage: cov, origin: join(cwd, 'get-pet.vtl') }).render({ path: { id: '7' } });
    const [template] = mappingTemplatesOf(loadApiDefinition(join(cwd, 'openapi.yaml')));
    compileTemplate(template!.source, { coverage: cov, origin: template!.origin }).render({ query: { mode: 'full' } });
    writeCoverageReports(join(cwd, 'cov'), cov.data(), { cwd });

    const r = spawnSync('genhtml', ['--branch-coverage', '--output-directory', 'html', 'cov/lcov.info'], { cwd, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    // genhtml puts each source's page in a folder named after the source's folder.
    const page = (name: string) => readFileSync(join(cwd, 'html', basename(cwd), `${name}.gcov.html`), 'utf8');
    const vtl = lineClasses(page('get-pet.vtl'));
    expect(vtl).toMatchObject({ 1: 'lineCov +-', 2: 'lineCov +-', 3: 'not executable', 4: 'lineNoCov' });
    const yaml = lineClasses(page('openapi.yaml'));
    expect(yaml).toMatchObject({ 9: 'not executable', 10: 'lineCov +-', 11: 'lineCov', 12: 'not executable', 13: 'lineNoCov' });
  });
});
