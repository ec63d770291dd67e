/**
 * An API loaded from its definition: each request runs through the whole REST pipeline (routing,
 * authorizers, API keys and usage plans, validation, the stage cache, the integration, gateway
 * responses), with the state API Gateway keeps between requests (authorizer cache, throttles, quotas,
 * cache entries) held by this object.
 */
import type { ApiDefinition, MethodDefinition } from '../model/index.js';
import type { GatewayResponse } from '../integration/types.js';
import { InvalidInputError } from '../gateway/validate-input.js';
import type { RouteMatch } from './routes.js';
import { runRequest, type ApiRequest, type PipelineOptions } from '../pipeline/index.js';
import { ApiRuntime } from '../pipeline/runtime.js';
import { checkDefinition } from './check-definition.js';

export type { ApiRequest } from '../pipeline/index.js';

export interface ApiOptions extends PipelineOptions {
  /** The stage requests go to when they name none (default: the definition's first stage, else `test`). */
  stage?: string;
}

export class Api {
  private readonly runtime: ApiRuntime;

  constructor(
    readonly definition: ApiDefinition,
    /** Defaults for every invocation (backend, clock, limits, stage); each call may override them. */
    readonly options: ApiOptions = {},
  ) {
    checkDefinition(definition);
    try {
      this.runtime = new ApiRuntime(definition);
    } catch (e) {
      if (e instanceof InvalidInputError) throw e;
      throw new InvalidInputError(`the API definition cannot be run: ${(e as Error)?.message ?? String(e)}`);
    }
  }

  get methods(): readonly MethodDefinition[] {
    return this.definition.methods;
  }

  /** Stage names the definition declares. */
  get stages(): string[] {
    return Object.keys(this.definition.stages ?? {});
  }

  /** The stage a request without one goes to. */
  get defaultStage(): string {
    return this.options.stage ?? this.stages[0] ?? 'test';
  }

  /** The method (and path parameters) a request reaches, as API Gateway routes it. */
  route(httpMethod: string, path: string): RouteMatch | undefined {
    return this.runtime.routes.match(httpMethod, path);
  }

  /** A method by its resource path as defined, e.g. `method('GET', '/pets/{id}')`. */
  method(httpMethod: string, resourcePath: string): MethodDefinition | undefined {
    const wanted = httpMethod.toUpperCase();
    return this.methods.find((m) => m.resourcePath === resourcePath && m.httpMethod.toUpperCase() === wanted);
  }

  /** Stage variables for a stage: the definition's, under the ones a request brings. */
  stageVariables(stage: string): Record<string, string> {
    const stages = this.definition.stages ?? {};
    return Object.hasOwn(stages, stage) ? { ...stages[stage] } : {};
  }

  /**
   * Runs a request as API Gateway does, from routing to the method response. Whatever the client sent,
   * the answer is a response: an unknown route is 403 `{"message":"Missing Authentication Token"}`, a
   * missing token 401, a throttled client 429, each as the API's gateway responses say. `trace.log` is
   * the execution log.
   * @throws InvalidInputError when the request or options are malformed (a programming error, not a
   *   client's)
   */
  async invoke(request: ApiRequest, options: ApiOptions = {}): Promise<GatewayResponse> {
    // The rest of the request is checked once, where the pipeline normalises it.
    if (request === null || typeof request !== 'object') throw new InvalidInputError('the request must be an object');
    const { stage: defaultStage, ...merged }: ApiOptions = {
      binaryMediaTypes: this.definition.binaryMediaTypes,
      functionAliases: this.definition.functionAliases,
      ...this.options,
      ...options,
    };
    const stage = request.stage ?? defaultStage ?? this.stages[0] ?? 'test';
    return runRequest(this.runtime, request, stage, merged);
  }
}
