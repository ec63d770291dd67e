// The functions of template.yaml, offline: `apigw-vtl serve|invoke … --backend examples/sam-pipeline/backend.mjs`.
// Handlers are keyed by FunctionName; the authorizers are Lambda functions like the others.

/** A policy allowing (or denying) every method of the API the request came in on. */
function policy(principalId, effect, methodArn, context) {
  const [arn, stage] = methodArn.split('/');
  return {
    principalId,
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: `${arn}/${stage}/*` }] },
    context,
  };
}

export const lambda = {
  // TOKEN authorizer: "Bearer user-<name>" is allowed, "Bearer blocked-<name>" denied, anything else 401.
  'pets-token-authorizer': (event) => {
    const token = event.authorizationToken.replace(/^Bearer /, '');
    if (token.startsWith('user-')) return policy(token.slice(5), 'Allow', event.methodArn, { plan: 'basic', verified: true });
    if (token.startsWith('blocked-')) return policy(token.slice(8), 'Deny', event.methodArn, { reason: 'account blocked' });
    throw new Error('Unauthorized');
  },

  // REQUEST authorizer: the tenant header and its key in the query string must agree.
  'pets-tenant-authorizer': (event) => {
    const tenant = event.headers['X-Tenant'] ?? event.headers['x-tenant'];
    const key = event.queryStringParameters?.tenantKey;
    return policy(`tenant-${tenant}`, key === `key-${tenant}` ? 'Allow' : 'Deny', event.methodArn, { tenant });
  },

  // Lambda proxy routes: the v1.0 event in, { statusCode, headers, body } out.
  pets: (event) => {
    if (event.resource === '/health') return { statusCode: 200, body: JSON.stringify({ ok: true }) };
    const pet = { id: event.pathParameters.id, name: 'Rex', owner: event.requestContext.authorizer?.principalId ?? null };
    if (event.httpMethod === 'PUT') Object.assign(pet, JSON.parse(event.body));
    return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(pet) };
  },

  // The non-proxy route: its request template built this event; its response templates shape the answer.
  'create-pet': (event) => {
    if (/invalid/i.test(event.name)) throw new Error(`invalid pet name: ${event.name}`);
    return { id: 'p-1', name: event.name, location: '/pets/p-1', owner: event.owner };
  },
};
