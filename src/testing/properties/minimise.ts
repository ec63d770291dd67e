/**
 * After fast-check has shrunk a counterexample, what is left of it still carries every field the
 * generator put there: a body built from a schema has all its properties, a request all its headers.
 * Dropping, one by one, each part whose removal keeps the failure leaves what the template reads —
 * and the reader sees at once which field matters.
 */
import type { RenderInput } from '../../gateway/request.js';
import { childCount, parseJsonTree, printJsonTree, replaceAt, type JsonTree, type TreePath } from '../arbitraries/json-tree.js';

/** Renders allowed by default: enough for bodies of a few dozen fields, quick on any template. */
export const DEFAULT_MINIMISE_BUDGET = 300;

const MAPS = ['query', 'headers', 'path', 'stageVariables'] as const;

class Budget {
  constructor(private left: number) {}

  /** Whether the candidate still fails, while renders are left (none left: keep what we have). */
  try(stillFails: (candidate: RenderInput) => boolean, candidate: RenderInput): boolean {
    if (this.left <= 0) return false;
    this.left--;
    return stillFails(candidate);
  }
}

function withoutKey(input: RenderInput, map: (typeof MAPS)[number], key: string): RenderInput {
  const rest = { ...(input[map] as Record<string, unknown>) };
  delete rest[key];
  return { ...input, [map]: rest };
}

function minimiseMaps(input: RenderInput, stillFails: (candidate: RenderInput) => boolean, budget: Budget): RenderInput {
  let current = input;
  for (const map of MAPS) {
    for (const key of Object.keys((current[map] as Record<string, unknown> | undefined) ?? {})) {
      const candidate = withoutKey(current, map, key);
      if (budget.try(stillFails, candidate)) current = candidate;
    }
  }
  // The generated $context is complete, so no default stands in for a field; when the failure does not
  // need it, the defaults serve, and the counterexample is shorter by forty lines.
  if (current.context !== undefined) {
    const { context: _, ...rest } = current;
    if (budget.try(stillFails, rest)) return rest;
  }
  const context = current.context as Record<string, unknown> | undefined;
  if (context && Object.hasOwn(context, 'authorizer')) {
    const { authorizer: _, ...rest } = context;
    const candidate = { ...current, context: rest as RenderInput['context'] };
    if (budget.try(stillFails, candidate)) current = candidate;
  }
  return current;
}

/** Breadth first: a whole object goes in one render before its fields are tried one by one. */
function minimiseBody(input: RenderInput, stillFails: (candidate: RenderInput) => boolean, budget: Budget): RenderInput {
  if (typeof input.body !== 'string') return input;
  let tree = parseJsonTree(input.body);
  if (!tree) return input;
  let changed = false;
  const queue: TreePath[] = [[]];
  while (queue.length > 0) {
    const path = queue.shift()!;
    let i = 0;
    while (i < childCount(tree, path)) {
      const candidate: JsonTree = replaceAt(tree, [...path, i], undefined)!;
      if (budget.try(stillFails, { ...input, body: printJsonTree(candidate) })) {
        tree = candidate;
        changed = true;
      } else i++;
    }
    for (let j = 0; j < childCount(tree, path); j++) {
      if (childCount(tree, [...path, j]) > 0) queue.push([...path, j]);
    }
  }
  // Untouched, the body keeps its spacing: some templates print it raw.
  return changed ? { ...input, body: printJsonTree(tree) } : input;
}

/**
 * The input without every body field, array item, query string, header, path parameter, stage variable,
 * the generated `$context` (or else its authorizer) whose removal keeps `stillFails` true. Greedy and deterministic — the same input gives
 * the same result, so a replayed failure prints exactly as it did — and bounded by `budget` renders.
 */
export function minimiseInput(input: RenderInput, stillFails: (candidate: RenderInput) => boolean, budget = DEFAULT_MINIMISE_BUDGET): RenderInput {
  const renders = new Budget(budget);
  return minimiseMaps(minimiseBody(input, stillFails, renders), stillFails, renders);
}
