/**
 * What the stages of one REST request share. Each stage reads it and either lets the request go on
 * (possibly adding to `context`, the `$context` the templates will see) or answers with a
 * {@link GatewayError}; no stage knows which one runs after it.
 */
import type { GatewayContext, ParameterValue } from '../gateway/request.js';
import type { PipelineOptions } from './options.js';
import type { ApiDefinition, MethodDefinition } from '../model/index.js';
import type { ExecutionLog } from './execution-log.js';
import type { GatewayError } from './gateway-responses/gateway-error.js';
import type { ApiRuntime } from './runtime.js';

/** The client's request as the front door hands it on. */
export interface ClientRequest {
  /** The method routing uses (`X-HTTP-Method-Override` applied), upper case. */
  httpMethod: string;
  /** The path below the stage, as sent (percent-encoded), e.g. `/pets/42`. */
  path: string;
  headers: Record<string, ParameterValue>;
  query: Record<string, ParameterValue>;
  body: string | Uint8Array | null;
  stage: string;
  /** The stage's variables with the request's own on top (and a canary's overrides). */
  stageVariables: Record<string, string>;
}

export interface RequestState {
  readonly api: ApiDefinition;
  readonly runtime: ApiRuntime;
  readonly options: PipelineOptions;
  /** When the request arrived (ms since the epoch, from `options.now`). */
  readonly now: number;
  readonly request: ClientRequest;
  /**
   * `$context` as it grows: request ids, identity, then `authorizer` and `identity.apiKey*` as the
   * stages find them. The integration and gateway response templates render with it.
   */
  readonly context: GatewayContext;
  readonly log: ExecutionLog;
  readonly warnings: string[];
  /** What stages learn that is not `$context` but later stages need. */
  readonly found: FoundByStages;
}

export interface FoundByStages {
  /** The API key a Lambda authorizer returned (`usageIdentifierKey`), for `apiKeySource: AUTHORIZER`. */
  usageIdentifierKey?: string;
  /** Whether a cached authorizer result was used (for the log and the stage cache). */
  authorizerCached?: boolean;
}

/** A request routing has matched to a method. */
export interface RoutedState extends RequestState {
  readonly method: MethodDefinition;
  /** Percent-decoded path parameters. */
  readonly pathParameters: Record<string, string>;
  /** `arn:aws:execute-api:{region}:{account}:{api}/{stage}/{METHOD}/{path}` of this request. */
  readonly methodArn: string;
}

/** A stage's answer: undefined to go on, or the gateway response to send instead. */
export type StageResult = GatewayError | undefined;
