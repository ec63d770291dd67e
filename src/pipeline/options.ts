/** Options of a whole REST request (`Api.invoke`, `serve`): the integration's, and the stages' own. */
import type { GatewayIdentity } from '../gateway/request.js';
import type { InvokeOptions } from '../integration/types.js';

/** How `AWS_IAM` methods are treated offline, where no SigV4 signature can be checked against AWS. */
export interface IamOptions {
  /**
   * `$context.identity` of an IAM-authorised caller (accountId, caller, user, userArn, accessKey, …).
   * Default: an identity in the default account.
   */
  identity?: GatewayIdentity;
  /**
   * Access key id → identity: when given, a request must carry a SigV4 `Authorization` header whose
   * access key is listed here (an unknown key gets 403 `The security token included in the request is
   * invalid.`); when absent, every request is accepted as {@link identity}.
   */
  accessKeys?: Record<string, GatewayIdentity>;
}

export interface PipelineOptions extends InvokeOptions {
  /** `AWS_IAM` authorisation offline (default: accept every caller, see {@link IamOptions}). */
  iam?: IamOptions;
  /** Draws a number in [0, 1) for canary routing (default `Math.random`). */
  random?: () => number;
}
