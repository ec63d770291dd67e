/**
 * The allow-listed `java.lang.String` methods (the JDK 17 API, which the reference renderer runs).
 * Indexes are UTF-16 code units, as in Java; regex methods take Java patterns.
 */
import { JavaException } from '../exceptions.js';
import { javaTrim } from '../java-trim.js';
import { javaMatches, javaReplace, javaSplit } from '../regex/index.js';
import { replaceText } from '../replace-text.js';
import type { MethodContext } from './context.js';
import { toJavaString } from '../print.js';
import { BYTES_PER_OBJECT, BYTES_PER_SLOT, type Meter } from '../meter.js';
import { stringHashCode, JavaChar, JavaList, NO_METHOD, type NoMethod, type Value } from '../values.js';
import { booleanArg, charArg, intArg, isStringArg, requireNonNull } from './arguments.js';

function outOfBounds(message: string): JavaException {
  return new JavaException('java.lang.StringIndexOutOfBoundsException', message);
}

function isJavaWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x1c && c <= 0x20) ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x2006) ||
    (c >= 0x2008 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x205f ||
    c === 0x3000
  );
}

function strip(s: string, leading: boolean, trailing: boolean): string {
  let start = 0;
  let end = s.length;
  if (leading) while (start < end && isJavaWhitespace(s.charCodeAt(start))) start++;
  if (trailing) while (end > start && isJavaWhitespace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

function equalsIgnoreCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const ux = x.toUpperCase();
    const uy = y.toUpperCase();
    if (ux === uy) continue;
    if (ux.toLowerCase() !== uy.toLowerCase()) return false;
  }
  return true;
}

function compareTo(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function compareToIgnoreCase(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a[i]!;
    let y = b[i]!;
    if (x === y) continue;
    x = x.toUpperCase().toLowerCase();
    y = y.toUpperCase().toLowerCase();
    if (x !== y) return x.charCodeAt(0) - y.charCodeAt(0);
  }
  return a.length - b.length;
}

function lastIndexOf(s: string, search: string, from: number): number {
  if (from < 0) return -1;
  return s.lastIndexOf(search, from);
}

function regionMatches(s: string, ignoreCase: boolean, offset: number, other: string, otherOffset: number, len: number): boolean {
  if (otherOffset < 0 || offset < 0 || offset > s.length - len || otherOffset > other.length - len) return false;
  if (len <= 0) return true;
  const a = s.slice(offset, offset + len);
  const b = other.slice(otherOffset, otherOffset + len);
  return ignoreCase ? equalsIgnoreCase(a, b) : a === b;
}

/** A Java array of the strings `split` returned. */
function stringArray(parts: string[], meter: Meter): JavaList {
  // Each part is a string object of its own (short ones are copies): a slot, a header, its characters.
  meter.charge(parts.length / 4);
  meter.alloc(parts.length * (BYTES_PER_SLOT + BYTES_PER_OBJECT));
  return new JavaList(parts, 'array');
}

/**
 * Calls `name(args)` on a String; {@link NO_METHOD} when no overload fits. Each method charges the
 * characters it scans or produces; strings it creates are admitted (string cap, memory) before they
 * are built wherever their length is known in advance.
 */
