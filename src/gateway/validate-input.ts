/**
 * Checks the shape of a render input, so a mistake in a test reads as a clear message rather than a
 * crash deep inside the renderer.
 */
import type { RenderInput } from './request.js';

export class InvalidInputError extends TypeError {
  override readonly name = 'InvalidInputError';
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Checks a parameter record (`label` names it in messages, e.g. `input.headers`). */
export function checkParameters(label: string, v: unknown, allowLists: boolean): void {
  if (v === undefined) return;
  if (!isPlainObject(v)) throw new InvalidInputError(`${label} must be an object of ${allowLists ? 'strings or string lists' : 'strings'}`);
  for (const [key, value] of Object.entries(v)) {
    const ok =
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      (allowLists && Array.isArray(value) && value.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean'));
    if (!ok) throw new InvalidInputError(`${label}.${key} must be a string${allowLists ? ' or a list of strings' : ''}`);
  }
}

export function validateInput(input: unknown): asserts input is RenderInput {
  if (!isPlainObject(input)) throw new InvalidInputError('the render input must be an object');
  const i = input as Record<string, unknown>;
  const body = i['body'];
  if (typeof body === 'function' || typeof body === 'symbol' || typeof body === 'bigint') {
    throw new InvalidInputError('input.body must be a string, a JSON-serialisable value or null');
  }
  checkParameters('input.headers', i['headers'], true);
  checkParameters('input.query', i['query'], true);
  checkParameters('input.path', i['path'], false);
  checkParameters('input.stageVariables', i['stageVariables'], false);
  if (i['context'] !== undefined && !isPlainObject(i['context'])) throw new InvalidInputError('input.context must be an object');
}
