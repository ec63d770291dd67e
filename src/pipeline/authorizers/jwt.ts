/**
 * Reading a JWT (JWS compact form: `header.payload.signature`, each part base64url) without checking its
 * signature: offline there is no user pool's key to check it with. Strict about the form, so a token that
 * AWS could not even parse is told apart from one it would reject for its signature.
 */
import { decodeBase64 } from '../../platform/base64.js';
import { decodeUtf8 } from '../../platform/utf8.js';

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

export type JwtParse = { ok: true; jwt: DecodedJwt } | { ok: false; reason: string };

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function decodePart(part: string, what: string): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  if (part === '' || !BASE64URL.test(part) || part.length % 4 === 1) return { ok: false, reason: `its ${what} is not base64url` };
  let value: unknown;
  try {
    value = JSON.parse(decodeUtf8(decodeBase64(part)));
  } catch {
    return { ok: false, reason: `its ${what} is not JSON` };
  }
  return isRecord(value) ? { ok: true, value } : { ok: false, reason: `its ${what} is not a JSON object` };
}

/** The header and claims of `token`, or why it is not a JWT. */
export function decodeJwt(token: string): JwtParse {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: `it has ${parts.length} dot-separated parts, not 3 (header.payload.signature)` };
  const header = decodePart(parts[0]!, 'header');
  if (!header.ok) return header;
  const payload = decodePart(parts[1]!, 'payload');
  if (!payload.ok) return payload;
  if (!BASE64URL.test(parts[2]!)) return { ok: false, reason: 'its signature is not base64url' };
  return { ok: true, jwt: { header: header.value, payload: payload.value } };
}
