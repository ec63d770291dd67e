/**
 * What SAM generates for `Auth.UsagePlan` of an `AWS::Serverless::Api`: with `CreateUsagePlan: PER_API`
 * a plan `<Api>UsagePlan` for the API's stage and a key `<Api>ApiKey` (enabled, no value: API Gateway
 * generates one) put in it by `<Api>UsagePlanKey`; with `SHARED` one plan `ServerlessUsagePlan` and key
 * `ServerlessApiKey` for every API that asks; with `NONE` nothing. `Quota`, `Throttle` and
 * `UsagePlanName` go to the plan.
 */
import type { ApiKeyDefinition, UsagePlanDefinition } from '../model/index.js';
import { DefinitionError } from './definition-error.js';
import { compact, fail, isObject, optionalString, type Path } from './fields.js';
import { SamApiProperties } from './sam-globals.js';
import { IMPLICIT_API, SAM_API, type TemplateReader } from './template-reader.js';
import { readQuota, readThrottle } from './usage-plan-fields.js';

const CREATE_USAGE_PLAN = ['PER_API', 'SHARED', 'NONE'];
const PROPERTIES = ['CreateUsagePlan', 'Description', 'Quota', 'Tags', 'Throttle', 'UsagePlanName'];

export interface GeneratedUsagePlan {
  plan: UsagePlanDefinition;
  key: ApiKeyDefinition;
}

/** `Auth.UsagePlan` with where it is written, or undefined. */
function usagePlanProperty(sam: SamApiProperties): [Record<string, unknown>, Path] | undefined {
  const auth = sam.get('Auth');
  if (!isObject(auth) || auth['UsagePlan'] === undefined || auth['UsagePlan'] === null) return undefined;
  return [auth['UsagePlan'] as Record<string, unknown>, [...sam.path('Auth'), 'UsagePlan']];
}

function createMode(t: TemplateReader, sam: SamApiProperties): string | undefined {
  const found = usagePlanProperty(sam);
  if (!found) return undefined;
  const [v, path] = found;
  if (!isObject(v)) fail(t.reader, path, "'UsagePlan' must be a map");
  for (const key of Object.keys(v)) if (!PROPERTIES.includes(key)) fail(t.reader, [...path, key], `not a UsagePlan property (${PROPERTIES.join(', ')})`);
  const mode = v['CreateUsagePlan'];
  if (mode === undefined) fail(t.reader, path, "'CreateUsagePlan' is required (PER_API, SHARED or NONE)");
  if (typeof mode !== 'string' || !CREATE_USAGE_PLAN.includes(mode)) fail(t.reader, [...path, 'CreateUsagePlan'], `'${String(mode)}' is not one of PER_API, SHARED, NONE`);
  return mode;
}

/** The plan and key SAM generates for this API and stage, if it asks for one. */
export function samUsagePlan(t: TemplateReader, sam: SamApiProperties, stage: string): GeneratedUsagePlan | undefined {
  const mode = createMode(t, sam);
  if (mode === undefined || mode === 'NONE') return undefined;
  const [v, path] = usagePlanProperty(sam)!;
  const [planId, keyId] = mode === 'PER_API' ? [`${sam.apiId}UsagePlan`, `${sam.apiId}ApiKey`] : ['ServerlessUsagePlan', 'ServerlessApiKey'];
  const plan: UsagePlanDefinition = compact({
    id: planId,
    name: optionalString(t.reader, v['UsagePlanName'], [...path, 'UsagePlanName']),
    apiStages: [{ stage }],
    throttle: readThrottle(t.reader, v['Throttle'], [...path, 'Throttle']),
    quota: readQuota(t.reader, v['Quota'], [...path, 'Quota']),
    apiKeyIds: [keyId],
    source: t.sourceOf(path),
  });
  return { plan, key: { id: keyId, enabled: true } };
}

/** The logical ids of every plan and key SAM generates in the template, which UsagePlanKeys may reference. */
export function generatedUsagePlanIds(t: TemplateReader): { plans: Set<string>; keys: Set<string> } {
  const plans = new Set<string>();
  const keys = new Set<string>();
  for (const apiId of [...t.ofType(SAM_API).map(([id]) => id), IMPLICIT_API]) {
    const sam = new SamApiProperties(t, apiId);
    let mode: string | undefined;
    try {
      mode = createMode(t, sam);
    } catch (e) {
      // Another API's bad UsagePlan is that API's error, reported when it is loaded.
      if (e instanceof DefinitionError) continue;
      throw e;
    }
    if (mode === 'PER_API') {
      plans.add(`${apiId}UsagePlan`);
      keys.add(`${apiId}ApiKey`);
    }
    if (mode === 'SHARED') {
      plans.add('ServerlessUsagePlan');
      keys.add('ServerlessApiKey');
    }
  }
  return { plans, keys };
}
