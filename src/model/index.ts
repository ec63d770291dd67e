/**
 * The API model: what the definition loaders produce and the request pipeline runs, with API Gateway's
 * own field names (those of the REST API and the OpenAPI extensions).
 */
export type * from './api.js';
export type * from './authorizer.js';
export type * from './integration.js';
export type * from './method.js';
export type * from './policy.js';
export type * from './stage.js';
export type * from './usage-plan.js';
export type * from './validator.js';
export type { GatewayResponseDefinition, GatewayResponseType } from './gateway-response.js';
export { GATEWAY_RESPONSE_TYPES } from './gateway-response.js';
