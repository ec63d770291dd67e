import { describe, expect, it } from 'vitest';
import { lintTemplate, type LintFinding } from '../../src/index.js';

const rules = (findings: LintFinding[]) => findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule}`);

describe('lintTemplate', () => {
  it('flags escapeJavaScript printed inside a JSON string, directly or through a variable, unless fixed', () => {
    const findings = lintTemplate(`#set($n = $util.escapeJavaScript($input.path('$.name')))
#set($ok = $util.escapeJavaScript($input.path('$.name')).replaceAll("\\\\'","'"))
{"a": "$util.escapeJavaScript($input.path('$.a'))",
 "b": "$util.escapeJavaScript($input.path('$.b')).replaceAll("\\\\'","'")",
 "c": "$n", "d": "$ok",
 "e": $util.escapeJavaScript($x)}`);
    expect(rules(findings.filter((f) => f.rule === 'escape-javascript-in-json'))).toEqual(['3:8 warning escape-javascript-in-json', '5:8 warning escape-javascript-in-json']);
    expect(findings[0]!.message).toMatch(/turns ' into \\'/);
  });

  it('follows #if branches and loops without losing track of the quotes', () => {
    const findings = lintTemplate(`[#foreach($i in $input.path('$.items'))
#if($i.ok){"v": "$util.escapeJavaScript($i.v)"}#else{"v": null}#end#if($foreach.hasNext),#end
#end]`);
    expect(rules(findings)).toEqual(['2:18 warning escape-javascript-in-json']);
  });

  it('flags $context variables mapping templates do not have', () => {
    const findings = lintTemplate('$context.stage $context.stag $context.identity.sourceIP $context.http.method $context.integrationLatency $context.error.message $context.authorizer.claims.sub $context.keySet()');
    expect(findings.map((f) => f.message)).toEqual([
      '$context.stag is not a REST API context variable; it renders empty',
      '$context.identity.sourceIP is not a context variable; it renders empty',
      '$context.http is not a REST API context variable; it renders empty ($context.http.* is an HTTP API variable)',
      '$context.integrationLatency exists only in access logs; it renders empty in a mapping template',
      '$context.error.* is only set in gateway response templates; it renders empty in a mapping template',
    ]);
  });

  it('flags directives API Gateway does not run', () => {
    const findings = lintTemplate('#macro(greet $n)Hi $n#end\n#greet("x")\n#evaluate("$a")\n#include("x.vm")\n#parse("y.vm")');
    expect(rules(findings)).toEqual([
      '1:1 warning unsupported-directive',
      '2:1 warning unsupported-directive',
      '3:1 warning unsupported-directive',
      '4:1 error unsupported-directive',
      '5:1 error unsupported-directive',
    ]);
  });

  it('reports a syntax error, and a template over 300 KB', () => {
    expect(rules(lintTemplate('{\n  #if($a)\n}'))).toEqual(['2:3 error syntax-error']);
    expect(rules(lintTemplate('x'.repeat(300 * 1024 + 1)))).toEqual(['1:1 error template-too-large']);
  });

  it('reports a template nested deeper than the compiler allows, at the construct that went too deep', () => {
    expect(rules(lintTemplate('#if(true)'.repeat(300) + '#end'.repeat(300)))).toEqual(['1:2305 error template-too-deep']);
  });

  it('has nothing to say about a clean template', () => {
    expect(lintTemplate(`{"name": $input.json('$.name'), "stage": "$context.stage"}`)).toEqual([]);
  });
});
