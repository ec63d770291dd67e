import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate, VtlLimitError } from '../../src/index.js';

function limitError(run: () => unknown): VtlLimitError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(VtlLimitError);
    return e as VtlLimitError;
  }
  throw new Error('expected a VtlLimitError');
}

describe('limits stop runaway templates with a clear error', () => {
  it('rejects templates over 300 KB (the API Gateway limit)', () => {
    const e = limitError(() => compileTemplate('x'.repeat(300 * 1024 + 1)));
    expect(e.limit).toBe('template-size');
    expect(() => compileTemplate('x'.repeat(300 * 1024))).not.toThrow();
  });

  it('stops nested loops that exceed the work budget', () => {
    const t = '#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])x#end#end#end';
    const e = limitError(() => renderTemplate(t, {}, { limits: { maxWork: 100_000, maxOutputLength: 1e9 } }));
    expect(e.limit).toBe('work');
    expect(e.line).toBe(1);
  });

  it('refuses a huge range before building it', () => {
    const e = limitError(() => renderTemplate('#set($r = [1..2000000000])ok'));
    expect(e.limit).toBe('work');
  });

  it('caps the output', () => {
    const e = limitError(() => renderTemplate('#foreach($i in [1..1000])abc#end', {}, { limits: { maxOutputLength: 100 } }));
    expect(e.limit).toBe('output');
  });

  it('caps strings built in variables', () => {
    const e = limitError(() =>
      renderTemplate('#set($s = "xxxxxxxxxx")#foreach($i in [1..40])#set($s = "$s$s")#end', {}, { limits: { maxOutputLength: 1_000_000 } }),
    );
    expect(e.limit).toBe('string');
    expect(limitError(() => renderTemplate('#set($s = "x")$s.repeat(2000000000)')).limit).toBe('string');
  });

  it('reports a map that contains itself indirectly instead of overflowing the stack', () => {
    const e = limitError(() => renderTemplate('#set($a = {})#set($b = {"a": $a})#set($d = $a.put("b", $b))$a'));
    expect(e.limit).toBe('depth');
  });
});
