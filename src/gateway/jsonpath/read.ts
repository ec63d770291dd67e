/**
 * `JsonPath.read(document, path)` with Jayway 2.0.0's semantics, as `$input.path` and `$input.json` use it:
 *
 * - a definite path (`$`, `.name`, `['name']`, `[n]`, `[(@.length-n)]`, `['a','b']`) gives the value
 *   itself (for several names, a map of the ones present), or {@link NOT_FOUND};
 * - any other path (wildcards, `..`, slices, index lists, filters) gives a JSON list of the matches.
 *
 * The document is read in place: the values returned are the document's own (a template that changes
 * one sees the change in the body), and no copy of the body is made, whatever the path.
 */
import type { Meter } from '../../java/meter.js';
import type { Value } from '../../java/values.js';
import type { JsonPathCache } from './cache.js';
import { evaluatePath, NOT_FOUND } from './evaluate.js';

export { NOT_FOUND } from './evaluate.js';
export { JsonPathCache } from './cache.js';
export { JsonPathSyntaxError, parseJsonPath, type ParsedPath, type PathSegment } from './parse-path.js';

/**
 * Reads `path` from `document`, compiling it through `cache`.
 * @param meter the render's account: one unit of work per node visited, memory for the result list
 * @throws JsonPathSyntaxError for an invalid path (Jayway: InvalidPathException), also one Jayway only
 *   finds invalid while evaluating (an array step on a map: `$.map[0]`)
 * @throws JavaException where Jayway's filter comparison throws (NumberFormatException)
 * @throws BudgetExceeded when the render's budget runs out
 */
export function readJsonPath(document: Value, path: string, meter: Meter, cache: JsonPathCache): Value | typeof NOT_FOUND {
  meter.chars(path.length);
  return evaluatePath(cache.get(path), document, meter);
}
