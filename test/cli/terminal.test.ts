import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/main.js';
import { example } from './bin.js';

describe('on a terminal', () => {
  it('check shows progress per template and colours its verdicts', async () => {
    const out: string[] = [];
    const progress: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => out.push(l), progress: (t) => progress.push(t), color: true };
    expect(await runCli(['check', example('openapi.yaml'), '--runs', '5', '--seed', '1'], io)).toBe(0);
    expect(progress).toEqual([...['GET /pets request', 'GET /pets response 200', 'POST /pets request', 'POST /pets response 400', 'OPTIONS /pets request', 'GET /pets/{petId} request', 'GET /pets/{petId} response 200', 'GET /pets/{petId} response 404'].map((l, i) => `[${i + 1}/8] ${l} application/json`), '']);
    expect(out[0]).toBe('\u001b[32m✓\u001b[0m GET /pets request application/json: renders a MOCK statusCode (10 runs: 5 valid, 5 outside the model)');
  });
});
