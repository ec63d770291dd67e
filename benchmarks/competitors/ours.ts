/**
 * apigw-vtl: compiled once, rendered per request. The built package (dist/) is measured — what users
 * run — not the sources through tsx, whose transpiler adds helpers to every closure.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderInput } from './render-input.js';

const dist = new URL('../../dist/index.js', import.meta.url);
if (!existsSync(fileURLToPath(dist))) throw new Error('dist/ is missing: npm run bench builds it first (npm run build)');
const { compileTemplate } = (await import(dist.href)) as typeof import('../../src/index.js');
import type { Competitor } from './types.js';

export const ours: Competitor = {
  name: 'apigw-vtl',
  description: 'this library: compiled once to closures, Java value model',
  prepare(workload) {
    const template = compileTemplate(workload.template);
    return (r) => template.render(renderInput(r)).body;
  },
};
