/**
 * API keys and usage plans of a template's API: `AWS::ApiGateway::UsagePlan`s with a stage of the API
 * (`ApiStages`, `Throttle`, `Quota`), the `AWS::ApiGateway::UsagePlanKey`s that put `AWS::ApiGateway::ApiKey`s
 * in them, and the plans and keys SAM generates (which keys may reference by their logical ids).
 */
import type { ApiKeyDefinition, UsagePlanDefinition, UsagePlanStage } from '../model/index.js';
import { compact, fail, isObject, optionalBoolean, optionalString, type Path } from './fields.js';
import { samStageName } from './cloudformation-stages.js';
import { SamApiProperties } from './sam-globals.js';
import { generatedUsagePlanIds, type GeneratedUsagePlan } from './sam-usage-plan.js';
import { SAM_API, type TemplateReader } from './template-reader.js';
import { readMethodThrottles, readQuota, readThrottle } from './usage-plan-fields.js';

const USAGE_PLAN = 'AWS::ApiGateway::UsagePlan';
const USAGE_PLAN_KEY = 'AWS::ApiGateway::UsagePlanKey';
const API_KEY = 'AWS::ApiGateway::ApiKey';
const STAGE = 'AWS::ApiGateway::Stage';

export interface PlansAndKeys {
  usagePlans: UsagePlanDefinition[];
  apiKeys: ApiKeyDefinition[];
}

/** What `!Ref` can name a SAM API's stage by: `Api.Stage` and the stage SAM generates, `<Api><StageName>Stage`. */
function samStageReferences(t: TemplateReader): Map<string, string> {
  const out = new Map<string, string>();
  for (const [apiId] of t.ofType(SAM_API)) {
    const name = samStageName(new SamApiProperties(t, apiId));
    out.set(`${apiId}.Stage`, name);
    out.set(`${apiId}${name}Stage`, name);
  }
  return out;
}

/** The stage a usage plan names: `!Ref` a Stage, SAM's `!Ref Api.Stage` or generated stage id, or a name. */
function stageName(t: TemplateReader, raw: unknown, path: Path, samStages: Map<string, string>): string | undefined {
  const id = t.referenced(raw);
  if (t.isA(id, STAGE)) return optionalString(t.reader, t.resolved(t.props(id)['StageName'], path), path);
  if (id !== undefined && samStages.has(id)) return samStages.get(id);
  return optionalString(t.reader, t.resolved(raw, path), path);
}

function apiStages(t: TemplateReader, apiId: string, planId: string, stages: readonly string[], samStages: Map<string, string>): UsagePlanStage[] {
  const at: Path = ['Resources', planId, 'Properties', 'ApiStages'];
  const list = t.props(planId)['ApiStages'];
  if (list === undefined) return [];
  if (!Array.isArray(list)) fail(t.reader, at, 'expected a list of API stages');
  const out: UsagePlanStage[] = [];
  list.forEach((entry, i) => {
    if (!isObject(entry) || t.referenced(entry['ApiId']) !== apiId) return;
    const stage = stageName(t, entry['Stage'], [...at, i, 'Stage'], samStages) ?? fail(t.reader, [...at, i], 'an API stage needs a Stage');
    if (!stages.includes(stage)) fail(t.reader, [...at, i, 'Stage'], `no stage named '${stage}' in the API (stages: ${stages.join(', ') || 'none'})`);
    out.push(compact({ stage, throttle: readMethodThrottles(t.reader, t.resolved(entry['Throttle']), [...at, i, 'Throttle']) }));
  });
  return out;
}

function templatePlans(t: TemplateReader, apiId: string, stages: readonly string[]): UsagePlanDefinition[] {
  const plans: UsagePlanDefinition[] = [];
  const samStages = samStageReferences(t);
  for (const [id] of t.ofType(USAGE_PLAN)) {
    const covered = apiStages(t, apiId, id, stages, samStages);
    if (covered.length === 0) continue;
    const at: Path = ['Resources', id, 'Properties'];
    const p = t.resolvedObject(t.props(id), at);
    plans.push(
      compact({
        id,
        name: optionalString(t.reader, p['UsagePlanName'], [...at, 'UsagePlanName']),
        apiStages: covered,
        throttle: readThrottle(t.reader, p['Throttle'], [...at, 'Throttle']),
        quota: readQuota(t.reader, p['Quota'], [...at, 'Quota']),
        apiKeyIds: [],
        source: t.sourceOf(['Resources', id]),
      }),
    );
  }
  return plans;
}

function templateKey(t: TemplateReader, id: string): ApiKeyDefinition {
  const at: Path = ['Resources', id, 'Properties'];
  const p = t.resolvedObject(t.props(id), at);
  return compact({
    id,
    name: optionalString(t.reader, p['Name'], [...at, 'Name']),
    value: optionalString(t.reader, p['Value'], [...at, 'Value']),
    // CloudFormation creates a key disabled unless told otherwise (CreateApiKey's default).
    enabled: optionalBoolean(t.reader, p['Enabled'], [...at, 'Enabled']) ?? false,
  });
}

/** Whether a key's legacy `StageKeys` name the API. */
function hasStageKeyFor(t: TemplateReader, keyId: string, apiId: string): boolean {
  const stageKeys = t.props(keyId)['StageKeys'];
  return Array.isArray(stageKeys) && stageKeys.some((k) => isObject(k) && t.referenced(k['RestApiId']) === apiId);
}

/**
 * The API's usage plans and keys: the template's and the ones SAM generates for it (`generated`).
 * @throws DefinitionError for a plan naming a stage the API does not have, or a UsagePlanKey whose plan
 * or key is not in the template
 */
export function cfnUsagePlans(t: TemplateReader, apiId: string, stages: readonly string[], generated: GeneratedUsagePlan | undefined): PlansAndKeys {
  const plans = [...(generated ? [generated.plan] : []), ...templatePlans(t, apiId, stages)];
  const byId = new Map(plans.map((plan) => [plan.id, { plan, keys: new Set(plan.apiKeyIds) }]));
  const keys = new Map<string, ApiKeyDefinition>(generated ? [[generated.key.id, generated.key]] : []);
  const samIds = generatedUsagePlanIds(t);
  for (const [id] of t.ofType(USAGE_PLAN_KEY)) {
    const at: Path = ['Resources', id, 'Properties'];
    const p = t.props(id);
    const planId = t.referenced(p['UsagePlanId']);
    if (!t.isA(planId, USAGE_PLAN) && !(planId !== undefined && samIds.plans.has(planId))) {
      fail(t.reader, [...at, 'UsagePlanId'], `expected !Ref to an ${USAGE_PLAN} of the template${planId ? ` ('${planId}' is not one)` : ''}`);
    }
    const found = byId.get(planId!);
    if (!found) continue;
    const keyId = t.referenced(p['KeyId']);
    const known = t.isA(keyId, API_KEY) || (keyId !== undefined && samIds.keys.has(keyId));
    if (!known) fail(t.reader, [...at, 'KeyId'], `expected !Ref to an ${API_KEY} of the template${keyId ? ` ('${keyId}' is not one)` : ''}`);
    if (!found.keys.has(keyId!)) found.plan.apiKeyIds.push(keyId!);
    found.keys.add(keyId!);
    if (!keys.has(keyId!) && t.isA(keyId, API_KEY)) keys.set(keyId!, templateKey(t, keyId!));
  }
  for (const [id] of t.ofType(API_KEY)) if (!keys.has(id) && hasStageKeyFor(t, id, apiId)) keys.set(id, templateKey(t, id));
  return { usagePlans: plans, apiKeys: [...keys.values()] };
}
