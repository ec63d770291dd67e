/** Every mapping template of an API, request and response side, labelled as the CLI reports them. */
import type { ApiDefinition, MethodDefinition } from '../model/index.js';

export interface MappingTemplateEntry {
  method: MethodDefinition;
  side: 'request' | 'response';
  /** The integration response's status code (response templates). */
  statusCode?: string;
  mediaType: string;
  source: string;
  /** e.g. `GET /pets/{id} response 200 application/json` */
  label: string;
}

/** Non-empty templates only: an empty one passes the body through and runs nothing. */
export function mappingTemplatesOf(api: ApiDefinition): MappingTemplateEntry[] {
  const out: MappingTemplateEntry[] = [];
  for (const method of api.methods) {
    const where = `${method.httpMethod} ${method.resourcePath}`;
    for (const [mediaType, source] of Object.entries(method.integration.requestTemplates ?? {})) {
      if (source) out.push({ method, side: 'request', mediaType, source, label: `${where} request ${mediaType}` });
    }
    for (const response of method.integration.integrationResponses ?? []) {
      for (const [mediaType, source] of Object.entries(response.responseTemplates ?? {})) {
        if (source) out.push({ method, side: 'response', statusCode: response.statusCode, mediaType, source, label: `${where} response ${response.statusCode} ${mediaType}` });
      }
    }
  }
  return out;
}
