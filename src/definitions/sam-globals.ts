/**
 * The properties of a SAM `AWS::Serverless::Api` as SAM sees them: the template's `Globals.Api` merged
 * under the resource's own (maps merged key by key, lists concatenated globals first, anything else the
 * resource's), which is also all the implicit `ServerlessRestApi` has.
 */
import { isObject, type Path } from './fields.js';
import { setOwn } from '../own-property.js';
import { SAM_API, type TemplateReader } from './template-reader.js';

/** The `Globals.Api` properties SAM supports (those that apply to REST APIs). */
const GLOBAL_PROPERTIES = [
  'Auth',
  'Name',
  'DefinitionUri',
  'CacheClusterEnabled',
  'CacheClusterSize',
  'MergeDefinitions',
  'Variables',
  'EndpointConfiguration',
  'MethodSettings',
  'BinaryMediaTypes',
  'MinimumCompressionSize',
  'Cors',
  'GatewayResponses',
  'AccessLogSetting',
  'CanarySetting',
  'TracingEnabled',
  'OpenApiVersion',
  'Domain',
  'AlwaysDeploy',
  'PropagateTags',
];

/** An intrinsic function call is a value, not a map to merge. */
function isIntrinsic(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]!.startsWith('Fn::'));
}

function merge(global: unknown, local: unknown, depth = 0): unknown {
  if (depth > 100) return local;
  if (Array.isArray(global) && Array.isArray(local)) return [...global, ...local];
  if (isObject(global) && isObject(local) && !isIntrinsic(global) && !isIntrinsic(local)) {
    const out: Record<string, unknown> = { ...global };
    for (const [k, v] of Object.entries(local)) setOwn(out, k, Object.hasOwn(global, k) ? merge(global[k], v, depth + 1) : v);
    return out;
  }
  return local;
}

/** A SAM API's properties, resolved, and where each is written (the resource's, else `Globals.Api`). */
export class SamApiProperties {
  private readonly merged: Record<string, unknown> = {};
  private readonly own: Record<string, unknown>;

  constructor(
    private readonly t: TemplateReader,
    readonly apiId: string,
  ) {
    const own = t.isA(apiId, SAM_API) ? t.props(apiId) : {};
    this.own = own;
    const globals = isObject(t.template['Globals']) && isObject(t.template['Globals']['Api']) ? t.template['Globals']['Api'] : {};
    for (const key of GLOBAL_PROPERTIES) if (Object.hasOwn(globals, key)) setOwn(this.merged, key, globals[key]);
    for (const [key, v] of Object.entries(own)) setOwn(this.merged, key, Object.hasOwn(this.merged, key) ? merge(this.merged[key], v) : v);
  }

  /** The property as written (intrinsics unresolved), e.g. for `!Ref` targets. */
  raw(key: string): unknown {
    return Object.hasOwn(this.merged, key) ? this.merged[key] : undefined;
  }

  /** The property with its intrinsics resolved. */
  get(key: string): unknown {
    const v = this.raw(key);
    return v === undefined ? undefined : this.t.resolved(v, this.path(key));
  }

  path(key: string): Path {
    return Object.hasOwn(this.own, key) || !Object.hasOwn(this.merged, key) ? ['Resources', this.apiId, 'Properties', key] : ['Globals', 'Api', key];
  }
}
