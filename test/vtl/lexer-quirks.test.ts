import { describe, expect, it } from 'vitest';
import { render } from '../helpers.js';
import { compileTemplate, VtlSyntaxError } from '../../src/index.js';

/**
 * Velocity 1.7's lexer has states, and a few character sequences behave differently depending on the
 * construct just before them. Each case here was found by comparing random templates with Velocity 1.7
 * configured like API Gateway.
 */
describe('Velocity 1.7 lexer states', () => {
  it('a lone $ before a control directive vanishes; before another #word it prints with it', () => {
    expect(render('$#if(true)x#end|a$#set($v = 1)b|$$#if(true)y#end')).toBe('x|ab|y');
    expect(render('$#stop|$#foo|$#evaluate($s)')).toBe('$#stop|$#foo|$#evaluate($s)');
    expect(render('$#[[raw $x]]#')).toBe('[raw $x');
  });

  it('a lone $ or # before backslashes keeps or loses itself as 1.7 does', () => {
    expect(render('#set($y = "Y")x$\\$y|x#\\$y|x$\\#y|x#\\#if')).toBe('x$\\Y|x#\\Y|x\\#y|x#if');
  });

  it('a name right after a method call or index is read as a reference: its steps vanish', () => {
    expect(render('#set($s = "S")$s.trim()a.b.c|$s.trim()abc def|$s.trim()a(1)|$s.trim()1a.b')).toBe('Sa|Sabc def|Sa(1)|S1a.b');
    expect(render('#set($a = "A")$a#set($b = 1)x.y|')).toBe('Ax|');
  });

  it("the state survives a block comment or raw block, and '[' there is a parse error", () => {
    expect(render('#set($b = "B")$b.trim()#*c*#x.y|$b.trim()#[[r]]#x.y|')).toBe('Bx|Brx|');
    expect(() => compileTemplate('$b#*c*#[0]')).toThrow(VtlSyntaxError);
    expect(() => compileTemplate('#set($a = "A")$a #set($b = 1)\n[x]')).toThrow(/#set that comes right after a reference/);
  });

  it('a { right after a reference opens a braced tail that swallows a name', () => {
    expect(render('#set($a = "A")$a{b}c|$a{1}|${a}{x}|$a{ b}|$a{$a}')).toBe('A{c|A{1}|A{x}|A{ b}|A{');
    expect(() => compileTemplate('$a{b ')).toThrow(VtlSyntaxError);
  });

  it("## right after $a.b is not a comment: '#' joins the next token", () => {
    expect(render('$a.b##c|')).toBe('##c|');
    expect(render('#if(true)$a.b##end|')).toBe('|');
    expect(render('#set($s = "S")$s.trim()a.b## note\nx|$s.trim()text## note\nx|')).toBe('Sa## note\nx|Stextx|');
  });

  it('a trailing $ or # ends a template with a lexical error, but not a string literal', () => {
    expect(() => compileTemplate('a$')).toThrow(/at the end of the template/);
    expect(() => compileTemplate('a#')).toThrow(/at the end of the template/);
    expect(() => compileTemplate('a#*')).toThrow(/at the end of the template/);
    expect(render('#set($a = "x$")#set($b = "y#")#set($c = "z$!")$a$b$c')).toBe('x$y#z$');
  });
});
