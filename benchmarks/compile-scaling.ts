/**
 * Compile time against template size, for the template shapes whose cost used to grow faster than their
 * size (velocityjs's parser concatenates arrays once per element of a list, argument list or reference
 * chain). Not part of `npm test` (timings are machine-dependent); run it by hand:
 *
 *   npx tsx benchmarks/compile-scaling.ts [maxSeconds]
 *
 * It prints milliseconds per KB for 10, 100 and 300 KB templates of each shape: flat numbers mean linear
 * compile time. A size is skipped once a smaller one of the same shape took longer than `maxSeconds`
 * (default 20), so the script stays usable against a quadratic build.
 */
import { compileTemplate } from '../src/index.js';

/** Repeats `unit` (joined by `sep`) until the whole template, wrapped in `head`/`tail`, is about `bytes` long. */
function fill(bytes: number, head: string, unit: (i: number) => string, sep: string, tail: string): string {
  const parts: string[] = [];
  let length = head.length + tail.length;
  for (let i = 0; length < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    length += u.length + sep.length;
  }
  return head + parts.join(sep) + tail;
}

export const SHAPES: Record<string, (bytes: number) => string> = {
  'list literal': (b) => fill(b, '#set($x = [', () => '1', ', ', '])$x.size()'),
  'list of lists': (b) => fill(b, '#set($x = [', () => '[1]', ', ', '])$x.size()'),
  'list of strings': (b) => fill(b, '#set($x = [', () => '"a"', ', ', '])$x.size()'),
  'map literal': (b) => fill(b, '#set($x = {', (i) => `"k${i}": ${i}`, ', ', '})$x.size()'),
  'reference chain': (b) => fill(b, '$a', () => '.b', '', ''),
  'chain in #set': (b) => fill(b, '#set($x = $a', () => '.b', '', ')'),
  'argument list': (b) => fill(b, '$a.b(', () => '1', ', ', ')'),
  'arguments in #if': (b) => fill(b, '#if($a.b(', () => '$c', ', ', '))x#end'),
  'nested #if (50 deep)': (b) => fill(b, '', () => '#if(true)'.repeat(50) + 'x' + '#end'.repeat(50), '\n', ''),
  '#set sequence': (b) => fill(b, '', (i) => `#set($v${i % 100} = $v${(i + 1) % 100} + ${i})`, '\n', ''),
  'text block': (b) => fill(b, '', () => 'The quick brown fox jumps over the lazy dog.', '\n', ''),
  'references in text': (b) => fill(b, '', (i) => `{"id": "$input.path('$.id')", "n": ${i}}`, ',\n', ''),
  'macro calls': (b) => fill(b, '', (i) => `#m${i % 10}($a, "b", [1, 2])`, '\n', ''),
};

const SIZES_KB = [10, 100, 300];

function main(): void {
  const maxSeconds = Number(process.argv[2] ?? 20);
  console.log(`shape`.padEnd(24) + SIZES_KB.map((kb) => `${kb} KB`.padStart(14)).join('') + '   (ms per KB)');
  for (const [name, make] of Object.entries(SHAPES)) {
    let line = name.padEnd(24);
    let tooSlow = false;
    for (const kb of SIZES_KB) {
      if (tooSlow) {
        line += 'skipped'.padStart(14);
        continue;
      }
      const source = make(kb * 1000);
      compileTemplate(make(2000)); // warm up the code paths
      const t0 = performance.now();
      let outcome = '';
      try {
        compileTemplate(source);
      } catch (e) {
        outcome = (e as Error).name === 'VtlLimitError' ? ' (limit)' : ' (error)';
      }
      const ms = performance.now() - t0;
      line += `${(ms / kb).toFixed(3)}${outcome}`.padStart(14);
      if (ms > maxSeconds * 1000) tooSlow = true;
    }
    console.log(line);
  }
}

main();
