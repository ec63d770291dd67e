/**
 * A CloudFormation / SAM template being read: its resources by type, references between them (`!Ref`,
 * `!GetAtt`), and intrinsic functions resolved as far as a template alone allows.
 */
import type { ParsedDocument } from './document.js';
import { describe, fail, isObject, type Path, type Reader } from './fields.js';
import { IntrinsicResolver, type CfnTemplate } from './intrinsics.js';

export interface CloudFormationOptions {
  /** The logical id of the API to load, when the template has more than one. */
  api?: string;
  /** Template parameter values (otherwise their defaults). */
  parameters?: Record<string, string>;
  /** Reads a SAM `DefinitionUri` that names a local file. */
  readDefinition?: (uri: string) => ParsedDocument;
}

export type Resource = { Type?: string; Properties?: Record<string, unknown> };

export const REST_API = 'AWS::ApiGateway::RestApi';
export const SAM_API = 'AWS::Serverless::Api';
export const SAM_FUNCTION = 'AWS::Serverless::Function';
/** The API SAM creates for function `Api` events that name no `RestApiId`. */
export const IMPLICIT_API = 'ServerlessRestApi';

export class TemplateReader {
  readonly resolver: IntrinsicResolver;
  readonly resources: Record<string, Resource>;

  constructor(
    readonly template: CfnTemplate & Record<string, unknown>,
    readonly reader: Reader,
    readonly options: CloudFormationOptions,
  ) {
    this.resolver = new IntrinsicResolver(template, options.parameters);
    this.resources = template.Resources as Record<string, Resource>;
  }

  ofType(type: string): [string, Resource][] {
    return Object.entries(this.resources).filter(([, r]) => isObject(r) && r.Type === type);
  }

  /** Whether a logical id names a resource of that type. */
  isA(id: string | undefined, type: string): id is string {
    return id !== undefined && Object.hasOwn(this.resources, id) && isObject(this.resources[id]) && this.resources[id]!.Type === type;
  }

  props(id: string): Record<string, unknown> {
    const p = Object.hasOwn(this.resources, id) ? this.resources[id]?.Properties : undefined;
    return isObject(p) ? p : {};
  }

  /** The logical id a `!Ref X` / `!GetAtt X.Attr` names. */
  referenced(v: unknown): string | undefined {
    if (typeof v === 'string') return Object.hasOwn(this.resources, v) ? v : undefined;
    if (!isObject(v)) return undefined;
    if (typeof v['Ref'] === 'string') return v['Ref'];
    const att = v['Fn::GetAtt'];
    if (typeof att === 'string') return att.split('.')[0];
    if (Array.isArray(att) && typeof att[0] === 'string') return att[0];
    return undefined;
  }

  /** A resolved copy of a value; `path` names it in the error for intrinsics nested too deep. */
  resolved(v: unknown, path: Path = []): unknown {
    try {
      return this.resolver.resolve(v);
    } catch (e) {
      return fail(this.reader, path, (e as Error).message);
    }
  }

  /**
   * A resolved value that must be an object (a resource's Properties, an event's): absent, or removed by
   * `!Ref AWS::NoValue`, is `{}`; anything else is a DefinitionError at `path`.
   */
  resolvedObject(v: unknown, path: Path): Record<string, unknown> {
    const resolved = this.resolved(v, path);
    if (resolved === undefined || resolved === null) return {};
    if (!isObject(resolved)) return fail(this.reader, path, `expected an object, found ${describe(resolved)}`);
    return resolved;
  }

  /** `file Resources.Api.Properties.Auth` for a model's `source`. */
  sourceOf(path: Path): string {
    return `${this.reader.doc?.file ? `${this.reader.doc.file} ` : ''}${path.join('.')}`;
  }
}
