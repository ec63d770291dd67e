/** Media types as API Gateway compares them: the type/subtype only, parameters dropped, case-insensitive. */

/** `application/json; charset=UTF-8` → `application/json`; absent → undefined. */
export function mediaTypeOf(headerValue: string | undefined): string | undefined {
  if (headerValue === undefined) return undefined;
  const type = headerValue.split(';')[0]!.trim().toLowerCase();
  return type === '' ? undefined : type;
}

/** The first media type of an `Accept` header (API Gateway ignores the rest and any q-values). */
export function firstAcceptedType(accept: string | undefined): string | undefined {
  if (accept === undefined) return undefined;
  return mediaTypeOf(accept.split(',')[0]);
}

/** Whether a media type matches a `binaryMediaTypes` entry (`image/*`, `*\/*` and exact types). */
export function matchesMediaRange(type: string, range: string): boolean {
  const [t, s] = type.split('/');
  const [rt, rs] = range.trim().toLowerCase().split(';')[0]!.split('/');
  if (rt === '*' && (rs === '*' || rs === undefined)) return true;
  return rt === t && (rs === '*' || rs === s);
}

export function isBinaryType(type: string | undefined, binaryMediaTypes: readonly string[] | undefined): boolean {
  if (!type || !binaryMediaTypes || binaryMediaTypes.length === 0) return false;
  // In OpenAPI and CloudFormation a `/` in a binary media type is often written `~1`.
  return binaryMediaTypes.some((range) => matchesMediaRange(type, range.replace(/~1/g, '/')));
}

/** Looks up a template by media type, ignoring the case of the keys. */
export function templateFor(templates: Record<string, string | null> | null | undefined, type: string): { key: string; template: string | null } | undefined {
  if (!templates) return undefined;
  for (const [key, template] of Object.entries(templates)) {
    if (key.toLowerCase() === type) return { key, template };
  }
  return undefined;
}
