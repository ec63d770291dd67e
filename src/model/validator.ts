/** Request validators (`CreateRequestValidator`, `x-amazon-apigateway-request-validators`). */
export interface RequestValidatorDefinition {
  /** Check the body against the method's request model for the request's content type. */
  validateRequestBody: boolean;
  /** Check that the method's required request parameters are present and not blank. */
  validateRequestParameters: boolean;
}
