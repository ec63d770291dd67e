/**
 * Which method a request reaches: API Gateway's resource tree, where a literal path segment wins over a
 * `{param}`, which wins over a greedy `{proxy+}`, and a method defined on the resource wins over `ANY`.
 */
import type { MethodDefinition } from '../model/index.js';
import { setOwn } from '../own-property.js';

export interface RouteMatch {
  method: MethodDefinition;
  /** Percent-decoded path parameters; a greedy `{name+}` holds the rest of the path. */
  pathParameters: Record<string, string>;
}

interface Node {
  literal: Map<string, Node>;
  param?: { name: string; node: Node };
  greedy?: { name: string; node: Node };
  methods: Map<string, MethodDefinition>;
}

function newNode(): Node {
  return { literal: new Map(), methods: new Map() };
}

/** `/a/b/` → `['a', 'b']`; the root is `[]`. */
export function pathSegments(path: string): string[] {
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? [] : trimmed.split('/');
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export class RouteTable {
  private readonly root = newNode();

  constructor(methods: readonly MethodDefinition[]) {
    for (const method of methods) this.add(method);
  }

  private add(method: MethodDefinition): void {
    let node = this.root;
    const segments = pathSegments(method.resourcePath);
    segments.forEach((segment, i) => {
      const param = /^\{([^{}+]+)(\+?)\}$/.exec(segment);
      if (!param) {
        let next = node.literal.get(segment);
        if (!next) node.literal.set(segment, (next = newNode()));
        node = next;
      } else if (param[2]) {
        if (i !== segments.length - 1) throw new TypeError(`${method.resourcePath}: a greedy {${param[1]}+} must be the last path segment`);
        node.greedy ??= { name: param[1]!, node: newNode() };
        node = node.greedy.node;
      } else {
        node.param ??= { name: param[1]!, node: newNode() };
        node = node.param.node;
      }
    });
    node.methods.set(method.httpMethod.toUpperCase(), method);
  }

  /** The method for a request path below the stage, or undefined (API Gateway: 403 Missing Authentication Token). */
  match(httpMethod: string, path: string): RouteMatch | undefined {
    const segments = pathSegments(path);
    const method = httpMethod.toUpperCase();
    const params: [string, string][] = [];
    const walk = (node: Node, i: number): MethodDefinition | undefined => {
      if (i === segments.length) return node.methods.get(method) ?? node.methods.get('ANY');
      const segment = segments[i]!;
      const literal = node.literal.get(segment);
      const viaLiteral = literal && walk(literal, i + 1);
      if (viaLiteral) return viaLiteral;
      if (node.param && segment !== '') {
        params.push([node.param.name, decode(segment)]);
        const viaParam = walk(node.param.node, i + 1);
        if (viaParam) return viaParam;
        params.pop();
      }
      if (node.greedy) {
        const found = node.greedy.node.methods.get(method) ?? node.greedy.node.methods.get('ANY');
        if (found) {
          params.push([node.greedy.name, segments.slice(i).map(decode).join('/')]);
          return found;
        }
      }
      return undefined;
    };
    const found = walk(this.root, 0);
    if (!found) return undefined;
    const pathParameters: Record<string, string> = {};
    for (const [name, value] of params) setOwn(pathParameters, name, value);
    return { method: found, pathParameters };
  }
}
