import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../../src/model/index.js';
import { authorize } from '../../../src/pipeline/authorizers/index.js';
import { checkResourcePolicy } from '../../../src/pipeline/authorizers/resource-policy.js';
import { ACCOUNT, API_ID, api, method, policyAnswer, recording, routedState } from './state.js';

const MASKED = `arn:aws:execute-api:us-east-1:********9012:${API_ID}/prod/GET/pets/42`;
const ALL = `arn:aws:execute-api:us-east-1:${ACCOUNT}:${API_ID}/*`;

const allow = (Resource: string, extra: object = {}) => ({ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource, ...extra });
const deny = (Resource: string, extra: object = {}) => ({ Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource, ...extra });

function stateWith(policy: PolicyDocument, authorizationType: 'NONE' | 'CUSTOM' | 'AWS_IAM' | 'COGNITO_USER_POOLS' = 'NONE', fields: Parameters<typeof routedState>[0] = {}) {
  return routedState({ api: api({ policy }, [method({ authorizationType })]), ...fields });
}

describe('resource policy: before the authorizer (pipeline.md §1, §4.4)', () => {
  it('AWS: an explicit Deny matching the method ARN denies at once with the masked-account body (O4 + explicit deny)', () => {
    const error = checkResourcePolicy(stateWith({ Statement: [allow(ALL), deny(`arn:aws:execute-api:*:*:${API_ID}/prod/GET/*`)] }, 'CUSTOM'), 'before-authorizer');
    expect(error).toMatchObject({ type: 'ACCESS_DENIED', stage: 'resource-policy' });
    expect(error!.body).toBe(`{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${MASKED} with an explicit deny"}`);
  });

  it('no Deny: the request goes on to the authorizer (an implicit deny is decided after it)', () => {
    expect(checkResourcePolicy(stateWith({ Statement: [allow(`arn:aws:execute-api:*:*:other/*`)] }, 'CUSTOM'), 'before-authorizer')).toBeUndefined();
  });

  it('no resource policy: nothing to check', () => {
    expect(checkResourcePolicy(routedState(), 'before-authorizer')).toBeUndefined();
    expect(checkResourcePolicy(routedState(), 'after-authorizer')).toBeUndefined();
  });

  it('IP allowlists: a Deny for addresses outside the list stops other callers', () => {
    const policy = { Statement: [allow(ALL), deny(ALL, { Condition: { NotIpAddress: { 'aws:SourceIp': ['198.51.100.0/24'] } } })] };
    expect(checkResourcePolicy(stateWith(policy), 'before-authorizer')).toMatchObject({ type: 'ACCESS_DENIED' });
    expect(checkResourcePolicy(stateWith(policy, 'NONE', { context: { identity: { sourceIp: '198.51.100.20' } } }), 'before-authorizer')).toBeUndefined();
  });
});

