/**
 * Who a resource policy's `Principal` names, against the caller an offline request can have: an anonymous
 * one (no IAM authentication; Lambda and Cognito authorizers do not make an IAM principal), or the IAM
 * identity the `AWS_IAM` stage accepted.
 *
 * `"*"` and `{"AWS": "*"}` match everyone. An IAM caller is also matched by its account id, its account
 * root (`arn:aws:iam::<account>:root`) or its exact user ARN. `Service`, `Federated` and `CanonicalUser`
 * principals never match an offline caller; a statement without a Principal is treated as `"*"` (AWS
 * rejects such a resource policy when it is saved); both are noted as warnings.
 */

/** Who is calling, as far as a resource policy can tell offline. */
export type Caller = { kind: 'anonymous' } | { kind: 'iam'; accountId: string | null; userArn: string | null };

/** A caller no IAM authentication identified. */
export const ANONYMOUS: Caller = { kind: 'anonymous' };

/** The caller's name in a denial message: `anonymous` or the user ARN. */
export function callerName(caller: Caller): string {
  return caller.kind === 'iam' && caller.userArn ? caller.userArn : 'anonymous';
}

function names(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

function awsPrincipalMatches(entries: readonly string[], caller: Caller): boolean {
  if (entries.includes('*')) return true;
  if (caller.kind !== 'iam') return false;
  return entries.some((e) => (caller.accountId !== null && (e === caller.accountId || e === `arn:aws:iam::${caller.accountId}:root`)) || (caller.userArn !== null && e === caller.userArn));
}

/** Whether `principal` (a statement's Principal, as written) names `caller`. */
export function principalMatches(principal: unknown, caller: Caller, notes: Set<string>): boolean {
  if (principal === undefined || principal === null) {
    notes.add('a resource policy statement has no Principal; it was applied to every caller');
    return true;
  }
  if (principal === '*') return true;
  if (typeof principal === 'string' || Array.isArray(principal)) return awsPrincipalMatches(names(principal), caller);
  if (typeof principal !== 'object') return false;
  const p = principal as Record<string, unknown>;
  let matched = false;
  for (const [kind, value] of Object.entries(p)) {
    if (kind === 'AWS') matched ||= awsPrincipalMatches(names(value), caller);
    else notes.add(`a resource policy statement names a ${kind} principal, which no offline caller can be; the statement does not apply`);
  }
  return matched;
}
