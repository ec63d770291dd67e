/**
 * The `X-Amzn-Trace-Id` of a request API Gateway hands to a proxy integration, and returns to the client
 * for a Lambda proxy integration (never for MOCK: pipeline.md §10, V10, AWS-REC). A client's complete
 * `Root=…;Parent=…;Sampled=…` comes back as sent; a bare `Root=…` gets a `Parent`; without a usable header
 * API Gateway starts a new trace. Offline the new ids come from the request id, so a test sees the same
 * header every time.
 */
import { sha256 } from '../../platform/sha256.js';
import { encodeUtf8 } from '../../platform/utf8.js';

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** `Key=value` fields of a trace header, names compared case-insensitively as X-Ray does. */
function fields(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

/**
 * The trace header for this request.
 * @param clientHeader the request's `X-Amzn-Trace-Id`, if it sent one
 * @param requestId `$context.requestId`: the seed of any id made up here
 * @param epochMs `$context.requestTimeEpoch`: a new root carries its time, in seconds, as X-Ray's do
 */
export function traceHeaderFor(clientHeader: string | undefined, requestId: string, epochMs: number): string {
  const digest = hex(sha256(encodeUtf8(`apigw-vtl trace ${requestId}`)));
  const parent = digest.slice(24, 40);
  const given = clientHeader === undefined ? new Map<string, string>() : fields(clientHeader);
  const root = given.get('root');
  if (root && given.has('parent')) return clientHeader!;
  if (root) return `Root=${root};Parent=${parent};Sampled=${given.get('sampled') ?? '0'}`;
  const seconds = Math.max(0, Math.floor(epochMs / 1000)) % 2 ** 32;
  return `Root=1-${seconds.toString(16).padStart(8, '0')}-${digest.slice(0, 24)};Parent=${parent};Sampled=0`;
}
