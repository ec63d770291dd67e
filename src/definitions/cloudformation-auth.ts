/**
 * The API-wide resources of a template that methods point at or that answer for them:
 * `AWS::ApiGateway::Authorizer`, `AWS::ApiGateway::RequestValidator` and `AWS::ApiGateway::GatewayResponse`.
 */
import type { AuthorizerDefinition, GatewayResponseDefinition, GatewayResponseType, RequestValidatorDefinition } from '../model/index.js';
import { setOwn } from '../own-property.js';
import { CLOUDFORMATION_AUTHORIZER, readAuthorizer } from './authorizer-fields.js';
import type { Path } from './fields.js';
import { CLOUDFORMATION_GATEWAY_RESPONSE, gatewayResponseType, readGatewayResponse } from './gateway-response-fields.js';
import type { TemplateReader } from './template-reader.js';
import { CLOUDFORMATION_VALIDATOR, readValidator } from './validator-fields.js';

export const AUTHORIZER = 'AWS::ApiGateway::Authorizer';
export const REQUEST_VALIDATOR = 'AWS::ApiGateway::RequestValidator';
const GATEWAY_RESPONSE = 'AWS::ApiGateway::GatewayResponse';

/** Resources of a type that belong to the API, with their resolved properties and where they are. */
function ofApi(t: TemplateReader, type: string, apiId: string): [string, Record<string, unknown>, Path][] {
  return t
    .ofType(type)
    .filter(([id]) => t.referenced(t.props(id)['RestApiId']) === apiId)
    .map(([id]) => {
      const at: Path = ['Resources', id, 'Properties'];
      return [id, t.resolvedObject(t.props(id), at), at];
    });
}

/** The name methods know an authorizer or validator by: its `Name`, else its logical id. */
export function nameOf(t: TemplateReader, id: string): string {
  const name = t.resolved(t.props(id)['Name'], ['Resources', id, 'Properties', 'Name']);
  return typeof name === 'string' && name !== '' ? name : id;
}

export function cfnAuthorizers(t: TemplateReader, apiId: string): Record<string, AuthorizerDefinition> | undefined {
  const out: Record<string, AuthorizerDefinition> = {};
  for (const [id, props, at] of ofApi(t, AUTHORIZER, apiId)) {
    const name = nameOf(t, id);
    // Terraform and SAM default the token source to the Authorization header; so does this reader.
    const authorizer = readAuthorizer(t.reader, props, at, CLOUDFORMATION_AUTHORIZER, { name, defaultIdentitySource: 'method.request.header.Authorization', source: t.sourceOf(['Resources', id]) });
    setOwn(out, name, authorizer);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function cfnValidators(t: TemplateReader, apiId: string): Record<string, RequestValidatorDefinition> | undefined {
  const out: Record<string, RequestValidatorDefinition> = {};
  for (const [id, props, at] of ofApi(t, REQUEST_VALIDATOR, apiId)) setOwn(out, nameOf(t, id), readValidator(t.reader, props, at, CLOUDFORMATION_VALIDATOR));
  return Object.keys(out).length > 0 ? out : undefined;
}

export function cfnGatewayResponses(t: TemplateReader, apiId: string): Partial<Record<GatewayResponseType, GatewayResponseDefinition>> | undefined {
  const out: Partial<Record<GatewayResponseType, GatewayResponseDefinition>> = {};
  for (const [id, props, at] of ofApi(t, GATEWAY_RESPONSE, apiId)) {
    const type = gatewayResponseType(t.reader, props['ResponseType'], [...at, 'ResponseType']);
    out[type] = readGatewayResponse(t.reader, props, at, CLOUDFORMATION_GATEWAY_RESPONSE, t.sourceOf(['Resources', id]));
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
