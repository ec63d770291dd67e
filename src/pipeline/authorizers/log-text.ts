/**
 * How API Gateway writes secrets and long values into its execution log: tokens and principals masked
 * but for their last six characters, account ids but for their last four, and every message cut at 1024
 * characters.
 *
 * Evidence (pipeline.md §1, file ids 22243955141 and 8961002744): `Incoming identity:` shows a 339-character
 * token as 333 `*` and its last 6 characters; `Using valid authorizer policy for principal:` shows a
 * 52-character principal as 46 `*` and its last 6; an empty principal prints as nothing. A `Method request
 * headers:` message is cut after 1024 characters and ends ` [TRUNCATED]`. Resource-policy denials print
 * the account as `********7089` (pipeline.md §4.4).
 */
import { LOG_MESSAGE_LIMIT } from '../execution-log.js';


/** Characters left in clear at the end of a masked secret. */
const CLEAR_TAIL = 6;

/**
 * A secret as the execution log shows it: `*` for every character but the last six. Values of six
 * characters or fewer are therefore shown whole (AWS's handling of short values is not recorded).
 * Never builds more than the log will keep, whatever the secret's size.
 */
export function maskSecret(value: string): string {
  const hidden = Math.max(0, value.length - CLEAR_TAIL);
  const tail = value.slice(hidden);
  if (hidden + tail.length > LOG_MESSAGE_LIMIT) return '*'.repeat(LOG_MESSAGE_LIMIT + 1);
  return '*'.repeat(hidden) + tail;
}

/** An execute-api ARN with its account id masked as AWS prints it in denials: `********7089`. */
export function maskArnAccount(arn: string): string {
  const parts = arn.split(':');
  if (parts.length < 6) return arn;
  const account = parts[4]!;
  parts[4] = '*'.repeat(Math.max(0, account.length - 4)) + account.slice(-4);
  return parts.join(':');
}
