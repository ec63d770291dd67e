import { describe, expect, it } from 'vitest';
import { render, renderError } from '../helpers.js';

describe('#set', () => {
  it('assigns variables, map keys and list elements', () => {
    expect(render('#set($a = [1, 2, 3])#set($a[1] = "x")$a #set($m = {})#set($m["k"] = "v")#set($m.z = 1)$m')).toBe('[1, x, 3]{k=v, z=1}'); // the blank before #set goes with it (R3)
    expect(render('#set($m = {"n": {}})#set($m.n.x = 1)#set($a.b = 1)$m [$a]')).toBe('{n={x=1}} []');
  });

  it('accepts a space before the parenthesis and assigns through key variables', () => {
    expect(render('#set ($k = "key")#set($m = {})#set($m[$k] = 1)$m')).toBe('{key=1}');
  });

  it('keeps the old value when the right-hand side is null (math on a non-number)', () => {
    expect(render('#set($y = "old")#set($y = "a" * 2)$y')).toBe('old');
  });

  it('fails when writing into $context itself (read-only on AWS)', () => {
    expect(renderError('#set($context.stage = "x")').message).toMatch(/UnsupportedOperationException.*line 1, column 1/);
  });
});

describe('#if / #elseif / #else', () => {
  it('takes the first true branch', () => {
    expect(render('#set($v = 2)#if($v == 1)one#elseif($v == 2)two#{else}other#end')).toBe('two');
  });

  it('uses Velocity 1.7 precedence: && binds tighter than ||, comparisons tighter than ==', () => {
    expect(render('#if(true || false && false)T#{else}F#end')).toBe('T');
    expect(render('#if(1 == 2 || 3 == 3 && 4 == 5)T#{else}F#end')).toBe('F');
    expect(render('#if(1 < 2 == true)T#{else}F#end')).toBe('T');
    expect(render('#set($a = 1)#if($a == 1 and not false or false)T#end')).toBe('T');
  });

  it('evaluates literals in a condition as false, references by their value', () => {
    expect(render('#if("")a#end|#if(0)b#end|#if([])c#end|#if(1 + 1)d#end|#if(true)e#end|#if(!"")f#end')).toBe('||||e|f');
    expect(render('#set($e = "")#set($z = 0)#if($e)a#end|#if($z)b#end|#if($e && true)c#end')).toBe('a|b|c');
  });
});

describe('#foreach', () => {
  it('iterates lists, map values and ranges (both directions)', () => {
    expect(render('#foreach($i in [1, 2])$i#end|#foreach($v in {"a": 1, "b": 2})$v#end|#foreach($i in [3..1])$i#end|#foreach($i in [-1..1])$i#end')).toBe(
      '12|12|321|-101',
    );
  });

  it('does not iterate strings, numbers or nothing', () => {
    expect(render('#foreach($c in "abc")$c#end|#foreach($n in 5)$n#end|#foreach($x in $missing)$x#end|')).toBe('|||');
  });

  it('provides $foreach, $velocityCount and $velocityHasNext', () => {
    expect(render('#foreach($i in [1..3])$foreach.index$foreach.count$foreach.hasNext$foreach.first$foreach.last$velocityCount$velocityHasNext #end')).toBe(
      '01truetruefalse1true 12truefalsefalse2true 23falsefalsetrue3false ',
    );
    expect(render('#foreach($a in [1..2])#foreach($b in [1..2])$foreach.parent.index$foreach.index,#end#end')).toBe('00,01,10,11,');
  });

  it('restores the loop variable afterwards', () => {
    expect(render('#set($x = "o")#foreach($x in [1, 2])$x#end$x|#foreach($y in [1])#end[$y][$foreach]')).toBe('12o|[][]');
  });

  it('#break leaves the loop at once; outside a loop it ends the template', () => {
    expect(render('#foreach($i in [1..5])$i#if($i == 3)#break#end-#end!')).toBe('1-2-3!');
    expect(render('a#break b')).toBe('a');
  });

  it('stops silently after 1000 iterations and says so in the warnings', async () => {
    const { renderTemplate } = await import('../../src/index.js');
    const r = renderTemplate('#foreach($i in [1..1500])#set($last = $i)#end$last');
    expect(r.body).toBe('1000');
    expect(r.warnings.join()).toMatch(/1000 iterations/);
  });

  it('fails like Java when the list grows during the loop', () => {
    expect(renderError('#set($l = [1, 2])#foreach($x in $l)#set($d = $l.add(3))#end').message).toMatch(/ConcurrentModificationException/);
  });
});

