import { describe, expect, it } from 'vitest';
import { applyFixes, lintTemplate, type LintFinding, type LintOptions } from '../../src/index.js';

/** `line:column rule` of each finding of one rule (or all). */
function found(template: string, rule?: string, options?: LintOptions): string[] {
  return lintTemplate(template, options)
    .filter((f) => rule === undefined || f.rule === rule)
    .map((f) => `${f.line}:${f.column} ${f.rule}`);
}

function only(template: string, rule: string, options?: LintOptions): LintFinding[] {
  return lintTemplate(template, options).filter((f) => f.rule === rule);
}

describe('undefined-reference', () => {
  it('flags method.request.* in a template, with the template way to read it as a certain fix', () => {
    const template = `{
  "TableName": "pets",
  "Key": {"id": {"S": "$method.request.path.id"}}
}`;
    const [f] = only(template, 'undefined-reference');
    expect(f).toMatchObject({ line: 3, column: 24 });
    expect(f!.message).toContain("$input.params().path.get('id')");
    expect(applyFixes(template, [f!]).text).toContain(`{"S": "$input.params().path.get('id')"}`);
  });

  it('keeps the braces of ${method.request.path.id} in the fix, so the text after it stays text', () => {
    const template = '{"Key": "${method.request.path.id}.json", "q": "$!{method.request.querystring.q}"}';
    expect(applyFixes(template, lintTemplate(template)).text).toBe(`{"Key": "\${input.params().path.get('id')}.json", "q": "$!{input.params().querystring.get('q')}"}`);
  });

  it('flags a placeholder left by a string-formatting step, a misspelt variable and a wrong case, once per line', () => {
    const template = `#set($petName = $input.path('$.name'))
{"TableName": "\${scan_table.table_name}", "name": "$pet_name", "again": "$pet_name",
 "id": "$Input.path('$.id')"}`;
    expect(found(template, 'undefined-reference')).toEqual(['2:16 undefined-reference', '2:52 undefined-reference', '3:9 undefined-reference']);
    expect(only(template, 'undefined-reference')[0]!.message).toMatch(/string-formatting/);
    expect(only(template, 'undefined-reference')[2]!.message).toMatch(/case-sensitive/);
  });

  it('knows API Gateway variables, #set (anywhere), #foreach and #define names, and the loop helpers', () => {
    const template = `#define($row)"$item.id"#end
#foreach($item in $input.path('$.items'))$row#if($foreach.hasNext),#end $velocityCount $velocityHasNext#end
$later $context.stage $stageVariables.t $util.urlEncode($input.body)
#set($later = 1)`;
    expect(found(template, 'undefined-reference')).toEqual([]);
  });
});

describe('no-op-replacement', () => {
  it("flags replaceAll(\"\\'\", \"'\"): in a Velocity string the backslash stays, so ' is replaced by itself", () => {
    const template = `{"name": "$util.escapeJavaScript($input.path('$.name')).replaceAll("\\'", "'")"}`;
    const [f] = only(template, 'no-op-replacement');
    expect(f).toMatchObject({ line: 1, column: 11 });
    expect(f!.message).toContain(`write .replaceAll("\\\\'", "'")`);
  });

  it("flags the replacement \"\\'\" that inserts ' and replace(x, x), not the real fixes", () => {
    expect(found(`$x.replaceAll("'", "\\'") $x.replace("a", "a")`, 'no-op-replacement')).toEqual(['1:1 no-op-replacement', '1:26 no-op-replacement']);
    expect(found(`#set($x = "a")$x.replaceAll("\\\\'", "'") $x.replaceAll("'", "\\\\'") $x.replaceAll("\\s+", " ") $x.replaceAll("a", "$1")`, 'no-op-replacement')).toEqual([]);
  });
});

describe('escape-javascript-in-json', () => {
  it('follows the result through a #set string that is printed inside a JSON string', () => {
    const template = `#set($name = "$util.escapeJavaScript($input.path('$.name'))")
#set($ok = "$util.escapeJavaScript($input.path('$.name')).replaceAll(""\\\\'"", ""'"")")
{"name": "$name"}`;
    expect(found(template, 'escape-javascript-in-json')).toEqual(['3:11 escape-javascript-in-json']);
  });
});

