/**
 * Character classes of `java.util.regex` (JDK 17): predicates over code points, the property names Java
 * accepts, and Java's two case-insensitive comparisons (ASCII-only by default, Unicode with `(?u)`).
 *
 * Sets are predicates rather than range lists because Java's own are (intersections, negations and
 * case-insensitive ranges compose as functions there too). Unicode properties are answered by a native
 * `v`-mode RegExp over one character: that is exact for the property and linear by construction, and each
 * leaf memoizes its answers (the memo belongs to the compiled pattern, hence to its cache owner).
 */

export type Pred = (cp: number) => boolean;

/** A compiled set: a table for ASCII (the common case) and a predicate for the rest. */
export class CharSet {
  readonly ascii = new Uint8Array(128);
  constructor(readonly pred: Pred) {
    for (let c = 0; c < 128; c++) this.ascii[c] = pred(c) ? 1 : 0;
  }
  test(cp: number): boolean {
    return cp < 128 ? this.ascii[cp] === 1 : this.pred(cp);
  }
}

const MEMO_LIMIT = 4096;

/**
 * A predicate answered by a native RegExp class body (`v` syntax), memoized: the native call costs about
 * a hundred times a table lookup, and inputs repeat the same few non-ASCII characters.
 */
export function nativePred(classBody: string): Pred {
  const re = new RegExp(`^[${classBody}]$`, 'v');
  const memo = new Map<number, boolean>();
  return (cp) => {
    let hit = memo.get(cp);
    if (hit === undefined) {
      hit = re.test(String.fromCodePoint(cp));
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(cp, hit);
    }
    return hit;
  };
}

/** Whether a native class body is valid (used to vet script names before trusting them). */
function nativeAccepts(classBody: string): boolean {
  try {
    new RegExp(`[${classBody}]`, 'v');
    return true;
  } catch {
    return false;
  }
}

export const range = (lo: number, hi: number): Pred => (cp) => cp >= lo && cp <= hi;
export const union = (a: Pred, b: Pred): Pred => (cp) => a(cp) || b(cp);
export const intersect = (a: Pred, b: Pred): Pred => (cp) => a(cp) && b(cp);
export const negate = (a: Pred): Pred => (cp) => !a(cp);

// --- Case folding, as java.lang.Character does it (simple, one-to-one mappings only) ---

export function asciiLower(cp: number): number {
  return cp >= 65 && cp <= 90 ? cp + 32 : cp;
}
export function asciiUpper(cp: number): number {
  return cp >= 97 && cp <= 122 ? cp - 32 : cp;
}
/** `Character.toUpperCase(int)`: JS gives full mappings (ß → SS); Java keeps the character then. */
export function simpleUpper(cp: number): number {
  if (cp < 128) return asciiUpper(cp);
  const u = String.fromCodePoint(cp).toUpperCase();
  const c = u.codePointAt(0)!;
  return u.length === (c > 0xffff ? 2 : 1) ? c : cp;
}
export function simpleLower(cp: number): number {
  if (cp < 128) return asciiLower(cp);
  const u = String.fromCodePoint(cp).toLowerCase();
  const c = u.codePointAt(0)!;
  return u.length === (c > 0xffff ? 2 : 1) ? c : cp;
}
/** The key Java's Unicode-case comparisons use: `toLowerCase(toUpperCase(c))`. */
export function unicodeFold(cp: number): number {
  return simpleLower(simpleUpper(cp));
}

/** Flags that shape a class member (the subset of Pattern flags a predicate depends on). */
export interface CaseFlags {
  readonly ci: boolean;
  readonly unicodeCase: boolean;
}

/** One character of a class, as `Pattern.single` builds it. */
export function singlePred(ch: number, f: CaseFlags): Pred {
  if (f.ci) {
    if (f.unicodeCase) {
      const lower = unicodeFold(ch);
      if (simpleUpper(ch) !== lower) return (cp) => cp === ch || cp === lower || unicodeFold(cp) === lower;
    } else if ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)) {
      const lo = asciiLower(ch);
      const up = asciiUpper(ch);
      return (cp) => cp === lo || cp === up;
    }
  }
  return (cp) => cp === ch;
}

