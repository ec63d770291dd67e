/**
 * One Terraform module read from its `.tf` files: `variable`s (given values, then `.tfvars`, then
 * `default`), `locals`, and `resource` blocks whose attributes are evaluated on demand, so a reference
 * such as `aws_api_gateway_method.get.http_method` reads the other resource's configured value, and a
 * cycle or an attribute only AWS knows ends as a placeholder rather than a failure.
 */
import { DefinitionError } from '../definition-error.js';
import type { ParsedDocument } from '../document.js';
import { computedAttribute, dataSourceAttribute } from './computed.js';
import { Evaluator, type Scope, type Step } from './evaluate.js';
import type { TerraformFile, TerraformOptions } from './options.js';
import { parseHcl } from './parse-hcl.js';
import { dirname, joinPath, normalise } from './paths.js';
import type { TfResource } from './resource.js';
import { SourceFile } from './source-file.js';
import type { Attribute, Block, Body, Expr } from './syntax.js';
import { isRecord, settle, toValue, Unknown, type Value } from './values.js';

/** Arguments of every resource that configure Terraform, not the resource. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection', 'dynamic']);

interface Declared {
  type: string;
  name: string;
  address: string;
  block: Block;
  file: SourceFile;
}

interface Local {
  attribute: Attribute;
  file: SourceFile;
}

const NO_REFERENCES: Scope = { reference: () => undefined, readFile: () => undefined };

export function isConfigurationFile(path: string): boolean {
  return /\.tf$/i.test(path);
}

export function isVariablesFile(path: string): boolean {
  return /\.tfvars$/i.test(path);
}

export class TerraformModule {
  private readonly resources = new Map<string, Declared>();
  private readonly variables = new Map<string, { block: Block; file: SourceFile }>();
  private readonly locals = new Map<string, Local>();
  private readonly assigned = new Map<string, Value>();
  private readonly memo = new Map<string, Value>();
  private readonly evaluating = new Set<string>();
  private readonly others = new Map<string, string>();

  constructor(
    files: readonly TerraformFile[],
    private readonly options: TerraformOptions = {},
  ) {
    for (const f of files) this.others.set(normalise(f.path), f.text);
    for (const f of files.filter((x) => isConfigurationFile(x.path))) this.declare(new SourceFile(f.path, f.text));
    // Terraform reads terraform.tfvars before *.auto.tfvars, and those in name order.
    const tfvars = files.filter((x) => isVariablesFile(x.path)).sort((a, b) => Number(/\.auto\.tfvars$/i.test(a.path)) - Number(/\.auto\.tfvars$/i.test(b.path)) || (a.path < b.path ? -1 : 1));
    for (const f of tfvars) {
      const file = new SourceFile(f.path, f.text);
      for (const a of parseHcl(file).attributes) this.assigned.set(a.name, new Evaluator(file, NO_REFERENCES, `var.${a.name}`).evaluate(a.expr));
    }
    for (const [name, value] of Object.entries(options.variables ?? {})) this.assigned.set(name, toValue(value));
  }

  private declare(file: SourceFile): void {
    const body = parseHcl(file);
    for (const block of body.blocks) {
      const at = file.position(block.start);
      const duplicate = (what: string): never => {
        throw new DefinitionError(`${what} is declared twice`, what, file.path, at.line, at.column);
      };
      if (block.type === 'resource' && block.labels.length === 2) {
        const [type, name] = block.labels as [string, string];
        const address = `${type}.${name}`;
        if (this.resources.has(address)) duplicate(address);
        this.resources.set(address, { type, name, address, block, file });
      } else if (block.type === 'variable' && block.labels.length === 1) {
        if (this.variables.has(block.labels[0]!)) duplicate(`var.${block.labels[0]}`);
        this.variables.set(block.labels[0]!, { block, file });
      } else if (block.type === 'locals') {
        for (const attribute of block.body.attributes) {
          if (this.locals.has(attribute.name)) duplicate(`local.${attribute.name}`);
          this.locals.set(attribute.name, { attribute, file });
        }
      }
    }
  }

  private scope(file: SourceFile): Scope {
    const readFile = (path: string) => {
      const resolved = joinPath(dirname(file.path), path);
      const known = this.others.get(resolved);
      if (known !== undefined) return { path: resolved, text: known };
      const text = this.options.readFile?.(resolved);
      return text === undefined ? undefined : { path: resolved, text };
    };
    const nested = (vars: Record<string, Value>): Scope => ({
      reference: (root) => (Object.hasOwn(vars, root) ? { value: vars[root]!, used: 0 } : undefined),
      readFile,
      nested,
    });
    return { reference: (root, steps) => this.reference(root, steps), readFile, nested };
  }

  /** Evaluates once; a value that depends on itself is unknown. */
  private cached(key: string, label: string, compute: () => Value): Value {
    if (this.memo.has(key)) return this.memo.get(key)!;
    if (this.evaluating.has(key)) return new Unknown(label);
    this.evaluating.add(key);
    try {
      const v = compute();
      this.memo.set(key, v);
      return v;
    } finally {
      this.evaluating.delete(key);
    }
  }

  private evaluate(file: SourceFile, expr: Expr, where: string): Value {
    return new Evaluator(file, this.scope(file), where).evaluate(expr);
  }

  private reference(root: string, steps: readonly Step[]): { value: Value; used: number } | undefined {
    const name = (i: number) => (steps[i]?.kind === 'attribute' ? steps[i].name : undefined);
    switch (root) {
      case 'var': {
        const v = name(0);
        return v === undefined ? undefined : { value: this.variable(v), used: 1 };
      }
      case 'local': {
        const l = name(0);
        return l === undefined ? undefined : { value: this.local(l), used: 1 };
      }
      case 'path':
        // Relative to the module's own directory, which is where file() resolves paths.
        return { value: '.', used: 1 };
      case 'terraform':
        return name(0) === 'workspace' ? { value: 'default', used: 1 } : undefined;
      case 'data': {
        const [type, , attribute] = [name(0), name(1), name(2) ?? name(3)];
        const found = type && attribute ? dataSourceAttribute(type, attribute) : undefined;
        return found === undefined ? undefined : { value: found, used: name(2) ? 3 : 4 };
      }
      case 'count':
      case 'each':
      case 'self':
      case 'module':
        return undefined;
    }
    const declared = this.resources.get(`${root}.${name(0)}`);
    if (!declared) return undefined;
    // `aws_lambda_function.f[0].arn`: a counted resource is read as its one configured instance.
    const at = steps[1]?.kind === 'index' ? 2 : 1;
    const attribute = name(at);
    if (attribute === undefined) return { value: this.object(declared), used: at };
    return { value: this.attribute(declared, attribute), used: at + 1 };
  }

  private variable(name: string): Value {
    if (this.assigned.has(name)) return this.assigned.get(name)!;
    const declared = this.variables.get(name);
    const fallback = declared?.block.body.attributes.find((a) => a.name === 'default');
    if (!declared || !fallback) return new Unknown(`var.${name}`);
    return this.cached(`var.${name}`, `var.${name}`, () => new Evaluator(declared.file, NO_REFERENCES, `var.${name}`).evaluate(fallback.expr));
  }

  private local(name: string): Value {
    const local = this.locals.get(name);
    if (!local) return new Unknown(`local.${name}`);
    return this.cached(`local.${name}`, `local.${name}`, () => this.evaluate(local.file, local.attribute.expr, `local.${name}`));
  }

  private attribute(r: Declared, attribute: string): Value {
    return this.cached(`${r.address}\0${attribute}`, `${r.address}.${attribute}`, () => {
      const configured = r.block.body.attributes.find((a) => a.name === attribute);
      if (configured) return this.evaluate(r.file, configured.expr, `${r.address}.${attribute}`);
      const blocks = r.block.body.blocks.filter((b) => b.type === attribute);
      if (blocks.length > 0) return blocks.map((b) => this.body(r, b.body, `${r.address}.${attribute}`));
      const computed = computedAttribute(r.type, r.name, r.address, attribute, (a) => settle(this.attribute(r, a)));
      return computed === undefined ? new Unknown(`${r.address}.${attribute}`) : (computed as Value);
    });
  }

  private body(r: Declared, body: Body, where: string): Value {
    const out: Record<string, Value> = {};
    for (const a of body.attributes) out[a.name] = this.evaluate(r.file, a.expr, `${where}.${a.name}`);
    for (const b of body.blocks) {
      if (META_ARGUMENTS.has(b.type)) continue;
      const list = (Object.hasOwn(out, b.type) ? out[b.type] : []) as Value[];
      list.push(this.body(r, b.body, `${where}.${b.type}`));
      out[b.type] = list;
    }
    return out;
  }

  private object(r: Declared): Record<string, Value> {
    const out: Record<string, Value> = {};
    const names = new Set(['id', ...r.block.body.attributes.map((a) => a.name), ...r.block.body.blocks.map((b) => b.type)]);
    if (r.type === 'aws_api_gateway_rest_api') names.add('root_resource_id');
    for (const name of names) {
      if (META_ARGUMENTS.has(name)) continue;
      Object.defineProperty(out, name, { value: this.attribute(r, name), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /** `count = 0` and an empty `for_each` create nothing. */
  private exists(r: Declared): boolean {
    const count = r.block.body.attributes.find((a) => a.name === 'count');
    if (count && this.evaluate(r.file, count.expr, `${r.address}.count`) === 0) return false;
    const forEach = r.block.body.attributes.find((a) => a.name === 'for_each');
    if (forEach) {
      const v = this.evaluate(r.file, forEach.expr, `${r.address}.for_each`);
      if ((Array.isArray(v) && v.length === 0) || (isRecord(v) && Object.keys(v).length === 0)) return false;
    }
    return true;
  }

  /** The module's resources with their attributes evaluated, in the order they are written. */
  resourceList(): TfResource[] {
    const out: TfResource[] = [];
    for (const r of this.resources.values()) {
      if (!this.exists(r)) continue;
      out.push({ type: r.type, name: r.name, address: r.address, values: settle(this.object(r)) as Record<string, unknown>, reader: { doc: locator(r) }, file: r.file.path });
    }
    return out;
  }
}

/** Positions of `[address, attribute, key]` paths in a resource block; the nearest enclosing one when deeper. */
function locator(r: Declared): ParsedDocument {
  const offset = (path: readonly (string | number)[]): number => {
    const attribute = r.block.body.attributes.find((a) => a.name === path[1]);
    if (!attribute) return r.block.body.blocks.find((b) => b.type === path[1])?.start ?? r.block.start;
    const expr = attribute.expr;
    const key = path[2];
    if (key !== undefined && expr.kind === 'object') {
      const item = expr.items.find((i) => (i.key.kind === 'literal' && i.key.value === key) || (i.key.kind === 'template' && i.key.parts.length === 1 && i.key.parts[0]!.kind === 'text' && i.key.parts[0]!.text === key));
      if (item) return item.value.start;
    }
    if (typeof key === 'number' && expr.kind === 'tuple' && expr.items[key]) return expr.items[key].start;
    return path.length > 1 ? expr.start : r.block.start;
  };
  return { value: undefined, file: r.file.path, locate: (path) => r.file.position(offset(path)) };
}
