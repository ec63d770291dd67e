/**
 * The playground's files as `npm run build` writes them: four static files, nothing the page would have
 * to fetch from elsewhere, within their size budgets (docs/performance.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../dist/playground');
const gzipped = (file: string): number => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;

describe('dist/playground', () => {
  it('is four static files', () => {
    expect(readdirSync(dir).sort()).toEqual(['index.html', 'playground.css', 'playground.js', 'worker.js']);
  });

  it('stays within its budgets: the page (CodeMirror and the UI) 125 KB, the worker (engine, lint, testing kit) 200 KB, gzipped', () => {
    expect(gzipped('playground.js')).toBeLessThan(125 * 1024);
    expect(gzipped('worker.js')).toBeLessThan(200 * 1024);
  });

  it('references no other origin: no URL the browser would fetch outside the page', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const fetched = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith('#') && !u.startsWith('data:'));
    // The one outside link is to the project's README, followed only when clicked.
    expect(fetched.filter((u) => !/^https:\/\/github\.com\/apigw-vtl\//.test(u))).toEqual(['playground.css', 'playground.js']);
    for (const file of ['playground.js', 'worker.js']) {
      const code = readFileSync(join(dir, file), 'utf8');
      expect(code, file).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket\(|sendBeacon|importScripts\(/);
    }
  });
});
