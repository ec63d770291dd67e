/**
 * How deep printing and serialising may recurse. Java would throw StackOverflowError on a map that
 * contains itself indirectly; we stop at a fixed depth with an error the renderer reports cleanly.
 */
export const MAX_NESTING = 1000;

export class JavaDepthError extends Error {
  constructor() {
    super(`value nested more than ${MAX_NESTING} levels deep (or containing itself)`);
    this.name = 'JavaDepthError';
  }
}
