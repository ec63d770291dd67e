/** A method of an API as API Gateway stores it (`PutMethod`, an OpenAPI operation, `AWS::ApiGateway::Method`). */
import type { Integration } from './integration.js';

/** A `MethodResponse`: the statuses (and headers) a method may answer with. */
export interface MethodResponse {
  statusCode: string;
  /** `method.response.header.X` → required. */
  responseParameters?: Record<string, boolean> | null;
}

/** A JSON Schema (draft-04), as API Gateway models are written. */
export type ModelSchema = Record<string, unknown>;

/** `authorizationType` of a method: who may call it. */
export type AuthorizationType = 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS';

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
  /**
   * Media type → the name of the model in {@link ApiDefinition.models} (what `requestModels` holds the
   * schema of), for messages and `$ref` resolution.
   */
  requestModelNames?: Record<string, string> | null;
  /**
   * `method.request.{path|querystring|header|multivaluequerystring|multivalueheader}.<name>` → whether it
   * is required (checked when the method's validator validates parameters).
   */
  requestParameters?: Record<string, boolean> | null;
  /** Default `NONE`. `CUSTOM` and `COGNITO_USER_POOLS` name their authorizer in {@link authorizer}. */
  authorizationType?: AuthorizationType | null;
  /** The name of the authorizer in {@link ApiDefinition.authorizers}. */
  authorizer?: string | null;
  /** OAuth scopes a Cognito access token must carry one of; none means the token is an ID token. */
  authorizationScopes?: string[] | null;
  /** Whether a caller must send an API key that a usage plan of the stage holds. */
  apiKeyRequired?: boolean | null;
  /** The name of the request validator in {@link ApiDefinition.requestValidators}. */
  requestValidator?: string | null;
  /** `operationName` (OpenAPI `operationId`), shown in the execution log. */
  operationName?: string | null;
  /** Where the method came from (for diagnostics), e.g. `openapi.yaml paths./pets/{id}.get`. */
  source?: string;
}
