/**
 * CloudFormation intrinsic functions, resolved as far as a template alone allows: parameters take their
 * defaults (or given values), pseudo parameters a fixed account and region, `Ref`/`GetAtt` of a Lambda
 * function its name and ARN, `Fn::Sub`/`Join`/`Select`/`Split`/`If`/`FindInMap`/`Base64` are evaluated.
 * What cannot be known offline (`Fn::ImportValue`, attributes of other resources) becomes a readable
 * placeholder such as `<ImportValue:Name>`, so templates and URIs still load.
 */
import { isObject } from './fields.js';
import { setOwn } from '../own-property.js';
import { encodeBase64 } from '../platform/base64.js';
import { encodeUtf8 } from '../platform/utf8.js';

export const ACCOUNT_ID = '123456789012';
export const REGION = 'us-east-1';

export interface CfnTemplate {
  Parameters?: Record<string, { Default?: unknown } | undefined>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown> } | undefined>;
}

function own(v: unknown, key: string): unknown {
  return isObject(v) && Object.hasOwn(v, key) ? v[key] : undefined;
}

/** Resolved to nothing (`AWS::NoValue`): the property is dropped. */
const NO_VALUE = Symbol('AWS::NoValue');

const LAMBDA_TYPES = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

export class IntrinsicResolver {
  constructor(
    private readonly template: CfnTemplate,
    private readonly parameters: Record<string, string> = {},
  ) {}

  /** A resolved copy of a value (never the template's own objects). */
  resolve(value: unknown, depth = 0): unknown {
    const resolved = this.value(value, depth);
    return resolved === NO_VALUE ? undefined : resolved;
  }

