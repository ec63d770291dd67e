/**
 * A request that API Gateway answers itself: the response type, the message `$context.error.message`
 * holds, and what the client gets while the type is not customised.
 */
import type { InvocationPhase } from '../../integration/types.js';
import type { GatewayResponseType } from '../../model/index.js';
import { DEFAULT_GATEWAY_RESPONSES } from './defaults.js';

/**
 * Where in the pipeline a gateway response was decided: the trace's phases, less those that only the
 * integration's own failures report.
 */
export type PipelineStage = Exclude<InvocationPhase, 'request-parameters' | 'content-handling' | 'request-template' | 'response-selection' | 'response-template' | 'response-parameters'>;

export interface GatewayError {
  type: GatewayResponseType;
  /** `$context.error.message`; null makes `$context.error.messageString` render `null` unquoted. */
  message: string | null;
  /** The status while the type is not customised, when it is not the type's default (a 502 INTEGRATION_FAILURE). */
  status?: number;
  /**
   * The exact body while the type is not customised, when it is not what the default template makes:
   * `{"message": "Internal server error"}` (spaced), `{"Message":"…explicit deny"}` (capital M).
   */
  body?: string;
  /** `x-amzn-ErrorType`, when it is not the type's usual one. */
  errorType?: string;
  /** `$context.error.validationErrorString` (raw; templates JSON-escape it where AWS does). */
  validationErrorString?: string;
  /** Headers the default response carries besides Content-Type and x-amzn-ErrorType. */
  headers?: Record<string, string>;
  /** The Content-Type of {@link body} (default `application/json`). */
  contentType?: string;
  /**
   * Answered in front of API Gateway (the CloudFront edge's 413 for a body over 10 MB): no
   * customisation applies and no API Gateway headers (`x-amzn-RequestId`, `x-amzn-ErrorType`) are added.
   */
  frontDoor?: boolean;
  /** The stage that answered. */
  stage: PipelineStage;
  /** What happened, for the developer (the trace and the execution log). */
  diagnostic: string;
  /** Where in a template, when a template failed. */
  line?: number;
  column?: number;
  cause?: unknown;
}

/**
 * A gateway error of `type` with its default message (see {@link DEFAULT_GATEWAY_RESPONSES}), unless
 * `fields` give another.
 */
export function gatewayError(type: GatewayResponseType, stage: PipelineStage, diagnostic: string, fields: Partial<Omit<GatewayError, 'type' | 'stage' | 'diagnostic'>> = {}): GatewayError {
  const defaults = DEFAULT_GATEWAY_RESPONSES[type];
  return { type, message: defaults.message, stage, diagnostic, ...fields };
}
