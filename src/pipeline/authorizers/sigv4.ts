/**
 * Reading (not verifying) a SigV4 `Authorization` header:
 * `AWS4-HMAC-SHA256 Credential=AKID/20170507/us-east-1/execute-api/aws4_request, SignedHeaders=…, Signature=…`,
 * with AWS's IncompleteSignatureException messages for what cannot be read.
 *
 * - A value that is not `key=value` pairs after the algorithm (`Bearer x`, an API key) gets the recorded
 *   message `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and
 *   encoded with Base64): '<base64(sha256(value))>'.` (pipeline.md §10, AWS-OBS H).
 * - Missing `Credential` / `Signature` / `SignedHeaders` parameters or date header, and a credential scope
 *   that is not `…/execute-api/aws4_request`, get the messages AWS's SigV4 front end is known to use for
 *   them (`Authorization header requires 'Credential' parameter. …`, `Credential should be scoped …`);
 *   these are not recorded in the spec (L).
 */
import { encodeBase64 } from '../../platform/base64.js';
import { sha256 } from '../../platform/sha256.js';
import { encodeUtf8 } from '../../platform/utf8.js';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

export interface SigV4Credential {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

export type SigV4Parse = { ok: true; credential: SigV4Credential } | { ok: false; message: string };

/** The recorded message for an `Authorization` header that is not SigV4 (§10, O13). */
export function missingEqualSignMessage(value: string): string {
  return `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${encodeBase64(sha256(encodeUtf8(value)))}'.`;
}

/** `AKID/date/region/service/aws4_request`, checked. */
export function parseCredential(text: string): SigV4Parse {
  const parts = text.split('/');
  const terminator = parts[parts.length - 1] ?? '';
  if (parts.length !== 5 || terminator !== 'aws4_request') return { ok: false, message: `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.` };
  const [accessKeyId, date, region, service] = parts as [string, string, string, string, string];
  if (service !== 'execute-api') return { ok: false, message: "Credential should be scoped to correct service: 'execute-api'." };
  return { ok: true, credential: { accessKeyId, date, region, service } };
}

/** The credential of a SigV4 `Authorization` header; `hasDate`: whether the request has X-Amz-Date or Date. */
export function parseSigV4Authorization(value: string, hasDate: boolean): SigV4Parse {
  const trimmed = value.trim();
  if (!trimmed.startsWith(`${SIGV4_ALGORITHM} `)) return { ok: false, message: missingEqualSignMessage(value) };
  const params = new Map<string, string>();
  for (const pair of trimmed.slice(SIGV4_ALGORITHM.length + 1).split(',')) {
    const item = pair.trim();
    const eq = item.indexOf('=');
    if (eq <= 0) return { ok: false, message: missingEqualSignMessage(value) };
    params.set(item.slice(0, eq), item.slice(eq + 1));
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((p) => !params.has(p)).map((p) => `Authorization header requires '${p}' parameter.`);
  if (!hasDate) missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (missing.length > 0) return { ok: false, message: `${missing.join(' ')} Authorization=${value}` };
  return parseCredential(params.get('Credential')!);
}
