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
}

/** A `MethodResponse`: the statuses (and headers) a method may answer with. */
export interface MethodResponse {
  statusCode: string;
  /** `method.response.header.X` → required. */
  responseParameters?: Record<string, boolean> | null;
}

/** A JSON Schema (draft-04), as API Gateway models are written. */
export type ModelSchema = Record<string, unknown>;

/** One method of an API: `GET /pets/{id}` with its integration. */
export interface MethodDefinition {
  httpMethod: string;
  /** The resource path template, e.g. `/pets/{id}` or `/{proxy+}`. */
  resourcePath: string;
  integration: Integration;
  /** Status code → method response; absent means any status the integration responses name is allowed. */
  methodResponses?: Record<string, MethodResponse> | null;
  /** Media type → the schema of the request body (the method's request model), when the definition says. */
  requestModels?: Record<string, ModelSchema> | null;
  /** Where the method came from (for diagnostics), e.g. `openapi.yaml paths./pets/{id}.get`. */
  source?: string;
}

/** An API: its methods, binary media types and stages. */
export interface ApiDefinition {
  title?: string;
  methods: MethodDefinition[];
  /** Media types whose payloads are binary, e.g. `image/png`, `image/*`. */
  binaryMediaTypes?: string[];
  /** Stage name → its stage variables. */
  stages?: Record<string, Record<string, string>>;
  /** Named models (schemas), which `$ref`s in request models name. */
  models?: Record<string, ModelSchema>;
  /**
   * Other names a Lambda function goes by → the name it is deployed under (and that integration URIs
   * invoke): a CDK construct id or path, a CloudFormation logical id, a Serverless function key. Backend
   * handlers may be keyed by any of them.
   */
  functionAliases?: Record<string, string>;
}