describe('input-json-in-quotes', () => {
  it('flags $input.json inside a JSON string, and drops the quotes as its fix', () => {
    const template = `{"name": "$input.json('$.name')", "tags": $input.json('$.tags')}`;
    const findings = only(template, 'input-json-in-quotes');
    expect(findings.map((f) => `${f.line}:${f.column}`)).toEqual(['1:11']);
    expect(applyFixes(template, findings).text).toBe(`{"name": $input.json('$.name'), "tags": $input.json('$.tags')}`);
  });

  it('offers no fix when the text after the quotes would join the reference', () => {
    expect(only(`{"a": "$input.json('$')"[1..3], "b": "$input.json('$')".x}`, 'input-json-in-quotes').map((f) => f.fix)).toEqual([undefined, undefined]);
  });

  it('follows $input.json text through a variable printed inside quotes (no fix: where the quotes go is a choice)', () => {
    const template = `#set($tags = $input.json('$.tags'))#set($ok = $input.json('$.ok'))
{"tags": "$tags", "ok": $ok}`;
    const findings = only(template, 'input-json-in-quotes');
    expect(findings.map((f) => `${f.line}:${f.column} ${f.fix ? 'fix' : 'no fix'}`)).toEqual(['2:11 no fix']);
  });
});

describe('structured-value-printed', () => {
  it('flags maps and Java lists printed into JSON: the whole body, params, identity, split strings, variables holding them', () => {
    const template = `#set($body = $input.path('$'))
#set($tags = $input.params('tags').split(","))
{
  "body": $body,
  "params": $input.params().header,
  "who": $context.identity,
  "tags": $tags,
  "keys": $body.keySet(),
  "count": $input.path('$.count'),
  "raw": $input.json('$')
}`;
    expect(found(template, 'structured-value-printed')).toEqual([
      '4:11 structured-value-printed',
      '5:13 structured-value-printed',
      '6:10 structured-value-printed',
      '7:11 structured-value-printed',
      '8:11 structured-value-printed',
    ]);
  });

  it('leaves JSON arrays read from the body alone: API Gateway prints them as JSON', () => {
    expect(found(`{"ids": $input.path('$.items[*].id'), "titles": $input.path('$..title'), "one": $input.params().path.get('id')}`, 'structured-value-printed')).toEqual([]);
  });

  it('flags a field the model says is an object', () => {
    const model = { type: 'object', properties: { owner: { $ref: '#/definitions/Owner' }, name: { type: 'string' } } };
    const template = `{"owner": $input.path('$.owner'), "name": "$input.path('$.name')"}`;
    expect(found(template, 'structured-value-printed', { model, models: { Owner: { type: 'object' } } })).toEqual(['1:11 structured-value-printed']);
    expect(found(template, 'structured-value-printed')).toEqual([]);
  });

  it('says nothing when the output is not JSON', () => {
    expect(found(`Action=SendMessage&MessageBody=$input.path('$')`, 'structured-value-printed')).toEqual([]);
  });
});

describe('foreach-over-string', () => {
  it('flags #foreach over $input.json (a string), with $input.path as the fix, and over other strings', () => {
    const template = `[#foreach($item in $input.json('$.items'))"$item"#end]
#set($csv = "a,b")#foreach($c in $csv)$c#end#foreach($c in $input.params('ids'))$c#end`;
    const findings = only(template, 'foreach-over-string');
    expect(findings.map((f) => `${f.line}:${f.column}`)).toEqual(['1:2', '2:19', '2:45']);
    expect(applyFixes(template, findings).text.split('\n')[0]).toBe(`[#foreach($item in $input.path('$.items'))"$item"#end]`);
    expect(found(`#foreach($c in $input.params('ids').split(","))$c#end#foreach($x in $input.path('$.a'))$x#end`, 'foreach-over-string')).toEqual([]);
  });

  it('the stage variables map is a map: #foreach over its keySet() is fine, over one variable is not', () => {
    expect(found('#foreach($k in $stageVariables.keySet())$k=$stageVariables.get($k)#end', 'foreach-over-string')).toEqual([]);
    expect(found('#foreach($c in $stageVariables.hosts)$c#end#foreach($c in $stageVariables.get("hosts"))$c#end', 'foreach-over-string')).toHaveLength(2);
  });
});

