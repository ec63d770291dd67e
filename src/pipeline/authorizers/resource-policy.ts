/**
 * The API's resource policy (`x-amazon-apigateway-policy`, `AWS::ApiGateway::RestApi.Policy`), evaluated
 * in the two phases of `DG:apigateway-authorization-flow.md` (pipeline.md §1, §4.4):
 *
 * - **before-authorizer**: an explicit Deny that applies to the method ARN (for an anonymous caller) denies
 *   at once, before any authorizer runs: 403 `User: anonymous is not authorized to perform:
 *   execute-api:Invoke on resource: <ARN, account masked> with an explicit deny` (O4 plus the KC suffix).
 *   It runs for every authorization type (INF: the developer guide describes it for Lambda authorizers).
 * - **after-authorizer**: the resource policy is combined with what authenticated the caller, per the
 *   guide's Table A (same account: an explicit Deny anywhere wins; otherwise an Allow from either side is
 *   enough; neither is an implicit deny):
 *   - `CUSTOM` (Lambda authorizer): the authorizer stage has already combined its policy with this one
 *     (an implicit deny of the authorizer is lifted by an Allow here, see {@link resourcePolicyAllows});
 *     this phase only re-checks explicit Denies.
 *   - `COGNITO_USER_POOLS` and `NONE`: the resource policy must explicitly allow ("a deny or neither
 *     allow nor deny results in a deny").
 *   - `AWS_IAM`: offline there is no IAM user policy, so the caller's own policies are taken to allow
 *     (the IAM stage accepted them); for a caller of the API's own account that makes Table A allow unless
 *     the resource policy denies. A caller of another account needs an explicit Allow (Table B).
 *   An implicit deny answers 403 with the same message without the suffix (O4); an IAM caller is named by
 *   its user ARN instead of `anonymous` (pipeline.md §4.7, INF M).
 *
 * Principals and conditions are read as principal.ts and conditions.ts explain; readings that are only
 * approximations offline become warnings. A statement that cannot be read is skipped with a warning (AWS
 * would have refused to save the policy).
 */
import { BudgetExceeded, Meter } from '../../java/meter.js';
import { gatewayError } from '../gateway-responses/gateway-error.js';
import type { RoutedState, StageResult } from '../request-state.js';
import { resourcePolicyDeny, describeThrown } from './outcomes.js';
import { evaluatePolicy, parsePolicyDocument, type Statement, type Verdict } from './policy.js';
import { ANONYMOUS, callerName, type Caller } from './principal.js';
import { copyAsJson } from './safe-copy.js';

/** Work units one evaluation may spend: a resource policy is at most 8192 characters on AWS. */
const POLICY_WORK_LIMIT = 1_000_000;

/** Which of the two evaluations: the explicit-deny pre-check, or the final combination. */
export type ResourcePolicyPhase = 'before-authorizer' | 'after-authorizer';

/** Adds each note to the request's warnings once. */
export function addNotes(state: RoutedState, notes: Iterable<string>): void {
  for (const note of notes) if (!state.warnings.includes(note)) state.warnings.push(note);
}

function statementsOf(state: RoutedState): Statement[] | undefined {
  const policy = state.api.policy;
  if (policy === undefined || policy === null) return undefined;
  const copied = copyAsJson(policy);
  if (!copied.ok) {
    addNotes(state, [`the resource policy could not be read (${copied.reason}); it was ignored`]);
    return undefined;
  }
  const parsed = parsePolicyDocument(copied.value, 'resource policy');
  addNotes(state, parsed.problems.map((p) => `${p}; the statement was ignored`));
  return parsed.statements;
}

type Evaluation = { verdict: Verdict } | { error: StageResult };

function evaluate(state: RoutedState, statements: readonly Statement[], caller: Caller): Evaluation {
  const notes = new Set<string>();
  const meter = new Meter({ maxWork: POLICY_WORK_LIMIT, maxMemory: Number.POSITIVE_INFINITY, maxStringLength: Number.POSITIVE_INFINITY });
  try {
    const verdict = evaluatePolicy(statements, { resource: state.methodArn, sourceIp: state.context.identity?.sourceIp, caller }, meter, notes);
    return { verdict };
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    return { error: gatewayError('API_CONFIGURATION_ERROR', 'resource-policy', `evaluating the resource policy against ${state.methodArn} exceeded its work budget (${e.message})`) };
  } finally {
    addNotes(state, notes);
  }
}

/** The caller the after phase sees: the IAM identity for AWS_IAM methods, else anonymous. */
function callerOf(state: RoutedState): Caller {
  if (state.method.authorizationType !== 'AWS_IAM') return ANONYMOUS;
  const identity = state.context.identity ?? {};
  return { kind: 'iam', accountId: typeof identity.accountId === 'string' ? identity.accountId : null, userArn: typeof identity.userArn === 'string' ? identity.userArn : null };
}

/** The account the method's API belongs to (the method ARN's). */
function apiAccount(state: RoutedState): string | undefined {
  return state.methodArn.split(':')[4];
}

/**
 * Whether the resource policy explicitly allows an anonymous caller to invoke the method — what lifts a
 * Lambda authorizer's implicit deny (Table A: "Neither Allow nor Deny" + "Allow" = Allow).
 */
export function resourcePolicyAllows(state: RoutedState): boolean {
  const statements = statementsOf(state);
  if (!statements) return false;
  const result = evaluate(state, statements, ANONYMOUS);
  return 'verdict' in result && result.verdict === 'allow';
}

/** Undefined when the resource policy lets the request on in this phase; otherwise the answer. */
export function checkResourcePolicy(state: RoutedState, phase: ResourcePolicyPhase): StageResult {
  try {
    const statements = statementsOf(state);
    if (!statements) return undefined;
    const caller = phase === 'before-authorizer' ? ANONYMOUS : callerOf(state);
    const result = evaluate(state, statements, caller);
    if ('error' in result) return result.error;
    const { verdict } = result;
    const who = callerName(caller);
    if (verdict === 'deny') return resourcePolicyDeny(who, state.methodArn, true, `the resource policy explicitly denies ${who} invoking ${state.methodArn} (${phase})`);
    if (phase === 'before-authorizer' || verdict === 'allow') return undefined;
    const type = state.method.authorizationType ?? 'NONE';
    if (type === 'CUSTOM') return undefined;
    if (type === 'AWS_IAM' && caller.kind === 'iam' && caller.accountId !== null && caller.accountId === apiAccount(state)) return undefined;
    const why = type === 'AWS_IAM' ? 'a caller of another account needs an explicit Allow in the resource policy' : `with ${type} authorization the resource policy must explicitly allow the call`;
    return resourcePolicyDeny(who, state.methodArn, false, `no resource policy statement allows ${who} to invoke ${state.methodArn}: ${why}`);
  } catch (e) {
    return gatewayError('API_CONFIGURATION_ERROR', 'resource-policy', `the resource policy could not be evaluated: ${describeThrown(e)}`, { cause: e });
  }
}
