/** How deep parsed JSON nests, measured without recursion (a hostile value can nest 100,000 levels). */

/**
 * The deepest nesting of arrays and objects accepted from a share link or a request pane: far more than
 * any request needs, far less than what overflows the stack of code that walks values recursively
 * (`JSON.stringify`, structured cloning to a worker).
 */
export const MAX_JSON_DEPTH = 100;

/** True when `value` nests arrays and objects more than `max` levels deep. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
