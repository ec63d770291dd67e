/** Every mapping template of an API, request and response side, labelled as the CLI reports them. */
import type { ApiDefinition, MethodDefinition } from '../model/index.js';
import { isGenerated, originOf, type TemplateOrigin } from '../definitions/template-origin.js';

export interface MappingTemplateEntry {
  method: MethodDefinition;
  side: 'request' | 'response';
  /** The integration response's status code (response templates). */
  statusCode?: string;
  mediaType: string;
  source: string;
  /** e.g. `GET /pets/{id} response 200 application/json` */
  label: string;
  /** Where the template is in the definition file, when the loader could tell. */
  origin?: TemplateOrigin;
  /** The loader wrote this template (a framework's default, such as Serverless's Lambda templates). */
  generated?: boolean;
}

/** Non-empty templates only: an empty one passes the body through and runs nothing. */
export function mappingTemplatesOf(api: ApiDefinition): MappingTemplateEntry[] {
  const out: MappingTemplateEntry[] = [];
  for (const method of api.methods) {
    const where = `${method.httpMethod} ${method.resourcePath}`;
    const requestTemplates = method.integration.requestTemplates ?? {};
    for (const [mediaType, source] of Object.entries(requestTemplates)) {
      if (source) {
        const generated = isGenerated(requestTemplates, mediaType);
        out.push({ method, side: 'request', mediaType, source, label: `${where} request ${mediaType}`, origin: originOf(requestTemplates, mediaType), ...(generated ? { generated } : {}) });
      }
    }
    for (const response of method.integration.integrationResponses ?? []) {
      const responseTemplates = response.responseTemplates ?? {};
      for (const [mediaType, source] of Object.entries(responseTemplates)) {
        if (source) {
          const label = `${where} response ${response.statusCode} ${mediaType}`;
          out.push({ method, side: 'response', statusCode: response.statusCode, mediaType, source, label, origin: originOf(responseTemplates, mediaType) });
        }
      }
    }
  }
  return out;
}