/** A range of a class, as `Pattern.range` builds it (`CIRange` / `CIRangeU` under CASE_INSENSITIVE). */
export function rangePred(lo: number, hi: number, f: CaseFlags): Pred {
  if (!f.ci) return range(lo, hi);
  if (f.unicodeCase) {
    return (cp) => {
      if (cp >= lo && cp <= hi) return true;
      const up = simpleUpper(cp);
      if (up >= lo && up <= hi) return true;
      const low = simpleLower(up);
      return low >= lo && low <= hi;
    };
  }
  return (cp) => {
    if (cp >= lo && cp <= hi) return true;
    if (cp >= 128) return false;
    const up = asciiUpper(cp);
    const low = asciiLower(cp);
    return (up >= lo && up <= hi) || (low >= lo && low <= hi);
  };
}

// --- Predefined classes ---

export const ASCII_DIGIT: Pred = range(48, 57);
export const ASCII_SPACE: Pred = (cp) => cp === 32 || (cp >= 9 && cp <= 13);
export const ASCII_WORD: Pred = (cp) =>
  (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57) || cp === 95;
export const HORIZONTAL: Pred = (cp) =>
  cp === 32 || cp === 9 || cp === 0xa0 || cp === 0x1680 || cp === 0x180e || (cp >= 0x2000 && cp <= 0x200a) ||
  cp === 0x202f || cp === 0x205f || cp === 0x3000;
export const VERTICAL: Pred = (cp) => (cp >= 10 && cp <= 13) || cp === 0x85 || cp === 0x2028 || cp === 0x2029;

/** `.`: everything but a line terminator (`\n` only under UNIX_LINES), or everything under DOTALL. */
export function dotPred(dotall: boolean, unixLines: boolean): Pred {
  if (dotall) return () => true;
  if (unixLines) return (cp) => cp !== 10;
  return (cp) => cp !== 10 && cp !== 13 && cp !== 0x85 && cp !== 0x2028 && cp !== 0x2029;
}

// Native class bodies (v syntax) for the Unicode-backed classes.
const U_WORD = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}';
const IDENT_IGNORABLE = '\\x00-\\x08\\x0E-\\x1B\\x7F-\\x9F\\p{Cf}';
const U_GRAPH = '[^\\p{White_Space}\\p{Cc}\\p{Cs}\\p{Cn}]';
const CASED = '\\p{Lowercase}\\p{Uppercase}\\p{Lt}';

/** `\w`, `\d`, `\s` under UNICODE_CHARACTER_CLASS (`(?U)`). */
export const unicodeWord = (): Pred => nativePred(U_WORD);
export const unicodeDigit = (): Pred => nativePred('\\p{Nd}');
export const unicodeSpace = (): Pred => nativePred('\\p{White_Space}');

/** `Character.isLetterOrDigit` (what JDK 17's `\b` calls a word character) and `NON_SPACING_MARK`. */
export const letterOrDigit = (): Pred => nativePred('\\p{L}\\p{Nd}');
export const nonSpacingMark = (): Pred => nativePred('\\p{Mn}');

type PropFactory = (caseInsensitive: boolean) => Pred;
const nat = (body: string, ciBody?: string): PropFactory => (ci) => nativePred(ci && ciBody ? ciBody : body);
const fn = (p: Pred, ciP?: Pred): PropFactory => (ci) => (ci && ciP ? ciP : p);

const ASCII_ALPHA: Pred = (cp) => (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90);
const ASCII_PUNCT: Pred = (cp) => (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126);

/**
 * `CharPredicates.forProperty`: general categories, POSIX (ASCII) and `java…` names. Case-sensitive, and a
 * Map so that names like `__proto__` or `constructor` can never resolve to anything.
 */
