/**
 * Templates compiled once per definition: the cache is keyed by the `requestTemplates` /
 * `responseTemplates` object itself (so it goes away with the definition) and by the template text (so a
 * definition edited in place is recompiled rather than served stale).
 */
import { compileTemplate, type CompiledTemplate } from '../template.js';
import { VtlError } from '../vtl/errors.js';
import { originOf } from '../definitions/template-origin.js';

type Entry = { source: string; compiled: CompiledTemplate | VtlError };

const cache = new WeakMap<object, Map<string, Entry>>();

/**
 * The compiled template, or the VtlError that compiling it raised (a template that does not compile fails
 * each request that selects it, like on API Gateway, rather than the whole API).
 */
export function compiledTemplate(owner: object, mediaType: string, source: string): CompiledTemplate | VtlError {
  let entries = cache.get(owner);
  if (!entries) cache.set(owner, (entries = new Map()));
  const hit = entries.get(mediaType);
  if (hit && hit.source === source) return hit.compiled;
  let compiled: CompiledTemplate | VtlError;
  try {
    // The origin (where a loader found the template) names it in coverage reports.
    compiled = compileTemplate(source, { origin: originOf(owner, mediaType) });
  } catch (e) {
    if (!(e instanceof VtlError)) throw e;
    compiled = e;
  }
  entries.set(mediaType, { source, compiled });
  return compiled;
}
