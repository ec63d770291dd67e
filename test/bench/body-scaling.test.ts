import { describe, expect, it } from 'vitest';
import { formatSize, parseSize, scaledBody } from '../../src/bench/body-scaling.js';

describe('bodies grown to a size, keeping their shape', () => {
  it('repeats the largest array, cycling its elements', () => {
    const sample = JSON.stringify({ meta: { tags: ['a'] }, items: [{ id: 1, name: 'x' }, { id: 2, name: 'y' }] });
    const grown = scaledBody(sample, 10_000);
    const doc = JSON.parse(grown) as { meta: { tags: string[] }; items: { id: number }[] };
    expect(grown.length).toBeGreaterThanOrEqual(10_000);
    expect(grown.length).toBeLessThan(10_100);
    expect(doc.meta.tags).toEqual(['a']);
    expect(doc.items.slice(0, 4).map((i) => i.id)).toEqual([1, 2, 1, 2]);
  });

  it('grows a root array, pads the longest string when there is no array, and never shrinks', () => {
    expect(JSON.parse(scaledBody('[1,2]', 100))).toHaveLength(50);
    const padded = JSON.parse(scaledBody('{"a":"xy","b":"z"}', 1000)) as { a: string; b: string };
    expect(padded.a.length).toBeGreaterThan(950);
    expect(padded.b).toBe('z');
    expect(scaledBody('{"a":[1,2,3]}', 5)).toBe('{"a":[1,2,3]}');
    expect(scaledBody('', 1000)).toBe('{}');
  });

  it('reads and prints sizes', () => {
    expect(parseSize('1kb')).toBe(1024);
    expect(parseSize('2.5MB')).toBe(2.5 * 1024 * 1024);
    expect(parseSize('512')).toBe(512);
    expect(parseSize('1gb')).toBeUndefined();
    expect(formatSize(100 * 1024)).toBe('100 KB');
  });
});

describe('a body that is one string', () => {
  it('is padded too', () => {
    expect((JSON.parse(scaledBody('"ab"', 500)) as string).length).toBeGreaterThan(490);
  });
});