export function invokeString(s: string, name: string, args: Value[], rt: MethodContext): Value | NoMethod {
  const meter = rt.meter;
  const [a, b] = args;
  switch (args.length) {
    case 0:
      switch (name) {
        case 'length':
          return s.length;
        case 'isEmpty':
          return s.length === 0;
        case 'isBlank':
          meter.chars(s.length);
          return strip(s, true, false).length === 0;
        case 'trim':
          return meter.string(javaTrim(s));
        case 'strip':
          return meter.string(strip(s, true, true));
        case 'stripLeading':
          return meter.string(strip(s, true, false));
        case 'stripTrailing':
          return meter.string(strip(s, false, true));
        case 'toLowerCase':
          // Case mapping can lengthen a string (ß → SS): admit the input first, then the result.
          meter.chars(s.length);
          return meter.string(s.toLowerCase());
        case 'toUpperCase':
          meter.chars(s.length);
          return meter.string(s.toUpperCase());
        case 'toString':
        case 'intern':
          return s;
        case 'hashCode':
          meter.chars(s.length);
          return stringHashCode(s);
        case 'toCharArray':
          meter.chars(s.length);
          meter.charge(s.length / 4);
          meter.alloc(s.length * (BYTES_PER_OBJECT + BYTES_PER_SLOT));
          return new JavaList(s.split('').map((c) => new JavaChar(c)), 'array');
      }
      return NO_METHOD;
    case 1:
      switch (name) {
        case 'charAt': {
          const i = intArg(a);
          if (i === undefined) return NO_METHOD;
          if (i < 0 || i >= s.length) throw outOfBounds(`index ${i}, length ${s.length}`);
          return new JavaChar(s[i]!);
        }
        case 'codePointAt': {
          const i = intArg(a);
          if (i === undefined) return NO_METHOD;
          if (i < 0 || i >= s.length) throw outOfBounds(`index ${i}, length ${s.length}`);
          return s.codePointAt(i)!;
        }
        case 'substring': {
          const i = intArg(a);
          if (i === undefined) return NO_METHOD;
          if (i < 0 || i > s.length) throw outOfBounds(`begin ${i}, end ${s.length}, length ${s.length}`);
          meter.admit(s.length - i);
          return s.slice(i);
        }
        case 'indexOf':
        case 'lastIndexOf': {
          const search = charOrString(a);
          if (search === undefined) return NO_METHOD;
          const needle = requireNonNull(search);
          const found = name === 'indexOf' ? s.indexOf(needle) : s.lastIndexOf(needle);
          // What the search scanned: up to the match, or everything when there is none.
          meter.chars((found < 0 ? s.length : name === 'indexOf' ? found : s.length - found) + needle.length);
          return found;
        }
        case 'contains': {
          if (!isStringArg(a)) return NO_METHOD;
          const needle = requireNonNull(a);
          const found = s.indexOf(needle);
          meter.chars((found < 0 ? s.length : found) + needle.length);
          return found >= 0;
        }
        case 'contentEquals':
          if (!isStringArg(a)) return NO_METHOD;
          meter.chars(s.length);
          return s === requireNonNull(a);
        case 'equals':
          if (typeof a === 'string' && a.length === s.length) meter.chars(s.length);
          return a === s;
        case 'equalsIgnoreCase':
          if (!isStringArg(a)) return NO_METHOD;
          if (a !== null && a.length === s.length) meter.charge(s.length / 2);
          return a !== null && equalsIgnoreCase(s, a);
        case 'startsWith':
          if (!isStringArg(a)) return NO_METHOD;
          meter.chars(requireNonNull(a).length);
          return s.startsWith(a!);
        case 'endsWith':
          if (!isStringArg(a)) return NO_METHOD;
          meter.chars(requireNonNull(a).length);
          return s.endsWith(a!);
        case 'concat':
          if (!isStringArg(a)) return NO_METHOD;
          meter.admit(s.length + requireNonNull(a).length);
          return s + a;
        case 'matches':
          if (!isStringArg(a)) return NO_METHOD;
          return javaMatches(s, requireNonNull(a), meter, rt.patterns);
        case 'split':
          if (!isStringArg(a)) return NO_METHOD;
          return stringArray(javaSplit(s, requireNonNull(a), 0, meter, rt.patterns), meter);
        case 'compareTo':
          if (!isStringArg(a)) return NO_METHOD;
          meter.charge(Math.min(s.length, requireNonNull(a).length) / 4);
          return compareTo(s, a!);
        case 'compareToIgnoreCase':
          if (!isStringArg(a)) return NO_METHOD;
          meter.charge(Math.min(s.length, requireNonNull(a).length) / 2);
          return compareToIgnoreCase(s, a!);
        case 'repeat': {
          const n = intArg(a);
          if (n === undefined) return NO_METHOD;
          if (n < 0) throw new JavaException('java.lang.IllegalArgumentException', `count is negative: ${n}`);
          meter.admit(s.length * n);
          return s.repeat(n);
        }
        case 'valueOf':
          // A static method reached through an instance, as Velocity allows.
          return toJavaString(a ?? null, meter);
      }
      return NO_METHOD;
    case 2:
      switch (name) {
        case 'substring': {
          const i = intArg(a);
          const j = intArg(b);
          if (i === undefined || j === undefined) return NO_METHOD;
          if (i < 0 || j > s.length || i > j) throw outOfBounds(`begin ${i}, end ${j}, length ${s.length}`);
          meter.admit(j - i);
          return s.slice(i, j);
        }
        case 'indexOf':
        case 'lastIndexOf': {
          const search = charOrString(a);
          const from = intArg(b);
          if (search === undefined || from === undefined) return NO_METHOD;
          const needle = requireNonNull(search);
          if (name === 'indexOf') {
            const start = Math.max(0, from);
            const found = s.indexOf(needle, start);
            meter.chars((found < 0 ? s.length : found) - Math.min(start, s.length) + needle.length);
            return found;
          }
          const found = lastIndexOf(s, needle, from);
          meter.chars(Math.max(0, Math.min(from, s.length) - (found < 0 ? 0 : found)) + needle.length);
          return found;
        }
        case 'startsWith': {
          const offset = intArg(b);
          if (!isStringArg(a) || offset === undefined) return NO_METHOD;
          const prefix = requireNonNull(a);
          meter.chars(prefix.length);
          return offset >= 0 && offset <= s.length - prefix.length && s.startsWith(prefix, offset);
        }
        case 'replace': {
          const ca = charArg(a);
          const cb = charArg(b);
          if (ca !== undefined && cb !== undefined) {
            meter.admit(s.length);
            return s.split(ca).join(cb);
          }
          if (!isStringArg(a) || !isStringArg(b)) return NO_METHOD;
          return replaceText(s, requireNonNull(a), requireNonNull(b), meter);
        }
        case 'replaceAll':
        case 'replaceFirst':
          if (!isStringArg(a) || !isStringArg(b)) return NO_METHOD;
          return javaReplace(s, requireNonNull(a), requireNonNull(b), name === 'replaceAll', meter, rt.patterns);
        case 'split': {
          const limit = intArg(b);
          if (!isStringArg(a) || limit === undefined) return NO_METHOD;
          return stringArray(javaSplit(s, requireNonNull(a), limit, meter, rt.patterns), meter);
        }
      }
      return NO_METHOD;
    case 4:
      if (name === 'regionMatches') {
        const offset = intArg(args[0]);
        const otherOffset = intArg(args[2]);
        const len = intArg(args[3]);
        if (offset === undefined || !isStringArg(args[1]) || otherOffset === undefined || len === undefined) return NO_METHOD;
        meter.chars(Math.max(0, len));
        return regionMatches(s, false, offset, requireNonNull(args[1]), otherOffset, len);
      }
      return NO_METHOD;
    case 5:
      if (name === 'regionMatches') {
        const ignoreCase = booleanArg(args[0]);
        const offset = intArg(args[1]);
        const otherOffset = intArg(args[3]);
        const len = intArg(args[4]);
        if (ignoreCase === undefined || offset === undefined || !isStringArg(args[2]) || otherOffset === undefined || len === undefined) {
          return NO_METHOD;
        }
        meter.chars(Math.max(0, len));
        return regionMatches(s, ignoreCase, offset, requireNonNull(args[2]), otherOffset, len);
      }
      return NO_METHOD;
  }
  return NO_METHOD;
}

/** `indexOf(int ch)` takes a character code; `indexOf(String)` a string. */
function charOrString(v: Value | undefined): string | null | undefined {
  if (isStringArg(v)) return v;
  if (typeof v === 'number') return v >= 0 && v <= 0x10ffff ? String.fromCodePoint(v) : '\uffff\uffff';
  if (v instanceof JavaChar) return v.value;
  return undefined;
}

/** Velocity property access on a String: only the boolean getters `isEmpty`/`isBlank` qualify. */
export function stringProperty(s: string, name: string): Value | undefined {
  if (name === 'empty') return s.length === 0;
  if (name === 'blank') return strip(s, true, false).length === 0;
  return undefined;
}
