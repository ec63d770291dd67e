/**
 * The stages of a template's API with their variables and settings, from `AWS::ApiGateway::Stage`,
 * `AWS::ApiGateway::Deployment` (`StageName` + `StageDescription`, `DeploymentCanarySettings`) and a SAM
 * API's own properties: `MethodSettings` (keyed as API Gateway keys them, `/pets/GET`, `*\/*`),
 * `CacheClusterEnabled` and `CanarySetting`.
 */
import type { CanarySettings, MethodSettings, StageSettings } from '../model/index.js';
import { setOwn } from '../own-property.js';
import { compact, fail, isObject, optionalBoolean, optionalNumber, requiredString, stringMap, type Path, type Reader } from './fields.js';
import type { SamApiProperties } from './sam-globals.js';
import { IMPLICIT_API, SAM_API, type TemplateReader } from './template-reader.js';

/** API Gateway caches for at most an hour. */
const MAX_CACHE_TTL = 3600;

/**
 * A method setting's key from CloudFormation's `ResourcePath` (`/~1pets~1{id}`: its own slashes written
 * `~1`; `/` for the root; `/*` for all) and `HttpMethod`: `/pets/{id}/GET`, `//GET`, `*\/*`. An
 * unencoded path (`/pets`) is taken as meant.
 */
export function methodSettingKey(resourcePath: string, httpMethod: string): string {
  const method = httpMethod === '*' ? '*' : httpMethod.toUpperCase();
  const rest = resourcePath.startsWith('/') ? resourcePath.slice(1) : resourcePath;
  const decoded = rest.replace(/~1/g, '/').replace(/~0/g, '~');
  if (decoded === '*') return `*/${method}`;
  const path = decoded === '' ? '/' : decoded.startsWith('/') ? decoded : `/${decoded}`;
  return `${path}/${method}`;
}

/** The `*\/*` settings a Deployment's `StageDescription` (or a setting list entry) writes as flat fields. */
function settingFields(r: Reader, v: Record<string, unknown>, path: Path): MethodSettings {
  const ttl = optionalNumber(r, v['CacheTtlInSeconds'], [...path, 'CacheTtlInSeconds']);
  if (ttl !== undefined && (ttl < 0 || ttl > MAX_CACHE_TTL)) fail(r, [...path, 'CacheTtlInSeconds'], `${ttl} is not from 0 to ${MAX_CACHE_TTL} seconds`);
  return compact({
    throttlingRateLimit: optionalNumber(r, v['ThrottlingRateLimit'], [...path, 'ThrottlingRateLimit']),
    throttlingBurstLimit: optionalNumber(r, v['ThrottlingBurstLimit'], [...path, 'ThrottlingBurstLimit']),
    cachingEnabled: optionalBoolean(r, v['CachingEnabled'], [...path, 'CachingEnabled']),
    cacheTtlInSeconds: ttl,
  });
}

/** `MethodSettings`: a list of settings, each for one `ResourcePath` and `HttpMethod`. */
export function readMethodSettings(r: Reader, v: unknown, path: Path): Record<string, MethodSettings> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) fail(r, path, 'expected a list of method settings');
  const out: Record<string, MethodSettings> = {};
  v.forEach((setting, i) => {
    const at = [...path, i];
    if (!isObject(setting)) fail(r, at, 'expected a method setting object');
    const key = methodSettingKey(requiredString(r, setting['ResourcePath'], [...at, 'ResourcePath']), requiredString(r, setting['HttpMethod'], [...at, 'HttpMethod']));
    setOwn(out, key, { ...(Object.hasOwn(out, key) ? out[key] : {}), ...settingFields(r, setting, at) });
  });
  return out;
}

/** `CanarySetting` / `DeploymentCanarySettings`: `PercentTraffic` (0–100), `StageVariableOverrides`, `UseStageCache`. */
export function readCanary(r: Reader, v: unknown, path: Path): CanarySettings | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) fail(r, path, 'expected a canary setting object');
  const percent = optionalNumber(r, v['PercentTraffic'], [...path, 'PercentTraffic']) ?? 0;
  if (percent < 0 || percent > 100) fail(r, [...path, 'PercentTraffic'], `${percent} is not a percentage from 0 to 100`);
  return compact({
    percentTraffic: percent,
    stageVariableOverrides: stringMap(r, v['StageVariableOverrides'], [...path, 'StageVariableOverrides']) as Record<string, string> | undefined,
    useStageCache: optionalBoolean(r, v['UseStageCache'], [...path, 'UseStageCache']),
  });
}

/** The settings of one stage resource (or SAM API): resolved properties, in the keys CloudFormation uses. */
function stageSettings(r: Reader, p: Record<string, unknown>, path: Path, canaryKey: string): Omit<StageSettings, 'source'> {
  return compact({
    cacheClusterEnabled: optionalBoolean(r, p['CacheClusterEnabled'], [...path, 'CacheClusterEnabled']),
    methodSettings: readMethodSettings(r, p['MethodSettings'], [...path, 'MethodSettings']),
    canary: readCanary(r, p[canaryKey], [...path, canaryKey]),
  });
}

