/**
 * `$ref` resolution for API Gateway models. A reference names another model by its URL
 * (`https://apigateway.amazonaws.com/restapis/{api}/models/{name}`, the form API Gateway documents; the
 * API id is not checked, since definitions often hold a placeholder there), by a relative name (resolved
 * against the model's own URL), or a place in the current model by JSON pointer (`#/definitions/X`).
 * OpenAPI-style `#/components/schemas/X` and Swagger-style `#/definitions/X` that the model itself does not
 * contain name model X: the definition loaders keep OpenAPI schemas as written, and API Gateway's import
 * turns those references into model URLs.
 */

/** A schema reached by a reference: the document it lives in, the node, and its JSON pointer there. */
export interface RefTarget<D> {
  doc: D;
  node: unknown;
  pointer: string;
}

/** Where references find documents. */
export interface DocumentSource<D> {
  /** The document of the model named `name`, if the API has one. */
  model(name: string): D | undefined;
  /** The root schema of a document. */
  rootOf(doc: D): unknown;
}

const MODEL_URL = /^https?:\/\/apigateway(?:\.[a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?\/restapis\/[^/?#]*\/models\/([^/?#]+)$/i;
const RELATIVE_NAME = /^[^:/?#]+$/;

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** The tokens of a JSON pointer (`/a/b~1c` → a, b/c), or undefined when it is not one. */
export function pointerTokens(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/') || /~(?![01])/.test(pointer)) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The token escaped for a JSON pointer. */
export function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function walk(root: unknown, tokens: readonly string[]): unknown {
  let node = root;
  for (const t of tokens) {
    if (Array.isArray(node)) {
      if (!/^(?:0|[1-9]\d*)$/.test(t) || Number(t) >= node.length) return undefined;
      node = node[Number(t)];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, t)) {
      node = (node as Record<string, unknown>)[t];
    } else return undefined;
  }
  return node;
}

/** Resolves `ref` written in document `from`; undefined when it cannot be resolved. */
export function resolveRef<D>(ref: string, from: D, source: DocumentSource<D>): RefTarget<D> | undefined {
  const hash = ref.indexOf('#');
  const base = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  let doc: D | undefined = from;
  if (base !== '') {
    const name = MODEL_URL.exec(base)?.[1] ?? (RELATIVE_NAME.test(base) ? base : undefined);
    const decoded = name === undefined ? undefined : decode(name);
    doc = decoded === undefined ? undefined : source.model(decoded);
  }
  if (doc === undefined) return undefined;
  const pointer = decode(fragment);
  const tokens = pointer === undefined ? undefined : pointerTokens(pointer);
  if (tokens === undefined) return undefined;
  const node = walk(source.rootOf(doc), tokens);
  if (node !== undefined) return { doc, node, pointer: pointer! };
  // A component or definition the document does not hold: the model of that name.
  const modelName = base === '' && tokens.length === 2 && tokens[0] === 'definitions' ? tokens[1] : base === '' && tokens.length === 3 && tokens[0] === 'components' && tokens[1] === 'schemas' ? tokens[2] : undefined;
  const named = modelName === undefined ? undefined : source.model(modelName);
  return named === undefined ? undefined : { doc: named, node: source.rootOf(named), pointer: '' };
}
