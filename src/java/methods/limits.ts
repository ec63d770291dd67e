/**
 * The cap on strings a template can build through methods (`concat`, `repeat`, `replace`, …), so a
 * runaway template fails with a clear error instead of exhausting memory. The renderer sets the cap for
 * the duration of a render (rendering is synchronous, so one active value is enough).
 */
export class StringSizeLimitError extends Error {
  constructor(readonly limit: number) {
    super(`a string longer than ${limit} characters was built`);
    this.name = 'StringSizeLimitError';
  }
}

let maxStringLength = 10 * 1024 * 1024;

/** Sets the cap and returns the previous one (so nested callers can restore it). */
export function setMaxStringLength(limit: number): number {
  const previous = maxStringLength;
  maxStringLength = limit;
  return previous;
}

/** Throws when a string (or a string of the given length) would exceed the cap; returns the string. */
export function checkStringSize<T extends string | number>(value: T): T {
  const length = typeof value === 'number' ? value : value.length;
  if (length > maxStringLength) throw new StringSizeLimitError(maxStringLength);
  return value;
}
