/**
 * The `format` attributes fge's draft-04 library checks by default (the common and draft-04 dictionaries
 * plus its "extra" formats, all registered in 2.2.x): `date-time`, `email`, `hostname`, `ipv4`, `ipv6`,
 * `regex`, `uri`, and `base64`, `json-pointer`, `mac`, `md5`, `sha1`, `sha256`, `sha512`, `uuid`. Any
 * other format is "not supported": fge warns and the value passes.
 *
 * Each check follows the Java code fge delegates to (Joda-Time, Guava's `InetAddresses` and
 * `InternetDomainName`, `java.net.URI`, JavaMail's `InternetAddress`, `java.util.UUID`). Joda, Guava and
 * the hex/base64/mac/pointer checks are reproduced exactly; `uri`, `email` and `uuid` follow the grammar
 * those classes accept without every corner of their implementations (docs/conformance.md lists them).
 */
import type { Meter } from '../../../java/meter.js';
import { ecmaRegexIsValid } from './ecma-regex.js';
import { formatMessage } from './messages.js';

/** One format's check: the messages it reports for a string (none when it is valid). */
type FormatCheck = (value: string) => string | undefined;

const DATE_TIME_FORMATS = "[yyyy-MM-dd'T'HH:mm:ssZ, yyyy-MM-dd'T'HH:mm:ss.[0-9]{1,12}Z]";

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Joda's parser for `yyyy-MM-dd'T'HH:mm:ss[.SSS…]` and a `Z` or `±HH[:]mm` offset, fields range-checked. */
export function isJodaDateTime(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,12})?(?:Z|[+-](\d{2}):?(\d{2}))$/.exec(s);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return true;
}

/** Guava `InetAddresses.forString` → the address bytes, or undefined when it is not an address. */
function inetAddressBytes(s: string): number[] | undefined {
  if (s.includes(':')) return ipv6Bytes(s);
  return ipv4Bytes(s);
}

