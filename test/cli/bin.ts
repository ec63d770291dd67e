/** Runs the built `apigw-vtl` binary (dist/cli/main.js; `npm test` builds it first). */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(root, 'dist', 'cli', 'main.js');

export interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
}

function ensureBuilt(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build (npm test runs it first)`);
}

export function runBin(args: string[], options: { input?: string; cwd?: string } = {}): BinResult {
  ensureBuilt();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? root, input: options.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the binary and resolves with its first output line (for `serve`); kill it when done. */
export function startBin(args: string[]): Promise<{ firstLine: string; stop(): void }> {
  ensureBuilt();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: root });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (c) => {
      text += c;
      if (text.includes('\n')) resolve({ firstLine: text.split('\n')[0]!, stop: () => child.kill('SIGTERM') });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`exited with ${code} before printing`)));
  });
}

export const example = (name: string) => join(root, 'examples', name);
