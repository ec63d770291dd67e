/** `apigw-vtl serve`: serves an API definition on localhost through the HTTP adapter. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadApi } from '../api/load-api.js';
import { createHttpHandler } from '../http/handler.js';
import type { Backend } from '../integration/types.js';
import { loadBackendModule } from './backend-module.js';

export interface ServeOptions {
  file: string;
  port?: number;
  host?: string;
  stage?: string;
  stageVariables?: Record<string, string>;
  backendModule?: string;
  /** The API's logical id in a CloudFormation template with several. */
  api?: string;
  /** CloudFormation template parameters. */
  parameters?: Record<string, string>;
  log: (line: string) => void;
}

export interface RunningServer {
  server: Server;
  /** e.g. `http://127.0.0.1:3000/dev` */
  url: string;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const backend: Backend | undefined = options.backendModule ? await loadBackendModule(options.backendModule) : undefined;
  const api = loadApi(options.file, { api: options.api, parameters: options.parameters, backend });
  const stage = options.stage ?? api.defaultStage;
  const handler = createHttpHandler(api, { stage, stageVariables: options.stageVariables, log: options.log });
  const server = createServer((req, res) => void handler(req, res));
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
    options.log(`  ${m.httpMethod.padEnd(7)} ${m.resourcePath}  ${m.integration.type}${where}`);
  }
  return {
    server,
    url,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
