/** What lint may know about where a template runs, and how serious each rule's findings are. */
import type { RuleId } from './catalog.js';
import type { Severity } from './finding.js';
import type { AuthorizationType } from '../model/method.js';

export interface LintOptions {
  /** The API's type: WebSocket APIs have their own `$context` (default REST). */
  apiType?: 'REST' | 'WEBSOCKET';
  /** The integration the template belongs to (proxy integrations run no templates). */
  integrationType?: 'AWS' | 'AWS_PROXY' | 'HTTP' | 'HTTP_PROXY' | 'MOCK';
  /** Request or response template. */
  side?: 'request' | 'response';
  /** The method's authorizer, which decides what `$context.authorizer` and `$context.identity` hold. */
  authorizationType?: AuthorizationType;
  /** Whether the method requires an API key (`$context.identity.apiKey` is null otherwise). */
  apiKeyRequired?: boolean;
  /** The request model (JSON Schema) of the body the template reads, and the API's other models by name. */
  model?: unknown;
  models?: Record<string, unknown>;
  /** Per-rule severity; `off` drops a rule's findings. */
  rules?: Partial<Record<RuleId, Severity | 'off'>>;
}
