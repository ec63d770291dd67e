/**
 * Grammar-based generators of VTL mapping templates, weighted toward what real templates do: read the
 * body with `$input.path`/`$input.json`, build JSON text, loop with the comma idiom, call Java methods
 * on strings, maps and lists (with arguments that stress Java semantics: regexes, negative and
 * out-of-range indexes, nulls), do integer and decimal arithmetic, and set overrides.
 *
 * The generated templates always start with a prelude that binds typed variables (`$str`, `$num`,
 * `$dec`, `$list`, `$map`, `$root`), so method calls mostly land on receivers of the right class.
 */
import fc from 'fast-check';
import { plainWord, trickyString } from './strings.js';

const pick = fc.constantFrom;

/** A VTL string literal: double-quoted (interpolated, `""` escapes a quote) or single-quoted. */
function vtlStringLiteral(text: string, quote: '"' | "'"): string {
  return quote + text.replaceAll(quote, quote + quote) + quote;
}

// Text that may go into a literal: no line breaks (1.7 allows them, but they make reports unreadable).
const literalText = trickyString.map((s) => s.replace(/[\r\n]/g, ' ').replace(/\\+$/, ''));

const intLiteral = pick('0', '1', '2', '3', '-1', '7', '10', '100', '2147483647', '3000000000');
const decimalLiteral = pick('0.5', '1.5', '2.0', '-0.25', '10.50', '1e3', '.5', '100.0');
const regex = pick('[aeiou]', '\\s+', '(\\w)(\\w)', '\\.', '.', 'a|b', '^', '$', '\\d{2,}', '(?i)x', '[^a-z]', '\\p{Alpha}+', '\\W', ',', '/');
const replacement = pick('$1', '[$0]', 'x', '', '-', '\\$', '$2');
const smallIndex = pick('0', '1', '2', '-1', '5');
const jsonPath = pick('$', '$.s', '$.n', '$.d', '$.b', '$.nul', '$.arr', '$.obj', '$.obj.k', '$.obj.nested', '$.items', '$.items[0]', '$.items[0].name', '$.items[*].id', '$..id', '$.items[?(@.id > 1)]', '$.missing', '$.arr[1]', '$.arr[9]', "$['s','n']", 's');
const paramName = pick('id', 'q', 'page', 'tag', 'Accept', 'content-type', 'x-custom', 'missing', 'name');
const contextField = pick('stage', 'requestId', 'httpMethod', 'resourcePath', 'path', 'identity.sourceIp', 'identity.user', 'identity.caller', 'authorizer.claims.sub', "authorizer.claims['custom:role']", 'requestTimeEpoch', 'apiId', 'requestOverride.header.h');