function hasSettings(s: Omit<StageSettings, 'source'>): boolean {
  return Object.keys(s).length > 0;
}

/** Later settings win, field by field for method settings. */
function mergeSettings(before: StageSettings | undefined, after: Omit<StageSettings, 'source'>, source: string): StageSettings {
  const methodSettings: Record<string, MethodSettings> = { ...before?.methodSettings };
  for (const [key, s] of Object.entries(after.methodSettings ?? {})) setOwn(methodSettings, key, { ...(Object.hasOwn(methodSettings, key) ? methodSettings[key] : {}), ...s });
  return compact({
    cacheClusterEnabled: after.cacheClusterEnabled ?? before?.cacheClusterEnabled,
    methodSettings: Object.keys(methodSettings).length > 0 ? methodSettings : undefined,
    throttle: before?.throttle,
    canary: after.canary ?? before?.canary,
    source: before?.source ?? source,
  });
}

export interface TemplateStages {
  stages: Record<string, Record<string, string>>;
  stageSettings?: Record<string, StageSettings>;
}

/** Every stage of the API, with its variables and (when any) settings. */
export function cfnStages(t: TemplateReader, apiId: string, sam?: SamApiProperties): TemplateStages {
  const stages: Record<string, Record<string, string>> = {};
  const settings: Record<string, StageSettings> = {};
  const add = (name: unknown, vars: unknown, varsPath: Path, found: Omit<StageSettings, 'source'>, source: string) => {
    if (typeof name !== 'string' || name === '') return;
    const variables = (stringMap(t.reader, vars, varsPath) ?? {}) as Record<string, string>;
    setOwn(stages, name, { ...(Object.hasOwn(stages, name) ? stages[name] : {}), ...variables });
    if (hasSettings(found)) setOwn(settings, name, mergeSettings(Object.hasOwn(settings, name) ? settings[name] : undefined, found, source));
  };
  for (const [id] of t.ofType('AWS::ApiGateway::Stage')) {
    if (t.referenced(t.props(id)['RestApiId']) !== apiId) continue;
    const at: Path = ['Resources', id, 'Properties'];
    const p = t.resolvedObject(t.props(id), at);
    add(p['StageName'], p['Variables'], [...at, 'Variables'], stageSettings(t.reader, p, at, 'CanarySetting'), t.sourceOf(['Resources', id]));
  }
  for (const [id] of t.ofType('AWS::ApiGateway::Deployment')) {
    if (t.referenced(t.props(id)['RestApiId']) !== apiId || t.props(id)['StageName'] === undefined) continue;
    const at: Path = ['Resources', id, 'Properties'];
    const p = t.resolvedObject(t.props(id), at);
    const descriptionPath: Path = [...at, 'StageDescription'];
    const description = isObject(p['StageDescription']) ? p['StageDescription'] : {};
    const wide = settingFields(t.reader, description, descriptionPath);
    const found = stageSettings(t.reader, description, descriptionPath, 'CanarySetting');
    const deploymentCanary = readCanary(t.reader, p['DeploymentCanarySettings'], [...at, 'DeploymentCanarySettings']);
    // Flat throttling and caching fields are the stage-wide `*/*` setting; explicit MethodSettings win.
    const methodSettings = Object.keys(wide).length > 0 ? { '*/*': { ...wide, ...found.methodSettings?.['*/*'] }, ...found.methodSettings } : found.methodSettings;
    add(p['StageName'], description['Variables'], [...descriptionPath, 'Variables'], compact({ ...found, methodSettings, canary: found.canary ?? deploymentCanary }), t.sourceOf(['Resources', id]));
  }
  if (sam && (t.isA(apiId, SAM_API) || apiId === IMPLICIT_API)) {
    const found = compact({
      cacheClusterEnabled: optionalBoolean(t.reader, sam.get('CacheClusterEnabled'), sam.path('CacheClusterEnabled')),
      methodSettings: readMethodSettings(t.reader, sam.get('MethodSettings'), sam.path('MethodSettings')),
      canary: readCanary(t.reader, sam.get('CanarySetting'), sam.path('CanarySetting')),
    });
    add(samStageName(sam), sam.get('Variables'), sam.path('Variables'), found, t.sourceOf(['Resources', apiId]));
  }
  return { stages, stageSettings: Object.keys(settings).length > 0 ? settings : undefined };
}

/** A SAM API's stage: its `StageName`, `Prod` for the implicit API (and when not given). */
export function samStageName(sam: SamApiProperties): string {
  const name = sam.get('StageName');
  return typeof name === 'string' && name !== '' ? name : 'Prod';
}
