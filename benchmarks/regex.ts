/**
 * Java regex: the bounded machine (src/java/regex) against the former RegExp translation, per pattern
 * class, on 1000 short strings and on one 100 KB string. Run: `node --import tsx benchmarks/regex.ts`.
 * The old column needs src/java/regex/translate.ts (deleted; `git show HEAD:src/java/regex/translate.ts`).
 */
import { Meter } from '../src/java/meter.js';
import { PatternCache, javaMatches, javaReplace, javaSplit } from '../src/java/regex/index.js';

type Op = 'replaceAll' | 'matches' | 'split';
interface Impl {
  replaceAll(s: string, p: string, r: string): string;
  matches(s: string, p: string): boolean;
  split(s: string, p: string): string[];
}

const meter = () => new Meter({ maxWork: Infinity, maxMemory: Infinity, maxStringLength: Infinity });
const cache = new PatternCache();
const machine: Impl = {
  replaceAll: (s, p, r) => javaReplace(s, p, r, true, meter(), cache),
  matches: (s, p) => javaMatches(s, p, meter(), cache),
  split: (s, p) => javaSplit(s, p, 0, meter(), cache),
};

async function translated(): Promise<Impl | null> {
  if (process.env.OLD === '0') return null;
  try {
    // Through a variable: the translator is deleted; restore it from git to compare again.
    const path = '../src/java/regex/translate.js';
    const t = await import(path);
    return {
      replaceAll: (s, p, r) => {
        const { regex } = t.compileJavaRegex(p);
        regex.lastIndex = 0;
        return s.replace(regex, t.javaReplacement(r, t.groupCount(regex)));
      },
      matches: (s, p) => t.compileJavaRegex(p).whole.test(s),
      split: (s, p) => t.javaSplit(s, p, 0),
    };
  } catch {
    return null;
  }
}

const cases: Array<[string, Op, string, string]> = [
  ['literal ","', 'replaceAll', ',', ';'],
  ['literal "\\""', 'replaceAll', '"', '\\\\"'],
  ['literal "\\\\\\\\"', 'replaceAll', '\\\\', '/'],
  ['literal "\\n"', 'replaceAll', '\n', ' '],
  ['split ","', 'split', ',', ''],
  ['class [^a-zA-Z0-9]', 'replaceAll', '[^a-zA-Z0-9]', ''],
  ['class \\s+', 'replaceAll', '\\s+', ' '],
  ['class \\s*,\\s*', 'split', '\\s*,\\s*', ''],
  ['anchored ^[0-9]+$', 'matches', '^[0-9]+$', ''],
  ['anchored [a-z]+@[a-z]+\\.com', 'matches', '[a-z]+@[a-z]+\\.com', ''],
  ['groups (\\w+)=(\\w+)', 'replaceAll', '(\\w+)=(\\w+)', '$2=$1'],
];

const short = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? `${i}${i * 7}` : i % 3 === 1 ? `user${i}@example.com` : `a "b", c\\d ${i}, e=f\n`));
const unit = 'The "quick", brown\\fox = jumps 12345,  over\nthe lazy dog; user@example.com ';
const big = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
const bigDigits = '7'.repeat(100_000);

function time(run: () => void): number {
  for (let i = 0; i < 3; i++) run(); // warm-up
  let reps = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < 300) {
    run();
    reps++;
    t = performance.now();
  }
  return (t - t0) / reps;
}

function runner(impl: Impl, op: Op, p: string, r: string, inputs: string[]): () => void {
  return () => {
    for (const s of inputs) {
      if (op === 'replaceAll') impl.replaceAll(s, p, r);
      else if (op === 'matches') impl.matches(s, p);
      else impl.split(s, p);
    }
  };
}

const old = await translated();
console.log('pattern'.padEnd(32), 'op'.padEnd(11), '1000 short: new / old (ms)'.padEnd(30), '100 KB: new / old (ms)');
for (const [name, op, p, r] of cases) {
  const bigInput = op === 'matches' && p.startsWith('^') ? bigDigits : big;
  const cells: string[] = [];
  for (const inputs of [short, [bigInput]]) {
    const n = time(runner(machine, op, p, r, inputs));
    const o = old ? time(runner(old, op, p, r, inputs)) : NaN;
    cells.push(`${n.toFixed(3)} / ${o.toFixed(3)}`.padEnd(30));
  }
  console.log(name.padEnd(32), op.padEnd(11), cells.join(''));
}
