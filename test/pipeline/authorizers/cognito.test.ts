import { describe, expect, it } from 'vitest';
import type { AuthorizerDefinition } from '../../../src/model/index.js';
import { SIGNATURE_WARNING } from '../../../src/pipeline/authorizers/cognito.js';
import { authorize } from '../../../src/pipeline/authorizers/index.js';
import { api, messages, method, routedState } from './state.js';

const POOL = 'us-east-1_AbCdEf123';
const ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;
const AUTH_TIME = 1614944416; // Fri Mar 05 11:40:16 UTC 2021
const NOW = (AUTH_TIME + 600) * 1000;

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${b64url({ kid: 'k1', alg: 'RS256' })}.${b64url(claims)}.c2lnbmF0dXJl`;

const idClaims = (extra: Record<string, unknown> = {}) => ({
  sub: '6527a55d-5498-428b-a997-8213981c70cd',
  aud: 'client-abc',
  email_verified: false,
  token_use: 'id',
  auth_time: AUTH_TIME,
  iss: ISSUER,
  'cognito:username': 'alice',
  exp: AUTH_TIME + 3600,
  iat: AUTH_TIME,
  email: 'alice@example.com',
  ...extra,
});

const accessClaims = (extra: Record<string, unknown> = {}) => ({ sub: 's', token_use: 'access', scope: 'openid email', client_id: 'client-abc', iss: ISSUER, exp: AUTH_TIME + 3600, iat: AUTH_TIME, ...extra });

function cognitoAuthorizer(fields: Partial<AuthorizerDefinition> = {}): AuthorizerDefinition {
  return { name: 'pool', type: 'COGNITO_USER_POOLS', providerARNs: [`arn:aws:cognito-idp:us-east-1:123456789012:userpool/${POOL}`], identitySource: 'method.request.header.Authorization', ...fields };
}

function cognitoState(token: string | undefined, fields: { authorizer?: Partial<AuthorizerDefinition>; scopes?: string[]; now?: number } = {}) {
  const definition = api({ authorizers: { pool: cognitoAuthorizer(fields.authorizer) } }, [method({ authorizationType: 'COGNITO_USER_POOLS', authorizer: 'pool', authorizationScopes: fields.scopes ?? null })]);
  return routedState({ api: definition, headers: token === undefined ? {} : { Authorization: token }, now: fields.now ?? NOW });
}

describe('Cognito user pool authorizer (pipeline.md §4.6)', () => {
  it('AWS: claims reach $context.authorizer.claims with every value a string, exp/iat as Java Date.toString() in UTC (O17)', async () => {
    const state = cognitoState(jwt(idClaims({ 'cognito:groups': ['admins', 'users'], address: { formatted: 'x' }, score: 1.5 })));
    expect(await authorize(state)).toBeUndefined();
    expect(state.context.authorizer).toEqual({
      claims: {
        sub: '6527a55d-5498-428b-a997-8213981c70cd',
        aud: 'client-abc',
        email_verified: 'false',
        token_use: 'id',
        auth_time: '1614944416',
        iss: ISSUER,
        'cognito:username': 'alice',
        exp: 'Fri Mar 05 12:40:16 UTC 2021',
        iat: 'Fri Mar 05 11:40:16 UTC 2021',
        email: 'alice@example.com',
        'cognito:groups': 'admins,users',
        address: '{"formatted":"x"}',
        score: '1.5',
      },
    });
    expect(state.context.authorizer).not.toHaveProperty('principalId');
  });

  it('the signature is not verified offline: a warning (once) and an execution-log line say so', async () => {
    const state = cognitoState(jwt(idClaims()));
    await authorize(state);
    expect(state.warnings.filter((w) => w === SIGNATURE_WARNING)).toHaveLength(1);
    expect(messages(state)).toContain(SIGNATURE_WARNING);
  });

  it('AWS: a missing token answers 401', async () => {
    expect(await authorize(cognitoState(undefined))).toMatchObject({ type: 'UNAUTHORIZED', message: 'Unauthorized' });
  });

  it.each(['not-a-jwt', 'a.b', 'e30.e30', '!!!.e30.sig', `Bearer ${jwt(idClaims())}`, `${b64url([1])}.${b64url({})}.s`])('AWS: a malformed token (%s) answers 401', async (token) => {
    expect(await authorize(cognitoState(token))).toMatchObject({ type: 'UNAUTHORIZED' });
  });

  it('AWS: an expired token answers 401 (exp against the injected clock)', async () => {
    const token = jwt(idClaims());
    expect(await authorize(cognitoState(token, { now: (AUTH_TIME + 3599) * 1000 }))).toBeUndefined();
    const error = await authorize(cognitoState(token, { now: (AUTH_TIME + 3600) * 1000 }));
    expect(error).toMatchObject({ type: 'UNAUTHORIZED' });
    expect(error!.diagnostic).toContain('expired');
  });

  it('a token without exp answers 401', async () => {
    const claims = idClaims();
    delete (claims as Record<string, unknown>).exp;
    expect(await authorize(cognitoState(jwt(claims)))).toMatchObject({ type: 'UNAUTHORIZED' });
  });

  it('a token of another pool (wrong issuer) answers 401', async () => {
    const error = await authorize(cognitoState(jwt(idClaims({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' }))));
    expect(error).toMatchObject({ type: 'UNAUTHORIZED' });
    expect(error!.diagnostic).toContain('issuer');
  });

  it('providerARNs that name no readable pool skip the issuer check, with a warning', async () => {
    const state = cognitoState(jwt(idClaims({ iss: 'https://elsewhere' })), { authorizer: { providerARNs: ['${UserPool.Arn}'] } });
    expect(await authorize(state)).toBeUndefined();
    expect(state.warnings.join('\n')).toContain('issuer was not checked');
  });

  it('audiences: an ID token aud must be one of them', async () => {
    expect(await authorize(cognitoState(jwt(idClaims()), { authorizer: { audiences: ['client-abc'] } }))).toBeUndefined();
    expect(await authorize(cognitoState(jwt(idClaims()), { authorizer: { audiences: ['client-xyz'] } }))).toMatchObject({ type: 'UNAUTHORIZED' });
  });

  it('AWS: a method without authorizationScopes takes an ID token: an access token answers 401', async () => {
    expect(await authorize(cognitoState(jwt(accessClaims())))).toMatchObject({ type: 'UNAUTHORIZED' });
  });

  it('AWS: a method with scopes takes an access token claiming one of them', async () => {
    const state = cognitoState(jwt(accessClaims()), { scopes: ['email', 'profile'] });
    expect(await authorize(state)).toBeUndefined();
    expect((state.context.authorizer as any).claims.scope).toBe('openid email');
  });

  it('AWS: a scope mismatch answers 401, not 403', async () => {
    expect(await authorize(cognitoState(jwt(accessClaims({ scope: 'openid' })), { scopes: ['admin'] }))).toMatchObject({ type: 'UNAUTHORIZED', message: 'Unauthorized' });
    expect(await authorize(cognitoState(jwt(idClaims()), { scopes: ['email'] }))).toMatchObject({ type: 'UNAUTHORIZED' });
  });

  it('audiences: an access token client_id must be one of them', async () => {
    expect(await authorize(cognitoState(jwt(accessClaims()), { scopes: ['email'], authorizer: { audiences: ['client-abc'] } }))).toBeUndefined();
    expect(await authorize(cognitoState(jwt(accessClaims({ client_id: 'x' })), { scopes: ['email'], authorizer: { audiences: ['client-abc'] } }))).toMatchObject({ type: 'UNAUTHORIZED' });
  });

  it('identityValidationExpression applies to Cognito tokens too', async () => {
    expect(await authorize(cognitoState(jwt(idClaims()), { authorizer: { identityValidationExpression: '^x$' } }))).toMatchObject({ type: 'UNAUTHORIZED' });
  });

  it('hostile claims (an exp far outside Date\'s range) end in a typed outcome', async () => {
    expect(await authorize(cognitoState(jwt(idClaims({ exp: -1e300 }))))).toMatchObject({ type: 'UNAUTHORIZED' });
    const state = cognitoState(jwt(idClaims({ exp: 1e300 })));
    expect(await authorize(state)).toBeUndefined();
    expect((state.context.authorizer as any).claims.exp).toBe('1.0E300');
  });
});
