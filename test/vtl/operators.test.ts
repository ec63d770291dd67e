import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/index.js';
import { arithmetic } from '../../src/java/arithmetic.js';
import { velocityCompare, velocityEquals } from '../../src/java/equality.js';
import { unlimitedMeter } from '../../src/java/meter.js';
import { JavaDouble, integerFromDigits } from '../../src/java/numbers.js';
import { toJavaString } from '../../src/java/print.js';
import type { Value } from '../../src/java/values.js';

/**
 * The compiler inlines the Integer and String cases of every operator; these properties hold the inlined
 * closures to the general rules of java/arithmetic.ts and java/equality.ts for operands of every class.
 */
const literal = fc.oneof(
  fc.integer({ min: -2147483648, max: 2147483647 }).map(String),
  fc.constantFrom('0', '1', '-1', '2', '7', '-7', '2147483647', '-2147483648', '46341', '65536'),
  fc.constantFrom('2147483648', '-2147483649', '9223372036854775807', '12345678901234567890'),
  fc.constantFrom('1.5', '-0.5', '0.0', '2.0', '1e3'),
  fc.constantFrom("'a'", "'3'", "''"),
);

function valueOf(text: string): Value {
  if (text.startsWith("'")) return text.slice(1, -1);
  if (/[.e]/.test(text)) return new JavaDouble(Number(text));
  return integerFromDigits(text);
}

const printed = (v: Value) => (v === null ? '' : toJavaString(v, unlimitedMeter()));

describe('compiled operators', () => {
  it('+ - * / % give what Velocity 1.7 arithmetic gives, for operands of every class (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('+', '-', '*', '/', '%' as const), literal, literal, (op, a, b) => {
        let expected: string;
        try {
          expected = printed(arithmetic(op, valueOf(a), valueOf(b), unlimitedMeter()));
        } catch {
          expected = 'error';
        }
        let got: string;
        try {
          got = renderTemplate(`#set($a = ${a})#set($b = ${b})#set($r = $a ${op} $b)$r`, {}).body;
        } catch {
          got = 'error';
        }
        expect(got).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('== != < <= > >= decide as Velocity 1.7 does, for operands of every class (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('==', '!=', '<', '<=', '>', '>=' as const), literal, literal, (op, a, b) => {
        const x = valueOf(a);
        const y = valueOf(b);
        const meter = unlimitedMeter();
        const holds = op === '==' ? velocityEquals(x, y, meter) : op === '!=' ? !velocityEquals(x, y, meter) : velocityCompare(op, x, y);
        const got = renderTemplate(`#set($a = ${a})#set($b = ${b})#if($a ${op} $b)T#{else}F#end`, {}).body;
        expect(got).toBe(holds ? 'T' : 'F');
      }),
      { numRuns: 2000 },
    );
  });

  it('Integer results never print as -0 and Integer.MIN_VALUE / -1 is a Long', () => {
    expect(renderTemplate('#set($z = 0 * -5)#set($m = -6 % 3)#set($d = -1 / 2)$z,$m,$d', {}).body).toBe('0,0,0');
    expect(renderTemplate('#set($a = -2147483648)#set($q = $a / -1)#set($p = $q * 4294967296)$q,$p', {}).body).toBe('2147483648,9223372036854775808');
  });
});