  private value(v: unknown, depth: number): unknown {
    if (depth > 100) throw new Error('intrinsic functions nested more than 100 deep');
    if (Array.isArray(v)) return v.map((x) => this.value(x, depth + 1)).filter((x) => x !== NO_VALUE);
    if (!isObject(v)) return v;
    const keys = Object.keys(v);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'))) return this.call(keys[0]!, v[keys[0]!], depth + 1);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const r = this.value(x, depth + 1);
      if (r !== NO_VALUE) setOwn(out, k, r);
    }
    return out;
  }

  private text(v: unknown, depth: number): string {
    const r = this.value(v, depth);
    return typeof r === 'string' ? r : typeof r === 'number' || typeof r === 'boolean' ? String(r) : JSON.stringify(r);
  }

  private list(v: unknown, depth: number): unknown[] {
    const r = this.value(v, depth);
    return Array.isArray(r) ? r : [r];
  }

  private resource(name: string) {
    const resources = this.template.Resources ?? {};
    return Object.hasOwn(resources, name) ? resources[name] : undefined;
  }

  private functionName(logicalId: string): string {
    const name = this.resource(logicalId)?.Properties?.['FunctionName'];
    return typeof name === 'string' ? name : logicalId;
  }

  ref(name: string): unknown {
    switch (name) {
      case 'AWS::Region':
        return REGION;
      case 'AWS::AccountId':
        return ACCOUNT_ID;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::StackName':
        return 'stack';
      case 'AWS::StackId':
        return `arn:aws:cloudformation:${REGION}:${ACCOUNT_ID}:stack/stack/00000000-0000-0000-0000-000000000000`;
      case 'AWS::NoValue':
        return NO_VALUE;
    }
    if (Object.hasOwn(this.parameters, name)) return this.parameters[name];
    const parameters = this.template.Parameters ?? {};
    if (Object.hasOwn(parameters, name)) {
      const fallback = parameters[name]?.Default;
      return fallback === undefined ? `<Parameter:${name}>` : fallback;
    }
    const resource = this.resource(name);
    if (resource && LAMBDA_TYPES.has(resource.Type ?? '')) return this.functionName(name);
    return name;
  }

  getAtt(logicalId: string, attribute: string): unknown {
    const resource = this.resource(logicalId);
    if (resource && LAMBDA_TYPES.has(resource.Type ?? '') && attribute === 'Arn') {
      return `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${this.functionName(logicalId)}`;
    }
    if (attribute === 'Arn' && resource?.Type === 'AWS::IAM::Role') return `arn:aws:iam::${ACCOUNT_ID}:role/${logicalId}`;
    return `<GetAtt:${logicalId}.${attribute}>`;
  }

  condition(name: string, depth: number): boolean {
    const conditions = this.template.Conditions ?? {};
    if (!Object.hasOwn(conditions, name)) return false;
    return this.truth(conditions[name], depth + 1);
  }

  private truth(v: unknown, depth: number): boolean {
    if (isObject(v)) {
      const [fn, arg] = Object.entries(v)[0] ?? [];
      const args = Array.isArray(arg) ? arg : [arg];
      switch (fn) {
        case 'Fn::Equals':
          return this.text(args[0], depth) === this.text(args[1], depth);
        case 'Fn::Not':
          return !this.truth(args[0], depth + 1);
        case 'Fn::And':
          return args.every((a) => this.truth(a, depth + 1));
        case 'Fn::Or':
          return args.some((a) => this.truth(a, depth + 1));
        case 'Condition':
          return this.condition(String(arg), depth);
      }
    }
    return this.value(v, depth) === true || this.value(v, depth) === 'true';
  }

  private sub(template: string, variables: Record<string, unknown>, depth: number): string {
    return template.replace(/\$\{(!?)([^}]*)\}/g, (whole, bang: string, name: string) => {
      if (bang) return `\${${name}}`;
      const key = name.trim();
      if (Object.hasOwn(variables, key)) return this.text(variables[key], depth);
      const dot = key.indexOf('.');
      if (dot > 0 && !key.startsWith('AWS::')) return this.text(this.getAtt(key.slice(0, dot), key.slice(dot + 1)), depth);
      const r = this.ref(key);
      return r === NO_VALUE ? '' : typeof r === 'string' ? r : whole;
    });
  }

  private call(fn: string, arg: unknown, depth: number): unknown {
    switch (fn) {
      case 'Ref':
        return this.ref(this.text(arg, depth));
      case 'Fn::GetAtt': {
        const [id, ...attr] = typeof arg === 'string' ? arg.split('.') : this.list(arg, depth).map(String);
        return this.getAtt(id ?? '', attr.join('.'));
      }
      case 'Fn::Sub': {
        if (typeof arg === 'string') return this.sub(arg, {}, depth);
        const [template, variables] = Array.isArray(arg) ? arg : [arg, {}];
        const vars = this.value(variables, depth);
        return this.sub(this.text(template, depth), isObject(vars) ? vars : {}, depth);
      }
      case 'Fn::Join': {
        const [delimiter, items] = Array.isArray(arg) ? arg : ['', arg];
        return this.list(items, depth).map((x) => (typeof x === 'string' ? x : this.text(x, depth))).join(this.text(delimiter, depth));
      }
      case 'Fn::Select': {
        const [index, items] = Array.isArray(arg) ? arg : [0, arg];
        return this.list(items, depth)[Number(this.value(index, depth))];
      }
      case 'Fn::Split': {
        const [delimiter, source] = Array.isArray(arg) ? arg : ['', arg];
        return this.text(source, depth).split(this.text(delimiter, depth));
      }
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = Array.isArray(arg) ? arg : [];
        return this.value(this.condition(String(condition), depth) ? whenTrue : whenFalse, depth);
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = this.list(arg, depth).map(String);
        const found = own(own(own(this.template.Mappings, map!), top!), second!);
        return found === undefined ? `<FindInMap:${map}.${top}.${second}>` : this.value(found, depth);
      }
      case 'Fn::Base64':
        return encodeBase64(encodeUtf8(this.text(arg, depth)));
      case 'Fn::ImportValue':
        return `<ImportValue:${this.text(arg, depth)}>`;
      case 'Fn::GetAZs':
        return [`${REGION}a`, `${REGION}b`, `${REGION}c`];
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
        return this.truth({ [fn]: arg }, depth);
    }
    return `<${fn.replace(/^Fn::/, '')}>`;
  }
}
