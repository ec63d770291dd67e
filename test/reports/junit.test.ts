import { describe, expect, it } from 'vitest';
import type { ReportedCase } from '../../src/reports/index.js';
import { toJunit, xmlAttribute, xmlText } from '../../src/reports/index.js';
import { parseXml } from './xml.js';

const NASTY = `a "quoted" <tag> & 'apostrophe' \u0001\u0008\u000b\u001f\ufffe tab\tcr\rlf\n 😀 lone\ud800 end ]]>`;

function failing(name: string, details: string): ReportedCase {
  return {
    name,
    file: 'api/openapi.yaml',
    check: 'renders valid JSON',
    runs: 3,
    durationMs: 12.5,
    failure: { rule: 'renders-valid-json', severity: 'error', message: `${name}: fails`, file: 'api/openapi.yaml', line: 4, column: 2, details },
  };
}

describe('JUnit XML', () => {
  it('is well-formed, counts tests and failures, and carries every text back exactly (forbidden characters made visible)', () => {
    const cases: ReportedCase[] = [{ name: 'GET /pets request application/json', file: 'api/openapi.yaml', check: 'renders valid JSON', runs: 400, durationMs: 1500 }, failing(`POST /pets ${NASTY}`, NASTY)];
    const xml = toJunit(`apigw-vtl check ${NASTY}`, cases);
    expect(xml).not.toMatch(/\r/); // a raw CR would come back as LF
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '2', failures: '1', errors: '0' });
    const suite = root.children[0]!;
    expect(suite.name).toBe('testsuite');
    const visible = NASTY.replace('\u0001\u0008\u000b\u001f\ufffe', '\\u0001\\u0008\\u000b\\u001f\\ufffe').replace('\ud800', '\\ud800');
    expect(suite.attributes['name']).toBe(`apigw-vtl check ${visible}`);
    const [pass, fail] = suite.children;
    expect(pass).toMatchObject({ name: 'testcase', attributes: { name: 'GET /pets request application/json', classname: 'api/openapi.yaml', time: '1.500' }, children: [] });
    expect(fail!.attributes['name']).toBe(`POST /pets ${visible}`);
    const failure = fail!.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attributes).toEqual({ message: `POST /pets ${visible}: fails`, type: 'renders-valid-json' });
    expect(failure.text).toBe(visible);
  });

  it('escapes attributes so that line breaks and tabs survive attribute normalisation', () => {
    expect(xmlAttribute('a\nb\tc"d\'e')).toBe('a&#10;b&#9;c&quot;d&apos;e');
    expect(xmlText('1 < 2 && 3 > 2\r\n')).toBe('1 &lt; 2 &amp;&amp; 3 &gt; 2&#13;\n');
    // An emoji is a surrogate pair, which is fine; only a lone half is not.
    expect(xmlText('😀\udc00')).toBe('😀\\udc00');
  });

  it('an empty run is still a document', () => {
    expect(parseXml(toJunit('none', [])).children[0]!.attributes['tests']).toBe('0');
  });
});