describe('resource policy: after the authorizer (DG Table A)', () => {
  it('AWS: with no authorizer the resource policy must explicitly allow; otherwise 403 without the explicit-deny suffix (O4)', () => {
    expect(checkResourcePolicy(stateWith({ Statement: [allow(ALL)] }), 'after-authorizer')).toBeUndefined();
    const error = checkResourcePolicy(stateWith({ Statement: [allow(`arn:aws:execute-api:*:*:${API_ID}/prod/POST/*`)] }), 'after-authorizer');
    expect(error!.body).toBe(`{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${MASKED}"}`);
  });

  it('DOC: with a Cognito authorizer the resource policy must explicitly allow', () => {
    expect(checkResourcePolicy(stateWith({ Statement: [allow(ALL)] }, 'COGNITO_USER_POOLS'), 'after-authorizer')).toBeUndefined();
    expect(checkResourcePolicy(stateWith({ Statement: [deny('arn:aws:execute-api:*:*:nothing/*')] }, 'COGNITO_USER_POOLS'), 'after-authorizer')).toMatchObject({ type: 'ACCESS_DENIED' });
  });

  it('DOC Table A: a Lambda authorizer Allow with a silent resource policy is allowed', async () => {
    const state = stateWith({ Statement: [allow('arn:aws:execute-api:*:*:other/*')] }, 'CUSTOM', { headers: { Authorization: 't' }, handlers: { 'auth-fn': () => policyAnswer('Allow', '*') } });
    expect(checkResourcePolicy(state, 'before-authorizer')).toBeUndefined();
    expect(await authorize(state)).toBeUndefined();
    expect(checkResourcePolicy(state, 'after-authorizer')).toBeUndefined();
  });

  it('DOC Table A: a Lambda authorizer implicit deny is lifted by a resource policy Allow', async () => {
    const fn = recording(() => policyAnswer('Allow', 'arn:aws:execute-api:*:*:other/*'));
    const state = stateWith({ Statement: [allow(ALL)] }, 'CUSTOM', { headers: { Authorization: 't' }, handlers: { 'auth-fn': fn } });
    expect(await authorize(state)).toBeUndefined();
    expect(state.context.authorizer).toEqual({ principalId: 'user-1234567' });
  });

  it('DOC Table A: neither allows → the authorizer\'s implicit deny', async () => {
    const state = stateWith({ Statement: [allow('arn:aws:execute-api:*:*:other/*')] }, 'CUSTOM', { headers: { Authorization: 't' }, handlers: { 'auth-fn': () => policyAnswer('Allow', 'arn:aws:execute-api:*:*:x/*') } });
    expect(await authorize(state)).toMatchObject({ type: 'ACCESS_DENIED', message: 'User is not authorized to access this resource' });
  });

  it('DOC Table A: an authorizer Deny is not lifted by a resource policy Allow', async () => {
    const state = stateWith({ Statement: [allow(ALL)] }, 'CUSTOM', { headers: { Authorization: 't' }, handlers: { 'auth-fn': () => policyAnswer('Deny', '*') } });
    expect(await authorize(state)).toMatchObject({ type: 'ACCESS_DENIED', message: expect.stringContaining('explicit deny') });
  });

  it('AWS_IAM, same account: allowed unless the resource policy denies; the denial names the user ARN', async () => {
    const silent = stateWith({ Statement: [allow('arn:aws:execute-api:*:*:other/*')] }, 'AWS_IAM');
    await authorize(silent);
    expect(checkResourcePolicy(silent, 'after-authorizer')).toBeUndefined();
    const denied = stateWith({ Statement: [{ Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: '*', Resource: '*' }] }, 'AWS_IAM');
    expect(checkResourcePolicy(denied, 'before-authorizer')).toBeUndefined();
    await authorize(denied);
    expect(checkResourcePolicy(denied, 'after-authorizer')!.message).toBe(`User: arn:aws:iam::${ACCOUNT}:user/apigw-vtl-offline is not authorized to perform: execute-api:Invoke on resource: ${MASKED} with an explicit deny`);
  });

  it('DOC Table B: an IAM caller of another account needs an explicit Allow', async () => {
    const options = { iam: { identity: { accountId: '999988887777', userArn: 'arn:aws:iam::999988887777:user/eve' } } };
    const silent = stateWith({ Statement: [allow('arn:aws:execute-api:*:*:other/*')] }, 'AWS_IAM', { options });
    await authorize(silent);
    expect(checkResourcePolicy(silent, 'after-authorizer')).toMatchObject({ type: 'ACCESS_DENIED', message: expect.stringContaining('User: arn:aws:iam::999988887777:user/eve') });
    const allowed = stateWith({ Statement: [{ ...allow(ALL), Principal: { AWS: ['999988887777'] } }] }, 'AWS_IAM', { options });
    await authorize(allowed);
    expect(checkResourcePolicy(allowed, 'after-authorizer')).toBeUndefined();
  });

  it('a Service principal never matches an offline caller (noted)', () => {
    const state = stateWith({ Statement: [{ ...allow(ALL), Principal: { Service: 'lambda.amazonaws.com' } }] });
    expect(checkResourcePolicy(state, 'after-authorizer')).toMatchObject({ type: 'ACCESS_DENIED' });
    expect(state.warnings.join('\n')).toContain('Service principal');
  });

  it('a private API policy (deny unless from a VPC endpoint) admits offline requests, with a warning', () => {
    const policy = { Statement: [deny(ALL, { Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }), allow(ALL)] };
    const state = stateWith(policy);
    expect(checkResourcePolicy(state, 'before-authorizer')).toBeUndefined();
    expect(checkResourcePolicy(state, 'after-authorizer')).toBeUndefined();
    expect(state.warnings.join('\n')).toContain('aws:SourceVpce');
  });

  it('unreadable statements are skipped with a warning', () => {
    const state = stateWith({ Statement: [{ Effect: 'Allow' } as never, allow(ALL)] });
    expect(checkResourcePolicy(state, 'after-authorizer')).toBeUndefined();
    expect(state.warnings.join('\n')).toContain('ignored');
  });
});