const PROPERTIES = new Map<string, PropFactory>([
  ['Cn', nat('\\p{Cn}')],
  ['Lu', nat('\\p{Lu}', '\\p{Lu}\\p{Ll}\\p{Lt}')],
  ['Ll', nat('\\p{Ll}', '\\p{Lu}\\p{Ll}\\p{Lt}')],
  ['Lt', nat('\\p{Lt}', '\\p{Lu}\\p{Ll}\\p{Lt}')],
  ...['Lm', 'Lo', 'Mn', 'Me', 'Mc', 'Nd', 'Nl', 'No', 'Zs', 'Zl', 'Zp', 'Cc', 'Cf', 'Co', 'Cs', 'Pd', 'Ps', 'Pe', 'Pc', 'Po', 'Sm', 'Sc', 'Sk', 'So', 'Pi', 'Pf'].map(
    (gc): [string, PropFactory] => [gc, nat(`\\p{${gc}}`)],
  ),
  ['L', nat('\\p{L}')],
  ['M', nat('\\p{M}')],
  ['N', nat('\\p{N}')],
  ['Z', nat('\\p{Z}')],
  ['C', nat('\\p{C}')],
  ['P', nat('\\p{P}')],
  ['S', nat('\\p{S}')],
  ['LC', nat('\\p{LC}')],
  ['LD', nat('\\p{L}\\p{Nd}')],
  ['L1', fn(range(0, 0xff))],
  ['all', fn(() => true)],
  ['ASCII', fn(range(0, 0x7f))],
  ['Alnum', fn((cp) => ASCII_ALPHA(cp) || ASCII_DIGIT(cp))],
  ['Alpha', fn(ASCII_ALPHA)],
  ['Blank', fn((cp) => cp === 32 || cp === 9)],
  ['Cntrl', fn((cp) => cp < 32 || cp === 127)],
  ['Digit', fn(ASCII_DIGIT)],
  ['Graph', fn(range(0x21, 0x7e))],
  ['Lower', fn(range(97, 122), ASCII_ALPHA)],
  ['Print', fn(range(0x20, 0x7e))],
  ['Punct', fn(ASCII_PUNCT)],
  ['Space', fn(ASCII_SPACE)],
  ['Upper', fn(range(65, 90), ASCII_ALPHA)],
  ['XDigit', fn((cp) => ASCII_DIGIT(cp) || (cp >= 97 && cp <= 102) || (cp >= 65 && cp <= 70))],
  ['javaLowerCase', nat('\\p{Lowercase}', CASED)],
  ['javaUpperCase', nat('\\p{Uppercase}', CASED)],
  ['javaTitleCase', nat('\\p{Lt}', CASED)],
  ['javaAlphabetic', nat('\\p{Alphabetic}')],
  ['javaIdeographic', nat('\\p{Ideographic}')],
  ['javaDigit', nat('\\p{Nd}')],
  ['javaDefined', nat('\\P{Cn}')],
  ['javaLetter', nat('\\p{L}')],
  ['javaLetterOrDigit', nat('\\p{L}\\p{Nd}')],
  ['javaJavaIdentifierStart', nat('\\p{L}\\p{Nl}\\p{Sc}\\p{Pc}')],
  ['javaJavaIdentifierPart', nat(`\\p{L}\\p{Sc}\\p{Pc}\\p{Nd}\\p{Nl}\\p{Mc}\\p{Mn}${IDENT_IGNORABLE}`)],
  ['javaUnicodeIdentifierStart', nat('\\p{ID_Start}')],
  ['javaUnicodeIdentifierPart', nat(`\\p{ID_Continue}${IDENT_IGNORABLE}`)],
  ['javaIdentifierIgnorable', nat(IDENT_IGNORABLE)],
  ['javaSpaceChar', nat('\\p{Z}')],
  ['javaWhitespace', nat('[\\p{Z}--[\\xA0\\u2007\\u202F]]\\t\\n\\x0B\\f\\r\\x1C-\\x1F')],
  ['javaISOControl', fn((cp) => cp < 32 || (cp >= 0x7f && cp <= 0x9f))],
  ['javaMirrored', nat('\\p{Bidi_Mirrored}')],
]);

/** `getPosixPredicate`: the Unicode versions of the POSIX names (`\p{IsAlpha}`, or any under `(?U)`). */
const UNICODE_POSIX = new Map<string, PropFactory>([
  ['ALPHA', nat('\\p{Alphabetic}')],
  ['LOWER', nat('\\p{Lowercase}', CASED)],
  ['UPPER', nat('\\p{Uppercase}', CASED)],
  ['SPACE', nat('\\p{White_Space}')],
  ['PUNCT', nat('\\p{P}')],
  ['XDIGIT', nat('\\p{Nd}\\p{Hex_Digit}')],
  ['ALNUM', nat('\\p{Alphabetic}\\p{Nd}')],
  ['CNTRL', nat('\\p{Cc}')],
  ['DIGIT', nat('\\p{Nd}')],
  ['BLANK', nat('\\p{Zs}\\t')],
  ['GRAPH', nat(U_GRAPH)],
  ['PRINT', nat(`[${U_GRAPH}\\p{Zs}\\t]--\\p{Cc}`)],
]);

