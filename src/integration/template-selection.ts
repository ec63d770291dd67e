/**
 * Which mapping template runs (aws-behaviour §5.2, §5.4). Request side: the template for the request's
 * Content-Type, else the passthrough table. Response side: the template for the first `Accept` type, else
 * `application/json`, else the first defined one; none at all passes the body through. An empty template
 * (stored by API Gateway as null) passes the body through unmapped.
 */
import type { PassthroughBehavior } from '../model/index.js';
import { templateFor } from './media-type.js';

export type TemplateChoice =
  | { kind: 'template'; mediaType: string; source: string }
  | { kind: 'passthrough'; mediaType?: string }
  | { kind: 'reject' };

type Templates = Record<string, string | null> | null | undefined;

function chosen(found: { key: string; template: string | null }): TemplateChoice {
  const source = found.template ?? '';
  return source === '' ? { kind: 'passthrough', mediaType: found.key } : { kind: 'template', mediaType: found.key, source };
}

/** The request template for a Content-Type (already reduced to its media type; absent = application/json). */
export function chooseRequestTemplate(templates: Templates, contentType: string, behavior: PassthroughBehavior | null | undefined): TemplateChoice {
  const defined = templates ? Object.keys(templates).length : 0;
  const found = templateFor(templates, contentType);
  if (found) return chosen(found);
  switch ((behavior ?? 'WHEN_NO_MATCH').toUpperCase() as PassthroughBehavior) {
    case 'WHEN_NO_MATCH':
      return { kind: 'passthrough' };
    case 'WHEN_NO_TEMPLATES':
      return defined === 0 ? { kind: 'passthrough' } : { kind: 'reject' };
    case 'NEVER':
      return { kind: 'reject' };
    default:
      throw new TypeError(`unknown passthroughBehavior '${behavior}' (WHEN_NO_MATCH, WHEN_NO_TEMPLATES or NEVER)`);
  }
}

/** The response template for the first `Accept` media type (absent = application/json). */
export function chooseResponseTemplate(templates: Templates, accept: string): TemplateChoice {
  const found = templateFor(templates, accept) ?? templateFor(templates, 'application/json');
  if (found) return chosen(found);
  const first = templates ? Object.entries(templates)[0] : undefined;
  return first ? chosen({ key: first[0], template: first[1] }) : { kind: 'passthrough' };
}
