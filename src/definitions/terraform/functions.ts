/**
 * Terraform's built-in functions that API definitions use. A function that depends on something unknown
 * returns unknown; one this reader does not implement (`sha1`, `timestamp`, …) returns a placeholder of
 * the call as written, since such values (deployment triggers, tags) never shape the API.
 */
import type { Evaluator } from './evaluate.js';
import { describeValue, Evaluator as EvaluatorClass } from './evaluate.js';
import { jsonEncode } from './json-encode.js';
import { parseTemplateFile } from './parse-hcl.js';
import { SourceFile } from './source-file.js';
import type { Expr } from './syntax.js';
import { asText, isRecord, toValue, Unknown, type Value } from './values.js';

type Call = Extract<Expr, { kind: 'call' }>;
type Fn = (ev: Evaluator, call: Call, args: Value[]) => Value;

/** Functions that can work with unknown arguments, placing their placeholders in the result. */
const TOLERANT = new Set(['jsonencode', 'format', 'join', 'concat', 'merge', 'coalesce', 'tolist', 'toset', 'tomap', 'templatefile', 'length', 'lookup']);

function str(ev: Evaluator, call: Call, args: Value[], i: number): string {
  const s = asText(args[i] ?? null);
  if (s === undefined) ev.fail(call.args[i] ?? call, `${call.name}() expects a string as argument ${i + 1}, found ${describeValue(args[i] ?? null)}`);
  return s;
}

function list(ev: Evaluator, call: Call, args: Value[], i: number): Value[] {
  const v = args[i];
  if (!Array.isArray(v)) ev.fail(call.args[i] ?? call, `${call.name}() expects a list as argument ${i + 1}, found ${describeValue(v ?? null)}`);
  return v;
}

function arity(ev: Evaluator, call: Call, args: Value[], min: number, max = min): void {
  if (args.length < min || args.length > max) ev.fail(call, `${call.name}() takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'}, found ${args.length}`);
}

function readNamed(ev: Evaluator, call: Call, path: string): { path: string; text: string } {
  return ev.scope.readFile(path) ?? ev.fail(call, `${call.name}(): cannot read '${path}' (not among the files given, and no readFile option to read it)`);
}

/** A Go-style regular expression (`replace("a", "/[a-z]+/", "x")`) as a JavaScript one, close enough for names and paths. */
function goRegex(ev: Evaluator, at: Expr, pattern: string): RegExp {
  try {
    return new RegExp(pattern.replace(/^\(\?([a-z]+)\)/, ''), `g${/^\(\?[a-z]*i/.test(pattern) ? 'i' : ''}u`);
  } catch (e) {
    return ev.fail(at, `not a regular expression: ${(e as Error).message}`);
  }
}

