/**
 * Hostile templates at compile time: nesting deep enough to overflow the stack is a located
 * VtlLimitError('nesting'), nothing but VtlErrors ever escapes, and compile work is linear in the
 * template's size (measured by what is handed to velocityjs, never by time).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTemplate, VtlError, VtlLimitError, VtlSyntaxError } from '../../src/index.js';
import { compileGuarded, MAX_NESTING, newParseStats, typedError, type ParseStats } from '../../src/vtl/parser/limits.js';
import { parseTemplate } from '../../src/vtl/parser/parse.js';

const render = (t: string) => compileTemplate(t).render({}).body;

function compileError(t: string): VtlError {
  try {
    compileTemplate(t);
  } catch (e) {
    if (e instanceof VtlError) return e;
    throw new Error(`not a VtlError: ${String(e)}`);
  }
  throw new Error('compiled');
}

function expectNesting(t: string, line: number, column: number): void {
  const e = compileError(t);
  expect(e).toBeInstanceOf(VtlLimitError);
  expect((e as VtlLimitError).limit).toBe('nesting');
  expect({ line: e.line, column: e.column }).toEqual({ line, column });
}

/** Runs `f` under `frames` extra stack frames, as a test runner's deep caller stack would. */
function underDeepStack<T>(frames: number, f: () => T): T {
  const dive = (n: number): T => (n === 0 ? f() : dive(n - 1));
  return dive(frames);
}

const nest = (open: string, inner: string, close: string, n: number) => open.repeat(n) + inner + close.repeat(n);

