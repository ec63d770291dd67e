/** What every phase of one invocation shares. */
import type { GatewayContext } from '../gateway/request.js';
import type { Meter } from '../java/meter.js';
import type { JavaMap } from '../java/values.js';
import type { MethodDefinition } from '../model/index.js';
import type { NormalizedRequest } from './method-request.js';
import type { InvocationTrace, InvokeOptions } from './types.js';

export interface InvocationState {
  method: MethodDefinition;
  request: NormalizedRequest;
  /** The `$context` fields of this request, shared by the request and the response template. */
  context: GatewayContext;
  /** The same `$context` as the templates see it, for `context.*` mapping sources (built on first use). */
  contextMap(): JavaMap;
  options: InvokeOptions;
  /**
   * What the pipeline's own work on the request may spend (parameter mappings over the body, selection
   * patterns over an error message); each template render has its own meter.
   */
  meter: Meter;
  binaryMediaTypes: readonly string[];
  trace: InvocationTrace;
}
