/**
 * API Gateway's template variables as peers build them for velocityjs (serverless-offline and similar):
 * plain JavaScript objects, JSON.parse for the body, jsonpath-plus for paths, and JavaScript versions of
 * the Java helpers. Written so that, on the benchmark's data, the output equals API Gateway's.
 */
import { JSONPath } from 'jsonpath-plus';
import type { BenchRequest } from '../workloads.js';
import { escapeJavaScript, urlEncode } from './java-like.js';

export function peerContext(r: BenchRequest): Record<string, unknown> {
  let parsed: unknown;
  let haveParsed = false;
  const document = () => {
    if (!haveParsed) {
      parsed = r.body === '' ? {} : JSON.parse(r.body);
      haveParsed = true;
    }
    return parsed;
  };
  const read = (path: string) => (path === '$' ? document() : JSONPath({ path, json: document() as object, wrap: false }));
  const params = { path: r.path, querystring: r.query, header: r.headers };
  const c = r.context;
  return {
    input: {
      body: r.body,
      json: (path: string) => JSON.stringify(read(path)),
      path: read,
      params: (name?: string) => (name === undefined ? params : (r.path[name] ?? r.query[name] ?? r.headers[name] ?? '')),
    },
    util: { escapeJavaScript, urlEncode, parseJson: (s: string) => JSON.parse(s) },
    stageVariables: r.stageVariables,
    context: {
      ...c,
      identity: { accountId: c['accountId'], apiKey: c['apiKey'], caller: c['caller'], cognitoAuthenticationProvider: c['cognitoAuthenticationProvider'], cognitoAuthenticationType: c['cognitoAuthenticationType'], cognitoIdentityId: c['cognitoIdentityId'], cognitoIdentityPoolId: c['cognitoIdentityPoolId'], sourceIp: c['sourceIp'], user: c['user'], userAgent: c['userAgent'], userArn: c['userArn'] },
      authorizer: { principalId: c['principalId'] },
    },
  };
}
