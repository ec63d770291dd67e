/**
 * The `Condition` block of a policy statement, as far as it can be decided offline.
 *
 * Supported: `IpAddress` / `NotIpAddress` on `aws:SourceIp` (IPv4 and IPv6 CIDRs), what IP-allowlisted
 * and private APIs most often use. IAM's rules: operators AND together, keys within an operator AND
 * together, the values of one key OR together; a negated operator holds when the address is in none of
 * the blocks, and also when the request has no source address.
 *
 * Anything else (`StringEquals` on `aws:SourceVpce`, `aws:PrincipalOrgID`, date conditions, `…IfExists`)
 * cannot be decided from an offline request. Such a condition is read in the caller's favour: it holds
 * for an Allow statement and fails for a Deny statement, so a private API's "allow from my VPC endpoint,
 * deny the rest" policy admits offline requests as it would admit the intended callers. Each one is
 * reported as a warning, so the reading is never silent.
 */
import { inBlock, parseAddress, parseCidr } from './cidr.js';

/** Operator → condition key → values, with keys as written. */
export type Conditions = Record<string, Record<string, string[]>>;

export interface ConditionRequest {
  sourceIp: string | null | undefined;
}

/** Whether the conditions hold for the request; unsupported ones are read for `effect` and noted. */
export function conditionsHold(conditions: Conditions, effect: 'Allow' | 'Deny', request: ConditionRequest, notes: Set<string>): boolean {
  for (const [operator, keys] of Object.entries(conditions)) {
    for (const [key, values] of Object.entries(keys)) {
      const decided = decide(operator, key, values, request);
      if (decided === undefined) {
        notes.add(`policy condition ${operator} on ${key} cannot be evaluated offline; it was taken to ${effect === 'Allow' ? 'hold (the Allow statement applies)' : 'fail (the Deny statement does not apply)'}`);
        if (effect === 'Deny') return false;
        continue;
      }
      if (!decided) return false;
    }
  }
  return true;
}

function decide(operator: string, key: string, values: readonly string[], request: ConditionRequest): boolean | undefined {
  const op = operator.toLowerCase();
  if ((op !== 'ipaddress' && op !== 'notipaddress') || key.toLowerCase() !== 'aws:sourceip') return undefined;
  const address = typeof request.sourceIp === 'string' ? parseAddress(request.sourceIp) : undefined;
  const inAny =
    address !== undefined &&
    values.some((v) => {
      const block = parseCidr(v);
      return block !== undefined && inBlock(address, block);
    });
  return op === 'ipaddress' ? inAny : !inAny;
}
