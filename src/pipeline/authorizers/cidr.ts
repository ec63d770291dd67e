/**
 * IP addresses and CIDR blocks as IAM's `IpAddress` / `NotIpAddress` conditions read them
 * (`"aws:SourceIp": ["192.0.2.0/24", "2001:db8::/32"]`; a bare address means the single host).
 */

interface Address {
  version: 4 | 6;
  value: bigint;
}

interface Block extends Address {
  prefix: number;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let head = text;
  let tailV4: bigint | undefined;
  // An embedded IPv4 tail (`::ffff:192.0.2.1`) stands for the last 32 bits.
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let value = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

/** An IPv4 or IPv6 address, or undefined when the text is neither. */
export function parseAddress(text: string): Address | undefined {
  const t = text.trim();
  if (t.length > 64) return undefined;
  const v4 = parseIpv4(t);
  if (v4 !== undefined) return { version: 4, value: v4 };
  const v6 = t.includes(':') ? parseIpv6(t) : undefined;
  return v6 === undefined ? undefined : { version: 6, value: v6 };
}

/** A CIDR block (`10.0.0.0/8`, `2001:db8::/32`, or a bare address), or undefined when malformed. */
export function parseCidr(text: string): Block | undefined {
  const slash = text.indexOf('/');
  const address = parseAddress(slash < 0 ? text : text.slice(0, slash));
  if (!address) return undefined;
  const bits = address.version === 4 ? 32 : 128;
  if (slash < 0) return { ...address, prefix: bits };
  const prefixText = text.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix > bits ? undefined : { ...address, prefix };
}

/** Whether `address` lies in `block` (different IP versions never match). */
export function inBlock(address: Address, block: Block): boolean {
  if (address.version !== block.version) return false;
  const shift = BigInt((address.version === 4 ? 32 : 128) - block.prefix);
  return address.value >> shift === block.value >> shift;
}