function ipv4Bytes(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    // Guava refuses leading zeros (they would be octal to other parsers) and more than three digits.
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function ipv6Bytes(input: string): number[] | undefined {
  let s = input;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = ipv4Bytes(s.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = v4;
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): string[] | undefined => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !rest) return undefined;
  const all = [...head, ...rest];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  if (halves.length === 2 ? all.length > 7 : all.length !== 8) return undefined;
  const words = halves.length === 2 ? [...head, ...Array<string>(8 - all.length).fill('0'), ...rest] : all;
  const bytes: number[] = [];
  for (const w of words) {
    const n = Number.parseInt(w, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  // InetAddress.getByAddress turns an IPv4-mapped address (::ffff:a.b.c.d) into an Inet4Address.
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
  return bytes;
}

const DOTS = /[.\u3002\uFF0E\uFF61]/g;

/** Guava `InternetDomainName.from` (its `validateSyntax`). */
export function isGuavaDomainName(input: string): boolean {
  let name = input.replace(DOTS, '.');
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name.length > 253) return false;
  const parts = name.split('.');
  if (parts.length > 127) return false;
  return parts.every((part, i) => validPart(part, i === parts.length - 1));
}

function validPart(part: string, isFinal: boolean): boolean {
  if (part.length < 1 || part.length > 63) return false;
  // Only the ASCII characters are restricted (letters, digits, `-`, `_`); others are IDN text.
  const ascii = part.replace(/[^\u0000-\u007f]/g, '');
  if (!/^[A-Za-z0-9_-]*$/.test(ascii)) return false;
  if (/^[-_]/.test(part) || /[-_]$/.test(part)) return false;
  if (isFinal && /^[0-9]/.test(part)) return false;
  return true;
}

const URI_ILLEGAL = /[\u0000-\u0020"<>\\^`{|}\u007f]|%(?![0-9a-fA-F]{2})/;

/** `new URI(s)` succeeds (RFC 2396 as java.net.URI reads it, other non-ASCII characters allowed). */
export function isJavaUri(s: string): boolean {
  if (URI_ILLEGAL.test(s) || /[\u0080-\u009f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.test(s)) return false;
  if (s.split('#').length > 2) return false;
  const colon = s.search(/[:/?#]/);
  let rest = s;
  if (colon >= 0 && s[colon] === ':') {
    if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(s.slice(0, colon))) return false;
    rest = s.slice(colon + 1);
    if (rest === '' || rest.startsWith('#')) return false;
  }
  const hierarchy = rest.split('#')[0]!.split('?')[0]!;
  if (hierarchy.startsWith('//')) {
    const authority = hierarchy.slice(2).split('/')[0]!;
    const host = authority.slice(authority.lastIndexOf('@') + 1);
    if (host.includes('[')) return /^\[[0-9A-Fa-f:.]+\](?::\d*)?$/.test(host) && ipv6Bytes(host.slice(1, host.indexOf(']'))) !== undefined;
  }
  return !/[[\]]/.test(rest.split('#')[0]!);
}

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM = `${ATOM}(?:\\.${ATOM})*`;
const QUOTED = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
const ADDR_SPEC = new RegExp(`^(?:${DOT_ATOM}|${QUOTED})@(?:${DOT_ATOM}|\\[[^\\[\\]\\\\]*\\])$`);
const PHRASE_ADDR = /^[^<>"]*<([^<>]*)>\s*$/;

/** JavaMail `new InternetAddress(s, true)`: an RFC 822 address (`local@domain`), possibly `Name <local@domain>`. */
export function isInternetAddress(s: string): boolean {
  const trimmed = s.trim();
  const bracketed = PHRASE_ADDR.exec(trimmed);
  const addr = bracketed ? bracketed[1]!.trim() : trimmed;
  // Linear regexes (no nested quantifiers over the same characters): safe on hostile input.
  return addr.length <= 64 * 1024 && ADDR_SPEC.test(addr);
}

/** `UUID.fromString`: five dash-separated hex fields of at most 8-4-4-4-12 digits. */
function isJavaUuid(s: string): boolean {
  return s.length <= 36 && /^[0-9a-fA-F]{1,8}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,12}$/.test(s);
}

/** jackson-coreutils `new JsonPointer(s)`: empty, or `/`-separated tokens whose `~` escapes are `~0` or `~1`. */
function isJsonPointer(s: string): boolean {
  return s === '' || (s.startsWith('/') && !/~(?![01])/.test(s));
}

function hexFormat(length: number): FormatCheck {
  return (value) => {
    if (value.length !== length) return formatMessage('err.format.hexString.badLength', value.length, length);
    const bad = value.search(/[^0-9a-fA-F]/);
    return bad < 0 ? undefined : formatMessage('err.format.hexString.illegalChar', value[bad]!, bad);
  };
}

const FORMATS: Readonly<Record<string, FormatCheck>> = {
  'date-time': (v) => (isJodaDateTime(v) ? undefined : formatMessage('err.format.invalidDate', v, DATE_TIME_FORMATS)),
  email: (v) => (isInternetAddress(v) ? undefined : formatMessage('err.format.invalidEmail', v)),
  hostname: (v) => (isGuavaDomainName(v) ? undefined : formatMessage('err.format.invalidHostname', v)),
  ipv4: (v) => (inetAddressBytes(v)?.length === 4 ? undefined : formatMessage('err.format.invalidIPv4Address', v)),
  ipv6: (v) => (inetAddressBytes(v)?.length === 16 ? undefined : formatMessage('err.format.invalidIPV6Address', v)),
  regex: (v) => (ecmaRegexIsValid(v) ? undefined : formatMessage('err.format.invalidRegex', v)),
  uri: (v) => (isJavaUri(v) ? undefined : formatMessage('err.format.invalidURI', v)),
  base64: (v) => {
    if (v.length % 4 !== 0) return formatMessage('err.format.base64.badLength', v.length);
    // fge strips one trailing `=` or `==` and reports the first other character outside the alphabet.
    const bad = v.replace(/==?$/, '').search(/[^A-Za-z0-9+/]/);
    return bad < 0 ? undefined : formatMessage('err.format.base64.illegalChars', v[bad]!, bad);
  },
  'json-pointer': (v) => (isJsonPointer(v) ? undefined : formatMessage('err.format.jsonpointer.invalid', v)),
  mac: (v) => (/^[A-Za-z0-9]{2}(?::[A-Za-z0-9]{2}){5}$/.test(v) ? undefined : formatMessage('err.format.macAddr.invalid', v)),
  md5: hexFormat(32),
  sha1: hexFormat(40),
  sha256: hexFormat(64),
  sha512: hexFormat(128),
  uuid: (v) => (isJavaUuid(v) ? undefined : formatMessage('err.format.UUID.invalid', v)),
};

/** Whether fge knows the format (an unknown one only warns). */
export function isKnownFormat(format: string): boolean {
  return Object.hasOwn(FORMATS, format);
}

/** The message for a string that fails a known format, or undefined. Charged by the string's length. */
export function checkFormat(format: string, value: string, meter: Meter): string | undefined {
  if (!Object.hasOwn(FORMATS, format)) return undefined;
  meter.chars(value.length);
  return FORMATS[format]!(value);
}
