/**
 * Canary routing (pipeline.md §11, aws-behaviour §7.1 R11): on a stage with a canary, each request is
 * drawn on its own (no stickiness, no header that forces either side) and goes to the canary with
 * probability `percentTraffic / 100`. A canary request sees the stage's variables overlaid by
 * `stageVariableOverrides` (which may add variables) and `$context.isCanaryRequest` = `"true"`; a base
 * request on such a stage sees `"false"`; a stage without a canary has no `isCanaryRequest` at all.
 */
import type { GatewayContext } from '../gateway/request.js';
import type { StageSettings } from '../model/index.js';
import { setOwn } from '../own-property.js';

/** Which deployment answers a request, and what that changes. */
export interface DeploymentChoice {
  /** Whether the canary deployment answers. */
  canary: boolean;
  /** The canary's stage variable overrides (empty for the base deployment). */
  stageVariableOverrides: Record<string, string>;
  /** What was wrong with the settings or the random source (the request goes on regardless). */
  warnings: string[];
}

/**
 * Draws the deployment of one request. `percentTraffic` 0 never and 100 always picks the canary
 * (without drawing); in between, `random() * 100 < percentTraffic`. A `percentTraffic` that is not a
 * number counts as 0, one outside 0–100 is clamped; a `random` that throws or returns anything but a
 * number in [0, 1) sends the request to the base deployment. Each comes with a warning.
 */
export function chooseDeployment(stage: string, settings: StageSettings | null | undefined, random: () => number): DeploymentChoice {
  const canary = settings?.canary;
  const warnings: string[] = [];
  if (!canary || typeof canary !== 'object') return { canary: false, stageVariableOverrides: {}, warnings };
  const percent = percentOf(canary.percentTraffic, stage, warnings);
  const chosen = percent >= 100 || (percent > 0 && draw(random, stage, warnings) * 100 < percent);
  return { canary: chosen, stageVariableOverrides: chosen ? overridesOf(canary.stageVariableOverrides, stage, warnings) : {}, warnings };
}

/** Whether the stage has a canary at all (then every request's `$context` says which side it ran). */
export function hasCanary(settings: StageSettings | null | undefined): boolean {
  return !!settings?.canary && typeof settings.canary === 'object';
}

/**
 * The `$context` fields a request gets from the draw: `isCanaryRequest` as the string `"true"` or
 * `"false"` on a stage with a canary (AWS-REC), nothing on a stage without one (where AWS's `$context`
 * has no such key).
 */
export function canaryContextFields(settings: StageSettings | null | undefined, choice: Pick<DeploymentChoice, 'canary'>): Pick<GatewayContext, 'isCanaryRequest'> {
  return hasCanary(settings) ? { isCanaryRequest: choice.canary ? 'true' : 'false' } : {};
}

/** Whether a request's `$context` marks it as a canary request (the string `"true"`, or `true`). */
export function isCanaryRequest(context: Pick<GatewayContext, 'isCanaryRequest'>): boolean {
  return context.isCanaryRequest === true || context.isCanaryRequest === 'true';
}

/** A new map: the stage's variables, then the choice's overrides on top (adding variables the stage lacks). */
export function overlayStageVariables(stageVariables: Readonly<Record<string, string>>, choice: Pick<DeploymentChoice, 'stageVariableOverrides'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(stageVariables)) setOwn(out, name, value);
  for (const [name, value] of Object.entries(choice.stageVariableOverrides)) setOwn(out, name, value);
  return out;
}

function percentOf(value: unknown, stage: string, warnings: string[]): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    warnings.push(`stage ${stage}: canary percentTraffic is not a number; no request goes to the canary`);
    return 0;
  }
  const clamped = Math.min(100, Math.max(0, value));
  if (clamped !== value) warnings.push(`stage ${stage}: canary percentTraffic ${value} is outside 0-100; using ${clamped}`);
  return clamped;
}

/** A draw in [0, 1); anything else from the caller's source counts as 1 (the base deployment). */
function draw(random: () => number, stage: string, warnings: string[]): number {
  let r: unknown;
  try {
    r = random();
  } catch {
    warnings.push(`stage ${stage}: the canary random source threw; the request goes to the base deployment`);
    return 1;
  }
  if (typeof r === 'number' && r >= 0 && r < 1) return r;
  warnings.push(`stage ${stage}: the canary random source returned ${typeof r === 'number' ? r : typeof r}, not a number in [0, 1); the request goes to the base deployment`);
  return 1;
}

/** The overrides that are strings (stage variables are text); anything else is dropped with a warning. */
function overridesOf(value: unknown, stage: string, warnings: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    warnings.push(`stage ${stage}: canary stageVariableOverrides is not a map; ignored`);
    return out;
  }
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === 'string') setOwn(out, name, v);
    else warnings.push(`stage ${stage}: canary stage variable override ${JSON.stringify(name)} is not a string; ignored`);
  }
  return out;
}
