/**
 * What an API keeps between requests, owned by its {@link Api} and bounded: the route table, the
 * authorizer result cache, usage-plan counters, the stage cache, compiled gateway response templates.
 * Nothing here is process-wide: two APIs never share counters or caches.
 */
import { RouteTable } from '../api/routes.js';
import type { ApiDefinition } from '../model/index.js';
import { AuthorizerCache } from './authorizers/cache.js';
import { GatewayTemplates } from './gateway-responses/templates.js';
import { StageCache } from './stage-cache/cache.js';
import { UsageState } from './usage-plans/usage-state.js';

export class ApiRuntime {
  readonly routes: RouteTable;
  readonly authorizerCache = new AuthorizerCache();
  readonly usage: UsageState;
  readonly stageCache = new StageCache();
  readonly gatewayTemplates = new GatewayTemplates();

  constructor(readonly definition: ApiDefinition) {
    this.routes = new RouteTable(definition.methods);
    this.usage = new UsageState(definition);
  }
}
