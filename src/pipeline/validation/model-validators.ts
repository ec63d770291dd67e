/**
 * The request models of one API, compiled for validation and kept for the API's lifetime (held by its
 * `ApiRuntime`). Named models are compiled once each; inline request models (a schema object that is not
 * one of the named models) are kept in a small LRU by object identity. Compiled regexes are bounded too,
 * so nothing here grows past what the definition holds.
 */
import type { Meter } from '../../java/meter.js';
import { SchemaDocument, type Digest } from './schema/document.js';
import { EcmaPatterns } from './schema/ecma-regex.js';
import type { Instance } from './schema/instance.js';
import { childSchemas } from './schema/children.js';
import { compileChecks } from './schema/keywords.js';
import type { DocumentSource } from './schema/refs.js';
import { validateInstance, type ValidationOutcome } from './schema/validate.js';

export type { ValidationOutcome } from './schema/validate.js';

export interface ModelValidatorsOptions {
  /** Inline request models kept compiled (least recently used ones are dropped; default 256). */
  maxInlineModels?: number;
}

export class ModelValidators implements DocumentSource<SchemaDocument> {
  /** Compiled ECMA 262 patterns of every model of the API. */
  readonly patterns = new EcmaPatterns();
  private readonly named = new Map<string, SchemaDocument>();
  private readonly inline = new Map<object, SchemaDocument>();
  private readonly maxInline: number;
  private readonly compile = (digest: Digest) => ({ checks: compileChecks(digest, this.patterns), children: childSchemas(digest, this.patterns) });

  /** @param models the API's named models (`ApiDefinition.models`), which `$ref`s name. */
  constructor(
    private readonly models: Readonly<Record<string, unknown>> | null | undefined = {},
    options: ModelValidatorsOptions = {},
  ) {
    this.maxInline = options.maxInlineModels ?? 256;
  }

  /** @internal The document of a named model (`DocumentSource`). */
  model(name: string): SchemaDocument | undefined {
    const models = this.models;
    if (!models || !Object.hasOwn(models, name)) return undefined;
    let doc = this.named.get(name);
    if (!doc) {
      doc = new SchemaDocument(models[name], name, this, this.compile);
      this.named.set(name, doc);
    }
    return doc;
  }

  /** @internal */
  rootOf(doc: SchemaDocument): unknown {
    return doc.root;
  }

  /** The document for a method's request model: the named model when it is one, else an inline one. */
  private documentFor(schema: unknown, name: string | undefined): SchemaDocument {
    if (name !== undefined) {
      const named = this.model(name);
      if (named && named.root === schema) return named;
    }
    const key = schema !== null && typeof schema === 'object' ? schema : undefined;
    const hit = key && this.inline.get(key);
    if (hit) {
      this.inline.delete(key);
      this.inline.set(key, hit);
      return hit;
    }
    const doc = new SchemaDocument(schema, name, this, this.compile);
    if (key && this.maxInline > 0) {
      this.inline.set(key, doc);
      if (this.inline.size > this.maxInline) this.inline.delete(this.inline.keys().next().value!);
    }
    return doc;
  }

  /**
   * Validates a parsed body against a request model, as fge does. Never throws for any schema or value,
   * except `BudgetExceeded` when `meter` runs out.
   * @param name the model's name, when known (`requestModelNames`), for its own `#/…` references
   */
  validate(schema: unknown, value: Instance, meter: Meter, name?: string): ValidationOutcome {
    return validateInstance(this.documentFor(schema, name).rootSchema, value, meter);
  }
}
