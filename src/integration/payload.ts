/**
 * Payloads are text or binary, and `contentHandling` converts between them (aws-behaviour §5.6). A payload
 * is binary when its media type matches the API's `binaryMediaTypes`; text → binary assumes base64 text
 * and binary → text base64-encodes. Text and bytes convert with the JDK's UTF-8 rules: API Gateway
 * runs on Java, and the rules differ from the Web's on lone surrogates and malformed bytes.
 */
import { base64DecodeBytes } from '../gateway/util/base64.js';
import { encodeBase64 } from '../platform/base64.js';
import { decodeUtf8Java, encodeUtf8Java } from '../platform/java-utf8.js';
import type { ContentHandling } from '../model/index.js';

export type Payload = { readonly binary: false; readonly text: string } | { readonly binary: true; readonly bytes: Uint8Array };

export const EMPTY_TEXT: Payload = { binary: false, text: '' };

export function textPayload(text: string): Payload {
  return { binary: false, text };
}

/** A body as it arrives: binary when its media type is a binary one, otherwise text (bytes read as UTF-8). */
export function payloadOf(body: string | Uint8Array | null | undefined, binary: boolean): Payload {
  if (body === null || body === undefined) return binary ? { binary, bytes: new Uint8Array() } : EMPTY_TEXT;
  if (binary) return { binary, bytes: typeof body === 'string' ? encodeUtf8Java(body) : body };
  return { binary, text: typeof body === 'string' ? body : decodeUtf8Java(body) };
}

/** Thrown when text that should become binary is not base64 (API Gateway: 500). */
export class ConversionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConversionError';
  }
}

function toBinary(p: Payload): Payload {
  if (p.binary) return p;
  try {
    return { binary: true, bytes: base64DecodeBytes(p.text) };
  } catch (e) {
    throw new ConversionError(`CONVERT_TO_BINARY: the payload is not base64 (${(e as Error).message})`);
  }
}

function toText(p: Payload): Payload {
  return p.binary ? { binary: false, text: encodeBase64(p.bytes) } : p;
}

/** The request-side table: without `contentHandling` the payload stays as it is. */
export function convertRequestPayload(p: Payload, handling: ContentHandling | null | undefined): Payload {
  if (handling === 'CONVERT_TO_BINARY') return toBinary(p);
  if (handling === 'CONVERT_TO_TEXT') return toText(p);
  return p;
}

/**
 * The response-side table: without `contentHandling` the payload takes the kind the client's `Accept`
 * asks for (binary when it matches `binaryMediaTypes`).
 */
export function convertResponsePayload(p: Payload, handling: ContentHandling | null | undefined, acceptsBinary: boolean): Payload {
  if (handling === 'CONVERT_TO_BINARY') return toBinary(p);
  if (handling === 'CONVERT_TO_TEXT') return toText(p);
  return acceptsBinary ? toBinary(p) : toText(p);
}

export function payloadBytes(p: Payload): Uint8Array {
  return p.binary ? p.bytes : encodeUtf8Java(p.text);
}

export function payloadText(p: Payload): string {
  return p.binary ? decodeUtf8Java(p.bytes) : p.text;
}
