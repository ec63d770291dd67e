/**
 * Lambda behind a non-proxy (`AWS`) integration: the integration URI names the function, the handler's
 * result comes back as JSON with status 200, and a failed invocation also comes back as 200 with the
 * error payload — selection patterns then match its `errorMessage` (aws-behaviour §5.4).
 */

const INVOCATIONS = /:lambda:path\/[^/]+\/functions\/(.+)\/invocations\/?$/;

/** Whether an `AWS` integration URI invokes a Lambda function. */
export function isLambdaUri(uri: string | null | undefined): boolean {
  return typeof uri === 'string' && INVOCATIONS.test(uri);
}

/** The function ARN an integration URI invokes (`arn:aws:lambda:…:function:name[:alias]`), or undefined. */
export function functionArnOf(uri: string): string | undefined {
  return INVOCATIONS.exec(uri)?.[1];
}

/** The function name in an ARN, or the text itself when it is already a name. */
export function functionNameOf(arn: string): string {
  const m = /(?:^|:)function:([^:]+)/.exec(arn);
  return m ? m[1]! : arn;
}

/** An error payload as a Lambda runtime reports it, e.g. `{errorMessage, errorType, stackTrace}` (Python). */
export interface LambdaErrorPayload {
  errorMessage?: string;
  errorType?: string;
  [key: string]: unknown;
}

/**
 * Throw this from a {@link LambdaHandler} to fail the invocation with an exact error payload, for instance
 * the one a Python function produces. Any other thrown `Error` is reported the way the Node.js runtime
 * does: `{errorType, errorMessage, trace}`.
 */
export class LambdaFunctionError extends Error {
  constructor(readonly payload: LambdaErrorPayload) {
    super(typeof payload.errorMessage === 'string' ? payload.errorMessage : 'Lambda function error');
    this.name = 'LambdaFunctionError';
  }
}

/** The error payload for what a handler threw. */
export function errorPayloadOf(thrown: unknown): LambdaErrorPayload {
  if (thrown instanceof LambdaFunctionError) return thrown.payload;
  if (thrown instanceof Error) {
    return { errorType: thrown.name, errorMessage: thrown.message, trace: (thrown.stack ?? `${thrown.name}: ${thrown.message}`).split('\n') };
  }
  return { errorType: typeof thrown, errorMessage: String(thrown), trace: [] };
}

/** What a handler's result looks like on the wire: JSON (`undefined` → `null`). */
export function resultPayloadOf(result: unknown): string {
  return JSON.stringify(result) ?? 'null';
}
