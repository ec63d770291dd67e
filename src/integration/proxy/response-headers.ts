/**
 * The headers a proxy integration's response reaches the client with. For a Lambda proxy response,
 * `headers` and `multiValueHeaders` merge into one list per name: the multi values first, then the single
 * one, under the multi-value spelling (`{"test-multi": ["value-multi"]}` + `{"test-multi": "value-solo"}`
 * → `test-multi: value-multi, value-solo`; a `tesT-Multi` multi key keeps its casing: V8, AWS-REC). The
 * DOC's "only the values from multiValueHeaders" is not what AWS does.
 */
import { HeaderMerge } from './header-merge.js';

/** A Lambda proxy response's `multiValueHeaders` and `headers`, merged as AWS merges them. */
export function lambdaResponseHeaders(single: ReadonlyArray<[string, string]>, multi: ReadonlyArray<[string, string[]]>): HeaderMerge {
  const merge = new HeaderMerge();
  for (const [name, values] of multi) merge.add(name, values);
  for (const [name, value] of single) merge.add(name, [value]);
  return merge;
}
