/**
 * A `node:http` request handler that serves an {@link Api} the way API Gateway's invoke URL does:
 * `/{stage}/{path}`, path parameters from routing, query strings and repeated headers, binary bodies.
 * Mount it with `http.createServer(handler)` or inside another server's routing.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Api } from '../api/api.js';
import type { GatewayResponse, InvokeOptions } from '../integration/types.js';
import { BodyTooLarge, hasMalformedEscape, parseRequestTarget, queryParameters, readBody, requestHeaders } from './request.js';
import { sendResponse, wireHeaders, type DroppedHeader } from './response.js';

/** API Gateway's payload limit. */
export { MAX_PAYLOAD_BYTES } from '../pipeline/limits.js';
import { MAX_PAYLOAD_BYTES } from '../pipeline/limits.js';

/** API Gateway's body for its own failures; note the space after the colon. */
const INTERNAL_SERVER_ERROR = '{"message": "Internal server error"}';

export interface HttpHandlerOptions extends InvokeOptions {
  /** The stage served; requests name it first in the path (default: the API's stages, else `test`). */
  stage?: string;
  /** Stage variables on top of the stage's own. */
  stageVariables?: Record<string, string>;
  /** Called with one line per request (method, path, templates, selected response, status, time). */
  log?: (line: string) => void;
  maxBodyBytes?: number;
}

/** Answers one request. The promise never rejects: every failure is answered (or the socket closed). */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function jsonError(res: ServerResponse, method: string, status: number, body: string, errorType: string, requestId: string): void {
  const headers: [string, string][] = [
    ['Content-Type', 'application/json'],
    ['x-amzn-ErrorType', errorType],
    ['x-amzn-RequestId', requestId],
  ];
  sendResponse(res, method, status, headers, Buffer.from(body));
}

function describe(response: GatewayResponse, dropped: DroppedHeader[]): string {
  const t = response.trace;
  const parts = [
    `request-template=${t.requestTemplate ?? '-'}`,
    `integration-response=${t.integrationResponse ?? '-'}`,
    `response-template=${t.responseTemplate ?? '-'}`,
  ];
  if (t.error) parts.push(`error(${t.error.phase})=${JSON.stringify(t.error.message)}`);
  for (const d of dropped) parts.push(`dropped-header=${JSON.stringify(d.name)}(${d.reason})`);
  return parts.join(' ');
}

function messageOf(e: unknown): string {
  try {
    return JSON.stringify(e instanceof Error ? e.message : String(e));
  } catch {
    return '"(unprintable error)"';
  }
}

/**
 * The last resort: a 500 built from nothing, or, once the status line is on the wire, closing the socket
 * (the only way left to tell the client the response is broken). Never throws.
 */
function answerFailure(req: IncomingMessage, res: ServerResponse, method: string, requestId: string): void {
  try {
    if (res.headersSent) {
      if (!res.writableEnded) res.destroy();
      return;
    }
    if (res.destroyed || req.socket.destroyed) return;
    jsonError(res, method, 500, INTERNAL_SERVER_ERROR, 'InternalServerErrorException', requestId);
  } catch {
    res.destroy();
  }
}

/** Creates the handler; every request is answered (errors included), none throws. */
export function createHttpHandler(api: Api, options: HttpHandlerOptions = {}): HttpHandler {
  const { stage, stageVariables, log, maxBodyBytes = MAX_PAYLOAD_BYTES, ...invokeOptions } = options;
  const stages = stage !== undefined ? [stage] : api.stages.length > 0 ? api.stages : ['test'];
  return async (req, res) => {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    let logPath = req.url ?? '';
    let requestId = '';
    const done = (status: number, detail: string) => {
      try {
        log?.(`${method} ${logPath} ${status} ${detail} ${(performance.now() - started).toFixed(1)} ms`);
      } catch {
        // A failing logger is the embedder's problem; it must not turn an answered request into a failure.
      }
    };
    // Without a listener, an error on the response (a write after the client left) would be thrown by the
    // emitter and end the process.
    if (res.listenerCount('error') === 0) res.on('error', () => res.destroy());
    try {
      requestId = invokeOptions.requestId?.() ?? randomUUID();
      const target = parseRequestTarget(req.url ?? '/');
      if (!target) {
        // Not a path (`*`, `http://[`): nothing to route. AWS's answer is unrecorded (its front end
        // rejects such targets before API Gateway sees them); 400 is HTTP's answer to a malformed request.
        jsonError(res, method, 400, '{"message":"Bad Request"}', 'BadRequestException', requestId);
        return done(400, 'request target is not a path or a valid absolute URL');
      }
      logPath = target.pathname;
      if (hasMalformedEscape(target.pathname)) {
        // A `%` not followed by two hex digits makes the target an invalid URI (RFC 3986 §2.1), before any
        // stage or route is looked at. AWS's status for this is unrecorded; 400 as for any malformed target.
        jsonError(res, method, 400, '{"message":"Bad Request"}', 'BadRequestException', requestId);
        return done(400, 'malformed percent-encoding in the path');
      }
      const [, first = '', ...rest] = target.pathname.split('/');
      let requestStage: string | undefined;
      try {
        requestStage = decodeURIComponent(first);
      } catch {
        // Well-formed escapes that are not UTF-8 (`%C3`) cannot spell any stage name: an unknown stage.
      }
      if (requestStage === undefined || !stages.includes(requestStage)) {
        jsonError(res, method, 403, '{"message":"Forbidden"}', 'ForbiddenException', requestId);
        return done(403, `unknown stage '${requestStage ?? first}' (serving ${stages.join(', ')})`);
      }
      let body: Uint8Array | null;
      try {
        body = await readBody(req, maxBodyBytes);
      } catch (e) {
        if (!(e instanceof BodyTooLarge)) throw e;
        // The edge answers before API Gateway sees the request: plain text, no request id (pipeline.md §6).
        sendResponse(res, method, 413, [['Content-Type', 'text; charset=utf-8']], Buffer.from(`HTTP content length exceeded ${maxBodyBytes} bytes.`));
        return done(413, `body over ${maxBodyBytes} bytes`);
      }
      const id = requestId;
      const response = await api.invoke(
        {
          httpMethod: method,
          path: '/' + rest.join('/'),
          headers: requestHeaders(req),
          query: queryParameters(new URLSearchParams(target.search)),
          body,
          stage: requestStage,
          stageVariables: { ...api.stageVariables(requestStage), ...stageVariables },
          context: { identity: { sourceIp: req.socket.remoteAddress ?? '127.0.0.1' } },
        },
        { now: () => Date.now(), ...invokeOptions, requestId: () => id },
      );
      if (response.statusCode < 200) {
        // A 1xx is interim in HTTP/1.1: the client would keep waiting for a final response that never
        // comes (101 would even switch protocols). AWS's handling of such an override is unrecorded.
        answerFailure(req, res, method, requestId);
        return done(500, `error=${JSON.stringify(`status ${response.statusCode} cannot end an HTTP/1.1 exchange`)}`);
      }
      const wire = wireHeaders(response.headers);
      // Last, so it wins over any spelling of the same name from the response; the front door's own
      // answers (limits) carry none.
      if (response.trace.error?.phase !== 'limits') wire.headers.push(['x-amzn-RequestId', requestId]);
      sendResponse(res, method, response.statusCode, wire.headers, response.rawBody);
      done(response.statusCode, describe(response, wire.dropped));
    } catch (e) {
      answerFailure(req, res, method, requestId || randomUUID());
      done(500, `error=${messageOf(e)}`);
    }
  };
}
