/**
 * apigw-vtl: render Amazon API Gateway (REST API) mapping templates exactly as AWS does, offline.
 *
 * ```ts
 * import { compileTemplate } from 'apigw-vtl';
 * const template = compileTemplate('{"name": "$input.path(\'$.name\')"}');
 * template.render({ body: { name: 'Ada' } }).body; // {"name": "Ada"}
 * ```
 */
export { compileTemplate, renderTemplate, CompiledTemplate } from './template.js';
export type { CompileOptions, RenderOptions } from './template.js';
export type {
  RenderInput,
  RenderResult,
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
