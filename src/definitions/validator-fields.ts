/**
 * Request validators as the definition formats spell them: `x-amazon-apigateway-request-validators`
 * (camelCase) and `AWS::ApiGateway::RequestValidator` (PascalCase). A flag left out is false.
 */
import type { RequestValidatorDefinition } from '../model/index.js';
import { fail, isObject, optionalBoolean, type Path, type Reader } from './fields.js';

export interface ValidatorSpelling {
  validateRequestBody: string;
  validateRequestParameters: string;
}

export const CAMEL_CASE_VALIDATOR: ValidatorSpelling = { validateRequestBody: 'validateRequestBody', validateRequestParameters: 'validateRequestParameters' };
export const CLOUDFORMATION_VALIDATOR: ValidatorSpelling = { validateRequestBody: 'ValidateRequestBody', validateRequestParameters: 'ValidateRequestParameters' };

export function readValidator(r: Reader, v: unknown, path: Path, s: ValidatorSpelling): RequestValidatorDefinition {
  if (!isObject(v)) fail(r, path, 'expected a request validator object');
  return {
    validateRequestBody: optionalBoolean(r, v[s.validateRequestBody], [...path, s.validateRequestBody]) ?? false,
    validateRequestParameters: optionalBoolean(r, v[s.validateRequestParameters], [...path, s.validateRequestParameters]) ?? false,
  };
}

/** The validator a method names, which must exist. */
export function namedValidator(r: Reader, name: string, path: Path, validators: Record<string, RequestValidatorDefinition> | undefined): string {
  if (!validators || !Object.hasOwn(validators, name)) {
    const known = validators ? Object.keys(validators) : [];
    fail(r, path, `no request validator named '${name}' (validators: ${known.join(', ') || 'none'})`);
  }
  return name;
}
