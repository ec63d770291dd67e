/**
 * An API loaded from its definition: route a request to a method and run it, with the API's binary media
 * types and the stage's variables.
 */
import { invokeMethod } from '../integration/invoke.js';
import type { ApiDefinition, MethodDefinition } from '../model/index.js';
import type { GatewayResponse, InvokeOptions, MethodRequest } from '../integration/types.js';
import { InvalidInputError } from '../gateway/validate-input.js';
import { RouteTable, type RouteMatch } from './routes.js';
import { encodeUtf8 } from '../platform/utf8.js';

/** A client request to an API: a method request whose path parameters come from routing. */
export type ApiRequest = Omit<MethodRequest, 'pathParameters'>;

export interface ApiOptions extends InvokeOptions {
  /** The stage requests go to when they name none (default: the definition's first stage, else `test`). */
  stage?: string;
}

export class Api {
  private readonly routes: RouteTable;

  constructor(
    readonly definition: ApiDefinition,
    /** Defaults for every invocation (backend, clock, limits, stage); each call may override them. */
    readonly options: ApiOptions = {},
  ) {
    this.routes = new RouteTable(definition.methods);
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
    return this.routes.match(httpMethod, path);
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
   * Routes the request and runs its method. An unknown path or method answers 403
   * `{"message":"Missing Authentication Token"}`, as API Gateway does.
   * @throws InvalidInputError when the request is malformed
   */
  async invoke(request: ApiRequest, options: InvokeOptions = {}): Promise<GatewayResponse> {
    if (request === null || typeof request !== 'object') throw new InvalidInputError('the request must be an object');
    if (typeof request.path !== 'string' || !request.path.startsWith('/')) throw new InvalidInputError('request.path must be a path starting with "/"');
    if (typeof request.httpMethod !== 'string' || request.httpMethod === '') throw new InvalidInputError('request.httpMethod must be a method name such as "GET"');
    const merged: InvokeOptions = { binaryMediaTypes: this.definition.binaryMediaTypes, functionAliases: this.definition.functionAliases, ...this.options, ...options };
    const stage = request.stage ?? this.defaultStage;
    const match = this.route(request.httpMethod, request.path);
    if (!match) return missingRoute(request);
    return invokeMethod(
      match.method,
      { ...request, stage, pathParameters: match.pathParameters, stageVariables: { ...this.stageVariables(stage), ...request.stageVariables } },
      merged,
    );
  }
}

/** API Gateway's default MISSING_AUTHENTICATION_TOKEN response (its body has no space after the colon). */
const MISSING_TOKEN_BODY = '{"message":"Missing Authentication Token"}';

function missingRoute(request: ApiRequest): GatewayResponse {
  const body = MISSING_TOKEN_BODY;
  return {
    statusCode: 403,
    headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' },
    body,
    rawBody: encodeUtf8(body),
    isBase64Encoded: false,
    json: () => JSON.parse(body),
    trace: {
      method: `${request.httpMethod.toUpperCase()} ${request.path}`,
      warnings: [],
      error: { phase: 'route', message: `no resource and method match ${request.httpMethod.toUpperCase()} ${request.path}` },
    },
  };
}