/** `getUnicodePredicate`: binary properties, looked up upper-cased like Java. */
const UNICODE_BINARY = new Map<string, PropFactory>([
  ['ALPHABETIC', nat('\\p{Alphabetic}')],
  ['ASSIGNED', nat('\\P{Cn}')],
  ['CONTROL', nat('\\p{Cc}')],
  ['HEXDIGIT', nat('\\p{Hex_Digit}')],
  ['HEX_DIGIT', nat('\\p{Hex_Digit}')],
  ['IDEOGRAPHIC', nat('\\p{Ideographic}')],
  ['JOINCONTROL', nat('\\p{Join_Control}')],
  ['JOIN_CONTROL', nat('\\p{Join_Control}')],
  ['LETTER', nat('\\p{L}')],
  ['LOWERCASE', nat('\\p{Lowercase}', CASED)],
  ['NONCHARACTERCODEPOINT', nat('\\p{Noncharacter_Code_Point}')],
  ['NONCHARACTER_CODE_POINT', nat('\\p{Noncharacter_Code_Point}')],
  ['TITLECASE', nat('\\p{Lt}', CASED)],
  ['PUNCTUATION', nat('\\p{P}')],
  ['UPPERCASE', nat('\\p{Uppercase}', CASED)],
  ['WHITESPACE', nat('\\p{White_Space}')],
  ['WHITE_SPACE', nat('\\p{White_Space}')],
  ['WORD', nat(U_WORD)],
]);

function own(map: Map<string, PropFactory>, name: string, ci: boolean): Pred | null {
  const f = map.get(name);
  return f ? f(ci) : null;
}

/**
 * `Character.UnicodeScript.forName`: case-insensitive, enum names (`OLD_ITALIC`) or ISO 15924 aliases
 * (`Latn`). JS spells the same scripts `Old_Italic` / `Latn`, so the name is re-cased and then vetted by
 * the native parser (which only knows real script names).
 */
function script(name: string): Pred | null {
  if (!/^[A-Za-z_]+$/.test(name)) return null;
  const words = name.toLowerCase().split('_');
  const jsName = words.map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w)).join('_');
  const body = `\\p{Script=${jsName}}`;
  return nativeAccepts(body) ? nativePred(body) : null;
}

/** The outcome of a `\p{…}` lookup: a predicate, or the exact PatternSyntaxException description. */
export type PropertyLookup = { pred: Pred } | { error: string } | { unsupported: string };

/** `Pattern.family` after the braces were read: resolves a property name like JDK 17. */
export function lookupProperty(name: string, ci: boolean, unicodeClass: boolean): PropertyLookup {
  const eq = name.indexOf('=');
  if (eq >= 0) {
    const key = name.slice(0, eq).toLowerCase();
    const value = name.slice(eq + 1);
    let pred: Pred | null = null;
    if (key === 'sc' || key === 'script') pred = script(value);
    else if (key === 'blk' || key === 'block') return { unsupported: `Unicode blocks (\\p{${name}}) are not supported by apigw-vtl` };
    else if (key === 'gc' || key === 'general_category') pred = own(PROPERTIES, value, ci);
    return pred ? { pred } : { error: `Unknown Unicode property {name=<${key}>, value=<${value}>}` };
  }
  let pred: Pred | null = null;
  if (name.startsWith('In')) {
    return { unsupported: `Unicode blocks (\\p{${name}}) are not supported by apigw-vtl` };
  } else if (name.startsWith('Is')) {
    const short = name.slice(2);
    const upper = short.toUpperCase();
    pred = own(UNICODE_BINARY, upper, ci) ?? own(UNICODE_POSIX, upper, ci) ?? own(PROPERTIES, short, ci) ?? script(short);
  } else {
    if (unicodeClass) pred = own(UNICODE_POSIX, name.toUpperCase(), ci);
    pred ??= own(PROPERTIES, name, ci);
  }
  return pred ? { pred } : { error: `Unknown character property name {${name}}` };
}
