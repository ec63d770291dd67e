/**
 * The iteration order of a `java.util.HashSet<String>` (or a HashMap's keys) filled in a given order: by
 * bucket (`String.hashCode` spread, over a table of 16 buckets that doubles past 75% load), then by
 * insertion within a bucket. API Gateway lists missing request parameters in this order, and fge walks
 * `dependencies` in it.
 */
import { stringHashCode } from '../../java/values.js';

/** `names` (duplicates dropped) in the order a HashSet filled with them in this order iterates. */
export function javaHashOrder(names: Iterable<string>): string[] {
  const unique = [...new Set(names)];
  let capacity = 16;
  while (unique.length > capacity * 0.75) capacity *= 2;
  const mask = capacity - 1;
  return unique
    .map((name, insertion) => {
      const h = stringHashCode(name);
      return { name, insertion, bucket: (h ^ (h >>> 16)) & mask };
    })
    .sort((a, b) => a.bucket - b.bucket || a.insertion - b.insertion)
    .map((e) => e.name);
}
