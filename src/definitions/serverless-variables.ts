/**
 * Serverless Framework variables (`${source:address, fallback}`), resolved offline: `self:` (the
 * configuration itself, nested paths and `custom.*`), `opt:` (CLI options such as `stage`, `region`),
 * `env:`, `sls:`, `param:`, `aws:region` / `aws:accountId`, and `file(path):key`. Sources that need AWS
 * (`ssm:`, `cf:`, `s3:`, …) become a placeholder `<ssm:/path>` with a warning, as the CloudFormation reader
 * does for what it cannot know (`<Parameter:name>`).
 */
import { fail, isObject, type Path, type Reader } from './fields.js';
import { ACCOUNT_ID } from './intrinsics.js';

/** How `opt:`, `env:`, `param:` and `file()` variables of a `serverless.yml` are answered offline. */
export interface ServerlessOptions {
  /** `--stage` (`${opt:stage}`, `${sls:stage}`, the deployed stage); default `provider.stage`, else `dev`. */
  stage?: string;
  /** `--region` (`${opt:region}`, `${aws:region}`); default `provider.region`, else `us-east-1`. */
  region?: string;
  /** Other CLI options `${opt:name}` reads. `stage` and `region` here count as the two above. */
  options?: Record<string, string>;
  /** `${param:name}` values, over the file's `params.<stage>` and `params.default`. */
  params?: Record<string, string>;
  /** `${env:NAME}` values; default the process environment when there is one. */
  env?: Record<string, string | undefined>;
}

/** What the resolver needs besides the configuration: the answers, a file reader, a warning sink. */
export interface VariableContext {
  /** The deployed stage (`${sls:stage}`); a function, as it may depend on `provider.stage`, itself a variable. */
  stage(): string;
  region(): string;
  /** CLI options, `stage` and `region` included when given. */
  options: Record<string, string>;
  /** `${param:name}`: the given value, else the configuration's `params.<stage>`, else `params.default`. */
  param(name: string): unknown;
  env: Record<string, string | undefined>;
  /** Reads `file(path)` relative to the configuration file; absent when there is no file. */
  readFile?: (path: string) => unknown;
  warn(message: string): void;
}

const UNREADABLE = new Set(['ssm', 'cf', 's3', 'aws', 'sls']);

interface Expression {
  /** The variable as written, without `${` `}`. */
  text: string;
  start: number;
  end: number;
}

/** The outermost `${…}` spans of a string, each with its nested variables still inside. */
function expressions(s: string): Expression[] {
  const out: Expression[] = [];
  let i = s.indexOf('${');
  while (i >= 0) {
    let depth = 0;
    let quote: string | undefined;
    let j = i;
    for (; j < s.length; j++) {
      const c = s[j]!;
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '$' && s[j + 1] === '{') {
        depth++;
        j++;
      } else if (c === '}' && --depth === 0) break;
    }
    if (j >= s.length) break;
    out.push({ text: s.slice(i + 2, j), start: i, end: j + 1 });
    i = s.indexOf('${', j + 1);
  }
  return out;
}

/**
 * A Serverless variable, as opposed to `${AWS::Region}` in an `Fn::Sub`, `${stageVariables.x}` in an
 * integration URI or a formal VTL reference `${name}`, which the framework leaves alone too.
 */
function isVariable(text: string): boolean {
  return /^\s*(?:[A-Za-z][\w-]*(?:\([^)]*\))?:(?!:)|file\()/.test(text);
}

/** Splits `a, 'b, c', d` at the commas outside quotes and parentheses. */
function alternatives(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  out.push(text.slice(from).trim());
  return out;
}

