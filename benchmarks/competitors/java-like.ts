/**
 * The two Java library functions the workloads call, written in plain JavaScript for the hand-written
 * baseline and the peer-style velocityjs context: commons-lang `escapeJavaScript` and
 * `java.net.URLEncoder.encode(s, "UTF-8")`.
 */

const SIMPLE: Record<string, string> = { '\b': '\\b', '\n': '\\n', '\t': '\\t', '\f': '\\f', '\r': '\\r', "'": "\\'", '"': '\\"', '\\': '\\\\', '/': '\\/' };

export function escapeJavaScript(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let replacement: string | undefined;
    if (c < 32 || c > 0x7e || c === 34 || c === 39 || c === 92 || c === 47) {
      replacement = SIMPLE[s[i]!] ?? '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
      if (c === 0x7f) replacement = undefined;
    }
    if (replacement !== undefined) {
      out += s.slice(from, i) + replacement;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

const SAFE = /[A-Za-z0-9.\-*_]/;

export function urlEncode(s: string): string {
  let out = '';
  for (const ch of s) {
    if (SAFE.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else for (const b of Buffer.from(ch, 'utf8')) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
