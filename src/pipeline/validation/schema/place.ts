/**
 * Where in the instance a value sits, and which schemas are being applied to it right now (fge's
 * validation stack for one JSON pointer). The pointer text is built only when a message needs it.
 */
import type { Digest } from './document.js';
import { pointerToken } from './refs.js';

export class Place {
  /** The schemas applied to this value, outermost first (a handful at most in real models). */
  readonly applying: Digest[] = [];

  constructor(
    readonly parent: Place | null,
    readonly token: string | number,
  ) {}

  /** The value's JSON pointer (`""` for the whole body). */
  pointer(): string {
    const tokens: string[] = [];
    for (let p: Place | null = this; p !== null && p.parent !== null; p = p.parent) tokens.push(`/${pointerToken(String(p.token))}`);
    return tokens.reverse().join('');
  }
}

/** The place of the whole body. */
export function rootPlace(): Place {
  return new Place(null, '');
}
