/** How the oracle says to compare a render with what AWS returned. */

/** `content.replace("\n"," ").strip()` then collapse whitespace: the airspeed harness's normalisation. */
export function normalizeWhitespace(s: string): string {
  return s.replace(/\n/g, ' ').trim().replace(/\s+/g, ' ');
}

/** Deep JSON equality where a string `<...>` in the expected value matches anything. */
export function jsonMatches(actual: unknown, expected: unknown, placeholders = false): boolean {
  if (placeholders && typeof expected === 'string' && /^<[^>]*>$/.test(expected)) return actual !== undefined;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => jsonMatches(actual[i], e, placeholders));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = Object.keys(e);
    return keys.length === Object.keys(a).length && keys.every((k) => k in a && jsonMatches(a[k], e[k], placeholders));
  }
  return actual === expected;
}

export function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
