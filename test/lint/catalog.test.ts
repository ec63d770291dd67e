import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINT_RULES } from '../../src/index.js';

describe('the rule catalog', () => {
  it('has a docs/lint.md entry for every rule, and no entry for a rule that does not exist', () => {
    const doc = readFileSync(new URL('../../docs/lint.md', import.meta.url), 'utf8');
    const headings = [...doc.matchAll(/^### (\S+)$/gm)].map((m) => m[1]).sort();
    expect(headings).toEqual(Object.keys(LINT_RULES).sort());
  });
});
