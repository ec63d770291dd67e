/**
 * `String.trim()`: every char up to U+0020 at both ends, and nothing else. JavaScript's `trim()` is not a
 * substitute: it keeps C0 controls such as U+0001 and strips U+00A0, U+2028, U+FEFF and the other
 * Unicode spaces, which Java keeps (json-smart's unquoted tokens, `Double.parseDouble`, …).
 */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
