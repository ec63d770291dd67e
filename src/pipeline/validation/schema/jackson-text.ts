/**
 * How fge prints JSON values inside its messages: Jackson's `JsonNode.toString()`, compact JSON with no
 * spaces (`["a","b"]`, `{"a":1}`), strings escaped the Jackson way (`\n`-style short escapes, other control
 * characters as upper-case `\u00XX`, nothing else), numbers as their nodes print them.
 */
import type { Meter } from '../../../java/meter.js';
import { instanceNumberText } from './decimal.js';
import { JsonNumber, type Instance } from './instance.js';

const SHORT: Record<number, string> = { 0x22: '\\"', 0x5c: '\\\\', 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r' };
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

/** A JSON string literal as Jackson writes it. */
export function jacksonQuote(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(start, i) + (SHORT[c] ?? `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`);
    start = i + 1;
  }
  return `${out + s.slice(start)}"`;
}

/** How often (in characters) a long print checks the string cap and charges its work. */
const CHECK_EVERY = 1 << 16;

/** Literal text waiting on the print stack (punctuation, keys). */
class Text {
  constructor(readonly text: string) {}
}

/** `node.toString()` of an instance, charged to `meter` (a value can be as large as the body). */
export function jacksonText(v: Instance, meter: Meter): string {
  const parts: string[] = [];
  let length = 0;
  let sinceCheck = 0;
  const push = (s: string): void => {
    parts.push(s);
    length += s.length;
    sinceCheck += s.length + 1;
    if (sinceCheck > CHECK_EVERY) {
      sinceCheck = 0;
      if (length > meter.maxStringLength) meter.admit(length);
      meter.chars(CHECK_EVERY);
    }
  };
  // Iterative, so a deep value cannot overflow the stack: a stack of pending values and closers.
  const stack: Array<Instance | Text> = [v];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (value instanceof Text) {
      push(value.text);
      continue;
    }
    if (value === null) push('null');
    else if (typeof value === 'boolean') push(value ? 'true' : 'false');
    else if (typeof value === 'string') push(jacksonQuote(value));
    else if (value instanceof JsonNumber) push(instanceNumberText(value));
    else if (Array.isArray(value)) {
      push('[');
      stack.push(new Text(']'));
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push(value[i]!);
        if (i > 0) stack.push(new Text(','));
      }
    } else {
      push('{');
      stack.push(new Text('}'));
      const entries = [...value.entries()];
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, e] = entries[i]!;
        stack.push(e);
        stack.push(new Text(`${jacksonQuote(k)}:`));
        if (i > 0) stack.push(new Text(','));
      }
    }
  }
  meter.admit(length);
  return parts.join('');
}

/** A list of strings as a JSON array (`toArrayNode(…)` in fge's validators). */
export function jsonStringArray(items: readonly string[]): string {
  return `[${items.map(jacksonQuote).join(',')}]`;
}
