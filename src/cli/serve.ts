/** `apigw-vtl serve`: serves an API definition on localhost through the HTTP adapter. */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadApi } from '../api/load-api.js';
import { createHttpHandler } from '../http/handler.js';
import type { Backend } from '../integration/types.js';
import { loadBackendModule } from './backend-module.js';
import { apiKeyValues } from '../pipeline/usage-plans/api-keys.js';

export interface ServeOptions {
  file: string;
  port?: number;
  host?: string;
  stage?: string;
  stageVariables?: Record<string, string>;
  backendModule?: string;
  /** The API's logical id in a CloudFormation template with several. */
  api?: string;
  /** CloudFormation template parameters; a `serverless.yml`'s `${param:…}` too. */
  parameters?: Record<string, string>;
  /** A `serverless.yml`'s `${opt:…}` values (`stage` comes from {@link ServeOptions.stage}). */
  serverlessOptions?: Record<string, string>;
  log: (line: string) => void;
  /** What loading the definition skipped (Serverless `httpApi` events, …). */
  warn?: (message: string) => void;
  /** Connection limits and timeouts; each one left out takes its {@link DEFAULT_SERVE_LIMITS} value. */
  limits?: Partial<ServeLimits>;
}

/**
 * What one client may hold of the server. Without these, slow or idle clients could take every socket
 * (or file descriptor) of a long-running emulator.
 */
export interface ServeLimits {
  /** Time to receive a request's headers (`server.headersTimeout`). */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included (`server.requestTimeout`); not the integration's time. */
  requestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open (`server.keepAliveTimeout`). */
  keepAliveTimeoutMs: number;
  /** Bytes of request line and headers (Node's `maxHeaderSize`); more answers 431. */
  maxHeaderBytes: number;
  /** Headers read per request (`server.maxHeadersCount`); later ones are ignored. */
  maxHeadersCount: number;
  /** Open connections (`server.maxConnections`); more are closed on arrival. */
  maxConnections: number;
}

/**
 * The limits `serve` applies unless told otherwise. The header size leaves room for what API Gateway
 * accepts (a 10,240-character URL plus 10,240 bytes of header values); the connection cap stays well
 * under the usual 1024 file descriptors, leaving some for the backend's own connections.
 */
export const DEFAULT_SERVE_LIMITS: Readonly<ServeLimits> = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 32 * 1024,
  maxHeadersCount: 500,
  maxConnections: 512,
});

/**
 * The limits to apply: {@link DEFAULT_SERVE_LIMITS} with the given ones in their place.
 * @throws RangeError when a limit is not a positive integer, or the headers timeout exceeds the request timeout
 */
export function serveLimits(given: Partial<ServeLimits> = {}): ServeLimits {
  const limits = { ...DEFAULT_SERVE_LIMITS };
  for (const key of Object.keys(DEFAULT_SERVE_LIMITS) as (keyof ServeLimits)[]) {
    const value = given[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value <= 0) throw new RangeError(`limits.${key} must be a positive integer (got ${String(value)})`);
    limits[key] = value;
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) throw new RangeError('limits.headersTimeoutMs must not exceed limits.requestTimeoutMs');
  return limits;
}

/** An HTTP server (not yet listening) that holds every connection to `limits`. */
export function createLimitedServer(limits: ServeLimits, listener: RequestListener): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      maxHeaderSize: limits.maxHeaderBytes,
      // Node checks the two timeouts on this interval (30 s by default), which would let a slow client
      // keep its socket up to 30 s past a 10 s headers timeout.
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    listener,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxHeadersCount = limits.maxHeadersCount;
  server.maxConnections = limits.maxConnections;
  return server;
}

export interface RunningServer {
  server: Server;
  /** e.g. `http://127.0.0.1:3000/dev` */
  url: string;
  close(): Promise<void>;
}

/**
 * Loads the definition and serves it on `host:port` until closed, with {@link ServeLimits} on every
 * connection.
 * @throws RangeError when a limit is not a positive integer, or the headers timeout exceeds the request timeout
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const limits = serveLimits(options.limits);
  const backend: Backend | undefined = options.backendModule ? await loadBackendModule(options.backendModule) : undefined;
  const opts = options.serverlessOptions ?? {};
  const serverless = { stage: options.stage ?? opts['stage'], region: opts['region'], options: opts, params: options.parameters };
  const api = loadApi(options.file, { api: options.api, parameters: options.parameters, serverless, onWarning: options.warn, backend });
  const stage = options.stage ?? api.defaultStage;
  const handler = createHttpHandler(api, { stage, stageVariables: options.stageVariables, log: options.log });
  const server = createLimitedServer(limits, (req, res) => {
    // The handler answers every failure itself; this only guards against a future one that does not.
    handler(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}/${stage}`;
  options.log(`Serving ${api.definition.title ?? options.file} at ${url} (${api.methods.length} methods)`);
  for (const m of api.methods) {
    const where = m.integration.type === 'MOCK' || backend ? '' : '  (no backend: answers 502)';
    const guards = [m.authorizationType && m.authorizationType !== 'NONE' ? (m.authorizer ?? m.authorizationType) : undefined, m.apiKeyRequired ? 'API key' : undefined].filter(Boolean);
    options.log(`  ${m.httpMethod.padEnd(7)} ${m.resourcePath}  ${m.integration.type}${guards.length > 0 ? `  [${guards.join(', ')}]` : ''}${where}`);
  }
  const keys = apiKeyValues(api.definition);
  if (keys.length > 0) {
    const source = api.definition.apiKeySource === 'AUTHORIZER' ? "the authorizer's usageIdentifierKey" : 'the x-api-key header';
    options.log(`API keys accepted (from ${source}):`);
    for (const key of keys) {
      const notes = [key.generated ? 'generated' : undefined, key.enabled ? undefined : 'disabled', key.plans.length > 0 ? `plans: ${key.plans.join(', ')}` : 'in no usage plan'].filter(Boolean);
      options.log(`  ${key.id}  ${key.value}  (${notes.join('; ')})`);
    }
  }
  return {
    server,
    url,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
