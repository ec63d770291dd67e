/**
 * Lambda's synchronous invocation limits, which API Gateway runs into for Lambda integrations (pipeline.md
 * §6). Lambda reports them as "Request must be smaller than 6291456 bytes for the InvokeFunction
 * operation" and "Response payload size exceeded maximum allowed payload size (6291556 bytes)" (AWS-OBS):
 * the response allows 100 bytes more than the request.
 */

/** An invocation payload (the rendered body, or the proxy event) must be smaller than this many bytes. */
export const LAMBDA_REQUEST_LIMIT_BYTES = 6_291_456;

/** A function's result may be at most this many bytes. */
export const LAMBDA_RESPONSE_LIMIT_BYTES = 6_291_556;