/** `format`'s verbs: `%s %d %f %q %v %t %%`, with flags, width and precision. */
function format(ev: Evaluator, call: Call, args: Value[]): Value {
  const spec = str(ev, call, args, 0);
  let next = 1;
  return spec.replace(/%([-+ #0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (_m, flags: string, width: string | undefined, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (next >= args.length) ev.fail(call, `format() has too few arguments for '${spec}'`);
    const v = args[next++]!;
    let out: string;
    if (v instanceof Unknown) out = v.placeholder;
    else if (verb === 'd') out = String(Math.trunc(ev.number(v, call.args[next - 1]!)));
    else if (verb === 'f') out = ev.number(v, call.args[next - 1]!).toFixed(precision === undefined ? 6 : Number(precision));
    else if (verb === 'q') out = JSON.stringify(asText(v) ?? jsonEncode(v));
    else if (verb === 't') out = String(ev.bool(v, call.args[next - 1]!));
    else if (verb === 'v' && flags.includes('#')) out = jsonEncode(v);
    else out = asText(v) ?? jsonEncode(v);
    if (verb === 's' && precision !== undefined) out = out.slice(0, Number(precision));
    if (flags.includes('+') && verb === 'd' && !out.startsWith('-')) out = `+${out}`;
    const w = width === undefined ? 0 : Number(width);
    if (out.length < w) out = flags.includes('-') ? out.padEnd(w) : out.padStart(w, flags.includes('0') && verb !== 's' ? '0' : ' ');
    return out;
  });
}

function templatefile(ev: Evaluator, call: Call, args: Value[]): Value {
  arity(ev, call, args, 2);
  if (args[0] instanceof Unknown) return ev.unknown(call);
  const file = readNamed(ev, call, str(ev, call, args, 0));
  const vars = args[1]!;
  if (!isRecord(vars)) ev.fail(call.args[1]!, `templatefile() expects an object of variables, found ${describeValue(vars)}`);
  if (ev.callDepth >= 10) ev.fail(call, 'templatefile() calls nested more than 10 deep');
  const source = new SourceFile(file.path, file.text);
  const parts = parseTemplateFile(source);
  const scope = ev.scope.nested?.(vars) ?? ev.scope;
  return new EvaluatorClass(source, scope, `templatefile(${JSON.stringify(file.path)})`, ev.callDepth + 1).template(parts, { start: 0, end: file.text.length });
}

const FUNCTIONS: Record<string, Fn> = {
  jsonencode: (ev, call, args) => (arity(ev, call, args, 1), jsonEncode(args[0]!)),
  jsondecode: (ev, call, args) => {
    arity(ev, call, args, 1);
    try {
      return toValue(JSON.parse(str(ev, call, args, 0)));
    } catch (e) {
      return ev.fail(call.args[0]!, `jsondecode(): not JSON: ${(e as Error).message}`);
    }
  },
  file: (ev, call, args) => (arity(ev, call, args, 1), readNamed(ev, call, str(ev, call, args, 0)).text),
  fileexists: (ev, call, args) => (arity(ev, call, args, 1), ev.scope.readFile(str(ev, call, args, 0)) !== undefined),
  templatefile,
  replace: (ev, call, args) => {
    arity(ev, call, args, 3);
    const [s, search, replacement] = [0, 1, 2].map((i) => str(ev, call, args, i)) as [string, string, string];
    if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
      return s.replace(goRegex(ev, call.args[1]!, search.slice(1, -1)), replacement.replace(/\$\{(\w+)\}/g, (_m, g: string) => (/^\d+$/.test(g) ? `$${g}` : `$<${g}>`)));
    }
    return search === '' ? s : s.split(search).join(replacement);
  },
  lower: (ev, call, args) => (arity(ev, call, args, 1), str(ev, call, args, 0).toLowerCase()),
  upper: (ev, call, args) => (arity(ev, call, args, 1), str(ev, call, args, 0).toUpperCase()),
  title: (ev, call, args) => (arity(ev, call, args, 1), str(ev, call, args, 0).replace(/\b\p{L}/gu, (c) => c.toUpperCase())),
  trimspace: (ev, call, args) => (arity(ev, call, args, 1), str(ev, call, args, 0).trim()),
  chomp: (ev, call, args) => (arity(ev, call, args, 1), str(ev, call, args, 0).replace(/(\r?\n)+$/, '')),
  trimprefix: (ev, call, args) => {
    arity(ev, call, args, 2);
    const [s, p] = [str(ev, call, args, 0), str(ev, call, args, 1)];
    return s.startsWith(p) ? s.slice(p.length) : s;
  },
  trimsuffix: (ev, call, args) => {
    arity(ev, call, args, 2);
    const [s, p] = [str(ev, call, args, 0), str(ev, call, args, 1)];
    return p !== '' && s.endsWith(p) ? s.slice(0, -p.length) : s;
  },
  format,
  join: (ev, call, args) => {
    arity(ev, call, args, 2, Infinity);
    const sep = str(ev, call, args, 0);
    return args.slice(1).flatMap((_, i) => list(ev, call, args, i + 1)).map((v) => asText(v) ?? ev.fail(call, `join() expects strings, found ${describeValue(v)}`)).join(sep);
  },
  split: (ev, call, args) => (arity(ev, call, args, 2), str(ev, call, args, 1).split(str(ev, call, args, 0))),
  concat: (ev, call, args) => args.flatMap((_, i) => list(ev, call, args, i)),
  merge: (ev, call, args) => {
    const out: Record<string, Value> = {};
    for (const [i, m] of args.entries()) {
      if (m === null) continue;
      if (m instanceof Unknown) return ev.unknown(call);
      if (!isRecord(m)) ev.fail(call.args[i] ?? call, `merge() expects objects, found ${describeValue(m)}`);
      for (const [k, v] of Object.entries(m)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  },
  lookup: (ev, call, args) => {
    arity(ev, call, args, 2, 3);
    const [m, k] = [args[0]!, args[1]!];
    if (m instanceof Unknown || k instanceof Unknown) return ev.unknown(call);
    const key = str(ev, call, args, 1);
    if (isRecord(m) && Object.hasOwn(m, key)) return m[key]!;
    return args.length === 3 ? args[2]! : ev.fail(call, `lookup(): no key '${key}' and no default`);
  },
  coalesce: (ev, call, args) => {
    for (const v of args) {
      if (v instanceof Unknown) return ev.unknown(call);
      if (v !== null && v !== '') return v;
    }
    return ev.fail(call, 'coalesce(): every argument is null or empty');
  },
  length: (ev, call, args) => {
    arity(ev, call, args, 1);
    const v = args[0]!;
    if (v instanceof Unknown) return ev.unknown(call);
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isRecord(v)) return Object.keys(v).length;
    return ev.fail(call.args[0]!, `length() expects a string, list or object, found ${describeValue(v)}`);
  },
  keys: (ev, call, args) => (arity(ev, call, args, 1), isRecord(args[0]) ? Object.keys(args[0]).sort() : ev.fail(call, 'keys() expects an object')),
  values: (ev, call, args) => {
    arity(ev, call, args, 1);
    const m = args[0];
    return isRecord(m) ? Object.keys(m).sort().map((k) => m[k]!) : ev.fail(call, 'values() expects an object');
  },
  element: (ev, call, args) => {
    arity(ev, call, args, 2);
    const l = list(ev, call, args, 0);
    if (l.length === 0) ev.fail(call, 'element() of an empty list');
    return l[Math.trunc(ev.number(args[1]!, call.args[1]!)) % l.length]!;
  },
  contains: (ev, call, args) => (arity(ev, call, args, 2), list(ev, call, args, 0).some((v) => JSON.stringify(v) === JSON.stringify(args[1]))),
  tostring: (ev, call, args) => (arity(ev, call, args, 1), args[0] === null ? null : str(ev, call, args, 0)),
  tonumber: (ev, call, args) => (arity(ev, call, args, 1), args[0] === null ? null : ev.number(args[0]!, call.args[0]!)),
  tobool: (ev, call, args) => (arity(ev, call, args, 1), args[0] === null ? null : ev.bool(args[0]!, call.args[0]!)),
  tolist: (ev, call, args) => (arity(ev, call, args, 1), list(ev, call, args, 0)),
  toset: (ev, call, args) => (arity(ev, call, args, 1), [...new Map(list(ev, call, args, 0).map((v) => [JSON.stringify(v), v])).values()]),
  tomap: (ev, call, args) => (arity(ev, call, args, 1), isRecord(args[0]) ? args[0] : ev.fail(call, 'tomap() expects an object')),
};

export function callFunction(ev: Evaluator, call: Call, args: Value[]): Value {
  const fn = Object.hasOwn(FUNCTIONS, call.name) ? FUNCTIONS[call.name] : undefined;
  if (!fn) return ev.unknown(call);
  if (!TOLERANT.has(call.name) && args.some((a) => a instanceof Unknown)) return ev.unknown(call);
  return fn(ev, call, args);
}
