import { describe, expect, it } from 'vitest';
import { compileTemplate, VtlSyntaxError } from '../../src/index.js';

function syntaxError(template: string): VtlSyntaxError {
  try {
    compileTemplate(template);
  } catch (e) {
    expect(e).toBeInstanceOf(VtlSyntaxError);
    return e as VtlSyntaxError;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(template)}`);
}

describe('syntax errors carry what and where', () => {
  it.each([
    ['an unclosed #if', 'a\n#if(true)x', 2, 1, /#if is never closed/],
    ['an unclosed #foreach', '#foreach($i in [1])\n  $i', 1, 1, /#foreach is never closed/],
    ['a stray #end', 'a#end b', 1, 2, /#end without a matching/],
    ['a stray #else', 'x\n  #else', 2, 3, /#else without a matching #if/],
    ['#elseif after #else', '#if(true)#else#elseif(false)#end', 1, 15, /#elseif after #else/],
    ['a second #else', '#if(true)a#else b#else c#end', 1, 18, /second #else/],
    ['an unclosed directive parenthesis', '#set($a = (1 + 2)', 1, 5, /missing '\)'/],
    ['an unterminated string', '#set($a = "abc)', 1, 11, /unterminated string/],
    ['a backslash-escaped quote (not an escape in 1.7)', '#set($a = "x\\"y")', 1, 16, /unterminated string|invalid/],
    ['two numbers without an operator (5-2 is 5 and -2)', '#set($a = 5-2)', 1, 12, /found '-2'/],
    ['a method on a literal', '#set($a = "x".length())', 1, 14, /unexpected character/],
    ['null outside a method argument', '#set($a = null)', 1, 6, /null/],
    ['an unclosed index', '$a[', 1, 3, /missing '\]'/],
    ['an unclosed braced reference', '${a', 1, 1, /missing '\}'/],
    ['an unclosed raw block', 'x #[[raw', 1, 3, /#\[\[/],
    ['a lone $ at the end', 'Hello $', 1, 7, /at the end of the template/],
    ['an expression as a macro-call argument', '#foo(1 + 2)', 1, 8, /invalid argument/],
    ['a range with a decimal bound', '#foreach($i in [1..2.5])$i#end', 1, 16, /range/],
    ['a tab between #set and its parenthesis', '#set\t($a = 1)', 1, 1, /#set/],
    ['blanks between empty method parentheses', '$a.b( )', 1, 5, /blanks between the parentheses/],
    ['an error inside an interpolated string', '#set($a = "ok\n  $b.c(1 2)")', 2, 10, /found '2'/],
  ])('%s', (_what, template, line, column, message) => {
    const e = syntaxError(template);
    expect(e.message).toMatch(message);
    expect({ line: e.line, column: e.column }).toEqual({ line, column });
    expect(e.message).toContain(`(line ${line}, column ${column})`);
  });

  it('never throws anything but a VtlSyntaxError for arbitrary text', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('#', '$', '(', ')', '[', ']', '{', '}', '"', "'", 'a', ' ', '\n', '.', '!', '\\', 'if', 'set', 'end', '=', '1') }), (text) => {
        try {
          compileTemplate(text);
        } catch (e) {
          expect(e).toBeInstanceOf(VtlSyntaxError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
