/**
 * A `node:http` request handler that serves an {@link Api} the way API Gateway's invoke URL does:
 * `/{stage}/{path}`, path parameters from routing, query strings and repeated headers, binary bodies.
 * Mount it with `http.createServer(handler)` or inside another server's routing.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Api } from '../api/api.js';
import type { GatewayResponse, InvokeOptions } from '../integration/types.js';
import { BodyTooLarge, queryParameters, readBody, requestHeaders } from './request.js';

/** API Gateway's payload limit. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export interface HttpHandlerOptions extends InvokeOptions {
  /** The stage served; requests name it first in the path (default: the API's stages, else `test`). */
  stage?: string;
  /** Stage variables on top of the stage's own. */
  stageVariables?: Record<string, string>;
  /** Called with one line per request (method, path, templates, selected response, status, time). */
  log?: (line: string) => void;
  maxBodyBytes?: number;
}

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function send(res: ServerResponse, method: string, status: number, headers: Record<string, string | string[]>, body: Uint8Array): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', body.length);
  res.end(method === 'HEAD' ? undefined : body);
}

function jsonError(res: ServerResponse, method: string, status: number, body: string, requestId: string): void {
  send(res, method, status, { 'Content-Type': 'application/json', 'x-amzn-RequestId': requestId }, Buffer.from(body));
}

function describe(response: GatewayResponse): string {
  const t = response.trace;
  const parts = [
    `request-template=${t.requestTemplate ?? '-'}`,
    `integration-response=${t.integrationResponse ?? '-'}`,
    `response-template=${t.responseTemplate ?? '-'}`,
  ];
  if (t.error) parts.push(`error(${t.error.phase})=${JSON.stringify(t.error.message)}`);
  return parts.join(' ');
}

/** Creates the handler; every request is answered (errors included), none throws. */
export function createHttpHandler(api: Api, options: HttpHandlerOptions = {}): HttpHandler {
  const { stage, stageVariables, log, maxBodyBytes = MAX_PAYLOAD_BYTES, ...invokeOptions } = options;
  const stages = stage !== undefined ? [stage] : api.stages.length > 0 ? api.stages : ['test'];
  return async (req, res) => {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const requestId = invokeOptions.requestId?.() ?? randomUUID();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const done = (status: number, detail: string) =>
      log?.(`${method} ${url.pathname} ${status} ${detail} ${(performance.now() - started).toFixed(1)} ms`);
    try {
      const [, first = '', ...rest] = url.pathname.split('/');
      const requestStage = decodeURIComponent(first);
      if (!stages.includes(requestStage)) {
        jsonError(res, method, 403, '{"message":"Forbidden"}', requestId);
        return done(403, `unknown stage '${requestStage}' (serving ${stages.join(', ')})`);
      }
      let body: Uint8Array | null;
      try {
        body = await readBody(req, maxBodyBytes);
      } catch (e) {
        if (!(e instanceof BodyTooLarge)) throw e;
        jsonError(res, method, 413, '{"message":"Request Too Long"}', requestId);
        return done(413, `body over ${maxBodyBytes} bytes`);
      }
      const response = await api.invoke(
        {
          httpMethod: method,
          path: '/' + rest.join('/'),
          headers: requestHeaders(req),
          query: queryParameters(url.searchParams),
          body,
          stage: requestStage,
          stageVariables: { ...api.stageVariables(requestStage), ...stageVariables },
          context: { identity: { sourceIp: req.socket.remoteAddress ?? '127.0.0.1' } },
        },
        { now: () => Date.now(), ...invokeOptions, requestId: () => requestId },
      );
      send(res, method, response.statusCode, { ...response.headers, 'x-amzn-RequestId': requestId }, response.rawBody);
      done(response.statusCode, describe(response));
    } catch (e) {
      if (!res.headersSent) jsonError(res, method, 500, '{"message": "Internal server error"}', requestId);
      else res.end();
      done(500, `error=${JSON.stringify((e as Error)?.message ?? String(e))}`);
    }
  };
}