describe('unused-variable', () => {
  it('flags a #set nothing reads, not calls made for their effect or names that say they are unused', () => {
    const template = `#set($list = [])
#set($ignored = $list.add(1))
#set($result = $list.add(2))
#set($unused = 3)
#set($tableName = $stageVariables.table)
#set($table = $stageVariables.table)
{"TableName": "$table", "items": $list}`;
    expect(found(template, 'unused-variable')).toEqual(['5:1 unused-variable']);
  });

  it('counts a read in a string literal, an argument or a later #set value', () => {
    expect(found(`#set($a = 1)#set($b = "x$a")#set($c = $b.length())$c`, 'unused-variable')).toEqual([]);
  });
});

describe('loop-over-limit', () => {
  it('flags ranges and lists over 1000, and model arrays allowed more than 1000 items', () => {
    expect(found('#foreach($i in [1..1500])$i#end#foreach($i in [0..999])$i#end', 'loop-over-limit')).toEqual(['1:1 loop-over-limit']);
    const model = { type: 'object', properties: { items: { type: 'array', maxItems: 5000 } } };
    expect(found(`#foreach($i in $input.path('$.items'))$i#end`, 'loop-over-limit', { model })).toEqual(['1:1 loop-over-limit']);
  });
});

describe('context variables for the API and method', () => {
  it('flags WebSocket variables in a REST API, and REST ones in a WebSocket API', () => {
    expect(only('$context.connectionId', 'unknown-context-variable')[0]!.message).toMatch(/only in WebSocket APIs/);
    expect(found('$context.connectionId $context.routeKey', undefined, { apiType: 'WEBSOCKET' })).toEqual([]);
    expect(found('$context.resourcePath', 'unknown-context-variable', { apiType: 'WEBSOCKET' })).toEqual(['1:1 unknown-context-variable']);
  });

  it("flags what this method's authorization never fills", () => {
    const template = '$context.authorizer.claims.sub $context.authorizer.principalId $context.identity.userArn $context.identity.apiKey $context.identity.sourceIp';
    expect(found(template, 'context-variable-unavailable', { authorizationType: 'NONE', apiKeyRequired: false })).toEqual([
      '1:1 context-variable-unavailable',
      '1:32 context-variable-unavailable',
      '1:64 context-variable-unavailable',
      '1:90 context-variable-unavailable',
    ]);
    expect(found(template, 'context-variable-unavailable', { authorizationType: 'COGNITO_USER_POOLS', apiKeyRequired: true })).toEqual(['1:64 context-variable-unavailable']);
    expect(found(template, 'context-variable-unavailable')).toEqual([]);
  });

  it('flags a template on a proxy integration, which never runs', () => {
    expect(found('{"a": 1}', 'template-not-run', { integrationType: 'AWS_PROXY' })).toEqual(['1:1 template-not-run']);
    expect(found('{"a": 1}', 'template-not-run', { integrationType: 'AWS' })).toEqual([]);
  });
});

describe('severity', () => {
  it('takes a severity per rule, and drops the rules turned off', () => {
    const template = '#set($x = 1)$y';
    expect(lintTemplate(template, { rules: { 'unused-variable': 'off', 'undefined-reference': 'error' } }).map((f) => `${f.rule} ${f.severity}`)).toEqual(['undefined-reference error']);
  });

  it('rejects an unknown rule or severity with a typed error', () => {
    expect(() => lintTemplate('x', { rules: { nope: 'off' } as never })).toThrow(/there is no rule 'nope'/);
    expect(() => lintTemplate('x', { rules: { 'unused-variable': 'loud' as never } })).toThrow(/must be error, warning, note or off/);
  });
});

describe('applyFixes', () => {
  it('applies each fix once, skipping overlapping ones, so applying twice changes nothing more', () => {
    const template = `{"a": "$input.json('$.a')", "b": "$method.request.querystring.b"}`;
    const once = applyFixes(template, lintTemplate(template));
    expect(once).toEqual({ text: `{"a": $input.json('$.a'), "b": "$input.params().querystring.get('b')"}`, applied: 2 });
    expect(applyFixes(once.text, lintTemplate(once.text)).applied).toBe(0);
  });
});