function literal(text: string): { value: unknown } | undefined {
  const quoted = /^(['"])([\s\S]*)\1$/.exec(text);
  if (quoted) return { value: quoted[2] };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
  if (text === 'true' || text === 'false') return { value: text === 'true' };
  if (text === 'null') return { value: null };
  return undefined;
}

function walk(value: unknown, address: string): unknown {
  let node = value;
  for (const part of address.split('.').filter((p) => p !== '')) {
    if (Array.isArray(node) && /^\d+$/.test(part)) node = node[Number(part)];
    else node = isObject(node) && Object.hasOwn(node, part) ? node[part] : undefined;
  }
  return node;
}

/** Resolves every variable of a configuration, lazily, so `self:` can read values that are variables too. */
export class VariableResolver {
  private readonly resolving = new Set<string>();
  private readonly done = new Map<string, unknown>();

  constructor(
    private readonly root: Record<string, unknown>,
    private readonly context: VariableContext,
    private readonly reader: Reader,
  ) {}

  /** The whole configuration with its variables replaced. */
  resolveAll(): Record<string, unknown> {
    return this.deep(this.root, []) as Record<string, unknown>;
  }

  private deep(value: unknown, path: Path): unknown {
    const key = path.join('\u0000');
    if (this.done.has(key)) return this.done.get(key);
    let out: unknown;
    if (typeof value === 'string') {
      out = this.string(value, path);
      // A variable that stands for a whole map or list (`${file(./custom.yml)}`): its values may be variables too.
      if (out !== value && out !== null && typeof out === 'object') out = this.children(out, path);
    } else out = this.children(value, path);
    this.done.set(key, out);
    return out;
  }

  private children(value: unknown, path: Path): unknown {
    if (Array.isArray(value)) return value.map((v, i) => this.deep(v, [...path, i]));
    if (!isObject(value)) return value;
    const record: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(record, k, { value: this.deep(v, [...path, k]), enumerable: true, writable: true, configurable: true });
    return record;
  }

  /** `self:address`: walks the configuration, resolving each value on the way (it may be a variable). */
  self(address: string, from: Path = []): unknown {
    const parts = address.split('.').filter((p) => p !== '');
    let node: unknown = this.root;
    const at: (string | number)[] = [];
    for (const part of parts) {
      node = this.shallow(node, at, from);
      const next = Array.isArray(node) && /^\d+$/.test(part) ? Number(part) : part;
      if (Array.isArray(node) && typeof next === 'number') node = node[next];
      else node = isObject(node) && Object.hasOwn(node, part) ? node[part] : undefined;
      at.push(next);
      if (node === undefined) return undefined;
    }
    return this.guarded(at, from, () => this.deep(node, at));
  }

  private shallow(node: unknown, at: Path, from: Path): unknown {
    return typeof node === 'string' ? this.guarded(at, from, () => this.deep(node, at)) : node;
  }

  private guarded(at: Path, from: Path, work: () => unknown): unknown {
    const key = at.join('.');
    if (this.resolving.has(key)) fail(this.reader, from, `the variables of ${key || 'the configuration'} refer to each other in a cycle`);
    this.resolving.add(key);
    try {
      return work();
    } finally {
      this.resolving.delete(key);
    }
  }

  private string(s: string, path: Path): unknown {
    // Nested variables are resolved once, first: what they give decides whether the outer one is a variable.
    const found = expressions(s)
      .map((e) => ({ ...e, text: this.inner(e.text, path) }))
      .filter((e) => isVariable(e.text));
    if (found.length === 0) return s;
    if (found.length === 1 && found[0]!.start === 0 && found[0]!.end === s.length) return this.expression(found[0]!.text, path);
    let out = '';
    let last = 0;
    for (const e of found) {
      const value = this.expression(e.text, path);
      out += s.slice(last, e.start) + (typeof value === 'string' ? value : JSON.stringify(value));
      last = e.end;
    }
    return out + s.slice(last);
  }

  /** The expression with its nested variables (`${self:custom.${sls:stage}}`) resolved first. */
  private inner(text: string, path: Path): string {
    const nested = expressions(text);
    if (nested.length === 0) return text;
    let out = '';
    let last = 0;
    for (const e of nested) {
      const value = isVariable(e.text) ? this.expression(this.inner(e.text, path), path) : `\${${e.text}}`;
      out += text.slice(last, e.start) + (typeof value === 'string' ? value : JSON.stringify(value));
      last = e.end;
    }
    return out + text.slice(last);
  }

  private expression(text: string, path: Path): unknown {
    const choices = alternatives(text);
    for (const choice of choices) {
      const constant = literal(choice);
      if (constant) return constant.value;
      const value = this.source(choice, path);
      if (value !== undefined) return value;
    }
    return fail(this.reader, path, `\${${text}} has no value offline (give it with the ${this.hint(choices[0]!)} option, or a fallback: \${${choices[0]}, 'default'})`);
  }

  private hint(choice: string): string {
    const source = /^(\w+)/.exec(choice)?.[1];
    return source === 'env' ? 'env' : source === 'param' ? 'params (--param)' : source === 'opt' ? 'stage/region/options (--stage, --opt)' : 'matching';
  }

  private source(text: string, path: Path): unknown {
    const file = /^file\(([^)]*)\)(?::(.*))?$/.exec(text);
    if (file) return this.file(file[1]!.trim().replace(/^(['"])(.*)\1$/, '$2'), file[2]?.trim() ?? '', text);
    const m = /^([A-Za-z][\w-]*):(.*)$/.exec(text);
    if (!m) return fail(this.reader, path, `'${text}' is not a Serverless variable`);
    const [, source, raw] = m as unknown as [string, string, string];
    const address = raw.trim();
    const c = this.context;
    switch (source) {
      case 'self':
        return this.self(address, path);
      case 'opt':
        return Object.hasOwn(c.options, address) ? c.options[address] : undefined;
      case 'env':
        return Object.hasOwn(c.env, address) ? c.env[address] : undefined;
      case 'param':
        return c.param(address);
      case 'sls':
        if (address === 'stage') return c.stage();
        // A fixed stand-in: the real one is random per deployment.
        if (address === 'instanceId') return '0000000000000';
        break;
      case 'aws':
        if (address === 'region') return c.region();
        if (address === 'accountId') return ACCOUNT_ID;
        break;
    }
    if (!UNREADABLE.has(source)) c.warn(`\${${text}}: the '${source}' variable source is not one apigw-vtl knows; left as <${text}>`);
    else c.warn(`\${${text}} needs AWS to resolve; left as <${text}>`);
    return `<${text}>`;
  }

  private file(name: string, address: string, text: string): unknown {
    if (!this.context.readFile) {
      this.context.warn(`\${${text}}: the configuration was not read from a file, so ${name} cannot be found; left as <${text}>`);
      return `<${text}>`;
    }
    if (/\.(c|m)?[jt]s$/.test(name)) {
      this.context.warn(`\${${text}}: a JavaScript file's exports cannot be evaluated offline; left as <${text}>`);
      return `<${text}>`;
    }
    return walk(this.context.readFile(name), address);
  }
}
