/**
 * Strings that stress escaping: quotes, backslashes, `/`, control characters, non-ASCII text and emoji,
 * `</script>`, `${}` — the characters that break JSON built by a mapping template.
 */
import fc from 'fast-check';

/** Fragments that are each a known trap; combined with ordinary text. */
const TRAPS = [
  '"',
  "'",
  '\\',
  '/',
  '\n',
  '\t',
  '\r\n',
  '\u0001',
  '\u007f',
  'é',
  'ü',
  '–',
  '€',
  '\u2028',
  '😀',
  '日本',
  '</script>',
  '${x}',
  '$x',
  '#if',
  '%20',
  '+',
  '&',
  '=',
  ',',
  ':',
  '{',
  '}',
  '[',
  ']',
  ' ',
  '  ',
];

const WORDS = ['a', 'b', 'x', 'hello', 'World', 'Ada', 'test', '42', '3.14', 'true', 'null', 'it', 's'];

/** Text made of words and traps: short, and always well-formed UTF-16 (no lone surrogates). */
export const trickyString: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...WORDS) }, { weight: 2, arbitrary: fc.constantFrom(...TRAPS) }), {
    maxLength: 6,
  })
  .map((parts) => parts.join(''));

/**
 * Like {@link trickyString}, with the characters that break JSON built by templates — `'`, `"`, `\` —
 * several times as likely, so a property finds an apostrophe bug within a few dozen runs.
 */
export const escapingString: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 3, arbitrary: fc.constantFrom(...TRAPS) },
      { weight: 2, arbitrary: fc.constantFrom("'", '"', '\\', "O'Brien", 'say "hi"') },
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/** Plain identifier-like text (keys, parameter names, stage variable values). */
export const plainWord: fc.Arbitrary<string> = fc.constantFrom('id', 'name', 'type', 'key', 'a', 'b', 'status', 'v1', 'user-id');
