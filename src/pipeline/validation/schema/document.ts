/**
 * Schemas compiled once per API. A {@link SchemaDocument} is one model (or an inline request model); each
 * schema object in it gets one {@link Digest}, made on first use and kept: its keyword checks, the
 * schemas its children are validated against, and where its `$ref` leads. One digest per schema object is
 * also what lets validation recognise a schema it is already applying to the same value (a loop).
 */
import type { ChildSchemas } from './children.js';
import type { Check } from './run.js';
import { pointerToken, resolveRef, type DocumentSource } from './refs.js';
import { formatMessage } from './messages.js';

/** A schema that cannot be applied: its `$ref` dangles or loops, or the model is beyond our limits. */
export class SchemaFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaFailure';
  }
}

/** More schema objects than one document may compile (far beyond any real model). */
export const MAX_DIGESTS_PER_DOCUMENT = 100_000;

export class SchemaDocument {
  private readonly digests = new Map<object, Digest>();
  private readonly rootDigest: Digest;

  constructor(
    readonly root: unknown,
    /** The model's name; undefined for an inline request model. */
    readonly name: string | undefined,
    readonly source: DocumentSource<SchemaDocument>,
    /** Compiles a digest (keywords.ts, children.ts), given here to keep the modules acyclic. */
    readonly compile: (digest: Digest) => CompiledSchema,
  ) {
    this.rootDigest = this.digest(root, '');
  }

  get rootSchema(): Digest {
    return this.rootDigest;
  }

  /** The digest of `node` (reached by `pointer`); a non-object schema gets a fresh digest that allows anything. */
  digest(node: unknown, pointer: string): Digest {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return new Digest(this, null, pointer);
    const hit = this.digests.get(node);
    if (hit) return hit;
    if (this.digests.size >= MAX_DIGESTS_PER_DOCUMENT) throw new SchemaFailure(`the model has more than ${MAX_DIGESTS_PER_DOCUMENT} schemas`);
    const made = new Digest(this, node as Record<string, unknown>, pointer);
    this.digests.set(node, made);
    return made;
  }

  /** The schema URI fge prints for a schema: the model's name and the pointer in it. */
  uriOf(pointer: string): string {
    return `${this.name ?? ''}#${pointer}`;
  }
}

/** What a schema object compiles to. */
export interface CompiledSchema {
  /** The keyword checks, in the order fge runs them. */
  checks: Check[];
  /** The schemas of a container's children. */
  children: ChildSchemas;
}

const NOTHING: CompiledSchema = Object.freeze({ checks: [], children: { properties: new Map(), patternProperties: [] } });

/** One schema object, compiled lazily. */
export class Digest {
  private compiledSchema: CompiledSchema | null = null;
  private resolved: Digest | SchemaFailure | null = null;

  constructor(
    readonly doc: SchemaDocument,
    /** The schema object; null for a value that is not a schema object (it constrains nothing). */
    readonly node: Readonly<Record<string, unknown>> | null,
    readonly pointer: string,
  ) {}

  /** The schema compiled (once). */
  get compiled(): CompiledSchema {
    if (this.compiledSchema === null) this.compiledSchema = this.node === null ? NOTHING : this.doc.compile(this);
    return this.compiledSchema;
  }

  /** A member of the schema (`properties`, `items`, …) as a schema. */
  sub(...tokens: Array<string | number>): Digest {
    let node: unknown = this.node;
    for (const t of tokens) {
      node = node !== null && typeof node === 'object' && Object.hasOwn(node, t) ? (node as Record<string | number, unknown>)[t] : undefined;
    }
    return this.doc.digest(node, this.pointer + tokens.map((t) => `/${pointerToken(String(t))}`).join(''));
  }

  /** The `$ref` of the schema, when it has one (fge then ignores every other keyword). */
  get ref(): string | undefined {
    const ref = this.node?.['$ref'];
    return typeof ref === 'string' ? ref : undefined;
  }

  /** The schema that applies: this one, or where its `$ref` chain ends. @throws SchemaFailure */
  target(): Digest {
    if (this.ref === undefined) return this;
    if (this.resolved === null) this.resolved = this.follow();
    if (this.resolved instanceof SchemaFailure) throw this.resolved;
    return this.resolved;
  }

  private follow(): Digest | SchemaFailure {
    const seen = new Set<Digest>([this]);
    let current: Digest = this;
    for (;;) {
      const ref = current.ref;
      if (ref === undefined) return current;
      const found = resolveRef(ref, current.doc, current.doc.source);
      if (!found) return new SchemaFailure(formatMessage('refProcessing.danglingRef', ref));
      const next = found.doc.digest(found.node, found.pointer);
      if (seen.has(next) || seen.size > 1000) return new SchemaFailure(formatMessage('refProcessing.refLoop', ref));
      seen.add(next);
      current = next;
    }
  }
}
