import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canaryContextFields, chooseDeployment, hasCanary, isCanaryRequest, overlayStageVariables } from '../../src/pipeline/canary.js';
import type { StageSettings } from '../../src/model/index.js';

const withCanary = (percentTraffic: number, stageVariableOverrides?: Record<string, string>): StageSettings => ({ canary: { percentTraffic, stageVariableOverrides } });
const constant = (r: number) => () => r;
const never = () => {
  throw new Error('random must not be drawn');
};

/** mulberry32: a small seeded generator, uniform on [0, 1), so share tests are deterministic. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('canary routing', () => {
  it('a stage without a canary never routes to one and has no isCanaryRequest', () => {
    expect(chooseDeployment('prod', undefined, never)).toEqual({ canary: false, stageVariableOverrides: {}, warnings: [] });
    expect(chooseDeployment('prod', {}, never).canary).toBe(false);
    expect(canaryContextFields({}, { canary: false })).toEqual({});
    expect(hasCanary({ canary: null })).toBe(false);
  });

  it('AWS: percentTraffic 0 sends every request to the base deployment, isCanaryRequest "false" (pipeline.md §11, V11)', () => {
    const settings = withCanary(0, { testVar: 'canary' });
    const choice = chooseDeployment('prod', settings, never);
    expect(choice).toEqual({ canary: false, stageVariableOverrides: {}, warnings: [] });
    expect(canaryContextFields(settings, choice)).toEqual({ isCanaryRequest: 'false' });
  });

  it('AWS: percentTraffic 100 sends every request to the canary, isCanaryRequest "true" (pipeline.md §11, V11)', () => {
    const settings = withCanary(100, { testVar: 'canary' });
    const choice = chooseDeployment('prod', settings, never);
    expect(choice).toEqual({ canary: true, stageVariableOverrides: { testVar: 'canary' }, warnings: [] });
    expect(canaryContextFields(settings, choice)).toEqual({ isCanaryRequest: 'true' });
  });

  it('AWS: in between, random() * 100 < percentTraffic picks the canary, per request (pipeline.md §11)', () => {
    const settings = withCanary(50);
    expect(chooseDeployment('prod', settings, constant(0)).canary).toBe(true);
    expect(chooseDeployment('prod', settings, constant(0.4999)).canary).toBe(true);
    expect(chooseDeployment('prod', settings, constant(0.5)).canary).toBe(false);
    expect(chooseDeployment('prod', settings, constant(0.9999)).canary).toBe(false);
    expect(chooseDeployment('prod', withCanary(0.5), constant(0.004)).canary).toBe(true);
    // No stickiness: each call draws afresh.
    const draws = [0.1, 0.9, 0.2];
    const sequence = () => draws.shift()!;
    expect([0, 1, 2].map(() => chooseDeployment('prod', settings, sequence).canary)).toEqual([true, false, true]);
  });

  it('AWS: over many uniform draws the canary share is close to percentTraffic / 100 (pipeline.md §11)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer(), (percent, seed) => {
        const random = seeded(seed);
        const settings = withCanary(percent);
        let canary = 0;
        const n = 4000;
        for (let i = 0; i < n; i++) if (chooseDeployment('prod', settings, random).canary) canary++;
        // 4000 draws: the standard deviation of the share is at most 0.008; 0.04 is five of them.
        expect(Math.abs(canary / n - percent / 100)).toBeLessThan(0.04);
      }),
      { numRuns: 40 },
    );
  });

  it('bad percentTraffic values are clamped or count as 0, with a warning', () => {
    expect(chooseDeployment('prod', withCanary(Number.NaN), never)).toMatchObject({ canary: false, warnings: [expect.stringMatching(/not a number/)] });
    expect(chooseDeployment('prod', withCanary(-5), never)).toMatchObject({ canary: false, warnings: [expect.stringMatching(/outside 0-100; using 0/)] });
    expect(chooseDeployment('prod', withCanary(250), never)).toMatchObject({ canary: true, warnings: [expect.stringMatching(/outside 0-100; using 100/)] });
    expect(chooseDeployment('prod', withCanary(Number.POSITIVE_INFINITY), never).canary).toBe(true);
    expect(chooseDeployment('prod', { canary: { percentTraffic: '50' } } as unknown as StageSettings, never).canary).toBe(false);
    expect(chooseDeployment('prod', { canary: 'yes' } as unknown as StageSettings, never).canary).toBe(false);
  });

  it('a random source that throws or returns junk sends the request to the base deployment, with a warning', () => {
    const settings = withCanary(50);
    for (const junk of [Number.NaN, -0.5, 1, 7, Number.POSITIVE_INFINITY, '0.1', undefined, null]) {
      const choice = chooseDeployment('prod', settings, () => junk as number);
      expect(choice.canary).toBe(false);
      expect(choice.warnings).toHaveLength(1);
      expect(choice.warnings[0]).toMatch(/^stage prod: the canary random source returned/);
    }
    const thrown = chooseDeployment('prod', settings, () => {
      throw new Error('no entropy');
    });
    expect(thrown).toMatchObject({ canary: false, warnings: [expect.stringMatching(/threw/)] });
  });

  it('AWS: canary stage variables are the stage\'s overlaid by the overrides, which can add variables (aws-behaviour §7.1 R11)', () => {
    const stageVariables = { testVar: 'default', defaultVar: 'default' };
    const choice = chooseDeployment('prod', withCanary(100, { testVar: 'canary', noStageVar: 'canary' }), never);
    const vars = overlayStageVariables(stageVariables, choice);
    expect(vars).toEqual({ testVar: 'canary', defaultVar: 'default', noStageVar: 'canary' });
    // The stage's own map is left alone.
    expect(stageVariables).toEqual({ testVar: 'default', defaultVar: 'default' });
    const base = chooseDeployment('prod', withCanary(0, { testVar: 'canary' }), never);
    expect(overlayStageVariables(stageVariables, base)).toEqual(stageVariables);
  });

  it('overrides that are not strings are dropped; names like __proto__ stay names', () => {
    const overrides = JSON.parse('{"__proto__": "x", "n": 5, "ok": "y"}') as Record<string, string>;
    const choice = chooseDeployment('prod', withCanary(100, overrides), never);
    expect(Object.hasOwn(choice.stageVariableOverrides, '__proto__')).toBe(true);
    expect(choice.stageVariableOverrides.ok).toBe('y');
    expect(Object.hasOwn(choice.stageVariableOverrides, 'n')).toBe(false);
    expect(choice.warnings).toHaveLength(1);
    const vars = overlayStageVariables({}, choice);
    expect(Object.getPrototypeOf(vars)).toBe(Object.prototype);
    expect(Object.hasOwn(vars, '__proto__')).toBe(true);
  });

  it('reads $context.isCanaryRequest back as the string or the boolean', () => {
    expect(isCanaryRequest({ isCanaryRequest: 'true' })).toBe(true);
    expect(isCanaryRequest({ isCanaryRequest: true })).toBe(true);
    expect(isCanaryRequest({ isCanaryRequest: 'false' })).toBe(false);
    expect(isCanaryRequest({})).toBe(false);
  });
});
