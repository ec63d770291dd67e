/**
 * The playground's share links: the whole state of the page — a template and the request it renders —
 * in the URL fragment as `#state=` followed by base64url (RFC 4648 §5, no padding) of the UTF-8 JSON
 * `{"template": "...", "input": {...}}`, `input` in the {@link RenderInput} shape. A fragment never
 * reaches a server, so a shared template stays between the people who share it.
 *
 * Links come from strangers: decoding checks every step (alphabet, UTF-8, JSON, the input's shape) and
 * fails with a {@link PlaygroundStateError} that says which.
 */
import type { RenderInput } from '../gateway/request.js';
import { isPlainObject, validateInput } from '../gateway/validate-input.js';
import { decodeBase64, encodeBase64 } from '../platform/base64.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';

/** What a playground link holds. */
export interface PlaygroundState {
  template: string;
  input: RenderInput;
}

/**
 * The longest `state` text read (characters of base64url): 2 MB, the longest URL Chromium opens, so
 * a link longer than this could not be opened anyway (a template at API Gateway's 300 KB limit fits
 * unless it is mostly characters JSON escapes), while a hostile one cannot make the page decode more.
 */
export const MAX_PLAYGROUND_STATE_CHARACTERS = 2 * 1024 * 1024 - 64;

/** A share link that cannot be read: what is wrong with it. */
export class PlaygroundStateError extends Error {
  override readonly name = 'PlaygroundStateError';
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The `state` value (base64url, unpadded) of a playground state. */
export function encodePlaygroundState(state: PlaygroundState): string {
  checkState(state);
  if (nestsDeeperThan(state.input, MAX_JSON_DEPTH)) throw new PlaygroundStateError(`the input nests deeper than ${MAX_JSON_DEPTH} levels`);
  const json = JSON.stringify({ template: state.template, input: state.input });
  return encodeBase64(utf8.encode(json)).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
}

/**
 * A link that opens the playground at `base` (its page URL; any fragment it has is replaced) with
 * `state` loaded.
 */
export function playgroundUrl(base: string, state: PlaygroundState): string {
  const hash = base.indexOf('#');
  return `${hash === -1 ? base : base.slice(0, hash)}#state=${encodePlaygroundState(state)}`;
}

/**
 * The state in a share link: a whole URL, its fragment (`#state=…`), `state=…`, or the encoded text
 * alone. Other `&`-separated fragment parameters are ignored.
 */
export function decodePlaygroundState(link: string): PlaygroundState {
  if (typeof link !== 'string') throw new PlaygroundStateError('a playground link must be a string');
  const encoded = stateParameter(link);
  if (encoded.length > MAX_PLAYGROUND_STATE_CHARACTERS) {
    throw new PlaygroundStateError(`the link's state is ${encoded.length} characters; at most ${MAX_PLAYGROUND_STATE_CHARACTERS} are read`);
  }
  if (!BASE64URL.test(encoded)) throw new PlaygroundStateError("the link's state is not base64url (A-Z, a-z, 0-9, '-' and '_' only)");
  if (encoded.length % 4 === 1) throw new PlaygroundStateError("the link's state is cut short (its base64url length is impossible)");
  let json: string;
  try {
    json = strictUtf8.decode(decodeBase64(encoded));
  } catch {
    throw new PlaygroundStateError("the link's state is not UTF-8 text");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    throw new PlaygroundStateError(`the link's state is not JSON: ${(e as Error).message}`);
  }
  if (nestsDeeperThan(parsed, MAX_JSON_DEPTH + 1)) throw new PlaygroundStateError(`the link's input nests deeper than ${MAX_JSON_DEPTH} levels`);
  if (!isPlainObject(parsed)) throw new PlaygroundStateError('the link\'s state must be a JSON object {"template": "...", "input": {...}}');
  const state = { template: parsed['template'], input: parsed['input'] ?? {} };
  checkState(state);
  return state;
}

function stateParameter(link: string): string {
  const hash = link.indexOf('#');
  const fragment = hash === -1 ? link : link.slice(hash + 1);
  if (hash === -1 && !fragment.includes('=')) return fragment.trim();
  for (const part of fragment.split('&')) {
    if (part.startsWith('state=')) return part.slice('state='.length);
  }
  throw new PlaygroundStateError('the link has no state= in its fragment');
}

function checkState(state: { template: unknown; input: unknown }): asserts state is PlaygroundState {
  if (typeof state.template !== 'string') throw new PlaygroundStateError('the state\'s "template" must be a string');
  try {
    validateInput(state.input);
  } catch (e) {
    throw new PlaygroundStateError(`the state's input is not a render input: ${(e as Error).message}`);
  }
}
