/**
 * `--backend file.mjs`: a module that answers the integrations. It may export `default` (a backend
 * function for HTTP/AWS integrations, or `{ lambda, http }`), or named `lambda` and `http` exports.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Backend, Backends } from '../integration/types.js';

export class BackendModuleError extends Error {
  override readonly name = 'BackendModuleError';
}

export async function loadBackendModule(file: string): Promise<Backend> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
  } catch (e) {
    throw new BackendModuleError(`cannot load the backend module ${file}: ${(e as Error).message}`);
  }
  const chosen = mod['default'] ?? { lambda: mod['lambda'], http: mod['http'] };
  if (typeof chosen === 'function') return chosen as Backend;
  const { lambda, http } = (chosen ?? {}) as Backends;
  if (lambda === undefined && http === undefined) {
    throw new BackendModuleError(`${file} exports no backend: export a default function, or { lambda, http }, or named lambda / http exports`);
  }
  if (lambda !== undefined && typeof lambda !== 'function' && (typeof lambda !== 'object' || lambda === null)) {
    throw new BackendModuleError(`${file}: lambda must be a handler function or an object of handlers by function name`);
  }
  if (http !== undefined && typeof http !== 'function') throw new BackendModuleError(`${file}: http must be a function`);
  return { lambda, http };
}
