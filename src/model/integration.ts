/**
 * The integration model, mirroring API Gateway's own resources: the same field names as the REST API
 * (`PutIntegration`, `PutIntegrationResponse`) and the `x-amazon-apigateway-integration` OpenAPI extension.
 */

export type IntegrationType = 'AWS' | 'AWS_PROXY' | 'HTTP' | 'HTTP_PROXY' | 'MOCK';
export type PassthroughBehavior = 'WHEN_NO_MATCH' | 'WHEN_NO_TEMPLATES' | 'NEVER';
export type ContentHandling = 'CONVERT_TO_BINARY' | 'CONVERT_TO_TEXT';

/** `IntegrationResponse`: how an integration's result becomes the method response. */
export interface IntegrationResponse {
  /** The method response status this selects, e.g. `"200"`. */
  statusCode: string;
  /**
   * A Java regular expression matched against the whole selection value (the integration's status code,
   * or a Lambda function's `errorMessage`). Empty or absent: the default response.
   */
  selectionPattern?: string | null;
  /** Media type → template. An empty template passes the body through. */
  responseTemplates?: Record<string, string | null> | null;
  /** `method.response.header.X` → `integration.response.header.Y`, `'static'`, … */
  responseParameters?: Record<string, string> | null;
  contentHandling?: ContentHandling | null;
}

/** `Integration`: the backend of a method and how the request reaches it. */
export interface Integration {
  type: IntegrationType;
  /** For AWS: the service action ARN, e.g. `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/…/invocations`. */
  uri?: string | null;
  httpMethod?: string | null;
  /** Media type → template. An empty template passes the body through. */
  requestTemplates?: Record<string, string | null> | null;
  /** Default `WHEN_NO_MATCH`. */
  passthroughBehavior?: PassthroughBehavior | null;
  /** `integration.request.{path|querystring|header}.X` → `method.request.…`, `stageVariables.X`, `context.X` or `'static'`. */
  requestParameters?: Record<string, string> | null;
  contentHandling?: ContentHandling | null;
  /** In definition order; selection tries non-default responses in this order. */
  integrationResponses?: IntegrationResponse[] | null;
  /** How long the backend may take before the client gets 504 (API Gateway: 50 – 29 000 ms by default). */
  timeoutInMillis?: number | null;
  /**
   * `method.request.*` parameters whose values key the stage cache (in this order), e.g.
   * `method.request.querystring.type`. Default none: one entry per method and namespace.
   */
  cacheKeyParameters?: string[] | null;
  /** Groups cache entries; API Gateway's default is the resource id, so methods of a resource share it. */
  cacheNamespace?: string | null;
}
