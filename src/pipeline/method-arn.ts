/**
 * The ARN of a method invocation, as a Lambda authorizer receives it (`methodArn`) and as policies name it:
 * `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}` with the request's actual path
 * (not the resource template), the root as a trailing `/`.
 */
export interface MethodArnParts {
  region: string;
  accountId: string;
  apiId: string;
  stage: string;
  httpMethod: string;
  /** The request path below the stage, e.g. `/pets/42`. */
  path: string;
}

export function methodArn(p: MethodArnParts): string {
  return `arn:aws:execute-api:${p.region}:${p.accountId}:${p.apiId}/${p.stage}/${p.httpMethod.toUpperCase()}/${p.path.replace(/^\//, '')}`;
}
