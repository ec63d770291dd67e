/**
 * A small grammar of VTL templates for property tests: references with methods and indexes, literals,
 * arithmetic and comparisons, #set/#if/#foreach/#define/#break/#stop, comments and whitespace variants.
 */
import fc from 'fast-check';

const names = fc.constantFrom('a', 'b', 'list', 'map', 's', 'n', 'x-y', 'input', 'context', 'util', 'foreach');
const methods = fc.constantFrom('size()', 'length()', 'get(0)', 'get("k")', 'toString()', 'isEmpty()', 'keySet()', 'substring(1)', 'put("k", 1)', 'add(2)', 'contains(1)', 'split(",")', 'replaceAll("a", "b")', 'path("$.a")', 'json("$")', 'params()');
const literal = fc.oneof(
  fc.integer({ min: -5, max: 2147483650 }).map(String),
  fc.constantFrom('1.5', '0.1', '1e3', '-0.0', 'true', 'false', '"str"', "'single'", '"it""s"', '"a$b"', '[]', '[1, 2]', '{}', '{"k": 1}', '[1..3]'),
);
const reference = fc
  .tuple(fc.constantFrom('$', '$!', '${'), names, fc.array(fc.oneof(methods, fc.constantFrom('k', 'nested', '[0]', '["k"]')), { maxLength: 3 }))
  .map(([lead, name, steps]) => {
    const path = steps.map((s) => (s.startsWith('[') ? s : '.' + s)).join('');
    return lead === '${' ? `\${${name}${path}}` : `${lead}${name}${path}`;
  });
const operand = fc.oneof(reference, literal);
const operator = fc.constantFrom(' + ', ' - ', ' * ', ' / ', ' % ', ' == ', ' != ', ' < ', ' >= ', ' && ', ' || ', ' and ');
const expression = fc.oneof(operand, fc.tuple(operand, operator, operand).map((p) => p.join('')), operand.map((o) => `!${o}`));
const text = fc.constantFrom('text', ' ', '\n', '  ', '\t', '{"k": ', '"', ',', '}', '\\', '#', '$', '##c\n', '#*c*#', '#[[raw]]#', '\r\n');

export const templateArbitrary: fc.Arbitrary<string> = fc.letrec<{ block: string; node: string }>((tie) => ({
  node: fc.oneof(
    { weight: 4, arbitrary: text },
    { weight: 4, arbitrary: reference },
    { weight: 2, arbitrary: fc.tuple(names, expression).map(([n, e]) => `#set($${n} = ${e})`) },
    { weight: 1, arbitrary: fc.tuple(expression, tie('block'), tie('block')).map(([c, a, b]) => `#if(${c})${a}#else${b}#end`) },
    { weight: 1, arbitrary: fc.tuple(names, operand, tie('block')).map(([n, e, b]) => `#foreach($${n} in ${e})${b}#end`) },
    { weight: 1, arbitrary: fc.tuple(names, tie('block')).map(([n, b]) => `#define($${n})${b}#end`) },
    { weight: 1, arbitrary: fc.constantFrom('#break', '#stop', '#macro(m $a)x#end', '#m(1)', '#evaluate("x")') },
  ),
  block: fc.array(tie('node'), { maxLength: 5 }).map((nodes) => nodes.join('')),
})).block;
