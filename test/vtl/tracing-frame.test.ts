import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/index.js';
import { positionOfOutput, type OutputSpan } from '../../src/vtl/runtime/tracing-frame.js';

describe('tracing which template position wrote the output', () => {
  const source = `#set($c = "x")\n{"list": [$c\n, ,\n"$c"]}`;
  const template = compileTemplate(source);
  const spans: OutputSpan[] = [];
  const out = template.renderTraced({}, {}, spans).body;

  it('gives the same output as an untraced render', () => {
    expect(out).toBe(template.render().body);
  });

  it('places an offset inside literal text at its own line and column, one inside a value at the reference', () => {
    expect(positionOfOutput(spans, out.indexOf(', ,') + 2, source)).toEqual({ line: 3, column: 3 });
    expect(positionOfOutput(spans, out.indexOf('x'), source)).toEqual({ line: 2, column: 11 });
    // Without the template text, the start of the piece of text that wrote it.
    expect(positionOfOutput(spans, out.indexOf(', ,') + 2)).toEqual({ line: 2, column: 13 });
  });

  it('does not record text built inside a string literal until it is printed', () => {
    expect(spans.map((s) => s.text).join('')).toBe(out);
  });
});
