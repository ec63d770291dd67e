/**
 * Method response headers API Gateway renames to `x-amzn-Remapped-<Name>` (recorded on AWS), because it
 * sets them itself.
 */
const REMAPPED = new Set(
  ['Authorization', 'Connection', 'Content-Length', 'Content-MD5', 'Date', 'Expect', 'Host', 'Max-Forwards', 'Proxy-Authenticate', 'Server', 'Trailer', 'Upgrade', 'User-Agent', 'WWW-Authenticate'].map((h) =>
    h.toLowerCase(),
  ),
);

export function responseHeaderName(name: string): string {
  return REMAPPED.has(name.toLowerCase()) ? `x-amzn-Remapped-${name}` : name;
}

/** Integration request headers that may not be mapped (API Gateway answers 500). */
export function forbiddenRequestHeader(name: string, awsIntegration: boolean): boolean {
  const lower = name.toLowerCase();
  if (lower === 'content-length' || lower === 'transfer-encoding') return true;
  return awsIntegration && ['authorization', 'connection', 'expect', 'proxy-authenticate', 'te'].includes(lower);
}

/**
 * Client request headers API Gateway drops before any integration sees them, proxies included (recorded
 * on AWS for HTTP, HTTP_PROXY, AWS and AWS_PROXY: LS-integrations `TestApiGatewayHeaderRemapping`,
 * 2024-12-11; aws-behaviour §2.4). A parameter mapping may still set most of them.
 */
const DROPPED_REQUEST = new Set(
  ['Connection', 'Content-Length', 'Content-MD5', 'Expect', 'Max-Forwards', 'Proxy-Authenticate', 'Server', 'TE', 'Trailer', 'Transfer-Encoding', 'Upgrade', 'WWW-Authenticate'].map((h) =>
    h.toLowerCase(),
  ),
);

/** Whether API Gateway drops a client request header before the integration (any case of the name). */
export function droppedRequestHeader(name: string): boolean {
  return DROPPED_REQUEST.has(name.toLowerCase());
}

/**
 * The name a proxied backend's response header reaches the client under: the framing headers API Gateway
 * sets itself come out as `x-amzn-Remapped-<Name>`, and so does the backend's own `x-amzn-RequestId`
 * (recorded for HTTP_PROXY, LS-http `test_http_proxy_integration_request_data_mappings`, 2024-07; applied
 * to Lambda proxy responses too, inferred).
 */
export function proxiedResponseHeaderName(name: string): string {
  return name.toLowerCase() === 'x-amzn-requestid' ? `x-amzn-Remapped-${name}` : responseHeaderName(name);
}
