/**
 * IAM policy documents as API Gateway evaluates them for `execute-api:Invoke`: a Lambda authorizer's
 * `policyDocument`, and the API's resource policy (pipeline.md §4.4).
 *
 * - A statement applies when its Action (or NotAction) covers `execute-api:Invoke` — `execute-api:Invoke`,
 *   `execute-api:*`, `*`, or any IAM wildcard of it, case-insensitively — its Resource (or NotResource),
 *   a string or a list, covers the method ARN by IAM globbing (see glob.ts), and its conditions hold.
 * - An applying Deny wins over everything; otherwise an applying Allow allows; otherwise nothing does
 *   (an implicit deny).
 * - `execute-api:/<stage>/<METHOD>/<path>` is the resource-policy shorthand the console saves in full;
 *   it is read against the method's own API.
 */
import type { Meter } from '../../java/meter.js';
import { conditionsHold, type Conditions } from './conditions.js';
import { globMatches } from './glob.js';
import { principalMatches, type Caller } from './principal.js';
import { setOwn } from '../../own-property.js';

/** A policy statement as read, lists normalised. */
export interface Statement {
  effect: 'Allow' | 'Deny';
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  /** As written; only resource policies name principals. */
  principal?: unknown;
  hasNotPrincipal?: boolean;
  conditions?: Conditions;
  sid?: string;
}

export interface ParsedPolicy {
  statements: Statement[];
  /** What is wrong with the document; a Lambda authorizer's answer with any problem is malformed. */
  problems: string[];
}

/** `deny`: an explicit Deny applies; `allow`: an Allow applies and no Deny; `none`: the implicit deny. */
export type Verdict = 'allow' | 'deny' | 'none';

export interface PolicyRequest {
  /** The method ARN being invoked. */
  resource: string;
  sourceIp: string | null | undefined;
  /** Resource policies only: who is calling. Absent: principals are not considered. */
  caller?: Caller;
}

const INVOKE = 'execute-api:Invoke';
const MAX_PROBLEMS = 5;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function stringList(v: unknown, what: string, problems: string[]): string[] | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  problems.push(`${what} must be a string or a list of strings`);
  return [];
}

function parseConditions(v: unknown, where: string, problems: string[]): Conditions | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isRecord(v)) {
    problems.push(`${where}.Condition must be an object`);
    return undefined;
  }
  const out: Conditions = {};
  for (const [operator, keys] of Object.entries(v)) {
    if (!isRecord(keys)) {
      problems.push(`${where}.Condition.${operator} must be an object of condition keys`);
      continue;
    }
    const byKey: Record<string, string[]> = {};
    for (const [key, values] of Object.entries(keys)) {
      const list = Array.isArray(values) ? values : [values];
      setOwn(byKey, key, list.filter((x) => ['string', 'number', 'boolean'].includes(typeof x)).map(String));
    }
    setOwn(out, operator, byKey);
  }
  return out;
}

function parseStatement(s: unknown, where: string, problems: string[]): Statement | undefined {
  if (!isRecord(s)) {
    problems.push(`${where} must be an object`);
    return undefined;
  }
  // IAM spells the effect exactly; whether API Gateway forgives `allow` is not recorded, so it is not forgiven.
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') {
    problems.push(`${where}.Effect must be "Allow" or "Deny", not ${JSON.stringify(s.Effect) ?? 'undefined'}`);
    return undefined;
  }
  const statement: Statement = { effect: s.Effect };
  const actions = stringList(s.Action, `${where}.Action`, problems);
  const notActions = stringList(s.NotAction, `${where}.NotAction`, problems);
  const resources = stringList(s.Resource, `${where}.Resource`, problems);
  const notResources = stringList(s.NotResource, `${where}.NotResource`, problems);
  if (!actions && !notActions) problems.push(`${where} has neither Action nor NotAction`);
  if (!resources && !notResources) problems.push(`${where} has neither Resource nor NotResource`);
  if ((!actions && !notActions) || (!resources && !notResources)) return undefined;
  if (actions) statement.actions = actions;
  if (notActions) statement.notActions = notActions;
  if (resources) statement.resources = resources;
  if (notResources) statement.notResources = notResources;
  if (Object.hasOwn(s, 'Principal')) statement.principal = s.Principal;
  if (Object.hasOwn(s, 'NotPrincipal')) statement.hasNotPrincipal = true;
  const conditions = parseConditions(s.Condition, where, problems);
  if (conditions) statement.conditions = conditions;
  if (typeof s.Sid === 'string') statement.sid = s.Sid;
  return statement;
}

/** The statements of a policy document (`Statement` an object or a list), and what is wrong with it. */
export function parsePolicyDocument(doc: unknown, what: string): ParsedPolicy {
  const problems: string[] = [];
  if (!isRecord(doc)) return { statements: [], problems: [`${what} must be an object`] };
  const raw = doc.Statement;
  if (raw === undefined || raw === null) return { statements: [], problems: [`${what} has no Statement`] };
  const list = Array.isArray(raw) ? raw : [raw];
  const statements: Statement[] = [];
  list.forEach((s, i) => {
    const parsed = parseStatement(s, `${what}.Statement${Array.isArray(raw) ? `[${i}]` : ''}`, problems);
    if (parsed) statements.push(parsed);
  });
  // A hostile document may be wrong a hundred thousand times; the first few say enough.
  return { statements, problems: problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), `… and ${problems.length - MAX_PROBLEMS} more problems`] : problems };
}

/** `execute-api:/…` read against the API of `methodArn`. */
function expandShorthand(pattern: string, methodArn: string): string {
  if (!pattern.startsWith('execute-api:/')) return pattern;
  const slash = methodArn.indexOf('/');
  return (slash < 0 ? methodArn : methodArn.slice(0, slash)) + pattern.slice('execute-api:'.length);
}

function coversAction(s: Statement, meter: Meter): boolean {
  if (s.actions) return s.actions.some((a) => globMatches(a, INVOKE, meter, true));
  return !s.notActions!.some((a) => globMatches(a, INVOKE, meter, true));
}

function coversResource(s: Statement, arn: string, meter: Meter): boolean {
  const matches = (pattern: string) => globMatches(expandShorthand(pattern, arn), arn, meter);
  if (s.resources) return s.resources.some(matches);
  return !s.notResources!.some(matches);
}

function applies(s: Statement, request: PolicyRequest, meter: Meter, notes: Set<string>): boolean {
  if (!coversAction(s, meter) || !coversResource(s, request.resource, meter)) return false;
  if (request.caller) {
    if (s.hasNotPrincipal) {
      notes.add('a resource policy statement uses NotPrincipal, which is not evaluated offline; the statement does not apply');
      return false;
    }
    if (!principalMatches(s.principal, request.caller, notes)) return false;
  }
  return s.conditions === undefined || conditionsHold(s.conditions, s.effect, { sourceIp: request.sourceIp }, notes);
}

/**
 * The verdict of `statements` for invoking `request.resource`: `deny` when any Deny applies, else `allow`
 * when any Allow applies, else `none`. Work is charged to `meter` (throws BudgetExceeded past it);
 * readings that are only approximations offline are added to `notes`.
 */
export function evaluatePolicy(statements: readonly Statement[], request: PolicyRequest, meter: Meter, notes: Set<string>): Verdict {
  let allowed = false;
  for (const s of statements) {
    meter.charge(1);
    if (s.effect === 'Allow' && allowed) continue;
    if (!applies(s, request, meter, notes)) continue;
    if (s.effect === 'Deny') return 'deny';
    allowed = true;
  }
  return allowed ? 'allow' : 'none';
}
