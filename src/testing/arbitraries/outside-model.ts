/**
 * Bodies just outside a model: a body the model allows, changed in one place — a field dropped, a value
 * turned null or into another JSON type — or replaced by text that is not a JSON object at all. One
 * change keeps the counterexample readable: it says which field, and how, the template cannot take.
 */
import fc from 'fast-check';
import { awkwardNumber, oddBody } from './input.js';
import { jsonTypeOf, nodeAt, parseJsonTree, printJsonTree, replaceAt, treePaths, type JsonTree, type JsonType } from './json-tree.js';
import { escapingString, trickyString } from './strings.js';

const JSON_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** Values of each JSON type a field can be turned into; each shrinks to its plainest (`""`, `0`, `{}`). */
const REPLACEMENTS: Record<Exclude<JsonType, 'null'>, fc.Arbitrary<string>> = {
  string: escapingString.map((s) => JSON.stringify(s)),
  number: awkwardNumber.filter((t) => JSON_NUMBER.test(t)),
  boolean: fc.constantFrom('true', 'false'),
  // Containers with a tricky string inside: a template that prints a field finds them printed as Java does.
  object: fc.oneof(fc.constant('{}'), escapingString.map((s) => `{"k":${JSON.stringify(s)}}`)),
  array: fc.oneof(fc.constant('[]'), escapingString.map((s) => `[${JSON.stringify(s)}]`)),
};
const TYPES = Object.keys(REPLACEMENTS) as (keyof typeof REPLACEMENTS)[];

/** How a body is taken out of the model; the order is the shrinking order, plainest first. */
const CHANGES = ['drop', 'null', 'retype', 'text'] as const;
type Change = (typeof CHANGES)[number];

const notAnObject = fc.oneof({ weight: 3, arbitrary: oddBody }, { weight: 1, arbitrary: trickyString });

interface Mutation {
  body: string;
  change: Change;
  /** Which node (an index into the tree's paths, leaves first). */
  node: number;
  /** Which of the other types, for `retype`. */
  type: number;
  values: Record<keyof typeof REPLACEMENTS, string>;
  text: string;
}

function scalar(text: string): JsonTree {
  return parseJsonTree(text)!;
}

function mutate(m: Mutation): string {
  const tree = parseJsonTree(m.body);
  if (m.change === 'text' || tree === undefined) return m.text;
  const paths = treePaths(tree);
  const path = paths[m.node % paths.length]!;
  let changed: JsonTree | undefined;
  if (m.change === 'drop') {
    // Dropping the whole body leaves an empty one (which API Gateway's templates read as `{}`).
    changed = replaceAt(tree, path, undefined);
  } else if (m.change === 'null') {
    changed = replaceAt(tree, path, scalar('null'));
  } else {
    const others = TYPES.filter((t) => t !== jsonTypeOf(nodeAt(tree, path)!));
    changed = replaceAt(tree, path, scalar(m.values[others[m.type % others.length]!]));
  }
  return changed === undefined ? '' : printJsonTree(changed);
}

/**
 * A body of JSON `null` fails every `$input.path` and `$input.json` (API Gateway's JsonPath refuses a
 * null document) in every template, and no template can guard against it: not a finding about any one.
 */
function isNullDocument(body: string): boolean {
  return body.trim() === 'null';
}

/**
 * Bodies outside a model: one change to a body `inside` generates, kept only when `isInside` rejects
 * the result (a change the model allows — dropping an optional field — is not outside it). Never the
 * body `null` (see {@link isNullDocument}). `isInside` must reject text that is not JSON, or generation
 * cannot end.
 */
export function bodiesOutside(inside: fc.Arbitrary<string>, isInside: (body: string) => boolean): fc.Arbitrary<string> {
  return fc
    .record({
      body: inside,
      change: fc.constantFrom(...CHANGES),
      node: fc.nat(),
      type: fc.nat({ max: TYPES.length - 2 }),
      values: fc.record(REPLACEMENTS),
      text: notAnObject,
    })
    .map(mutate)
    .filter((body) => !isNullDocument(body) && !isInside(body));
}
