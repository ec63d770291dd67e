/**
 * The request headers of a Lambda proxy event: the client's, minus the ones API Gateway drops for every
 * integration, plus the ones its front door adds (recorded on a Regional API: LS-integrations
 * `TestApiGatewayHeaderRemapping[AWS_PROXY]`, 2024-12-11).
 */
import type { ParameterValue } from '../../gateway/request.js';
import { droppedRequestHeader } from '../remapping.js';
import { groupParameters, parameterList, type GroupedParameters, type Parameter } from './grouped-parameters.js';

/**
 * Names the front end re-spells whatever case the client used (`authorization`, `aUThorization` and
 * `user-Agent` all arrive as below: LS-lambda, 2024-07). Other names keep the client's spelling.
 */
const CANONICAL: ReadonlyMap<string, string> = new Map([
  ['authorization', 'Authorization'],
  ['user-agent', 'User-Agent'],
]);

function spelling(name: string): string {
  return CANONICAL.get(name.toLowerCase()) ?? name;
}

/** What API Gateway's front door knows about the request, for the headers it adds. */
export interface FrontDoor {
  /** `X-Amzn-Trace-Id` as {@link traceHeaderFor} made it. */
  traceId: string;
  /** `$context.identity.sourceIp`, appended to `X-Forwarded-For`. */
  sourceIp: string | null;
  /** `$context.domainName`, the `Host` of a client that sent none. */
  domainName: string | null;
}

function lastValue(parameters: readonly Parameter[], key: string): string | undefined {
  let found: string | undefined;
  for (const p of parameters) if (p.key === key && p.values.length > 0) found = p.values[p.values.length - 1];
  return found;
}

/**
 * The event's `headers` and `multiValueHeaders`. Two spellings of one name are one header (HTTP names are
 * case-insensitive), sent under the first spelling. The front door's own headers: `Host` when the client
 * sent none, `X-Amzn-Trace-Id` (the trace API Gateway uses, replacing the client's), `X-Forwarded-For` with
 * the caller's address appended, `X-Forwarded-Port: 443` and `X-Forwarded-Proto: https` unless already set.
 */
export function proxyEventHeaders(headers: Record<string, ParameterValue>, door: FrontDoor): GroupedParameters {
  const client = parameterList(headers, (n) => n.toLowerCase(), spelling).filter((p) => !droppedRequestHeader(p.name));
  const kept = client.filter((p) => p.key !== 'x-amzn-trace-id' && p.key !== 'x-forwarded-for');
  const added: Parameter[] = [];
  if (door.domainName !== null && lastValue(client, 'host') === undefined) added.push({ name: 'Host', key: 'host', values: [door.domainName] });
  added.push({ name: 'X-Amzn-Trace-Id', key: 'x-amzn-trace-id', values: [door.traceId] });
  const forwarded = lastValue(client, 'x-forwarded-for');
  const forwardedFor = [forwarded, door.sourceIp].filter((v): v is string => typeof v === 'string' && v !== '').join(', ');
  if (forwardedFor !== '') added.push({ name: 'X-Forwarded-For', key: 'x-forwarded-for', values: [forwardedFor] });
  if (lastValue(client, 'x-forwarded-port') === undefined) added.push({ name: 'X-Forwarded-Port', key: 'x-forwarded-port', values: ['443'] });
  if (lastValue(client, 'x-forwarded-proto') === undefined) added.push({ name: 'X-Forwarded-Proto', key: 'x-forwarded-proto', values: ['https'] });
  return groupParameters([...kept, ...added]);
}
