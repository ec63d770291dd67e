/**
 * `apigw-vtl/testing`: property-based testing of mapping templates.
 *
 * ```ts
 * import { rendersValidJson } from 'apigw-vtl/testing';
 * rendersValidJson(`{"name": "$util.escapeJavaScript($input.path('$.name'))"}`).assert(); // throws: '
 * ```
 */
// Ready-made properties.
export { rendersWithoutError, rendersValidJson, rendersJsonMatchingSchema, roundTripsField, rendersMockStatus } from './properties/checks.js';
export type { RoundTrip, SchemaCheckOptions } from './properties/checks.js';
export { TemplateCheck, TemplatePropertyError } from './properties/template-check.js';
export type { CheckOptions, CheckResult, PropertyFailure, Outcome, TemplateSource, Verdict } from './properties/template-check.js';
export type { Problem } from './properties/report.js';
export { bodyArbitrary, inputsFor } from './properties/inputs.js';
export type { BodySource, InputOptions } from './properties/inputs.js';

// Arbitraries of API Gateway inputs.
export { trickyString, escapingString, plainWord } from './arbitraries/strings.js';
export { awkwardNumber, jsonText, jsonBody, oddBody, gatewayContext, renderInput } from './arbitraries/input.js';
export { renderInputs, methodRequests, parameterValue } from './arbitraries/request.js';
export type { RequestShape } from './arbitraries/request.js';
export { jsonFromSchema } from './arbitraries/json-schema.js';
export type { SchemaOptions } from './arbitraries/json-schema.js';
export { jsonLikeExample } from './arbitraries/json-example.js';
export type { ExampleOptions } from './arbitraries/json-example.js';
export { jsonForShape } from './arbitraries/body-shape.js';
export { templateArbitrary } from './arbitraries/template.js';

// What a template reads, and JSON Schema validation.
export { templateReads } from './analysis/body-shape.js';
export type { BodyShape, TemplateReads } from './analysis/body-shape.js';
export { schemaValidator } from './json-schema/validate.js';
export type { JsonSchema, ValidationResult } from './json-schema/validate.js';

// Matchers and snapshots.
export { templateMatchers, renderResultSerializer, renderSnapshot } from './matchers.js';
export type { TemplateMatchers, MatcherContext, MatcherResult } from './matchers.js';
