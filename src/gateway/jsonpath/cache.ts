/**
 * Compiled paths a template reuses. Owned by its caller (a compiled template), never process-wide, and
 * bounded twice: by entry count and by the total length of the cached path texts, evicting the least
 * recently used. Paths that fail to compile are not cached (they throw each time, as on Jayway).
 */
import { TextKeyedCache } from '../../bounded-cache.js';
import { parseJsonPath, type ParsedPath } from './parse-path.js';

export class JsonPathCache {
  private readonly cache: TextKeyedCache<ParsedPath>;

  constructor(maxEntries = 256, maxTotalLength = 64 * 1024) {
    this.cache = new TextKeyedCache(maxEntries, maxTotalLength);
  }

  get size(): number {
    return this.cache.size;
  }

  /** Total characters of the cached path texts. */
  get totalLength(): number {
    return this.cache.totalLength;
  }

  /**
   * The compiled form of `path`, compiling it on a miss.
   * @throws JsonPathSyntaxError when the path is invalid
   */
  get(path: string): ParsedPath {
    const hit = this.cache.lookup(path);
    if (hit) return hit;
    const parsed = parseJsonPath(path);
    this.cache.store(path, parsed);
    return parsed;
  }
}
