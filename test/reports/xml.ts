/**
 * A strict reader for the XML the JUnit writer makes (elements, double-quoted attributes, text, the
 * five entities and character references; no CDATA, comments or DTD): it throws where XML 1.0 is not
 * well-formed, so the tests need no XML parser dependency.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`raw '<' in ${where}`);
  return raw.replace(/&([^;]*);|&/g, (_whole, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare '&' in ${where}`);
    if (Object.hasOwn(ENTITIES, ref)) return ENTITIES[ref]!;
    const m = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(ref);
    if (!m) throw new Error(`unknown entity &${ref}; in ${where}`);
    const code = m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : Number(m[1]);
    const c = String.fromCodePoint(code);
    if (FORBIDDEN.test(c)) throw new Error(`character reference to a forbidden character &${ref}; in ${where}`);
    return c;
  });
}

export function parseXml(text: string): XmlElement {
  if (FORBIDDEN.test(text)) throw new Error(`a character XML 1.0 forbids, at ${text.search(FORBIDDEN)}`);
  let at = 0;
  const prolog = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(text);
  if (!prolog) throw new Error('no XML declaration');
  at = prolog[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (at < text.length) {
    if (text[at] === '<') {
      const end = text.indexOf('>', at);
      if (end < 0) throw new Error('unclosed tag');
      const tag = text.slice(at + 1, end);
      at = end + 1;
      if (tag.startsWith('/')) {
        const open = stack.pop();
        if (!open || open.name !== tag.slice(1)) throw new Error(`</${tag.slice(1)}> closes ${open?.name ?? 'nothing'}`);
        continue;
      }
      const m = /^([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*(\/?)$/.exec(tag);
      if (!m) throw new Error(`malformed tag <${tag}>`);
      const attributes: Record<string, string> = {};
      for (const a of m[2]!.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
        if (Object.hasOwn(attributes, a[1]!)) throw new Error(`duplicate attribute ${a[1]}`);
        attributes[a[1]!] = decode(a[2]!, `attribute ${a[1]}`);
      }
      const element: XmlElement = { name: m[1]!, attributes, children: [], text: '' };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else if (root) throw new Error('a second root element');
      else root = element;
      if (m[3] !== '/') stack.push(element);
    } else {
      const next = text.indexOf('<', at);
      const raw = text.slice(at, next < 0 ? text.length : next);
      at = next < 0 ? text.length : next;
      if (stack.length === 0) {
        if (raw.trim() !== '') throw new Error('text outside the root element');
        continue;
      }
      stack[stack.length - 1]!.text += decode(raw, `<${stack[stack.length - 1]!.name}>`);
    }
  }
  if (stack.length > 0 || !root) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  return root;
}