describe('#define, #stop, #macro, #evaluate, #parse, #include', () => {
  it('#define renders its body with the variables of the moment', () => {
    expect(render('#define($d)[$x]#end#set($x = 1)$d#set($x = 2)$d')).toBe('[1][2]');
  });

  it('#define recursion stops after two levels and prints the reference', () => {
    expect(render('#define($d)x$d#end$d')).toBe('xx$d');
  });

  it('#stop ends the output', () => {
    expect(render('hello #stop world')).toBe('hello ');
  });

  it('#macro definitions vanish and calls print literally (AWS disables inline macros)', () => {
    expect(render('#macro(tryme)$values#end#tryme()')).toBe('#tryme()');
    expect(render('\n#macro ( blah )\nhello##\n#end\n#blah()')).toBe('\n#blah()');
  });

  it('#evaluate prints literally', () => {
    expect(render('#set($s = "abc")#evaluate($s)')).toBe('#evaluate($s)');
  });

  it('#parse and #include fail the render', () => {
    expect(renderError('#parse("x.vm")').message).toMatch(/#parse is not supported/);
    expect(renderError('a\n#include("x")').message).toMatch(/line 2, column 1/);
  });
});

describe('literals and escapes', () => {
  it('interpolates double-quoted strings, including directives, and not single-quoted ones', () => {
    expect(render('#set($s = "x")#set($t = "$s and ${s}y $s.length() #if(true)if#end")$t')).toBe('x and xy 1 if');
    expect(render("#set($s = 'x')#set($t = '$s')$t")).toBe('$s');
  });

  it('doubles a quote to escape it and keeps backslashes as they are', () => {
    expect(render('#set($q = "a""b")$q|#set($r = \'it\'\'s\')$r|#set($b = "\\n")$b')).toBe('a"b|it\'s|\\n');
  });

  it('escapes references and directives with backslashes', () => {
    // The blank after the escaped pair's empty reference goes with the following #set (R3).
    expect(render('\\$x \\\\$x #set($x = 1)\\$x \\\\$x')).toBe('$x \\$x \\1');
    expect(render('\\#if(true)x\\#end \\#foo')).toBe('#if(true)x#end \\#foo');
  });

  it('prints #[[raw]]# blocks and drops comments', () => {
    expect(render('#set($a = 1)#[[ $a #if ]]#|a## c\nb|a#* c\nd *#b')).toBe(' $a #if |ab|ab');
  });

  it('reads number literals the 1.7 way', () => {
    expect(render('#set($a = 1e3)#set($b = .5)#set($c = 1.)#set($d = -0.0)$a $b $c $d')).toBe('1000.0 0.5 1.0 -0.0');
    expect(render('#set($x = 3000000000)#set($y = $x * $x)$x $y')).toBe('3000000000 9000000000000000000');
  });

  it('allows hyphens in identifiers', () => {
    expect(render('#set($m = {"partition-key": "pk"})$m.partition-key|#foreach($i in [1])$i-#end')).toBe('pk|');
  });
});

describe('#define depth is counted per block', () => {
  it('a block that redefines itself renders every new block', () => {
    expect(render('#define($d)#define($d)#define($d)#end$d$!d#end$d$!d#end$d$!d')).toBe('');
    expect(render('#define($d)a#define($d)b#end$d#end$d')).toBe('ab');
  });
});

describe('#break and #stop inside captured text (Velocity 1.7 StopCommand, checked on the reference renderer)', () => {
  it('#stop inside a string literal ends the template; the partial literal is not printed', () => {
    expect(render('x#set($s = "a#stop b")$s after')).toBe('x');
    expect(render('#foreach($i in [1..3])$i#set($s = "a#stop b")#end end')).toBe('1');
  });

  it('#break inside a string literal ends the innermost #foreach, and the template outside any loop', () => {
    expect(render('#foreach($i in [1..3])#set($s = "a#break b")$s#end end')).toBe(' end');
    expect(render('#foreach($i in [1..2])#foreach($j in [1..2])$i$j#set($s = "#break")#end;#end')).toBe('11;21;');
    expect(render('a#set($s = "q#break")b')).toBe('a');
  });

  it('a #define block used as a value runs its #stop; $block.toString() renders the block', () => {
    expect(render('#define($d)D#stop E#end x#set($s = "$d")$s y')).toBe(' x');
    expect(render('#define($d)D#stop E#end x$d.toString() y')).toBe(' x');
    expect(render('#define($d)DE#end $d.toString()|$d.length()')).toBe(' DE|');
  });
});