describe('nesting limit', () => {
  it('is 256 levels', () => {
    expect(MAX_NESTING).toBe(256);
  });

  it('reports #if × 1000 at the 257th #if', () => {
    expectNesting(nest('#if(true)', 'x', '#end', 1000), 1, 9 * 256 + 1);
  });

  it('reports #foreach, #define and #macro blocks', () => {
    expectNesting(nest('#foreach($i in $l)', 'x', '#end', 300), 1, 18 * 256 + 1);
    expectNesting(nest('#define($d)', 'x', '#end', 300), 1, 11 * 256 + 1);
    expectNesting(nest('#macro(m)', 'x', '#end', 300), 1, 9 * 256 + 1);
  });

  it('reports the line and column on later lines', () => {
    expectNesting('a\nb\n  ' + nest('#if(true)\n', 'x', '#end\n', 300), 3 + 256, 1);
    expectNesting('line one\n  #set($x = ' + nest('[', '1', ']', 300) + ')', 2, 13 + 255);
  });

  it('reports brackets at the first one too deep', () => {
    // `#set(` is level 1; the 256th bracket inside it is level 257.
    expectNesting(`#set($x = ${nest('[', '1', ']', 1000)})`, 1, 10 + 256);
    expectNesting(`#set($x = ${nest('{"a":', '1', '}', 1000)})`, 1, 10 + 5 * 255 + 1);
    expectNesting(`#set($x = ${nest('(', '1', ')', 1000)})`, 1, 10 + 256);
    expectNesting(`$a.b(${nest('(', '1', ')', 1000)})`, 1, 5 + 256);
    expectNesting(nest('$a.b(', '1', ')', 1000), 1, 5 * 256 + 5);
    expectNesting(nest('$a[', '0', ']', 1000), 1, 3 * 256 + 3);
  });

  it('counts operators: long chains and ! runs', () => {
    expectNesting(`#if(${'!'.repeat(1000)}true)x#end`, 1, 4 + 256);
    const chain = compileError(`#set($x = 1${' + 1'.repeat(1000)})`);
    expect(chain).toBeInstanceOf(VtlLimitError);
    expect(chain.line).toBe(1);
    // Operators after a deep bracket deepen it too.
    const after = compileError(`#set($x = ${nest('[', '1', ']', 200)}${' + 1'.repeat(100)})`);
    expect((after as VtlLimitError).limit).toBe('nesting');
  });

  it('counts string interpolation with the blocks around it', () => {
    const deep = nest('#if(true)', '#set($x = "#if(true)y#end")$x', '#end', 255);
    const e = compileError(deep);
    expect((e as VtlLimitError).limit).toBe('nesting');
    expect({ line: e.line, column: e.column }).toEqual({ line: 1, column: 9 * 255 + 11 });
    expect(render(nest('#if(true)', '#set($x = "#if(true)y#end")$x', '#end', 200))).toBe('y');
    expect(render(`#set($s = "q")#set($x = "<$s.concat(""[$s.concat('z')]"")>")$x`)).toBe('<q[qz]>');
  });

  const atLimit: Array<[string, string, string]> = [
    ['#if', nest('#if(true)', 'x', '#end', 256), 'x'],
    ['#foreach', nest('#foreach($i in $l)', 'x', '#end', 255).replace('#foreach', '#set($l = [1])#foreach'), 'x'],
    ['#define', nest('#define($d)', 'x', '#end', 256), ''],
    ['lists', `#set($x = ${nest('[', '1', ']', 255)})$x`, nest('[', '1', ']', 255)],
    ['maps', `#set($x = ${nest('{"a":', '1', '}', 255)})$x`, nest('{a=', '1', '}', 255)],
    ['parentheses', `#set($x = ${nest('(', '1', ')', 255)})$x`, '1'],
    ['calls', `#set($s = "q")${nest('$s.concat(', '"z"', ')', 256)}`, 'q'.repeat(256) + 'z'],
    ['indexes', `#set($l = [0])${nest('$l[', '0', ']', 256)}`, '0'],
    ['not', `#if(${'!'.repeat(254)}true)x#end`, 'x'],
    ['a chain of +', `#set($x = 1${' + 1'.repeat(255)})$x`, '256'],
    ['list printing', `#set($x = ${nest('[', '1', ']', 255)})$x.toString()`, nest('[', '1', ']', 255)],
  ];

  it.each(atLimit)('compiles and renders %s at the limit', (_, t, output) => {
    expect(render(t)).toBe(output);
  });

  it.each(atLimit)('compiles and renders %s at the limit under a deep caller stack', (_, t, output) => {
    expect(underDeepStack(4000, () => render(t))).toBe(output);
  });

  it('never surfaces a raw error: anything unexpected becomes a located VtlError', () => {
    const overflow = typedError(new RangeError('Maximum call stack size exceeded'), { line: 3, column: 4 });
    expect(overflow).toBeInstanceOf(VtlLimitError);
    expect((overflow as VtlLimitError).limit).toBe('nesting');
    expect({ line: overflow.line, column: overflow.column }).toEqual({ line: 3, column: 4 });
    const bug = new TypeError('x is undefined');
    const wrapped = typedError(bug, { line: 1, column: 2 });
    expect(wrapped).toBeInstanceOf(VtlSyntaxError);
    expect(wrapped.cause).toBe(bug);
    const syntax = new VtlSyntaxError('bad', { line: 5, column: 6 });
    expect(typedError(syntax, { line: 1, column: 1 })).toBe(syntax);
    expect(() =>
      compileGuarded(() => {
        throw new RangeError('Maximum call stack size exceeded');
      }),
    ).toThrow(VtlLimitError);
  });

  it('property: random nesting up to depth 400 only ever fails with VtlSyntaxError or VtlLimitError', () => {
    type Shape = 'if' | 'foreach' | 'list' | 'map' | 'paren' | 'call' | 'not';
    /**
     * Text (block bodies) or an expression: `simple` ones may stand in lists, maps and arguments;
     * parenthesised and negated ones only in #set, #if and parentheses (as velocityjs requires).
     */
    type Built = { kind: 'text' | 'simple' | 'complex'; s: string };
    const toText = (b: Built) => (b.kind === 'text' ? b.s : `#set($v = ${b.s})$v`);
    const toOperand = (b: Built) => (b.kind !== 'text' ? b.s : b.s.includes('"') ? '1' : `"${b.s}"`);
    const wrap = (b: Built, shape: Shape): Built => {
      if (shape === 'if') return { kind: 'text', s: `#if(true)${toText(b)}#end` };
      if (shape === 'foreach') return { kind: 'text', s: `#foreach($i in [1])${toText(b)}#end` };
      if (shape === 'not') return { kind: 'complex', s: `!(${toOperand(b)})` };
      if (shape === 'paren' || b.kind === 'complex') return { kind: 'complex', s: `(${toOperand(b)})` };
      const e = toOperand(b);
      return { kind: 'simple', s: shape === 'list' ? `[${e}]` : shape === 'map' ? `{'k': ${e}}` : `$s.concat(${e})` };
    };
    const shape = fc.constantFrom<Shape>('if', 'foreach', 'list', 'map', 'paren', 'call', 'not');
    fc.assert(
      fc.property(fc.array(shape, { minLength: 1, maxLength: 400 }), (shapes) => {
        const built = shapes.reduce<Built>(wrap, { kind: 'text', s: 'x' });
        const t = `#set($s = "q")${toText(built)}`;
        try {
          compileTemplate(t).render({});
        } catch (e) {
          if (!(e instanceof VtlSyntaxError || e instanceof VtlLimitError)) throw e;
          // Each shape adds at most two levels (a #set's parenthesis and the shape itself).
          if (shapes.length < MAX_NESTING / 2 - 2) throw new Error(`a template ${shapes.length} levels deep failed: ${String(e)}`);
          if (e instanceof VtlLimitError) expect(e.limit).toBe('nesting');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('linear compile work', () => {
  function work(t: string): ParseStats {
    const stats = newParseStats();
    parseTemplate(t, { stats });
    return stats;
  }

  /** The work for `make(n)` and `make(2n)`: doubling the input must about double the work. */
  function expectLinear(make: (n: number) => string, n: number): void {
    const small = work(make(n));
    const big = work(make(2 * n));
    const ratio = big.velocityChars / Math.max(1, small.velocityChars);
    expect(ratio).toBeGreaterThan(1.5);
    expect(ratio).toBeLessThan(2.5);
    // No single velocityjs parse grows with the input (its grammar is quadratic in element counts).
    expect(big.velocityMaxChars).toBeLessThanOrEqual(small.velocityMaxChars + 16);
  }

  const cases: Array<[string, (n: number) => string]> = [
    ['list of references', (n) => `#set($x = [${Array(n).fill('$a').join(', ')}])`],
    ['list of mixed items', (n) => `#set($x = [${Array(n).fill('$a.b, [1, $c], {"k": $d}, "s$e"').join(', ')}])`],
    ['reference chain', (n) => '$a' + '.b'.repeat(n)],
    ['reference chain in #set', (n) => `#set($x = $a${'.b($c)'.repeat(n)})`],
    ['chain as a #set target', (n) => `#set($a${'.b'.repeat(n)} = 1)`],
    ['argument list', (n) => `$a.b(${Array(n).fill('$c').join(', ')})`],
    ['argument list in #if', (n) => `#if($a.b(${Array(n).fill('$c.d').join(', ')}))x#end`],
    ['nested #ifs', (n) => Array(n / 50).fill(nest('#if($a)', 'x', '#end', 50)).join('\n')],
    ['#set sequence', (n) => Array.from({ length: n }, (_, i) => `#set($v${i % 10} = $v${(i + 1) % 10} + ${i})`).join('\n')],
    ['references in text', (n) => Array(n).fill('<$a.b>').join('')],
  ];

  it.each(cases)('%s', (_, make) => {
    expectLinear(make, 2000);
  });

  it('hands velocityjs nothing for text, comments and literal data', () => {
    const data = (n: number) => `#set($x = [${Array(n).fill('1, "a", [2, 3], {"k": 4.5}').join(', ')}])`;
    expect(work(data(5000)).velocityChars).toBe(work(data(10000)).velocityChars);
    expect(work('text '.repeat(50000) + '## comment\n'.repeat(1000) + '#[[ raw ]]#'.repeat(1000)).velocityChars).toBe(0);
  });

  it('parses in chunks to exactly the tree of one parse', () => {
    const templates = [
      `#set($x = [${Array.from({ length: 70 }, (_, i) => (i % 3 ? `$a.b(${i})` : `[${i}, $c]`)).join(', ')}])$x`,
      `$!{a${'.b($c, 1)[0]'.repeat(40)}}`,
      `#set($x = $a${'.b'.repeat(70)})`,
      `#if($a.b(${Array.from({ length: 70 }, (_, i) => `$c${i}`).join(', ')}) && $d)x#end`,
      `#set($a${'.b'.repeat(40)}.c = {"k": [${Array(40).fill('$z').join(',')}]})`,
      `#foreach($i in $a${'.b'.repeat(40)})$i#end`,
      `#set($m = {$k${'.b'.repeat(40)}: 1})`,
      `#set($x = "${'$a.b'.repeat(3)}$c.d(${Array(40).fill('$e').join(', ')})")`,
    ];
    for (const t of templates) {
      expect(parseTemplate(t, { chunkSize: 2 })).toEqual(parseTemplate(t, { chunkSize: 1e9 }));
      expect(parseTemplate(t, { chunkSize: 7 })).toEqual(parseTemplate(t, { chunkSize: 1e9 }));
    }
  });

  it('reports errors inside chunks as one parse would', () => {
    const broken = [
      `#set($x = [${Array(40).fill('$a').join(', ')}, , $b])`,
      `#set($x = [${Array(40).fill('$a').join(', ')},])`,
      `$a.b(${Array(40).fill('$c').join(', ')} $d)`,
      `#set($x = $a.b(${Array(40).fill('1').join(', ')}, 2 3))`,
      `#define($a${'.b'.repeat(40)})x#end`,
    ];
    for (const t of broken) {
      const chunked = (() => {
        try {
          parseTemplate(t, { chunkSize: 2 });
        } catch (e) {
          return String(e);
        }
        return 'parsed';
      })();
      const whole = (() => {
        try {
          parseTemplate(t, { chunkSize: 1e9 });
        } catch (e) {
          return String(e);
        }
        return 'parsed';
      })();
      expect(chunked).toBe(whole);
      expect(chunked).toMatch(/VtlSyntaxError/);
    }
  });
});

describe('hostile templates compile (or fail typed) like their small equivalents', () => {
  const K = 300 * 1024 - 200;
  const fill = (unit: string, head = '', tail = '') => head + unit.repeat(Math.floor((K - head.length - tail.length) / unit.length)) + tail;

  it('many #macro definitions vanish, macro calls print as written', () => {
    expect(render(fill('#macro(m $a)x#end'))).toBe('');
    const calls = fill('#m($a, "b", [1, 2])\n');
    expect(render(calls)).toBe(calls);
  });

  it('many #define blocks', () => {
    const t = fill('#define($d)x$d#end$d\n');
    expect(render(t)).toBe(render('#define($d)x$d#end$d\n').repeat(t.length / 21));
  });

  it('long ## comments, block comments and #[[ ]]# blocks', () => {
    expect(render('## ' + 'x'.repeat(K))).toBe('');
    expect(render(fill('## x\n'))).toBe('');
    expect(render(fill('#* x *#'))).toBe('');
    expect(render('#*' + 'x'.repeat(K))).toBe('');
    const raw = fill('#[[ $x #if ]]#');
    expect(render(raw)).toBe(' $x #if '.repeat(raw.length / 14));
    expect(compileError(fill('#[[ x'))).toBeInstanceOf(VtlSyntaxError);
  });

  it('huge numbers', () => {
    expect(render('#set($x = 1e999999)$x')).toBe(render('#set($x = 1e999)$x'));
    const digits = '9'.repeat(K - 20);
    expect(render(`#set($x = ${digits})$x`)).toBe(digits);
    expect(render(`#set($x = ${'1'.repeat(80)} + 1)$x`)).toBe('1'.repeat(79) + '2');
  });

  /** The output of `unit` × n, predicted from 3 and 4 repeats: the text each further repeat inserts. */
  function scaled(unit: string): { source: string; expected: string } {
    const n = Math.floor(K / unit.length);
    const three = render(unit.repeat(3));
    const four = render(unit.repeat(4));
    let p = 0;
    while (p < three.length && three[p] === four[p]) p++;
    const tail = three.slice(p);
    expect(four.endsWith(tail)).toBe(true);
    const step = four.slice(p, four.length - tail.length);
    return { source: unit.repeat(n), expected: three.slice(0, p) + step.repeat(n - 3) + tail };
  }

  it('300 KB of $, #, \\ sequences', () => {
    expect(compileError(fill('$'))).toBeInstanceOf(VtlSyntaxError);
    expect(compileError(fill('$!'))).toBeInstanceOf(VtlSyntaxError);
    expect(compileError(fill('\\$'))).toBeInstanceOf(VtlSyntaxError);
    expect(compileError(fill('\\#'))).toBeInstanceOf(VtlSyntaxError);
    for (const unit of ['#', '# ', '\\', '$\\', '$ ', '$$ ', '#$ ', '\\$ ', '\\# ', '$!{ ', '$#{ ', '\\\\$a', '$a.b().c']) {
      const { source, expected } = scaled(unit);
      expect(render(source)).toBe(expected);
    }
  });

  it('unterminated strings at 300 KB', () => {
    for (const t of ['#set($x = "' + 'a'.repeat(K), "#set($x = '" + 'a'.repeat(K), '$a.b("' + 'a'.repeat(K)]) {
      const e = compileError(t);
      expect(e).toBeInstanceOf(VtlSyntaxError);
      expect(e.reason).toBe('unterminated string literal');
      expect(e.line).toBe(1);
    }
  });

  it('long lists, chains and argument lists compile to what their short equivalents do', () => {
    const n = 20000;
    expect(render(`#set($x = [${Array(n).fill('1').join(', ')}])$x.size()`)).toBe(String(n));
    expect(render(`#set($x = [${Array(n).fill('[1]').join(', ')}])$x.get(${n - 1})`)).toBe('[1]');
    expect(render(`#set($s = "a")#set($x = [${Array(n).fill('$s').join(', ')}])$x.size()`)).toBe(String(n));
    expect(render(`#set($m = {${Array.from({ length: n / 2 }, (_, i) => `"k${i}": ${i}`).join(', ')}})$m.size()`)).toBe(String(n / 2));
    expect(render(`#set($s = "ab")$s${'.trim()'.repeat(n)}`)).toBe('ab');
    const chain = (k: number) => `#set($m = {"b": {"b": 1}})#set($x = $m${'.b'.repeat(k)})$x|$m${'.b'.repeat(k)}`;
    expect(render(chain(n))).toBe(render(chain(3)));
    expect(render(chain(2))).toBe('1|1');
  });
});
