import { describe, expect, it } from 'vitest';
import { render } from '../helpers.js';

/**
 * API Gateway's whitespace is Velocity 1.7's lexer behaviour. Each case pins one rule; the expected
 * outputs are what AWS (Velocity 1.7 configured like AWS) prints for an empty context.
 */
describe('AWS whitespace rules', () => {
  it.each([
    ['a directive line swallows its line break', '#set($a = 1)\nX', 'X'],
    ['trailing blanks go with the line break', '#set($a = 1) \t \nX', 'X'],
    ['blanks are kept when text follows on the line', '#set($a = 1)  X', '  X'],
    ['only one line break is swallowed', '#set($a = 1)\n\nX', '\nX'],
    ['CRLF counts as one line break', '#set($a = 1)\r\nX', 'X'],
    ['a lone CR counts as one line break', '#set($a = 1)\rX', 'X'],
    ['indentation before #set vanishes at the template start', '  #set($a = 1)\nX', 'X'],
    ['indentation before #set after a literal line break is printed', 'A\n  #set($a = 1)\nX', 'A\n  X'],
    ['indentation before #set after a swallowed line break vanishes', '#set($a = 1)\n  #set($b = 2)\nX', 'X'],
    ['a block of indented #set lines after text keeps the first indentation', 'A\n  #set($a = 1)\n  #set($b = 2)\n  #set($c = 3)\nX', 'A\n  X'],
    ['blanks between #set directives vanish (the AWS harness line)', '#set($a = 1) #set($b = 2) #set($c = 3)\nX', 'X'],
    ['text before #set keeps its blanks and the line break still goes', 'A #set($a = 1)\nX', 'A X'],
    ['blanks after a reference and before #set vanish', "#set($r = 'R')$r  #set($b = 1)X", 'RX'],
    ['only #set swallows blanks before it', '#set($a = 1) #if(true)Y#end', ' Y'],
    ['blanks after #end and before #set vanish', '#if(true)Y#end  #set($a = 1)X', 'YX'],
    ['a multi-line map #set prints nothing but its indentation', 'A\n  #set($m = {\n    "k": "v"\n  })\n  X$m.k', 'A\n    Xv'],
    ['indented #if and #end lines push their indentation onto the next line', '  #if(true)\n  Y\n  #end\nX', '    Y\n  X'],
    ['a directive after text swallows the line break', 'A #if(true)\nY#end', 'A Y'],
    ['#else and #end swallow their line breaks', '#if(false)\nY\n#else\nN\n#end\nX', 'N\nX'],
    ['brace forms behave like the bare forms', '#if(false)Y#{else}N#{end}X', 'NX'],
    ['#{end} swallows trailing blanks and the line break', '#if(true)Y#{end}  \nX', 'YX'],
    ['#end swallows one line break of several', '#foreach($i in [1,2])$i#end\n\nX', '12\nX'],
    ['the JSON comma idiom joins lines', '[\n#foreach($i in [1,2])\n  "$i"#if($foreach.hasNext),#end\n#end\n]', '[\n  "1",  "2"]'],
    ['nested indented blocks drift right', '#foreach($i in [1,2])\n  #if($i == 1)\n    one\n  #else\n    other\n  #end\n#end', '      one\n        other\n  '],
    ['a ## comment swallows its line break and resets the boundary', 'A ## c\n  #set($a = 1)\nX', 'A X'],
    ['a block comment swallows only itself', 'A#*\n c\n*#\nB', 'A\nB'],
    ['a directive followed by a comment keeps the blank before it', '#set($a = 1) ## note\nX', ' X'],
    ['#define bodies print as written', '#define($d)\nD\n#end\n$d$d', 'D\nD\n'],
    ['a macro definition vanishes and its call prints literally', '#macro(m)\nM\n#end\n#m()', '#m()'],
    ['an unknown directive prints as written, line break included', '#foo()\nX', '#foo()\nX'],
    ["a method call's parenthesis swallows nothing", "#set($s = 'a')$s.toUpperCase()\nX", 'A\nX'],
    ['#set right after a directive parenthesis drops the blanks', '#if(true)  #set($a=1)X#end', 'X'],
    ['a lone $ before blanks and #set is dropped with them', 'a$ #set($b=1)X', 'aX'],
    ['a literal #word is a token boundary', 'c #fff  #set($a=1)X', 'c #fffX'],
    ['#13ff93 is text, so its blanks stay', '#13ff93  #set($a=1)X', '#13ff93  X'],
    ['the template is never trimmed', '\n#set($a = "x")\n$a\n', '\nx\n'],
  ])('%s', (_rule, template, expected) => {
    expect(render(template)).toBe(expected);
  });
});
