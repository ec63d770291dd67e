/**
 * The fixture set: realistic templates with planted bugs (each expected finding annotated on its line as
 * `## expect: rule`) and correct ones that must give no finding at all — see fixtures/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintTemplate } from '../../src/index.js';

const root = new URL('./fixtures/', import.meta.url).pathname;
const filesIn = (folder: string) => readdirSync(join(root, folder)).filter((f) => f.endsWith('.vtl')).sort();

/** `line rule` for every annotated expectation, sorted. */
function expected(source: string): string[] {
  return source
    .split('\n')
    .flatMap((text, i) => {
      const m = /## expect: (.*)$/.exec(text);
      return m ? m[1]!.split(',').map((rule) => `${i + 1} ${rule.trim()}`) : [];
    })
    .sort();
}

const found = (source: string) =>
  lintTemplate(source)
    .map((f) => `${f.line} ${f.rule}`)
    .sort();

describe('lint on realistic buggy templates finds every planted bug, and only those', () => {
  const files = filesIn('buggy');
  it('has a fixture set', () => expect(files.length).toBeGreaterThanOrEqual(25));
  for (const file of files) {
    it(file, () => {
      const source = readFileSync(join(root, 'buggy', file), 'utf8');
      const planted = expected(source);
      expect(planted.length).toBeGreaterThan(0);
      expect(found(source)).toEqual(planted);
    });
  }
});

describe('lint on correct templates finds nothing', () => {
  const files = filesIn('correct');
  it('has a fixture set', () => expect(files.length).toBeGreaterThanOrEqual(25));
  for (const file of files) {
    it(file, () => {
      expect(lintTemplate(readFileSync(join(root, 'correct', file), 'utf8'))).toEqual([]);
    });
  }
});
