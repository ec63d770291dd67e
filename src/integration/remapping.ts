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
