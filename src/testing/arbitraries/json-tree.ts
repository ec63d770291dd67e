/**
 * JSON text as a tree that keeps each scalar's spelling (`10.50`, `1e3`, `"\u00e9"`), so a generated body
 * can be edited — a field dropped, a value swapped — and printed back without JSON.parse rounding its
 * numbers: the awkward spellings are what the generators are for.
 */

export type JsonTree =
  /** A number, string, `true`, `false` or `null`, exactly as written. */
  | { kind: 'scalar'; text: string }
  | { kind: 'array'; items: JsonTree[] }
  /** Entries in order; a key as written (with its quotes), duplicates kept. */
  | { kind: 'object'; entries: [key: string, value: JsonTree][] };

/** The JSON type of a tree, as JSON Schema names it (`integer` and `number` are both `number`). */
export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

class Reader {
  at = 0;

  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at]!)) this.at++;
  }

  value(): JsonTree {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    return { kind: 'scalar', text: this.scalar() };
  }

  scalar(): string {
    const start = this.at;
    if (this.text[this.at] === '"') {
      this.at++;
      while (this.text[this.at] !== '"') this.at += this.text[this.at] === '\\' ? 2 : 1;
      this.at++;
    } else {
      while (this.at < this.text.length && !' \t\n\r,]}:'.includes(this.text[this.at]!)) this.at++;
    }
    return this.text.slice(start, this.at);
  }

  object(): JsonTree {
    this.at++;
    const entries: [string, JsonTree][] = [];
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at++;
      return { kind: 'object', entries };
    }
    for (;;) {
      this.skipSpace();
      const key = this.scalar();
      this.skipSpace();
      this.at++; // ':'
      entries.push([key, this.value()]);
      this.skipSpace();
      if (this.text[this.at++] === '}') return { kind: 'object', entries };
    }
  }

  array(): JsonTree {
    this.at++;
    const items: JsonTree[] = [];
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at++;
      return { kind: 'array', items };
    }
    for (;;) {
      items.push(this.value());
      this.skipSpace();
      if (this.text[this.at++] === ']') return { kind: 'array', items };
    }
  }
}

/**
 * The tree of JSON text; undefined when the text is not JSON (JSON.parse decides, so the reader itself
 * only ever sees well-formed text).
 */
export function parseJsonTree(text: string): JsonTree | undefined {
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  return new Reader(text).value();
}

/** Compact JSON text of a tree (scalars and keys as they were written). */
export function printJsonTree(tree: JsonTree): string {
  switch (tree.kind) {
    case 'scalar':
      return tree.text;
    case 'array':
      return `[${tree.items.map(printJsonTree).join(',')}]`;
    case 'object':
      return `{${tree.entries.map(([k, v]) => `${k}:${printJsonTree(v)}`).join(',')}}`;
  }
}

export function jsonTypeOf(tree: JsonTree): JsonType {
  if (tree.kind !== 'scalar') return tree.kind;
  const c = tree.text[0];
  if (c === '"') return 'string';
  if (c === 't' || c === 'f') return 'boolean';
  if (c === 'n') return 'null';
  return 'number';
}

/** A node's place: the indexes of entries/items from the root. */
export type TreePath = readonly number[];

/** Every node's path, the leaves first (in document order), then containers, deepest first, the root last. */
export function treePaths(tree: JsonTree): TreePath[] {
  const leaves: TreePath[] = [];
  const containers: { path: TreePath; depth: number }[] = [];
  const walk = (node: JsonTree, path: TreePath) => {
    const children = node.kind === 'object' ? node.entries.map((e) => e[1]) : node.kind === 'array' ? node.items : undefined;
    if (!children || children.length === 0) {
      if (path.length > 0) leaves.push(path);
    } else {
      children.forEach((child, i) => walk(child, [...path, i]));
      if (path.length > 0) containers.push({ path, depth: path.length });
    }
  };
  walk(tree, []);
  // A stable sort keeps document order among containers of one depth.
  containers.sort((a, b) => b.depth - a.depth);
  return [...leaves, ...containers.map((c) => c.path), []];
}

function childrenOf(node: JsonTree): JsonTree[] | undefined {
  if (node.kind === 'object') return node.entries.map((e) => e[1]);
  if (node.kind === 'array') return node.items;
  return undefined;
}

/** The number of entries or items of the container at `path` (0 for a scalar or a missing node). */
export function childCount(tree: JsonTree, path: TreePath): number {
  const node = nodeAt(tree, path);
  return node ? (childrenOf(node)?.length ?? 0) : 0;
}

export function nodeAt(tree: JsonTree, path: TreePath): JsonTree | undefined {
  let node: JsonTree | undefined = tree;
  for (const i of path) node = node ? childrenOf(node)?.[i] : undefined;
  return node;
}

/** A copy with the node at `path` replaced (`undefined`: removed from its object or array). */
export function replaceAt(tree: JsonTree, path: TreePath, replacement: JsonTree | undefined): JsonTree | undefined {
  if (path.length === 0) return replacement;
  const [i, ...rest] = path as [number, ...number[]];
  if (tree.kind === 'object') {
    const entries = tree.entries.flatMap(([k, v], j): [string, JsonTree][] => {
      if (j !== i) return [[k, v]];
      const next = replaceAt(v, rest, replacement);
      return next === undefined ? [] : [[k, next]];
    });
    return { kind: 'object', entries };
  }
  if (tree.kind === 'array') {
    const items = tree.items.flatMap((v, j) => {
      if (j !== i) return [v];
      const next = replaceAt(v, rest, replacement);
      return next === undefined ? [] : [next];
    });
    return { kind: 'array', items };
  }
  return tree;
}
