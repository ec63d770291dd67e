import { describe, expect, it } from 'vitest';
import { traceHeaderFor } from '../../../src/integration/proxy/trace-id.js';

describe('X-Amzn-Trace-Id as API Gateway hands it on (pipeline.md §10, V10)', () => {
  const EPOCH = 1519166937665; // 0x5a8ca5d9 seconds

  it('AWS: a complete client header is kept as sent, other fields and spacing included', () => {
    const full = 'Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1;Lineage=a:1';
    expect(traceHeaderFor(full, 'r', EPOCH)).toBe(full);
  });

  it('AWS: a bare Root gets a Parent; a Sampled flag the client gave is kept', () => {
    expect(traceHeaderFor('Root=1-3152b799-8954dae64eda91bc9a23a7e8', 'r', EPOCH)).toMatch(/^Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=[0-9a-f]{16};Sampled=0$/);
    expect(traceHeaderFor('root=1-abc;sampled=1', 'r', EPOCH)).toMatch(/^Root=1-abc;Parent=[0-9a-f]{16};Sampled=1$/);
  });

  it('no header, or one without a Root, starts a trace stamped with the request time', () => {
    for (const header of [undefined, '', 'garbage', 'Parent=1', ';;=;']) {
      expect(traceHeaderFor(header, 'r', EPOCH)).toMatch(/^Root=1-5a8ca5d9-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
    }
  });

  it('the same request id and time give the same trace; another request id another', () => {
    expect(traceHeaderFor(undefined, 'a', EPOCH)).toBe(traceHeaderFor(undefined, 'a', EPOCH));
    expect(traceHeaderFor(undefined, 'a', EPOCH)).not.toBe(traceHeaderFor(undefined, 'b', EPOCH));
  });

  it('a time before 1970 or past 2106 still gives eight hex digits', () => {
    expect(traceHeaderFor(undefined, 'r', -5)).toMatch(/^Root=1-00000000-/);
    expect(traceHeaderFor(undefined, 'r', 2 ** 33 * 1000)).toMatch(/^Root=1-[0-9a-f]{8}-/);
  });
});
