/**
 * Compiled paths a template reuses. Owned by its caller (a compiled template), never process-wide, and
 * bounded twice: by entry count and by the total length of the cached path texts, evicting the least
 * recently used. Paths that fail to compile are not cached (they throw each time, as on Jayway).
 */
import { parseJsonPath, type ParsedPath } from './parse-path.js';

export class JsonPathCache {
  private readonly entries = new Map<string, ParsedPath>();
  private length = 0;

  constructor(
    readonly maxEntries = 256,
    readonly maxTotalLength = 64 * 1024,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Total characters of the cached path texts. */
  get totalLength(): number {
    return this.length;
  }

  /**
   * The compiled form of `path`, compiling it on a miss.
   * @throws JsonPathSyntaxError when the path is invalid
   */
  get(path: string): ParsedPath {
    const hit = this.entries.get(path);
    if (hit) {
      // Re-inserting moves the key to the end of the Map's order: the Map is the LRU list.
      this.entries.delete(path);
      this.entries.set(path, hit);
      return hit;
    }
    const parsed = parseJsonPath(path);
    if (path.length <= this.maxTotalLength / 4 && this.maxEntries > 0) {
      this.entries.set(path, parsed);
      this.length += path.length;
      while (this.entries.size > this.maxEntries || this.length > this.maxTotalLength) {
        const oldest = this.entries.keys().next().value!;
        this.entries.delete(oldest);
        this.length -= oldest.length;
      }
    }
    return parsed;
  }
}