const stringLiteral = fc.tuple(literalText, pick<'"' | "'">('"', "'")).map(([t, q]) => vtlStringLiteral(t, q));
const interpolated = fc
  .array(fc.oneof(literalText.map((t) => t.replace(/["$#\\]/g, '')), pick('$str', '${num}', '$!dec', '$map.a', '$list.size()')), { maxLength: 4 })
  .map((parts) => `"${parts.join('')}"`);

/** Expressions of a known Java class (as far as the generator can tell). */
interface Expressions {
  str: string;
  num: string;
  bool: string;
  list: string;
  map: string;
  any: string;
}

const expressions = fc.letrec<Expressions>((untypedTie) => {
  const tie = (key: keyof Expressions) => untypedTie(key) as fc.Arbitrary<string>;
  return {
  str: fc.oneof(
    { weight: 3, arbitrary: stringLiteral },
    { weight: 2, arbitrary: interpolated },
    { weight: 3, arbitrary: pick('$str', '$root.s', "$input.path('$.s')", '$map.a', '$list[0]', '$stageVariables.env', '$item') },
    { weight: 2, arbitrary: paramName.map((p) => `$input.params('${p}')`) },
    { weight: 1, arbitrary: contextField.map((f) => `$context.${f}`) },
    { weight: 1, arbitrary: jsonPath.map((p) => `$input.json('${p}')`) },
    {
      weight: 3,
      arbitrary: fc.tuple(pick('$str', '$root.s', '$input.body'), fc.oneof(
        pick('.trim()', '.toUpperCase()', '.toLowerCase()', '.toString()'),
        smallIndex.map((i) => `.substring(${i})`),
        fc.tuple(smallIndex, smallIndex).map(([a, b]) => `.substring(${a}, ${b})`),
        fc.tuple(regex, replacement).map(([r, x]) => `.replaceAll("${r}", "${x}")`),
        fc.tuple(regex, replacement).map(([r, x]) => `.replaceFirst("${r}", "${x}")`),
        fc.tuple(stringLiteral, stringLiteral).map(([a, b]) => `.replace(${a}, ${b})`),
        tie('str').map((s) => `.concat(${s})`),
        smallIndex.map((i) => `.charAt(${i})`),
      )).map(([r, m]) => r + m),
    },
    { weight: 2, arbitrary: fc.tuple(pick('escapeJavaScript', 'urlEncode', 'urlDecode', 'base64Encode'), pick('$str', '$root.s', "$input.path('$.s')", "'a b'")).map(([f, a]) => `$util.${f}(${a})`) },
  ),
  num: fc.oneof(
    { weight: 3, arbitrary: intLiteral },
    { weight: 2, arbitrary: decimalLiteral },
    { weight: 3, arbitrary: pick('$num', '$dec', '$root.n', '$root.d', "$input.path('$.n')", '$root.items.size()', '$list.size()', '$str.length()', '$map.size()', '$foreach.index', '$velocityCount') },
    { weight: 2, arbitrary: fc.tuple(pick('$str', '$root.s'), fc.oneof(regex, stringLiteral.map((s) => s.slice(1, -1)))).map(([r, a]) => `${r}.indexOf("${a.replace(/"/g, '')}")`) },
    { weight: 3, arbitrary: fc.tuple(tie('num'), pick(' + ', ' - ', ' * ', ' / ', ' % '), tie('num')).map(([a, op, b]) => `${a}${op}${b}`) },
    { weight: 1, arbitrary: tie('num').map((n) => `(${n})`) },
  ),
  bool: fc.oneof(
    { weight: 2, arbitrary: pick('true', 'false', '$root.b', '$foreach.hasNext', '$foreach.first', '$foreach.last', '$velocityHasNext', '$missing', '$root.nul') },
    { weight: 3, arbitrary: fc.tuple(tie('any'), pick(' == ', ' != '), tie('any')).map(([a, op, b]) => `${a}${op}${b}`) },
    { weight: 3, arbitrary: fc.tuple(tie('num'), pick(' < ', ' <= ', ' > ', ' >= ', ' eq ', ' ne '), tie('num')).map(([a, op, b]) => `${a}${op}${b}`) },
    { weight: 2, arbitrary: fc.tuple(pick('$str', '$root.s'), pick('contains', 'startsWith', 'endsWith', 'equals', 'equalsIgnoreCase', 'matches'), stringLiteral).map(([r, m, a]) => `${r}.${m}(${a})`) },
    { weight: 1, arbitrary: fc.tuple(pick('$str', '$root.s'), regex).map(([r, x]) => `${r}.matches("${x}")`) },
    { weight: 2, arbitrary: fc.tuple(pick('$map', '$root.obj', '$root'), pick('containsKey', 'containsValue'), fc.oneof(stringLiteral, intLiteral)).map(([r, m, a]) => `${r}.${m}(${a})`) },
    { weight: 1, arbitrary: fc.tuple(pick('$list', '$root.arr'), pick('contains', 'isEmpty'), fc.oneof(stringLiteral, intLiteral)).map(([r, m, a]) => (m === 'isEmpty' ? `${r}.isEmpty()` : `${r}.contains(${a})`)) },
    { weight: 2, arbitrary: fc.tuple(tie('bool'), pick(' && ', ' || ', ' and ', ' or '), tie('bool')).map(([a, op, b]) => `${a}${op}${b}`) },
    { weight: 1, arbitrary: tie('bool').map((b) => `!${b}`) },
    { weight: 1, arbitrary: tie('bool').map((b) => `(${b})`) },
  ),
  list: fc.oneof(
    { weight: 3, arbitrary: pick('$list', '$root.items', '$root.arr', "$input.path('$.items')", "$input.path('$.items[*].id')", '$map.keySet()', '$map.values()', '$map.entrySet()', '$root.obj.keySet()', '$input.params().header.keySet()') },
    { weight: 2, arbitrary: fc.array(fc.oneof(intLiteral, stringLiteral, decimalLiteral), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`) },
    { weight: 1, arbitrary: fc.tuple(pick('0', '1', '3', '-2'), pick('0', '2', '4')).map(([a, b]) => `[${a}..${b}]`) },
    // (arrays from split print a random identity hash in Java: iterate them, never print them)
    { weight: 1, arbitrary: fc.tuple(pick('$str', '$root.s'), pick(',', '\\s+', '', 'a', '\\.')).map(([r, x]) => `${r}.split("${x}")`) },
  ),
  map: fc.oneof(
    { weight: 3, arbitrary: pick('$map', '$root', '$root.obj', "$input.path('$.obj')", '$input.params()', '$input.params().querystring', '$root.items[0]') },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(plainWord, fc.oneof(intLiteral, stringLiteral, decimalLiteral, pick('true', '[1, 2]', '{}'))), { maxLength: 3 })
        .map((entries) => `{${entries.map(([k, v]) => `"${k}": ${v}`).join(', ')}}`),
    },
  ),
  any: fc.oneof(tie('str'), tie('num'), tie('list').filter((l) => !l.includes('.split(')), tie('map'), pick('$undefined', '$root.nul', 'true')),
  };
});

/** A method call that mutates or reads a map or list, printed or discarded with `$!`/`#set`. */
const collectionCall = fc.oneof(
  fc.tuple(pick('$map', '$root', '$root.obj'), pick('put', 'get', 'remove', 'containsKey', 'getOrDefault'), plainWord, expressions.any).map(([r, m, k, v]) =>
    m === 'put' || m === 'getOrDefault' ? `${r}.${m}("${k}", ${v})` : `${r}.${m}("${k}")`,
  ),
  fc.tuple(pick('$list', '$root.arr', '$root.items'), pick('add', 'get', 'set', 'remove', 'indexOf', 'contains'), smallIndex, expressions.any).map(([r, m, i, v]) =>
    m === 'get' || m === 'remove' ? `${r}.${m}(${i})` : m === 'set' ? `${r}.set(${i}, ${v})` : `${r}.${m}(${v})`,
  ),
  fc.tuple(pick('$map', '$root.obj'), pick('keySet()', 'values()', 'entrySet()', 'size()', 'isEmpty()', 'toString()')).map(([r, m]) => `${r}.${m}`),
  fc.tuple(pick('$list', '$root.items'), pick('size()', 'isEmpty()', 'toString()', 'subList(0, 1)')).map(([r, m]) => `${r}.${m}`),
  pick('$map.putAll({"z": 1})', '$list.addAll([9])', '$list.add(null)', '$map.put("n", null)', '$root.items[0].name', '$root.items[-1]', '$list[1]'),
);

/** How an expression reaches the output. */
const output = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(expressions.str, expressions.num, expressions.any) },
  { weight: 2, arbitrary: collectionCall },
).chain((e) =>
  e.startsWith('$') && !e.startsWith('$!') && /^\$[a-zA-Z]/.test(e)
    ? pick(e, '$!' + e.slice(1), /^\$[\w.-]+$/.test(e) ? `\${${e.slice(1)}}` : e)
    : fc.constant(`#set($out = ${e})$out`),
);

const setTarget = pick('$x', '$y', '$str', '$num', '$map.a', '$map["b"]', '$list[0]', '$root.added');

const text = pick('{', '}', '"key": ', '"', ', ', '\n', '\n  ', ' ', 'text', '[', ']', '\r\n', '\t', ': ', '#', '$', '50%', 'a.b');

/** Blanks and line breaks that Velocity's whitespace rules treat differently around directives. */
const gap = pick('', '', '\n', '\n  ', '  ', ' \n', '\r\n', '\n\n');

const comment = pick('## note\n', '#* block *#', '#** doc *#\n', '##\n');

interface Blocks {
  block: string;
  statement: string;
}

const program = fc.letrec<Blocks>((untypedTie) => {
  const tie = (key: keyof Blocks) => untypedTie(key) as fc.Arbitrary<string>;
  return {
  statement: fc.oneof(
    { weight: 5, arbitrary: text },
    { weight: 6, arbitrary: output },
    { weight: 4, arbitrary: fc.tuple(gap, setTarget, expressions.any).map(([g, t, e]) => `${g}#set(${t} = ${e})`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(gap, expressions.bool, tie('block'), fc.option(fc.tuple(expressions.bool, tie('block'))), fc.option(tie('block')), pick('#else', '#{else}'), pick('#end', '#{end}'))
        .map(([g, c, a, elif, other, els, end]) => `${g}#if(${c})${a}${elif ? `#elseif(${elif[0]})${elif[1]}` : ''}${other !== null ? `${els}${other}` : ''}${end}`),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(gap, pick('item', 'elem', 'e', 'k'), fc.oneof(expressions.list, expressions.map), tie('block'), fc.boolean(), fc.boolean())
        .map(([g, v, iterable, body, comma, brk]) =>
          `${g}#foreach($${v} in ${iterable})$${v}${body}${brk ? `#if($foreach.count > 2)#break#end` : ''}${comma ? '#if($foreach.hasNext),#end' : ''}\n#end`,
        ),
    },
    { weight: 1, arbitrary: fc.tuple(pick('d', 'snippet'), tie('block')).map(([n, b]) => `#define($${n})${b}#end$${n}$!${n}`) },
    { weight: 1, arbitrary: comment },
    { weight: 1, arbitrary: pick('#stop', '#macro(m $a)[$a]#end#m("x")', '#evaluate($str)', '#[[raw $x #if]]#', '\\$str', '\\#if', '#{set}($x = 1)') },
  ),
  block: fc.array(tie('statement'), { maxLength: 4 }).map((s) => s.join('')),
  };
}).block;

const prelude = fc
  .tuple(stringLiteral, intLiteral, decimalLiteral, expressions.list, expressions.map, gap)
  .map(([s, n, d, l, m, g]) =>
    [
      `#set($root = $input.path('$'))`,
      `#set($str = ${s})`,
      `#set($num = ${n})`,
      `#set($dec = ${d})`,
      `#set($list = ${l.startsWith('[') ? l : '[1, "two", 3.0]'})`,
      `#set($map = ${m.startsWith('{') ? m : '{"a": "x", "b": 2}'})`,
    ].join(g),
  );

/** Whole templates in the style of real mapping templates. */
const realistic = fc.oneof(
  fc.constant(`#set($allParams = $input.params())
{
"body-json" : $input.json('$'),
"params" : {
#foreach($type in $allParams.keySet())
    #set($params = $allParams.get($type))
"$type" : {
    #foreach($paramName in $params.keySet())
    "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
        #if($foreach.hasNext),#end
    #end
}
    #if($foreach.hasNext),#end
#end
},
"context" : {
    "stage" : "$context.stage",
    "request-id" : "$context.requestId",
    "source-ip" : "$context.identity.sourceIp",
    "user" : "$context.identity.user"
    }
}
`),
  fc.constant(`#set($inputRoot = $input.path('$'))
{
  "items": [
#foreach($elem in $inputRoot.items)
    {"id": "$elem.id", "name": "$util.escapeJavaScript($elem.name).replaceAll("\\\\'","'")", "price": $elem.price, "tags": $elem.tags.size()}#if($foreach.hasNext),#end
#end
  ],
  "count": $inputRoot.items.size()
}`),
  fc.constant(`{
  "TableName": "$stageVariables.table",
  "Item": {
    "id": {"S": "$input.params('id')"},
    "name": {"S": "$util.escapeJavaScript($input.path('$.s'))"},
    "n": {"N": "$input.path('$.n')"}
  }
}`),
  fc.constant(`Action=SendMessage&MessageBody=$util.urlEncode($input.body)&MessageAttribute.1.Value.StringValue=$util.urlEncode($input.params('q'))`),
  fc.constant(`#set($body = $input.path('$'))
#if($body.toString().contains("error"))
#set($context.responseOverride.status = 400)
#end
{"ok": #if($body.b)true#{else}false#end, "data": $input.json('$.obj')}`),
);

/** A mapping template: a realistic one, or a prelude followed by random statements. */
export const templateArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: realistic },
  { weight: 9, arbitrary: fc.tuple(prelude, gap, program).map(([p, g, b]) => p + g + b) },
);
