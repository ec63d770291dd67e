/**
 * apigw-vtl for browsers, Cloudflare Workers and other edge runtimes: everything in the main entry point
 * that needs no Node built-in and no `Buffer` — compiling and rendering templates, the integration
 * (`invokeMethod`) and the whole request pipeline (`Api`, `createApi` from definition text),
 * `lintTemplate` and the proxy-event helpers. Reading definition files (`loadApi`, `loadApiDefinition`) and the `node:http` handler are in
 * the Node entry point only.
 *
 * ```ts
 * import { compileTemplate } from 'apigw-vtl/browser';
 * const template = compileTemplate('{"name": "$input.path(\'$.name\')"}');
 * template.render({ body: { name: 'Ada' } }).body; // {"name": "Ada"}
 * ```
 */
export { compileTemplate, renderTemplate, CompiledTemplate } from './template.js';
export type { CompileOptions, RenderOptions } from './template.js';
export type {
  RenderInput,
  RenderResult,
  RenderCost,
  GatewayContext,
  GatewayIdentity,
  GatewayAuthorizer,
  ParameterValue,
  RequestOverrides,
  ResponseOverrides,
} from './gateway/request.js';
export type { ContextOptions } from './gateway/context.js';
export { VtlError, VtlSyntaxError, VtlRuntimeError, VtlLimitError, VtlBodyError } from './vtl/errors.js';
export type { LimitKind } from './vtl/errors.js';
export type { Position } from './vtl/ast.js';
export { DEFAULT_LIMITS, MAX_TEMPLATE_BYTES } from './vtl/runtime/limits.js';
export type { RenderLimits } from './vtl/runtime/limits.js';
export { InvalidInputError } from './gateway/validate-input.js';
export { RenderedJsonError } from './json-result.js';

// The integration pipeline: run whole methods of an API offline.
export { invokeMethod } from './integration/invoke.js';
export { LambdaFunctionError } from './integration/lambda.js';
export type { LambdaErrorPayload } from './integration/lambda.js';
export { DEFAULT_INTEGRATION_TIMEOUT_MS } from './integration/integration-call.js';
export type {
  ApiDefinition,
  MethodDefinition,
  MethodResponse,
  ModelSchema,
  Integration,
  IntegrationResponse,
  IntegrationType,
  PassthroughBehavior,
  ContentHandling,
  AuthorizationType,
  AuthorizerDefinition,
  AuthorizerType,
  ApiKeyDefinition,
  ApiKeySource,
  UsagePlanDefinition,
  UsagePlanStage,
  ThrottleSettings,
  QuotaSettings,
  QuotaPeriod,
  RequestValidatorDefinition,
  GatewayResponseDefinition,
  GatewayResponseType,
  StageSettings,
  MethodSettings,
  CanarySettings,
  UnauthorizedCacheControlHeaderStrategy,
  PolicyDocument,
  PolicyStatement,
} from './model/index.js';
export { GATEWAY_RESPONSE_TYPES } from './model/index.js';
export type { PipelineOptions, IamOptions } from './pipeline/options.js';
export { apiKeyValues } from './pipeline/usage-plans/api-keys.js';
export type { ApiKeyListing } from './pipeline/usage-plans/api-keys.js';
export type {
  MethodRequest,
  IntegrationRequest,
  IntegrationResult,
  LambdaHandler,
  LambdaInvocationContext,
  HttpBackend,
  Backend,
  Backends,
  InvokeOptions,
  InvocationPhase,
  InvocationTrace,
  InvocationError,
  GatewayResponse,
} from './integration/types.js';
export { Api } from './api/api.js';
export type { ApiRequest, ApiOptions } from './api/api.js';
export type { RouteMatch } from './api/routes.js';
export { createApi } from './api/create-api.js';
export type { LoadApiOptions } from './api/create-api.js';
export { parseApiDefinition } from './definitions/load.js';
export type { DefinitionOptions } from './definitions/load.js';
export type { ServerlessOptions } from './definitions/serverless-variables.js';
export { DefinitionError } from './definitions/definition-error.js';
export { renderInputFromProxyEvent } from './gateway/proxy-event.js';
export type { ProxyEvent } from './gateway/proxy-event.js';
export type { LambdaProxyEvent } from './integration/proxy/event.js';
export { lintTemplate, applyFixes, RULES as LINT_RULES } from './lint/index.js';
export type { LintFinding, LintFix, LintOptions, RuleId, Severity } from './lint/index.js';
// Template coverage: which lines and branches ran (reports as data, lcov or text; writing files is Node's).
export { coverage, CoverageCollector, mergeCoverage, lcovReport, textReport, totals as coverageTotals } from './coverage/index.js';
export type { BranchCount, CoverageCollectorOptions, CoverageData, CoverageTotals, FileCoverage, LineCount, TextReportOptions } from './coverage/index.js';
export { mappingTemplatesOf } from './api/mapping-templates.js';
export type { MappingTemplateEntry } from './api/mapping-templates.js';
export type { TemplateOrigin } from './definitions/template-origin.js';
// Playground share links (`#state=…`): encode a template and request, or read one from a link.
export { encodePlaygroundState, decodePlaygroundState, playgroundUrl, PlaygroundStateError, MAX_PLAYGROUND_STATE_CHARACTERS } from './sharing/playground-state.js';
export type { PlaygroundState } from './sharing/playground-state.js';
