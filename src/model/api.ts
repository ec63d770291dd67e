/** An API as deployed: its methods and everything around them that API Gateway runs per request. */
import type { AuthorizerDefinition } from './authorizer.js';
import type { GatewayResponseDefinition, GatewayResponseType } from './gateway-response.js';
import type { MethodDefinition, ModelSchema } from './method.js';
import type { PolicyDocument } from './policy.js';
import type { StageSettings } from './stage.js';
import type { ApiKeyDefinition, ApiKeySource, UsagePlanDefinition } from './usage-plan.js';
import type { RequestValidatorDefinition } from './validator.js';

/** An API: its methods, binary media types and stages, and the request pipeline's configuration. */
export interface ApiDefinition {
  title?: string;
  methods: MethodDefinition[];
  /** Media types whose payloads are binary, e.g. `image/png`, `image/*`. */
  binaryMediaTypes?: string[];
  /** Stage name → its stage variables. */
  stages?: Record<string, Record<string, string>>;
  /** Stage name → its settings (method settings, cache, canary). */
  stageSettings?: Record<string, StageSettings>;
  /** Named models (schemas), which `$ref`s in request models name. */
  models?: Record<string, ModelSchema>;
  /**
   * Other names a Lambda function goes by → the name it is deployed under (and that integration URIs
   * invoke): a CDK construct id or path, a CloudFormation logical id, a Serverless function key. Backend
   * handlers may be keyed by any of them.
   */
  functionAliases?: Record<string, string>;
  /** Authorizers by name. */
  authorizers?: Record<string, AuthorizerDefinition>;
  /** Where API keys come from (default `HEADER`: the `x-api-key` header). */
  apiKeySource?: ApiKeySource;
  apiKeys?: ApiKeyDefinition[];
  usagePlans?: UsagePlanDefinition[];
  /** Request validators by name. */
  requestValidators?: Record<string, RequestValidatorDefinition>;
  /** Customised gateway responses by type (the rest keep API Gateway's defaults). */
  gatewayResponses?: Partial<Record<GatewayResponseType, GatewayResponseDefinition>>;
  /** The API's resource policy. */
  policy?: PolicyDocument;
}
