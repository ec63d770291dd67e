/**
 * What an API keeps between requests, owned by its {@link Api} and bounded: the route table, the
 * authorizer result cache, usage-plan counters, the stage cache. (Compiled templates live with the template
 * objects of the definition, see integration/compiled-templates.ts.)
 * Nothing here is process-wide: two APIs never share counters or caches.
 */
import { RouteTable } from '../api/routes.js';
import type { ApiDefinition } from '../model/index.js';
import { AuthorizerCache } from './authorizers/cache.js';
import { StageCache } from './stage-cache/cache.js';
import { UsageState } from './usage-plans/usage-state.js';
import { ModelValidators } from './validation/model-validators.js';

export class ApiRuntime {
  readonly routes: RouteTable;
  readonly authorizerCache = new AuthorizerCache();
  readonly usage: UsageState;
  readonly stageCache = new StageCache();
  /** Request models compiled once for the API's validators. */
  readonly modelValidators: ModelValidators;

  constructor(readonly definition: ApiDefinition) {
    this.routes = new RouteTable(definition.methods);
    this.usage = new UsageState(definition);
    this.modelValidators = new ModelValidators(definition.models);
  }
}
