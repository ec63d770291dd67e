/** A benchmark request as apigw-vtl's render input. */
import type { RenderInput } from '../../src/index.js';
import type { BenchRequest } from '../workloads.js';

export function renderInput(r: BenchRequest): RenderInput {
  const c = r.context;
  return {
    body: r.body,
    path: r.path,
    query: r.query,
    headers: r.headers,
    stageVariables: r.stageVariables,
    context: {
      apiId: c['apiId'],
      httpMethod: c['httpMethod'],
      stage: c['stage'],
      requestId: c['requestId'],
      resourceId: c['resourceId'],
      resourcePath: c['resourcePath'],
      authorizer: { principalId: c['principalId'] },
      identity: {
        accountId: c['accountId'],
        apiKey: c['apiKey'],
        caller: c['caller'],
        cognitoAuthenticationProvider: c['cognitoAuthenticationProvider'],
        cognitoAuthenticationType: c['cognitoAuthenticationType'],
        cognitoIdentityId: c['cognitoIdentityId'],
        cognitoIdentityPoolId: c['cognitoIdentityPoolId'],
        sourceIp: c['sourceIp'],
        user: c['user'],
        userAgent: c['userAgent'],
        userArn: c['userArn'],
      },
    },
  };
}

