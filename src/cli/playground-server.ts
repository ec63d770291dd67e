/**
 * The server of `apigw-vtl playground`: the built single-page app (`dist/playground/`) on localhost.
 *
 * Every file of the folder is read into memory at start-up and only those exact paths are served, so a
 * request can never name a file outside the folder — there is no path to join, only a table to look up.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningServer, ServeLimits } from './serve.js';

/** The port `apigw-vtl playground` listens on unless told otherwise. */
export const DEFAULT_PLAYGROUND_PORT = 4780;

/** The most files and folders read from the playground's folder; a build has a handful. */
export const MAX_PLAYGROUND_ENTRIES = 200;

/** The most bytes read from the playground's folder, all files together. */
export const MAX_PLAYGROUND_BYTES = 20 * 1024 * 1024;

/** The playground's folder cannot be served: too many files, too large, or unreadable. */
export class PlaygroundFolderError extends Error {
  override readonly name: string = 'PlaygroundFolderError';
}

/** The playground's folder, or its `index.html`, is missing: the app has not been built. */
export class PlaygroundNotBuiltError extends PlaygroundFolderError {
  override readonly name = 'PlaygroundNotBuiltError';
}

export interface PlaygroundServerOptions {
  /** The folder to serve (default: `dist/playground/` of this package). */
  root?: string | URL;
  /** Default {@link DEFAULT_PLAYGROUND_PORT}; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Gets one line per request answered with an error (a missing file, a wrong method). */
  log: (line: string) => void;
  /** Connection limits and timeouts, as `serve` takes them. */
  limits?: Partial<ServeLimits>;
}

/**
 * The CSP of every answer. The app is scripts, styles and a worker of its own origin; it talks to no
 * server (`connect-src 'none'`), so a template pasted from a stranger's link cannot send anything away.
 * Inline styles are allowed for the editor (CodeMirror injects its own); workers come from the page's origin.
 */
export const PLAYGROUND_CSP =
  "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const COMMON_HEADERS = {
  // The files change with every build, and a stale worker next to a new page breaks the app.
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  // Links in the app's page carry the template in their fragment; no Referer is sent with them anyway,
  // but nothing else of the page's URL should leave either.
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': PLAYGROUND_CSP,
};

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

/**
 * Serves the playground's folder on `host:port` until closed.
 * @throws PlaygroundNotBuiltError when the folder or its index.html is missing
 * @throws PlaygroundFolderError when the folder holds more than {@link MAX_PLAYGROUND_ENTRIES} entries or {@link MAX_PLAYGROUND_BYTES} bytes
 * @throws RangeError for a bad limit; the listen error (EADDRINUSE, …) when the port cannot be had
 */
export async function servePlayground(options: PlaygroundServerOptions): Promise<RunningServer> {
  const root = options.root ?? new URL('../playground/', import.meta.url);
  const files = readFolder(typeof root === 'string' ? resolve(root) : fileURLToPath(root));
  // Loaded here, not at the top: main.ts imports this module for its error classes, and serve.ts brings
  // the whole API loader along, which no other command should pay for at start-up.
  const { createLimitedServer, serveLimits } = await import('./serve.js');
  const server = createLimitedServer(serveLimits(options.limits), (req, res) => {
    try {
      answer(files, req, res, options.log);
    } catch {
      // Nothing above should throw; if it does, the client gets a status and the server keeps going.
      if (res.headersSent) res.destroy();
      else res.writeHead(500, COMMON_HEADERS).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PLAYGROUND_PORT, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** Every regular file under `dir`, by its URL path (`/assets/app.js`). Symbolic links are skipped: they may lead out of the folder. */
function readFolder(dir: string): Map<string, StaticFile> {
  const notBuilt = `the playground is not built: ${dir} has no index.html (run npm run build first)`;
  const files = new Map<string, StaticFile>();
  const pending: { path: string; urlPath: string }[] = [{ path: dir, urlPath: '' }];
  let entries = 0;
  let bytes = 0;
  for (let folder = pending.pop(); folder; folder = pending.pop()) {
    let listing;
    try {
      listing = readdirSync(folder.path, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (folder.path === dir && (code === 'ENOENT' || code === 'ENOTDIR')) throw new PlaygroundNotBuiltError(notBuilt);
      throw new PlaygroundFolderError(`cannot read the playground's folder ${folder.path}: ${(e as Error).message}`);
    }
    for (const entry of listing) {
      if (++entries > MAX_PLAYGROUND_ENTRIES) throw new PlaygroundFolderError(`the playground's folder ${dir} holds more than ${MAX_PLAYGROUND_ENTRIES} files and folders; is it the right one?`);
      const path = join(folder.path, entry.name);
      const urlPath = `${folder.urlPath}/${entry.name}`;
      if (entry.isDirectory()) pending.push({ path, urlPath });
      if (!entry.isFile()) continue;
      let body: Buffer;
      try {
        // Sizes are added before reading, so a huge file stray in the folder is refused, not loaded.
        bytes += statSync(path).size;
        if (bytes > MAX_PLAYGROUND_BYTES) throw new PlaygroundFolderError(`the playground's folder ${dir} holds more than ${MAX_PLAYGROUND_BYTES / 1024 / 1024} MB; is it the right one?`);
        body = readFileSync(path);
      } catch (e) {
        if (e instanceof PlaygroundFolderError) throw e;
        throw new PlaygroundFolderError(`cannot read ${path}: ${(e as Error).message}`);
      }
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      files.set(urlPath, { body, type: CONTENT_TYPES[extname(entry.name).toLowerCase()] ?? 'application/octet-stream', etag });
    }
  }
  if (!files.has('/index.html')) throw new PlaygroundNotBuiltError(notBuilt);
  return files;
}

/**
 * The file a request path names, or undefined. Segments are percent-decoded one by one, and one that
 * decodes to a slash, a backslash, a NUL, `.` or `..` names nothing: the table holds no such path,
 * but refusing them outright keeps `/a%2Fb` from reaching `/a/b` by another spelling.
 */
function lookup(files: Map<string, StaticFile>, url: string): StaticFile | undefined {
  const path = url.split('?', 1)[0]!;
  if (!path.startsWith('/')) return undefined;
  if (path === '/') return files.get('/index.html');
  const segments: string[] = [];
  for (const raw of path.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return files.get(`/${segments.join('/')}`);
}

function answer(files: Map<string, StaticFile>, req: IncomingMessage, res: ServerResponse, log: (line: string) => void): void {
  const method = req.method ?? '';
  // What a client sent is logged in printable ASCII and bounded: it is anyone's text.
  const logFailure = (status: number) => log(`${method} ${(req.url ?? '').slice(0, 200).replace(/[^\x20-\x7e]/g, '?')} ${status}`.slice(0, 220));
  if (method !== 'GET' && method !== 'HEAD') {
    logFailure(405);
    res.writeHead(405, { ...COMMON_HEADERS, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  const file = lookup(files, req.url ?? '');
  if (!file) {
    logFailure(404);
    res.writeHead(404, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(method === 'HEAD' ? undefined : 'Not found\n');
    return;
  }
  const headers = { ...COMMON_HEADERS, 'Content-Type': file.type, ETag: file.etag };
  if (matchesEtag(req.headers['if-none-match'], file.etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': file.body.length });
  res.end(method === 'HEAD' ? undefined : file.body);
}

/** `If-None-Match`: `*` or a list of tags, weak ones (`W/"…"`) matching too (RFC 9110 §13.1.2). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
